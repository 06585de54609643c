"""The read side's service layer: one function per figure, (connection, arguments) -> frame.

Pages (through the one cached accessor `ui.data.service_frame`, keyed by the warehouse version), the
reports, the CLI, the benchmarks and the tests all call these, so a figure is computed in one place.
Arguments are hashable; a figure with several settings takes one small frozen query object
(`GapQuery`, `Scenario`, `ReportQuery`). The département and regional figures all come from one read
model, `figures.RegionData` (`region_data`).

`SHARED` names the functions whose (large) result the accessor shares between sessions instead of
copying it (read-only); `SCENARIOS` those that depend on a visitor's settings (a small, expiring cache).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import duckdb
import pandas as pd

from ..shared.config import REGION
from ..shared.geo import commune_access
from ..shared.measures import share_within
from ..warehouse import run
from . import compare, coverage, orient, quality, sources
from .dispositifs_service import dispositifs as dispositifs
from .dispositifs_service import dispositifs_epci as dispositifs_epci
from .figures import RegionData, departement_comparison, departement_figures, region_figures
from .gap_service import GapQuery as GapQuery
from .gap_service import GapRanking as GapRanking
from .gap_service import Scenario as Scenario
from .gap_service import WhatIf as WhatIf
from .gap_service import gap_base as gap_base
from .gap_service import gap_ranking as gap_ranking
from .gap_service import hypothetical_lieux as hypothetical_lieux
from .gap_service import published as published
from .gap_service import whatif as whatif
from .level_values import commune_values, level_values
from .lieux import LieuFilters, filter_lieux, label_category, prepare

GEOMETRY = {"commune": "geo_commune", "epci": "geo_epci", "departement": "geo_departement"}
HOME_RADIUS_KM = 10

Con = duckdb.DuckDBPyConnection
SHARED = frozenset({"lieux", "shapes", "region_data"})
SCENARIOS = frozenset({"whatif", "gap_ranking", "hypothetical_lieux"})


@dataclass(frozen=True)
class ReportQuery:
    """Which partner report: one département (its code) or the whole région (None)."""

    departement: str | None = None


def named(con: Con, name: str, params: tuple | None = None) -> pd.DataFrame:
    """The result of a named query (`warehouse/sql/<name>.sql`) with bound parameters."""
    return run(con, name, params)


def catalogue(con: Con) -> pd.DataFrame:
    """Metadata of every source file of the warehouse (names, producer, vintage, licence, rows)."""
    return run(con, "source_catalogue")


def geometries(con: Con, level: str) -> pd.DataFrame:
    """Display geometry (GeoJSON text) of every territory of a level."""
    return run(con, GEOMETRY[level])


def lieux(con: Con) -> pd.DataFrame:
    """Every lieu with its EPCI and derived category, type and search key."""
    return prepare(run(con, "map_lieux"))


def points(con: Con) -> pd.DataFrame:
    """The population points with their distance to the nearest lieu."""
    return run(con, "population_points")


def shapes(con: Con, level: str) -> pd.DataFrame:
    """Display geometries of a level with the GeoJSON parsed (for the maps)."""
    frame = geometries(con, level)
    frame["geometry"] = [json.loads(text) for text in frame["geometry"]]
    return frame


def source_caption(con: Con, keys: tuple[str, ...], note: str | None = None) -> tuple[str, str]:
    """« Sources : … Licence : … » for catalogue keys, and its one-line form (producers, vintages)."""
    table = catalogue(con)
    return sources.caption(table, keys, note), sources.short_caption(table, keys)


def home_figures(con: Con) -> dict:
    """The home page's figures: lieux, records, sources, communes served, population within 10 km."""
    counts = run(con, "home_counts").iloc[0].to_dict()
    communes = run(con, "communes_base").merge(run(con, "commune_access"), on="code_insee")
    people = points(con)
    counts["communes_with_lieu"] = int((communes["lieux_in_commune"] > 0).sum())
    counts["communes"] = len(communes)
    counts["population"] = int(communes["population"].sum())
    counts["share_within_10km"] = share_within(
        people["nearest_lieu_km"], people["population"], HOME_RADIUS_KM
    )
    return counts


def regional_reference(con: Con) -> pd.Series:
    """Filosofi 2019 values published for the whole région."""
    return run(con, "regional_poverty", (REGION.code,)).iloc[0]


def indicator_values(con: Con, level: str, shown_lieux: pd.DataFrame) -> pd.DataFrame:
    """Every map indicator per territory of `level`, access measures computed on `shown_lieux`."""
    communes = run(con, "communes_base")
    access, distances = commune_access(communes, points(con), shown_lieux)
    values = commune_values(communes, run(con, "commune_indicators"), access)
    return level_values(level, values, published(con, level), distances)


def map_values(con: Con, level: str, filters: LieuFilters, today: dt.date) -> pd.DataFrame:
    """`indicator_values` with the lieux that pass the map's filters on `today`."""
    return indicator_values(con, level, filter_lieux(lieux(con), filters, today))


def commune_index(con: Con) -> pd.DataFrame:
    """The région's communes with their postcodes, label and search key (Orienter une personne)."""
    communes = run(con, "communes_base").merge(
        run(con, "communes_postcodes"), on="code_insee", how="left"
    )
    return orient.commune_index(communes)


def departement_coverage(con: Con) -> tuple[pd.DataFrame, dict]:
    """Coverage figures per département, and the same for the whole région."""
    communes, access = run(con, "communes_base"), run(con, "commune_access")
    lieux_, people = run(con, "coverage_lieux"), points(con)
    table = coverage.coverage_table(
        communes, access, people, lieux_, "departement", run(con, "departement_list")
    )
    return table, coverage.total_row(communes, access, people, lieux_, REGION.code, REGION.name)


