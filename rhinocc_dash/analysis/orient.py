"""Orienter une personne: from a point and a need, the nearest lieux that match, open when the person
can go. Pure functions on the lieux and communes frames (no I/O); the opening hours are evaluated by
`orient_hours` (Europe/Paris local time, French public holidays).

A criterion is known-true, known-false or unknown for each lieu: a lieu is left out only when a
criterion is known to be false; one with an unknown criterion is ranked after the full matches and
marked « non renseigné », never hidden.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..shared import vocab
from .orient_hours import When, open_when

EARTH_RADIUS_KM = 6371.0088
RADII_KM = (10, 20, 30, 50)
MAX_RESULTS = 10
MIN_MATCHES = 3

# `besoin` in the URL: « faire » (faire à la place, Aidants Connect) or one service of the standard.
NEEDS = {
    "demarches": vocab.S_ADMIN,
    "outils": vocab.S_OUTILS,
    "emploi": vocab.S_INSERTION,
    "securite": vocab.S_SECURITE,
    "parentalite": vocab.S_PARENTALITE,
    "loisirs": vocab.S_LOISIRS,
    "comprendre": vocab.S_COMPREHENSION,
    "acces": vocab.S_ACCES,
    "materiel": vocab.S_MATERIEL,
}
DO_FOR = "faire"
PUBLICS = {
    "jeunes": vocab.P_JEUNES,
    "etudiants": vocab.P_ETUDIANTS,
    "familles": vocab.P_FAMILLES,
    "seniors": vocab.P_SENIORS,
    "femmes": vocab.P_FEMMES,
    "emploi": vocab.P_DEMANDEURS_EMPLOI,
    "etrangers": vocab.P_ETRANGERS,
}
# `prise_en_charge_specifique` of the national standard.
SPECIFIC = {
    "surdite": "Surdité",
    "moteur": "Handicaps moteurs",
    "mental": "Handicaps mentaux",
    "illettrisme": "Illettrisme",
    "langues": "Langues étrangères (anglais)",
    "visuel": "Déficience visuelle",
}
# Criteria read from columns the warehouse may not carry: absent, they are unknown for every lieu.
FREE_COLUMN = "frais_a_charge"
NO_APPOINTMENT_COLUMN = "modalites_acces"
SPECIFIC_COLUMN = "prise_en_charge_specifique"


@dataclass(frozen=True)
class Need:
    """What the person needs (URL codes of `NEEDS`, `PUBLICS`, `SPECIFIC`)."""

    do_for: bool = False
    services: tuple[str, ...] = ()
    publics: tuple[str, ...] = ()
    specific: tuple[str, ...] = ()
    free: bool = False
    no_appointment: bool = False
    pass_numerique: bool = False
    when: When = field(default_factory=When)


def fold_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", vocab.fold(text or "")).strip()


def haversine_km(lon: float, lat: float, lons, lats) -> np.ndarray:
    """Great-circle distances (km) from one point to many."""
    lon1, lat1 = math.radians(lon), math.radians(lat)
    lon2, lat2 = np.radians(np.asarray(lons, float)), np.radians(np.asarray(lats, float))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def commune_index(communes: pd.DataFrame) -> pd.DataFrame:
    """Communes with a label (« Nom (dép.) · codes postaux ») and a folded search key."""
    out = communes[["code_insee", "nom", "departement", "longitude", "latitude"]].copy()
    postcodes = [
        tuple(sorted(c)) if c is not None and len(c) else ()
        for c in communes.get("codes_postaux", pd.Series([()] * len(communes)))
    ]
    out["codes_postaux"] = postcodes
    out["label"] = [
        f"{nom} ({dep})" + (" · " + ", ".join(codes) if codes else "")
        for nom, dep, codes in zip(out["nom"], out["departement"], postcodes, strict=True)
    ]
    out["key"] = [fold_key(nom) for nom in out["nom"]]
    return out.sort_values(["key", "code_insee"]).reset_index(drop=True)


def find_communes(index: pd.DataFrame, text: str, limit: int = 10) -> pd.DataFrame:
    """Communes for a name or postcode, accent- and case-insensitive: exact name or postcode first,
    then names that start with the text, then names that contain it."""
    needle = fold_key(text)
    if not needle:
        return index.iloc[0:0]
    if needle.replace(" ", "").isdigit():
        digits = needle.replace(" ", "")
        hits = [
            i
            for i, (code, codes) in enumerate(
                zip(index["code_insee"], index["codes_postaux"], strict=True)
            )
            if code == digits or any(c.startswith(digits) for c in codes)
        ]
        return index.iloc[hits[:limit]]
    keys = index["key"]
    rank = np.where(keys == needle, 0, np.where(keys.str.startswith(needle), 1, 2))
    contains = keys.str.contains(needle, regex=False).to_numpy()
    hits = index[contains].assign(_rank=rank[contains]).sort_values(["_rank", "key"], kind="stable")
    return hits.drop(columns="_rank").head(limit)


def _has_any(values, wanted: set[str]) -> bool | None:
    if values is None or len(values) == 0:
        return None
    return bool(wanted.intersection(values))


def _column_any(lieux: pd.DataFrame, column: str, wanted: set[str]) -> list[bool | None]:
    if column not in lieux.columns:
        return [None] * len(lieux)
    return [_has_any(v, wanted) for v in lieux[column]]


def _column_flag(lieux: pd.DataFrame, column: str, yes: str) -> list[bool | None]:
    if column not in lieux.columns:
        return [None] * len(lieux)
    return [None if not v else fold_key(str(v)) == fold_key(yes) for v in lieux[column]]


def criteria(lieux: pd.DataFrame, need: Need, now: dt.datetime) -> pd.DataFrame:
    """One column per active criterion: True, False or None (unknown) for each lieu."""
    out = {}
    labels = [set(v) if v is not None else set() for v in lieux["labels"]]
    if need.do_for:
        out["aidants_connect"] = [vocab.L_AIDANTS_CONNECT in v for v in labels]
    if need.pass_numerique:
        out["pass_numerique"] = [vocab.L_APTIC in v for v in labels]
    if need.services:
        out["services"] = _column_any(lieux, "services", {NEEDS[s] for s in need.services})
    if need.publics:
        wanted = {PUBLICS[p] for p in need.publics} | {vocab.P_TOUT_PUBLIC}
        out["publics"] = _column_any(lieux, "publics", wanted)
    if need.specific:
        out["specific"] = _column_any(lieux, SPECIFIC_COLUMN, {SPECIFIC[s] for s in need.specific})
    if need.free:
        out["free"] = _column_flag(lieux, FREE_COLUMN, "Gratuit")
    if need.no_appointment:
        out["no_appointment"] = _column_flag(lieux, NO_APPOINTMENT_COLUMN, "Se présenter")
    if need.when.kind:
        out["when"] = [open_when(h, need.when, now) for h in lieux["horaires"]]
    return pd.DataFrame(out, index=lieux.index, dtype=object)


def unknown_counts(lieux: pd.DataFrame, need: Need, now: dt.datetime) -> dict[str, int]:
    """For each active criterion, how many lieux of the whole frame leave it unknown."""
    table = criteria(lieux, need, now)
    return {name: int(table[name].isna().sum()) for name in table.columns}


def nearest(
    lieux: pd.DataFrame,
    point: tuple[float, float],
    need: Need,
    now: dt.datetime,
    radius_km: float = RADII_KM[0],
    limit: int = MAX_RESULTS,
) -> pd.DataFrame:
    """The `limit` nearest lieux within `radius_km` of `point` (lon, lat) that no criterion rules out:
    full matches first, then those with an unknown criterion (`match` False, `unknown` naming them),
    each group by distance as the crow flies (`distance_km`)."""
    distance = haversine_km(point[0], point[1], lieux["longitude"], lieux["latitude"])
    close = lieux[distance <= radius_km].assign(distance_km=distance[distance <= radius_km])
    table = criteria(close, need, now)
    ruled_out = (table == False).any(axis=1).to_numpy(dtype=bool)  # noqa: E712 (object column)
    unknown = [
        tuple(name for name in table.columns if row[name] is None or row[name] != row[name])
        for _, row in table.iterrows()
    ]
    kept = close.assign(unknown=unknown, match=[not u for u in unknown])[~ruled_out]
    # Ranked to the metre, so that two lieux at the same spot always come in the same order.
    kept = kept.assign(rank_km=kept["distance_km"].round(3)).sort_values(
        ["match", "rank_km", "lieu_id"], ascending=[False, True, True]
    )
    return kept.drop(columns="rank_km").head(limit).reset_index(drop=True)


def wider_radius(matches: int, radius_km: float) -> float | None:
    """The next radius to offer when fewer than `MIN_MATCHES` lieux fully match; None otherwise."""
    if matches >= MIN_MATCHES:
        return None
    return next((r for r in RADII_KM if r > radius_km), None)
