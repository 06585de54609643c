"""Workshop mode (« Mode atelier »): the sequence of screens, the position in it, the towns to name.

Pure functions: the page (`pages/atelier.py`) asks which screen to show for the URL's `ecran` value and
which screens come before and after; every figure on a screen comes from the same service functions as
the other pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

DEPARTEMENT_PREFIX = "departement-"
OPENING = ("contexte", "offre", "carte")
CLOSING = ("simulation",)


@dataclass(frozen=True)
class Screen:
    key: str  # the URL's `ecran` value
    kind: str  # contexte, offre, carte, departement, simulation
    departement: str | None = None  # its code, on a département's screen


def sequence(departements: list[str], chosen: tuple[str, ...] = ()) -> list[Screen]:
    """Context, offer, map, one screen per département (the `chosen` ones, in their order, when
    given; unknown codes are left out), then the « what if »."""
    known = set(departements)
    shown = [c for c in dict.fromkeys(chosen) if c in known] if chosen else list(departements)
    return [
        *(Screen(k, k) for k in OPENING),
        *(Screen(DEPARTEMENT_PREFIX + code, "departement", code) for code in shown),
        *(Screen(k, k) for k in CLOSING),
    ]


def position(screens: list[Screen], key: str | None) -> tuple[int, bool]:
    """(index of the screen named `key`, whether `key` was understood); the first screen when absent
    or unknown."""
    keys = [s.key for s in screens]
    if not key:
        return 0, True
    if key in keys:
        return keys.index(key), True
    return 0, False


def step(screens: list[Screen], index: int, delta: int) -> int:
    """The index `delta` screens away, kept within the sequence (no wrapping: the last screen stays)."""
    return min(max(index + delta, 0), len(screens) - 1)


def chosen_departements(raw: str, known: list[str]) -> tuple[tuple[str, ...], list[str]]:
    """The URL's `deps` list (codes joined by « | » or « , »): (known codes in order, ignored values)."""
    values = [v.strip() for v in raw.replace(",", "|").split("|") if v.strip()]
    return tuple(v for v in values if v in known), [v for v in values if v not in known]


def main_towns(communes: pd.DataFrame, per_departement: int = 2, limit: int = 40) -> pd.DataFrame:
    """The most populous communes of each département (its main towns), at most `limit` in all, with
    their representative point: the names drawn on the offline map."""
    placed = communes.dropna(subset=["longitude", "latitude", "population"])
    towns = (
        placed.sort_values(
            ["departement", "population", "code_insee"], ascending=[True, False, True]
        )
        .groupby("departement", sort=True)
        .head(per_departement)
        .sort_values("population", ascending=False)
        .head(limit)
    )
    return towns[["code_insee", "nom", "departement", "population", "longitude", "latitude"]]