def epci_coverage(con: Con, dep: str) -> tuple[pd.DataFrame, dict]:
    """Coverage figures per EPCI with a member in `dep` (Occitanie communes), and the département row."""
    communes, access = run(con, "communes_base"), run(con, "commune_access")
    lieux_, people = run(con, "coverage_lieux"), points(con)
    in_dep, epci_communes = coverage.departement_communes(communes, dep)
    names = run(con, "epci_published")[["code", "nom"]]
    table = coverage.coverage_table(epci_communes, access, people, lieux_, "epci_siren", names)
    dep_name = run(con, "departement_list").set_index("code").loc[dep, "nom"]
    return table, coverage.total_row(in_dep, access, people, lieux_, dep, dep_name)


def farthest_communes(con: Con, dep: str, limit: int = 20) -> pd.DataFrame:
    communes = run(con, "communes_base")
    return coverage.farthest_communes(
        communes[communes["departement"] == dep], run(con, "commune_access"), limit
    )


def label_composition(con: Con) -> pd.DataFrame:
    return coverage.label_composition(run(con, "coverage_lieux"))


def family_offer(con: Con) -> pd.DataFrame:
    return coverage.family_offer(run(con, "coverage_lieux"))


def france_services_evolution(con: Con) -> pd.DataFrame:
    return coverage.france_services_evolution(run(con, "coverage_records"))


def records_by_source(con: Con) -> pd.DataFrame:
    return coverage.records_by_source(run(con, "coverage_records"))


def completeness(con: Con) -> pd.DataFrame:
    """Share of records with each field filled, per source."""
    return quality.completeness(run(con, "quality_records"))


def freshness(con: Con, today: dt.date) -> pd.DataFrame:
    """Age of the records' last update per source, on `today`."""
    return quality.freshness(run(con, "quality_records"), today)


def location_quality(con: Con) -> pd.DataFrame:
    """Location precision and flags per source."""
    return quality.location_quality(run(con, "quality_records"))


def flagged_records(con: Con) -> pd.DataFrame:
    """The records with a location flag."""
    return quality.flagged_records(run(con, "quality_records"))


def update_thresholds(con: Con, today: dt.date) -> list[int]:
    """The ages (years) worth offering for the list of lieux to update."""
    return quality.update_thresholds(lieux(con), today)


def to_update(con: Con, today: dt.date, years: int) -> pd.DataFrame:
    """The lieux not updated for `years` years or more, on `today`."""
    return quality.to_update(lieux(con), today, years)


def region_data(con: Con) -> RegionData:
    """The read model of every département and regional figure (reports, workshop, comparison)."""
    return RegionData(
        run(con, "communes_base"),
        run(con, "commune_access"),
        points(con),
        run(con, "map_lieux"),
        run(con, "commune_indicators"),
        run(con, "epci_published")[["code", "nom"]],
        run(con, "departement_published"),
        run(con, "quality_records"),
        run(con, "geo_commune"),
        catalogue(con),
        run(con, "lieu_keys"),
        run(con, "record_fields"),
    )


def report_figures(con: Con, query: ReportQuery) -> dict:
    """The key figures of a partner report: the département's, or the région's (`query.departement`
    None)."""
    data = region_data(con)
    if query.departement is not None:
        return departement_figures(query.departement, data)
    region_row = departement_coverage(con)[1]
    return region_figures(data, region_row, regional_reference(con)["taux_pauvrete"])


def report_comparison(con: Con) -> pd.DataFrame:
    """The regional report's table: every département's coverage and published poverty rate."""
    return departement_comparison(departement_coverage(con)[0], region_data(con))


def standard_inputs(con: Con) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Postcodes per commune and the SIRET of each lieu, for the national-standard export."""
    communes = run(con, "communes_postcodes")
    postcodes = dict(zip(communes["code_insee"], communes["codes_postaux"].map(list), strict=True))
    sirets = run(con, "lieu_sirets")
    return postcodes, dict(zip(sirets["lieu_id"], sirets["siret"], strict=True))


def compare_warehouses(old: Con, new: Con) -> compare.Comparison:
    """Lieux added, removed and changed, and the key figures, from `old` to `new`."""
    return compare.compare(region_data(old), region_data(new))


def history(sides: list[tuple[dict, Con]]) -> pd.DataFrame:
    """Lieux per département and per main label in each published version ((manifest, connection)
    pairs, oldest first), each labelled with its venue sources' vintages."""
    rows = []
    for record, con in sides:
        lieux_ = run(con, "map_lieux")
        vintages = run(con, "source_catalogue")
        current = vintages[(vintages["kind"] == "lieux") & vintages["current"]]
        label = ", ".join(
            f"{n} {v}" for n, v in zip(current["name"], current["vintage"], strict=True)
        )
        counts = lieux_.assign(categorie=[label_category(v) for v in lieux_["labels"]])
        for (dep, category), n in counts.groupby(["departement", "categorie"]).size().items():
            rows.append(
                {
                    "version": record["version"],
                    "publiee_le": record.get("published_at", ""),
                    "millesimes": label,
                    "departement": dep,
                    "categorie": category,
                    "lieux": int(n),
                }
            )
    return pd.DataFrame(
        rows, columns=["version", "publiee_le", "millesimes", "departement", "categorie", "lieux"]
    )
