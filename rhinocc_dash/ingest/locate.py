"""Validate a draft venue record, place it and attach its 2026 commune; or say why it is quarantined."""

from __future__ import annotations

import math
import re

import numpy as np

from ..config import REGION
from ..vocab import fold
from .dates import parse_date
from .territory import Territory

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


class Rejected(Exception):
    """A row that cannot be accepted; `code` is stable, `reason` is shown to users (French)."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code, self.reason = code, reason


def _number(value) -> float | None | str:
    """A float, None when empty, or the marker 'bad' when the cell is not a finite number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        return "bad"
    return number if math.isfinite(number) else "bad"


def in_bbox(lon: float, lat: float) -> bool:
    west, south, east, north = REGION.bbox
    return west <= lon <= east and south <= lat <= north


def clean_coordinates(lat_raw, lon_raw, flags: list[str]) -> tuple[float | None, float | None]:
    """Checked (lat, lon): non-numeric dropped, swapped pairs put right, points far outside the région dropped."""
    lat, lon = _number(lat_raw), _number(lon_raw)
    if lat == "bad" or lon == "bad":
        flags.append("coordonnees_non_numeriques")
        return None, None
    if lat is None or lon is None:
        return None, None
    if in_bbox(lon, lat):
        return lat, lon
    if in_bbox(lat, lon):
        flags.append("coordonnees_inversees")
        return lon, lat
    flags.append("point_hors_occitanie")
    return None, None


def normalise_code(raw: str, width: int, flags: list[str], flag: str) -> str:
    """Digits of a code, left-padded when a spreadsheet dropped the leading zero (« 9122 » → « 09122 »)."""
    code = re.sub(r"\s", "", raw or "")
    if code.isdigit() and len(code) == width - 1:
        flags.append(flag)
        return code.zfill(width)
    return code


def _pick_by_name(candidates: list[str], territory: Territory, *texts: str) -> str | None:
    haystack = " ".join(fold(t).replace("-", " ") for t in texts if t)
    named = [
        c for c in candidates if fold(territory.commune(c)["nom"]).replace("-", " ") in haystack
    ]
    return max(named, key=lambda c: len(territory.commune(c)["nom"])) if named else None


def _commune_by_name(territory: Territory, departement: str, *texts: str) -> str | None:
    """A commune of `departement` named in the texts (CEDEX postcodes are on no commune list)."""
    same_dep = territory.communes[territory.communes["departement"] == departement]
    haystack = " " + " ".join(re.sub(r"[^a-z0-9]+", " ", fold(t)) for t in texts if t) + " "
    named = [
        (len(n), c)
        for c, n in zip(same_dep["code_insee"], same_dep["nom"], strict=True)
        if len(n) >= 4 and f" {re.sub(r'[^a-z0-9]+', ' ', fold(n)).strip()} " in haystack
    ]
    return max(named)[1] if named else None


def locate(draft: dict, territory: Territory) -> dict:
    """Accepted record fields (location, commune, dates, flags) from a draft; raises Rejected."""
    flags: list[str] = []
    nom = draft["nom"]
    if not nom:
        raise Rejected("nom_manquant", "Nom du lieu manquant")
    if any(HTML_TAG.search(draft[k] or "") for k in ("nom", "adresse", "commune")):
        flags.append("html_dans_le_texte")
    lat, lon = clean_coordinates(draft["latitude"], draft["longitude"], flags)

    given_raw = normalise_code(draft["code_insee"], 5, flags, "code_insee_complete")
    code = territory.current_code(given_raw)
    method = "given" if code else None
    if given_raw and not code:
        flags.append("code_insee_invalide")
    elif code and code != given_raw:
        flags.append("code_insee_ancien")

    if lat is not None:
        pip_code = territory.communes_at(np.array([lon]), np.array([lat]))[0]
        if pip_code is None:
            flags.append("point_hors_occitanie")
            lat = lon = None
        elif code is None:
            code, method = pip_code, "point-in-polygon"
        elif pip_code != code:
            flags.append("point_hors_commune_declaree")
            if territory.commune(pip_code)["departement"] != territory.commune(code)["departement"]:
                flags.append("point_hors_departement_declare")

    postcode = normalise_code(draft["code_postal"], 5, flags, "code_postal_complete")
    if code is None:
        candidates = territory.by_postcode.get(postcode, [])
        if candidates:
            named = _pick_by_name(candidates, territory, draft["commune"], draft["adresse"], nom)
            if named is None and len(candidates) > 1:
                flags.append("commune_incertaine")
            code = named or max(candidates, key=lambda c: territory.commune(c)["population"])
            method = "postcode"
        else:
            code = _commune_by_name(
                territory,
                draft["departement"] or postcode[:2],
                draft["commune"],
                draft["adresse"],
                nom,
            )
            method = "commune-name" if code else None
            if code:
                flags.append("commune_deduite_du_nom")
    if code is None:
        if "point_hors_occitanie" in flags:
            raise Rejected(
                "hors_occitanie", "Lieu situé hors d'Occitanie et sans commune d'Occitanie"
            )
        raise Rejected(
            "localisation_impossible",
            "Ni coordonnées valides, ni code commune valide, ni code postal d'Occitanie",
        )

    commune = territory.commune(code)
    if lat is not None:
        precision = "address"
    else:
        lat, lon = float(commune["latitude"]), float(commune["longitude"])
        precision = "postcode" if method == "postcode" else "commune"
    if draft["departement"] and draft["departement"] != commune["departement"]:
        flags.append("departement_declare_different")

    date_maj, date_precision = parse_date(draft["date_text"])
    if draft["date_text"] and date_maj is None:
        flags.append("date_illisible")
    elif not draft["date_text"] and draft.get("edition_date"):
        date_maj, date_precision = parse_date(draft["edition_date"])
        date_precision = "edition"
        flags.append("date_edition_liste")
    elif not draft["date_text"]:
        flags.append("date_maj_manquante")
    hours = draft["hours"]
    if hours.status == "unparsed":
        flags.append("horaires_non_reconnus")
    elif hours.status == "partial":
        flags.append("horaires_partiels")
    if draft["unknown_terms"]:
        flags.append("vocabulaire_non_reconnu")
    return {
        "latitude": round(lat, 6),
        "longitude": round(lon, 6),
        "location_precision": precision,
        "code_insee": code,
        "commune_method": method,
        "commune": commune["nom"],
        "departement": commune["departement"],
        "code_postal": postcode if re.fullmatch(r"\d{5}", postcode) else "",
        "date_maj": date_maj,
        "date_maj_precision": date_precision,
        "flags": sorted(set(flags)),
    }
