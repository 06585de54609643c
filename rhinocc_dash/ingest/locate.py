"""Validate a draft venue record, place it and attach its 2026 commune; or say why it is quarantined.

Location precision says what the position really is: `address` (a street number, or the source's own
coordinates), `street` (a geocoder matched the street only), `commune` (the town, or a point set aside
and replaced by its commune) or `postcode` (placed from its postcode alone). Every point is checked against
its commune code, its postcode's communes and its declared département; disagreements are flagged, and a
record that every key places outside the région is quarantined.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import numpy as np

from ..shared.config import REGION
from . import places
from .dates import parse_date
from .territory import Territory

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
# What a geocoder's answer covers, for sources that say it (RhinOcc's BAN columns).
# No directory of digital-help places existed before; an earlier update date is a typing error.
EARLIEST_UPDATE_YEAR = 1990
GEOCODE_PRECISION = {"housenumber": "address", "street": "street", "municipality": "commune"}


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
    flags.append("point_hors_region")
    return None, None


def normalise_code(raw: str, width: int, flags: list[str], flag: str) -> str:
    """Digits of a code, left-padded when a spreadsheet dropped the leading zero (« 9122 » → « 09122 »)."""
    code = re.sub(r"\s", "", raw or "")
    if code.isdigit() and len(code) == width - 1:
        flags.append(flag)
        return code.zfill(width)
    return code


def _outside_everywhere(draft: dict, given_raw: str, given: str | None, flags: list[str]) -> bool:
    """True when the record's own keys agree that it lies outside the région: its INSEE code, its point
    and the postcodes it writes (field or address), at least two of them, and no valid INSEE code inside."""
    if given is not None:
        return False
    votes = [
        places.outside_region(given_raw),
        "point_hors_region" in flags,
        places.outside_region(re.sub(r"\s", "", draft["code_postal"] or "")),
        any(places.outside_region(cp) for cp in places.postcodes_in(draft["adresse"])),
    ]
    return sum(votes) >= 2


def _commune_from_postcode(draft: dict, postcode: str, territory: Territory, flags: list[str]):
    """(code, method) from the postcode, the name and the address; the fallback is flagged."""
    # Street names often carry a town's name (« avenue de Toulouse »): the address counts only after its
    # postcode (« … 31390 CARBONNE »).
    texts = (draft["commune"], draft["nom"], places.after_postcode(draft["adresse"]))
    candidates = territory.postcode_communes(postcode)
    named = places.pick_named(candidates, territory, *texts)
    if named:
        return named, "postcode"
    departement = draft["departement"] or postcode[:2]
    elsewhere = places.commune_named(territory, departement, *texts)
    if elsewhere:
        flags.append("commune_deduite_du_nom")
        if candidates:
            flags.append("code_postal_incoherent")
        return elsewhere, "commune-name"
    if candidates:
        if len(candidates) > 1:
            flags.append("commune_par_defaut")
        return max(candidates, key=lambda c: territory.populations[c]), "postcode"
    return None, None


def _check_point(
    draft: dict, code: str | None, pip: str, postcode: str, territory: Territory, flags: list[str]
) -> tuple[str, bool]:
    """(commune, keep the point) for a point inside `pip`, given the declared code and postcode."""
    declared = code or places.pick_named(
        territory.postcode_communes(postcode), territory, draft["commune"]
    )
    if declared and pip != declared:
        flags.append("point_hors_commune_declaree")
    serving = territory.postcode_communes(postcode)
    if serving and pip not in serving:
        if declared and pip != declared and declared in serving:
            # The point contradicts both the commune and the postcode: the geocoder went astray.
            flags.append("point_hors_code_postal")
            return declared, False
        flags.append("code_postal_incoherent" if pip == declared else "point_hors_code_postal")
    return (code or pip), True


def locate(draft: dict, territory: Territory) -> dict:
    """Accepted record fields (location, commune, dates, flags) from a draft; raises Rejected."""
    flags: list[str] = []
    if not draft["nom"]:
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
    postcode = normalise_code(draft["code_postal"], 5, flags, "code_postal_complete")

    precision = GEOCODE_PRECISION.get(draft.get("geocode_level") or "housenumber", "address")
    if lat is not None:
        pip = territory.communes_at(np.array([lon]), np.array([lat]))[0]
        if pip is None:
            flags.append("point_hors_region")
            lat = lon = None
        else:
            located, keep = _check_point(draft, code, pip, postcode, territory, flags)
            if territory.commune(pip)["departement"] != (draft["departement"] or pip[:2]):
                flags.append("point_hors_departement_declare")
            if keep:
                method = method or "point-in-polygon"
            else:
                lat = lon = None
                method = "given" if code else "declared-name"
            code = located
    if _outside_everywhere(draft, given_raw, code if method == "given" else None, flags):
        raise Rejected(
            "hors_region",
            f"Lieu situé hors de la région {REGION.name} : son code commune, son point ou les codes "
            "postaux qu'il écrit le placent ailleurs",
        )
    if code is None:
        code, method = _commune_from_postcode(draft, postcode, territory, flags)
    if code is None:
        if "point_hors_region" in flags:
            raise Rejected(
                "hors_region",
                f"Lieu situé hors de la région {REGION.name}, sans commune de la région",
            )
        raise Rejected(
            "localisation_impossible",
            f"Ni coordonnées valides, ni code commune valide, ni code postal de la région {REGION.name}",
        )
    commune = territory.commune(code)
    if lat is None:
        lat, lon = float(commune["latitude"]), float(commune["longitude"])
        precision = "postcode" if method == "postcode" else "commune"
    if draft["departement"] and draft["departement"] != commune["departement"]:
        flags.append("departement_declare_different")
    return {
        "latitude": round(lat, 6),
        "longitude": round(lon, 6),
        "location_precision": precision,
        "code_insee": code,
        "commune_method": method,
        "commune": commune["nom"],
        "departement": commune["departement"],
        "code_postal": postcode if re.fullmatch(r"\d{5}", postcode) else "",
        **_dates(draft, flags),
        "flags": sorted(set(flags + _content_flags(draft))),
    }


def _dates(draft: dict, flags: list[str]) -> dict:
    date_maj, date_precision = parse_date(draft["date_text"])
    if draft["date_text"] and date_maj is None:
        flags.append("date_illisible")
    elif date_maj is not None and date_maj > dt.date.today():
        # A date still to come cannot be a last update: kept out, so the lieu does not look fresh.
        flags.append("date_future")
        date_maj = date_precision = None
    elif date_maj is not None and date_maj.year < EARLIEST_UPDATE_YEAR:
        flags.append("date_improbable")
        date_maj = date_precision = None
    elif not draft["date_text"] and draft.get("edition_date"):
        date_maj, date_precision = parse_date(draft["edition_date"])
        date_precision = "edition"
        flags.append("date_edition_liste")
    elif not draft["date_text"]:
        flags.append("date_maj_manquante")
    return {"date_maj": date_maj, "date_maj_precision": date_precision}


def _content_flags(draft: dict) -> list[str]:
    flags = []
    hours = draft["hours"]
    if hours.status == "unparsed":
        flags.append("horaires_non_reconnus")
    elif hours.status == "partial":
        flags.append("horaires_partiels")
    if draft["unknown_terms"]:
        flags.append("vocabulaire_non_reconnu")
    return flags
