"""Freshness of a lieu's information, the one definition: the age, at `today`, of the most recent dated
record of the lieu (an accepted correction counts as an update), in four levels."""

from __future__ import annotations

import datetime as dt

import pandas as pd

LEVELS = ("a_jour", "a_surveiller", "a_verifier", "a_mettre_a_jour")
# Upper bounds of the first three levels, in months of age.
MONTHS = (6, 12, 18)


def _cutoffs(today: dt.date) -> list[pd.Timestamp]:
    return [pd.Timestamp(today) - pd.DateOffset(months=m) for m in MONTHS]


def level(date_maj, today: dt.date) -> str:
    """The level of one date (None or missing: « à mettre à jour »)."""
    if date_maj is None or pd.isna(date_maj):
        return LEVELS[-1]
    date = pd.Timestamp(date_maj)
    for key, cutoff in zip(LEVELS, _cutoffs(today), strict=False):
        if date > cutoff:
            return key
    return LEVELS[-1]


def levels(dates: pd.Series, today: dt.date) -> pd.Series:
    """The level of each date (vectorised `level`)."""
    dates = pd.to_datetime(dates, errors="coerce")
    out = pd.Series(LEVELS[-1], index=dates.index, dtype=object)
    for key, cutoff in reversed(list(zip(LEVELS, _cutoffs(today), strict=False))):
        out[dates > cutoff] = key
    return out


def by_departement(lieux: pd.DataFrame, names: dict[str, str], today: dt.date) -> pd.DataFrame:
    """Per département: lieux, count and share per level (the counts add up to the lieux)."""
    frame = pd.DataFrame(
        {"departement": lieux["departement"], "level": levels(lieux["date_maj"], today)}
    )
    counts = pd.crosstab(frame["departement"], frame["level"]).reindex(columns=LEVELS, fill_value=0)
    counts = counts.reindex(sorted(set(names) | set(counts.index)), fill_value=0)
    out = counts.reset_index()
    out.insert(1, "nom", out["departement"].map(names).fillna(""))
    out.insert(2, "lieux", counts.sum(axis=1).to_numpy())
    for key in LEVELS:
        out[f"part_{key}"] = (100 * out[key] / out["lieux"].where(out["lieux"] > 0)).round(1)
    return out.reset_index(drop=True)


def counts(dates: pd.Series, today: dt.date) -> dict[str, int]:
    """How many dates fall in each level (every level present, zero included)."""
    found = levels(dates, today).value_counts()
    return {key: int(found.get(key, 0)) for key in LEVELS}
