"""Figures of the whole région for the regional partner report: key figures, the départements compared,
the largest gaps (pure functions; coverage rows come from `service.departement_coverage`)."""

from __future__ import annotations

import pandas as pd

from ..measures import weighted_mean
from . import gap
from .departement import ReportInputs, _commune_gaps


def region_key_figures(inputs: ReportInputs, region_row: dict, poverty_rate: float) -> dict:
    """The report's key figures for the région (same keys as `departement.key_figures`).

    `region_row`: the région's coverage row; `poverty_rate`: Filosofi's rate published for the région
    (a rate of the whole population, not a mean of the départements' rates)."""
    frame = _commune_gaps(inputs)
    return {
        "lieux": region_row["lieux"],
        "population": region_row["population"],
        "lieux_pour_10000": region_row["lieux_pour_10000"],
        "communes_avec_lieu": region_row["communes_avec_lieu"],
        "communes": region_row["communes"],
        "part_population_10km": region_row["part_population_10km"],
        "population_au_dela_10km": region_row["population_au_dela_10km"],
        "distance_mediane_km": region_row["distance_mediane_km"],
        "taux_pauvrete": poverty_rate,
        "ifn2020_global": weighted_mean(frame["ifn2020_global"], frame["ifn2020_population_p16"]),
        "illectronisme_estime": int(frame["illectronisme_estime"].sum()),
    }


def departement_comparison(coverage: pd.DataFrame, departements: pd.DataFrame) -> pd.DataFrame:
    """One row per département: its coverage figures and its published poverty rate, by code."""
    poverty = departements[["code", "taux_pauvrete"]]
    return coverage.merge(poverty, on="code", how="left").sort_values("code").reset_index(drop=True)


def extremes(comparison: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series]:
    """(lowest, highest) département for a measure (first by code on a tie)."""
    ordered = comparison.sort_values([column, "code"], kind="stable")
    return ordered.iloc[0], ordered.sort_values(column, ascending=False, kind="stable").iloc[0]


def region_gap_ranking(inputs: ReportInputs, top: int = 20) -> pd.DataFrame:
    """The communes of the région with the largest need-minus-offer gap (default weights and minimum
    population, as on the page and in the département reports), with their département's name."""
    frame = gap.scores(_commune_gaps(inputs), gap.DEFAULT_WEIGHTS, gap.DEFAULT_MINIMUM_POPULATION)
    ranked = gap.explain(frame[frame["classe"]], gap.DEFAULT_WEIGHTS).head(top)
    names = dict(zip(inputs.departements["code"], inputs.departements["nom"], strict=True))
    return ranked.assign(departement_nom=ranked["departement"].map(names))
