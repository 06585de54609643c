"""Per-source mapping of venue rows onto a common draft record (before location and validation).

Each adapter takes one raw row (a dict, as read from the file) and returns a draft dict, or None
when the row belongs to another région (national files). Fields not in a source stay empty;
originals stay in `raw`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..shared import vocab
from ..shared.config import REGION
from ..shared.week import DAYS, FRENCH_DAYS
from .departements import code_of
from .hours import from_day_texts, from_osm

# France Services sites help with administrative procedures and give access to computers (France
# Services
# charter); Aidants Connect structures carry out online procedures on a person's behalf.
FRANCE_SERVICES_OFFER = [vocab.S_ADMIN, vocab.S_ACCES]
AIDANTS_CONNECT_OFFER = [vocab.S_ADMIN]


def text(value) -> str:
    """A cell as stripped text ('' for None / NaN)."""
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return str(value).strip()


def identifier(value) -> str:
    """A record's identifier as text; digits that a spreadsheet grouped with (narrow) no-break spaces
    (« 34\u202f010\u202f059 ») are read back as the identifier they stand for (« 34010059 »)."""
    raw = text(value)
    digits = re.sub(r"[\s\u202f\u00a0]", "", raw)
    return digits if digits.isdigit() else raw


def join(*parts) -> str:
    return " ".join(p for p in (text(x) for x in parts) if p)


def siret(value) -> str | None:
    """A real 14-digit SIRET (or 9-digit SIREN), else None (placeholders such as all zeros or « 1 »)."""
    digits = re.sub(r"\D", "", text(value))
    if len(digits) not in (9, 14) or set(digits) == {"0"}:
        return None
    return digits


def _dep_of_postcode(cp: str) -> str:
    cp = re.sub(r"\s", "", cp)
    return cp.zfill(5)[:2] if cp.isdigit() and len(cp) in (4, 5) else ""


def _split(value, sep=";") -> list[str]:
    return [v.strip() for v in text(value).split(sep) if v.strip()]


def _draft(**fields) -> dict:
    base = {
        "source_id": "",
        "nom": "",
        "adresse": "",
        "code_postal": "",
        "code_insee": "",
        "commune": "",
        "departement": "",
        "latitude": None,
        "longitude": None,
        "services": [],
        "publics": [],
        "labels": [],
        "unknown_terms": [],
        "hours": from_osm(None),
        "date_text": "",
        "siret": None,
        "telephone": "",
        "courriel": "",
        "site_web": "",
        "type_lieu": "",
        "itinerant": False,
        "geocode_level": None,
    }
    base.update(fields)
    return base


def ban_level(row: dict) -> str | None:
    """What RhinOcc's geocoding (Base Adresse Nationale) matched: a street number, a street, or the town."""
    matched, city = text(row.get("BAN_adress")), text(row.get("BAN_city"))
    if not matched:
        return None
    if vocab.fold(matched) == vocab.fold(city):
        return "municipality"
    return "housenumber" if matched[0].isdigit() else "street"


def rhinocc(row: dict) -> dict | None:
    services, unknown_s = vocab.map_terms(
        vocab.split_codes(row.get("codes_types_mediations"))
        + [text(row.get(f"type_mediation_{i}")) for i in range(1, 6)],
        vocab.RHINOCC_SERVICES,
        key=vocab.rhinocc_code_key,
    )
    publics, _ = vocab.map_terms(
        vocab.split_codes(row.get("codes_publics"))
        + vocab.split_codes(row.get("public_toutes_actions")),
        vocab.RHINOCC_PUBLICS,
        key=vocab.rhinocc_code_key,
    )
    labels, unknown_l = vocab.map_terms(
        vocab.split_codes(row.get("code_label")), vocab.RHINOCC_LABELS, key=vocab.rhinocc_code_key
    )
    days = {d: row.get(fr) for d, fr in zip(DAYS, FRENCH_DAYS, strict=True)}
    return _draft(
        source_id=text(row.get("n_ref")),
        nom=text(row.get("nom")),
        adresse=join(row.get("adresse"), row.get("adresse_suite")),
        code_postal=text(row.get("code_postal")),
        code_insee=text(row.get("code_commune")),
        commune=text(row.get("ville")) or text(row.get("BAN_city")),
        departement=text(row.get("departement")),
        latitude=text(row.get("lat")) or text(row.get("BAN_latitude")),
        longitude=text(row.get("lon")) or text(row.get("BAN_longitude")),
        services=services,
        publics=publics,
        labels=labels,
        unknown_terms=unknown_s + unknown_l,
        hours=from_day_texts(days),
        date_text=text(row.get("date_maj")),
        telephone=text(row.get("tel_structure")),
        courriel=text(row.get("email_structure")),
        site_web=text(row.get("site_internet")),
        type_lieu=text(row.get("type_lieu")),
        itinerant="itinérant" in text(row.get("type_lieu")).lower(),
        geocode_level=ban_level(row),
    )


