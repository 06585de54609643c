"""The one read model of the département and regional figures, and the figures computed from it (pure).

`RegionData` holds the frames of one warehouse that every département or regional figure is computed
from; `service.region_data` reads it once per warehouse version. The reports (département and région),
the workshop screens and the comparison of two warehouses (`compare`) all take a `RegionData`, so a
figure shown in two places is computed by one function here:

- `departement_figures(data, dep)`: a département's key figures (report, report preview, workshop);
- `region_figures(data, region_row, poverty_rate)`: the same keys for the whole région (regional report);
- `region_coverage(data)`: the région's coverage row, the département report's point of comparison;
- `epci_coverage`, `departement_gap_ranking`, `regional_gap_ranking`, `departement_comparison`.

The home page's figures are `service.home_figures`; the comparison's before/after figures are
`compare.headline_figures`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..shared.measures import weighted_mean
from . import coverage, gap


@dataclass(frozen=True)
class RegionData:
    """The frames of one warehouse behind the département and regional figures (see `service.region_data`)."""

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
    lieu_keys: pd.DataFrame  # lieu_keys: lieu_id, key (source:source_id), for the comparison
    record_fields: pd.DataFrame  # record_fields: key, source, fields, for the comparison


def commune_gaps(data: RegionData) -> pd.DataFrame:
    """Need and offer measures of every commune (before scoring), with the warehouse's lieux."""
    return gap.gap_frame("commune", data.communes, data.indicators, data.access, data.points, None)


def departement_figures(dep: str, data: RegionData) -> dict:
    """A département's key figures (numbers, before formatting)."""
    communes = data.communes[data.communes["departement"] == dep]
    lieux = data.lieux[data.lieux["departement"] == dep]
    row = coverage.total_row(communes, data.access, data.points, lieux, dep, "")
    frame = commune_gaps(data)
    in_dep = frame[frame["departement"] == dep]
    published = data.departements.set_index("code").loc[dep]
    return {
        **_coverage_figures(row),
        "taux_pauvrete": published["taux_pauvrete"],
        "revenu_median": published["revenu_median"],
        "ifn2020_global": weighted_mean(in_dep["ifn2020_global"], in_dep["ifn2020_population_p16"]),
        "illectronisme_estime": int(in_dep["illectronisme_estime"].sum()),
    }


def region_figures(data: RegionData, region_row: dict, poverty_rate: float) -> dict:
    """The key figures of the whole région (the keys of `departement_figures`, without the income).

    `region_row`: the région's coverage row (`service.departement_coverage`); `poverty_rate`: Filosofi's
    rate published for the région (a rate of the whole population, not a mean of the départements')."""
    frame = commune_gaps(data)
    return {
        **_coverage_figures(region_row),
        "taux_pauvrete": poverty_rate,
        "ifn2020_global": weighted_mean(frame["ifn2020_global"], frame["ifn2020_population_p16"]),
        "illectronisme_estime": int(frame["illectronisme_estime"].sum()),
    }


def _coverage_figures(row: dict) -> dict:
    keys = (
        "lieux",
        "population",
        "lieux_pour_10000",
        "communes_avec_lieu",
        "communes",
        "part_population_10km",
        "population_au_dela_10km",
        "distance_mediane_km",
    )
    return {k: row[k] for k in keys}


def region_coverage(data: RegionData) -> dict:
    """The coverage row of the whole région: the département report's point of comparison."""
    return coverage.total_row(data.communes, data.access, data.points, data.lieux, "", "région")


def epci_coverage(dep: str, data: RegionData) -> tuple[pd.DataFrame, dict]:
    """Coverage of every EPCI with a member in the département (Occitanie communes), and the
    département's own row as reference."""
    in_dep, epci_communes = coverage.departement_communes(data.communes, dep)
    table = coverage.coverage_table(
        epci_communes, data.access, data.points, data.lieux, "epci_siren", data.epci_names
    )
    name = data.departements.set_index("code").loc[dep, "nom"]
    lieux = data.lieux[data.lieux["departement"] == dep]
    return table, coverage.total_row(in_dep, data.access, data.points, lieux, dep, name)


def regional_gap_ranking(data: RegionData) -> pd.DataFrame:
    """Every ranked commune of the région, largest need-minus-offer gap first (default weights and
    minimum population, as on the page), explained, with its département's name."""
    frame = gap.scores(commune_gaps(data), gap.DEFAULT_WEIGHTS, gap.DEFAULT_MINIMUM_POPULATION)
    ranked = gap.explain(frame[frame["classe"]], gap.DEFAULT_WEIGHTS)
    names = dict(zip(data.departements["code"], data.departements["nom"], strict=True))
    return ranked.assign(departement_nom=ranked["departement"].map(names))


def departement_gap_ranking(dep: str, data: RegionData, top: int = 20) -> pd.DataFrame:
    """The communes of the département with the largest gap, ranked among every commune of the région."""
    ranked = regional_gap_ranking(data)
    return ranked[ranked["departement"] == dep].head(top)


def departement_comparison(coverage_: pd.DataFrame, data: RegionData) -> pd.DataFrame:
    """One row per département: its coverage figures and its published poverty rate, by code."""
    poverty = data.departements[["code", "taux_pauvrete"]]
    return (
        coverage_.merge(poverty, on="code", how="left").sort_values("code").reset_index(drop=True)
    )


def extremes(comparison: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series]:
    """(lowest, highest) département for a measure (first by code on a tie)."""
    ordered = comparison.sort_values([column, "code"], kind="stable")
    return ordered.iloc[0], ordered.sort_values(column, ascending=False, kind="stable").iloc[0]
