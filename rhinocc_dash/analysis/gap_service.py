"""The read side's gap figures: the what-if (hypothetical lieux) and the gap page's ranking, each from
one small frozen query object; re-exported by `analysis.service`."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ..warehouse import run
from . import gap

Con = duckdb.DuckDBPyConnection
PUBLISHED = {"epci": "epci_published", "departement": "departement_published"}


def published(con: Con, level: str) -> pd.DataFrame | None:
    """Values published for whole EPCI or départements (None at commune level)."""
    return run(con, PUBLISHED[level]) if level in PUBLISHED else None


@dataclass(frozen=True)
class Scenario:
    """A what-if: hypothetical lieux (commune codes) added to the real ones, measured at `level`."""

    level: str = "commune"
    hypotheses: tuple[str, ...] = ()


@dataclass(frozen=True)
class GapQuery:
    """The gap page's settings: level, need weights ((key, weight) pairs), minimum population of a
    ranked territory, hypothetical lieux, number of territories explained."""

    level: str = "commune"
    weights: tuple[tuple[str, float], ...] = tuple(gap.DEFAULT_WEIGHTS.items())
    minimum: int = gap.DEFAULT_MINIMUM_POPULATION
    hypotheses: tuple[str, ...] = ()
    top: int = 20

    @property
    def scenario(self) -> Scenario:
        return Scenario(self.level, self.hypotheses)


@dataclass(frozen=True)
class WhatIf:
    base: pd.DataFrame  # need and offer measures per territory, hypothetical lieux included
    newly_within: int  # inhabitants newly within reach of a lieu


@dataclass(frozen=True)
class GapRanking:
    before: pd.DataFrame  # scores without the hypothetical lieux
    scored: pd.DataFrame  # scores with them (and the change of rank when there are some)
    ranked: pd.DataFrame  # the ranked territories
    explained: pd.DataFrame  # the same, the first `top` explained
    newly_within: int  # inhabitants newly within reach of a lieu with the hypothetical lieux


def gap_base(con: Con, level: str, hypotheses: tuple[str, ...] = ()) -> pd.DataFrame:
    """Need and offer measures per territory of `level`, hypothetical lieux (commune codes) included."""
    return whatif(con, Scenario(level, tuple(hypotheses))).base


def whatif(con: Con, scenario: Scenario) -> WhatIf:
    """Need and offer measures per territory with the scenario's hypothetical lieux, and the
    inhabitants they bring newly within reach. Without hypotheses, the warehouse's own distances."""
    communes, people = run(con, "communes_base"), run(con, "population_points")
    if scenario.hypotheses:
        hypothetical = [{"code_insee": c} for c in scenario.hypotheses]
        access, distances = gap.access_with(communes, people, run(con, "gap_lieux"), hypothetical)
    else:
        access, distances = run(con, "commune_access"), people
    frame = gap.gap_frame(
        scenario.level,
        communes,
        run(con, "commune_indicators"),
        access,
        distances,
        published(con, scenario.level),
    )
    return WhatIf(frame, gap.newly_within(people, distances) if scenario.hypotheses else 0)


def gap_ranking(con: Con, query: GapQuery) -> GapRanking:
    """The gap page's ranking (`gap.ranking`) for the query's settings, hypothetical lieux included."""
    before = whatif(con, Scenario(query.level))
    after = whatif(con, query.scenario) if query.hypotheses else before
    frames = gap.ranking(
        before.base, after.base, dict(query.weights), query.minimum, query.top, bool(query.hypotheses)
    )
    return GapRanking(*frames, after.newly_within)


def hypothetical_lieux(con: Con, hypotheses: tuple[str, ...]) -> pd.DataFrame:
    """The hypothetical lieux alone, placed at their commune's representative point."""
    lieux_ = run(con, "gap_lieux")
    communes = run(con, "communes_base")
    return gap.add_hypothetical(lieux_.iloc[0:0], communes, [{"code_insee": c} for c in hypotheses])
