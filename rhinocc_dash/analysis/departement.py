"""Figures of one département for the partner report: key figures, EPCI coverage, largest gaps (pure)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..measures import weighted_mean
from . import coverage, gap


@dataclass(frozen=True)
class ReportInputs:
    """Everything the département report reads from the warehouse (see `service.report_inputs`)."""

    communes: pd.DataFrame  # communes_base
    access: pd.DataFrame  # commune_access
    points: pd.DataFrame  # population_points (with nearest_lieu_km)
    lieux: pd.DataFrame  # map_lieux
    indicators: pd.DataFrame  # commune_indicators
    epci_names: pd.DataFrame  # code, nom
    departements: pd.DataFrame  # departement_published (code, nom, revenu_median, taux_pauvrete)
    records: pd.DataFrame  # quality_records
    geometries: pd.DataFrame  # geo_commune (code, nom, geometry as dicts or text)
    catalogue: pd.DataFrame  # sources


def _commune_gaps(inputs: ReportInputs) -> pd.DataFrame:
    return gap.gap_frame(
        "commune", inputs.communes, inputs.indicators, inputs.access, inputs.points, None
    )


def key_figures(dep: str, inputs: ReportInputs) -> dict:
    """The report's key figures for one département (numbers, before formatting)."""
    communes = inputs.communes[inputs.communes["departement"] == dep]
    lieux = inputs.lieux[inputs.lieux["departement"] == dep]
    row = coverage.total_row(communes, inputs.access, inputs.points, lieux, dep, "")
    frame = _commune_gaps(inputs)
    in_dep = frame[frame["departement"] == dep]
    published = inputs.departements.set_index("code").loc[dep]
    return {
        "lieux": row["lieux"],
        "population": row["population"],
        "lieux_pour_10000": row["lieux_pour_10000"],
        "communes_avec_lieu": row["communes_avec_lieu"],
        "communes": row["communes"],
        "part_population_10km": row["part_population_10km"],
        "population_au_dela_10km": row["population_au_dela_10km"],
        "distance_mediane_km": row["distance_mediane_km"],
        "taux_pauvrete": published["taux_pauvrete"],
        "revenu_median": published["revenu_median"],
        "ifn2020_global": weighted_mean(in_dep["ifn2020_global"], in_dep["ifn2020_population_p16"]),
        "illectronisme_estime": int(in_dep["illectronisme_estime"].sum()),
    }


def region_figures(inputs: ReportInputs) -> dict:
    """The same coverage figures for the whole région: the report's point of comparison."""
    return coverage.total_row(
        inputs.communes, inputs.access, inputs.points, inputs.lieux, "", "région"
    )


def epci_coverage(dep: str, inputs: ReportInputs) -> tuple[pd.DataFrame, dict]:
    """Coverage of every EPCI with a member in the département (Occitanie communes), and the
    département's own row as reference."""
    in_dep, epci_communes = coverage.departement_communes(inputs.communes, dep)
    table = coverage.coverage_table(
        epci_communes, inputs.access, inputs.points, inputs.lieux, "epci_siren", inputs.epci_names
    )
    name = inputs.departements.set_index("code").loc[dep, "nom"]
    lieux = inputs.lieux[inputs.lieux["departement"] == dep]
    return table, coverage.total_row(in_dep, inputs.access, inputs.points, lieux, dep, name)


def regional_gap_ranking(inputs: ReportInputs) -> pd.DataFrame:
    """Every ranked commune of the région, largest need-minus-offer gap first (default weights and
    minimum population, as on the page), explained."""
    frame = gap.scores(_commune_gaps(inputs), gap.DEFAULT_WEIGHTS, gap.DEFAULT_MINIMUM_POPULATION)
    return gap.explain(frame[frame["classe"]], gap.DEFAULT_WEIGHTS)


def gap_ranking(dep: str, inputs: ReportInputs, top: int = 20) -> pd.DataFrame:
    """The communes of the département with the largest gap, ranked among every commune of the région."""
    ranked = regional_gap_ranking(inputs)
    return ranked[ranked["departement"] == dep].head(top)