def france_services(row: dict) -> dict | None:
    dep = text(row.get("insee_dep")).zfill(2)
    if dep not in REGION.departements:
        return None
    days = {d: row.get(f"h_{fr}") for d, fr in zip(DAYS, FRENCH_DAYS, strict=True)}
    mobile = (
        text(row.get("format_fs")) in ("Itinérante", "Bus_équivalent")
        or text(row.get("itinerance")) == "Oui"
    )
    return _draft(
        source_id=identifier(row.get("id_fs")),
        nom=text(row.get("lib_fs")),
        adresse=join(row.get("adresse"), row.get("complement_adresse")),
        code_postal=text(row.get("code_postal")),
        code_insee=text(row.get("insee_com")),
        commune=text(row.get("lib_com")),
        departement=dep,
        latitude=text(row.get("latitude")),
        longitude=text(row.get("longitude")),
        services=list(FRANCE_SERVICES_OFFER),
        publics=[vocab.P_TOUT_PUBLIC],
        labels=[vocab.L_FRANCE_SERVICES],
        hours=from_day_texts(days),
        telephone=text(row.get("telephone")),
        courriel=text(row.get("mail")),
        type_lieu="France Services",
        itinerant=mobile,
    )


def _v01(row: dict, dep: str) -> dict:
    services, unknown = vocab.map_terms(_split(row.get("services")), vocab.V01_SERVICES)
    publics, _ = vocab.map_terms(_split(row.get("publics_accueillis")), vocab.V01_PUBLICS)
    labels, _ = vocab.map_terms(_split(row.get("labels_nationaux")), vocab.V01_LABELS)
    return _draft(
        source_id=text(row.get("id")),
        nom=text(row.get("nom")),
        adresse=join(row.get("adresse"), row.get("complement_adresse")),
        code_postal=text(row.get("code_postal")),
        code_insee=text(row.get("code_insee")),
        commune=text(row.get("commune")),
        departement=dep,
        latitude=row.get("latitude"),
        longitude=row.get("longitude"),
        services=services,
        publics=publics,
        labels=labels,
        unknown_terms=unknown,
        hours=from_osm(text(row.get("horaires")) or None),
        date_text=text(row.get("date_maj")),
        siret=siret(row.get("pivot")),
        telephone=text(row.get("telephone")),
        courriel=text(row.get("courriel")),
        site_web=text(row.get("site_web")),
        type_lieu=text(row.get("typologie")),
    )


def cnfs(row: dict) -> dict | None:
    dep = _dep_of_postcode(text(row.get("code_postal")))
    if dep not in REGION.departements:
        return None
    return _v01(row, dep)


def data_inclusion(row: dict) -> dict | None:
    dep = text(row.get("code_insee"))[:2] or _dep_of_postcode(text(row.get("code_postal")))
    if dep not in REGION.departements:
        return None
    return _v01(row, dep)


def aidants_connect(row: dict) -> dict | None:
    dep = code_of(text(row.get("Département")))
    region = text(row.get("Région"))
    # The département decides; the région's name only when the département is not recognised.
    if dep and dep not in REGION.departements:
        return None
    if not dep and region and vocab.fold(region) != vocab.fold(REGION.name):
        return None
    return _draft(
        source_id=identifier(row.get("Data pass ID")),
        nom=text(row.get("Name")),
        adresse=text(row.get("Adresse")),
        code_postal=text(row.get("Code postal")),
        commune=text(row.get("commune")),
        departement=dep,
        services=list(AIDANTS_CONNECT_OFFER),
        labels=[vocab.L_AIDANTS_CONNECT],
        date_text=text(row.get("date_maj")),
        siret=siret(row.get("SIRET")),
    )


ADAPTERS: dict[str, Callable[[dict], dict | None]] = {
    "rhinocc": rhinocc,
    "france_services_2024": france_services,
    "france_services_2022": france_services,
    "cnfs": cnfs,
    "data_inclusion": data_inclusion,
    "aidants_connect": aidants_connect,
}
