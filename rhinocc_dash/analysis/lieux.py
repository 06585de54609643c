"""Filters on lieux shared by the map and the directory: pure functions on the lieux frame."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..shared import vocab
from .freshness import levels

# Map colour categories by label, most specific programme first (a lieu gets the first that applies).
LABEL_CATEGORIES = (
    (vocab.L_FRANCE_SERVICES, "France Services"),
    (vocab.L_CNFS, "Conseiller numérique"),
    (vocab.L_APTIC, "APTIC"),
    (vocab.L_AIDANTS_CONNECT, "Aidants Connect"),
)
OTHER = "Autre"
TYPE_RULES = (
    (
        "France Services",
        r"france services|maison france service|\bmsap\b|maison de services au public",
    ),
    ("Médiathèque, bibliothèque", r"mediatheque|bibliotheque"),
    ("Centre social", r"centre social|centre socio|espace de vie sociale|\bevs\b|\bmjc\b"),
    (
        "Mairie, CCAS, collectivité",
        r"mairie|\bccas\b|commune de|hotel de ville|communaute de communes",
    ),
    ("Emploi, insertion", r"mission locale|pole emploi|france travail|insertion"),
    ("Tiers-lieu, fablab", r"tiers.lieu|fablab|fab lab"),
    ("Association", r"association|\basso\b"),
)
UPDATE_WINDOWS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class LieuFilters:
    """What the user asked for; empty tuples mean « all »."""

    departements: tuple[str, ...] = ()
    epci: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    publics: tuple[str, ...] = ()
    open_saturday: bool = False
    open_evening: bool = False
    updated_within_years: int | None = None
    search: str = ""
    freshness: tuple[str, ...] = ()  # levels of `freshness.LEVELS`


def label_category(labels) -> str:
    present = set(labels if labels is not None else ())
    return next((name for label, name in LABEL_CATEGORIES if label in present), OTHER)


def type_category(nom: str, type_lieu: str) -> str:
    """A coarse type read from the declared type, else from the name (sources rarely state a type)."""
    text = vocab.fold(f"{type_lieu or ''} {nom or ''}")
    return next((name for name, pattern in TYPE_RULES if re.search(pattern, text)), OTHER)


def search_key(*parts: str) -> str:
    """Accent-, case- and punctuation-insensitive text for searching."""
    return re.sub(r"[^a-z0-9]+", " ", vocab.fold(" ".join(p or "" for p in parts))).strip()


def prepare(lieux: pd.DataFrame) -> pd.DataFrame:
    """Add the derived columns filters and maps use (category, type, search key)."""
    out = lieux.copy()
    out["categorie"] = [label_category(labels) for labels in out["labels"]]
    out["type"] = [type_category(n, t) for n, t in zip(out["nom"], out["type_lieu"], strict=True)]
    out["search"] = [search_key(n, c) for n, c in zip(out["nom"], out["commune"], strict=True)]
    return out


def _has_any(column: pd.Series, wanted: tuple[str, ...]) -> np.ndarray:
    chosen = set(wanted)
    return np.array(
        [bool(chosen.intersection(v if v is not None else ())) for v in column], dtype=bool
    )


def _true(column: pd.Series) -> np.ndarray:
    """True where the value is known to be true (unknown counts as not matching)."""
    return column.astype("boolean").fillna(False).to_numpy(dtype=bool)


def filter_lieux(lieux: pd.DataFrame, filters: LieuFilters, today: dt.date) -> pd.DataFrame:
    """The lieux matching every active filter (list filters match when a lieu has any chosen value)."""
    mask = np.ones(len(lieux), dtype=bool)
    if filters.departements:
        mask &= lieux["departement"].isin(filters.departements).to_numpy()
    if filters.epci:
        mask &= lieux["epci_siren"].isin(filters.epci).to_numpy()
    for column, wanted in (
        ("sources", filters.sources),
        ("labels", filters.labels),
        ("services", filters.services),
        ("publics", filters.publics),
    ):
        if wanted:
            mask &= _has_any(lieux[column], wanted)
    if filters.open_saturday:
        mask &= _true(lieux["open_saturday"])
    if filters.open_evening:
        mask &= _true(lieux["open_after_18"])
    if filters.updated_within_years:
        since = years_before(today, filters.updated_within_years)
        dates = pd.to_datetime(lieux["date_maj"])
        mask &= (dates >= pd.Timestamp(since)).to_numpy(dtype=bool)
    if filters.freshness:
        mask &= levels(lieux["date_maj"], today).isin(filters.freshness).to_numpy()
    if filters.search.strip():
        needle = search_key(filters.search)
        mask &= lieux["search"].str.contains(needle, regex=False).to_numpy()
    return lieux[mask]


def is_stale(date_maj, today: dt.date, years: int = 2) -> bool:
    """True when the information is older than `years` (or undated)."""
    if date_maj is None or pd.isna(date_maj):
        return True
    return pd.Timestamp(date_maj) < pd.Timestamp(years_before(today, years))


def years_before(today: dt.date, years: int) -> dt.date:
    """The same day `years` earlier (28 February for a 29 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def option_counts(lieux: pd.DataFrame, column: str, options) -> dict[str, int]:
    """How many lieux carry each option of a list column (labels, services, publics, sources)."""
    counts = {option: 0 for option in options}
    for values in lieux[column]:
        for value in set(values if values is not None else ()):
            if value in counts:
                counts[value] += 1
    return counts


def window_counts(lieux: pd.DataFrame, today: dt.date, windows=UPDATE_WINDOWS) -> dict[int, int]:
    """How many lieux were updated within each window of years (counted back from `today`)."""
    dates = pd.to_datetime(lieux["date_maj"])
    return {
        years: int((dates >= pd.Timestamp(years_before(today, years))).sum()) for years in windows
    }


def without(lieux: pd.DataFrame, column: str) -> int:
    """Lieux that record nothing in a list column (no public stated, no service stated…)."""
    return int(sum(not (v is not None and len(v)) for v in lieux[column]))
