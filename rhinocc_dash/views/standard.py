"""Export lieux in the national data standard « lieux de médiation numérique » v1.0.2.

Multi-valued fields are joined with « | » as the standard asks. A lieu that lacks a field the standard
requires (address, last-update date) is not exported in this format: it is listed with the reason instead,
never filled with an invented value. Unknown SIRET: the standard's own placeholder « 00000000000000 ».
"""

from __future__ import annotations

import json
import re

import pandas as pd

from ..shared import vocab
from .exports import safe_frame

FIELDS = (
    "id",
    "pivot",
    "nom",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "latitude",
    "longitude",
    "typologie",
    "telephone",
    "courriels",
    "site_web",
    "horaires",
    "presentation_resume",
    "presentation_detail",
    "source",
    "itinerance",
    "structure_parente",
    "date_maj",
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "dispositif_programmes_nationaux",
    "formations_labels",
    "autres_formations_labels",
    "modalites_acces",
    "modalites_accompagnement",
    "fiche_acces_libre",
    "prise_rdv",
)
UNKNOWN_PIVOT = "00000000000000"
STANDARD_PUBLICS = {
    vocab.P_JEUNES,
    vocab.P_ETUDIANTS,
    vocab.P_FAMILLES,
    vocab.P_SENIORS,
    vocab.P_FEMMES,
}
NATIONAL_PROGRAMMES = {vocab.L_FRANCE_SERVICES, vocab.L_CNFS, vocab.L_AIDANTS_CONNECT}
REASONS = {
    "adresse": "adresse manquante",
    "date_maj": "date de mise à jour manquante",
    "code_postal": "code postal inconnu",
}


def phone(value: str | None) -> str:
    """+33 form of a French number (« 05 34 09 20 09 » → « +33534092009 »); '' when not a French number."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("33") and len(digits) == 11:
        return "+" + digits
    if digits.startswith("0") and len(digits) == 10:
        return "+33" + digits[1:]
    return ""


def _join(values) -> str:
    return "|".join(values) if values is not None else ""


def to_standard(
    lieux: pd.DataFrame, postcodes: dict[str, list[str]], siret_by_lieu: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows in the standard, lieux left out with their reason)."""
    rows, left_out = [], []
    for lieu in lieux.to_dict("records"):
        postcode = lieu.get("code_postal") or next(iter(postcodes.get(lieu["code_insee"], [])), "")
        missing = [
            REASONS[k]
            for k, v in (
                ("adresse", lieu.get("adresse")),
                ("date_maj", lieu.get("date_maj")),
                ("code_postal", postcode),
            )
            if v is None or v == "" or v != v
        ]
        if missing:
            left_out.append(
                {
                    "lieu_id": lieu["lieu_id"],
                    "nom": lieu["nom"],
                    "commune": lieu["commune"],
                    "raison": ", ".join(missing),
                }
            )
            continue
        labels = list(lieu.get("labels") if lieu.get("labels") is not None else [])
        rows.append(
            {
                "id": lieu["lieu_id"],
                "pivot": siret_by_lieu.get(lieu["lieu_id"], UNKNOWN_PIVOT),
                "nom": lieu["nom"],
                "commune": lieu["commune"],
                "code_postal": postcode,
                "code_insee": lieu["code_insee"],
                "adresse": lieu["adresse"],
                "latitude": lieu["latitude"],
                "longitude": lieu["longitude"],
                "telephone": phone(lieu.get("telephone")),
                "courriels": lieu.get("courriel") or "",
                "site_web": lieu.get("site_web") or "",
                "horaires": lieu.get("horaires") or "",
                "source": "rhinocc-dash (" + ", ".join(lieu["sources"]) + ")",
                "itinerance": "Itinérant" if lieu.get("itinerant") else "Fixe",
                "date_maj": pd.Timestamp(lieu["date_maj"]).date().isoformat(),
                "services": _join(lieu.get("services")),
                "publics_specifiquement_adresses": _join(
                    p for p in lieu.get("publics", []) if p in STANDARD_PUBLICS
                ),
                "dispositif_programmes_nationaux": _join(
                    x for x in labels if x in NATIONAL_PROGRAMMES
                ),
                "autres_formations_labels": _join(
                    x for x in labels if x not in NATIONAL_PROGRAMMES
                ),
            }
        )
    frame = pd.DataFrame(rows).reindex(columns=list(FIELDS)).astype(object)
    frame = frame.where(frame.notna(), "")
    return frame, pd.DataFrame(left_out, columns=["lieu_id", "nom", "commune", "raison"])


def to_standard_csv(frame: pd.DataFrame) -> bytes:
    """The standard's CSV: UTF-8, comma-separated, every field quoted; formula-like cells neutralised."""
    text = safe_frame(frame.astype(str).replace({"nan": ""})).to_csv(
        index=False, quoting=1, lineterminator="\n"
    )
    return text.encode("utf-8")


def to_standard_geojson(frame: pd.DataFrame) -> bytes:
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(r["longitude"]), float(r["latitude"])],
            },
            "properties": {k: v for k, v in r.items()},
        }
        for r in frame.to_dict("records")
    ]
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False, default=str
    ).encode("utf-8")
