"""The read side's service layer: one function per figure, (connection, arguments) -> frame.

Pages (through the cached one-line wrappers of `ui.data`), the report, the CLI, the benchmarks and the
tests all call these, so a figure is computed in one place.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ..config import REGION
from ..geo import commune_access
from ..measures import share_within
from ..warehouse import run
from . import compare, coverage, gap
from .departement import ReportInputs
from .dispositifs_service import dispositifs as dispositifs
from .dispositifs_service import dispositifs_epci as dispositifs_epci
from .lieux import label_category, prepare
from .territory import commune_values, level_values

PUBLISHED = {"epci": "epci_published", "departement": "departement_published"}
GEOMETRY = {"commune": "geo_commune", "epci": "geo_epci", "departement": "geo_departement"}
HOME_RADIUS_KM = 10

Con = duckdb.DuckDBPyConnection


def catalogue(con: Con) -> pd.DataFrame:
    """Metadata of every source file of the warehouse (names, producer, vintage, licence, rows)."""
    return run(con, "source_catalogue")


def published(con: Con, level: str) -> pd.DataFrame | None:
    """Values published for whole EPCI or départements (None at commune level)."""
    return run(con, PUBLISHED[level]) if level in PUBLISHED else None


def geometries(con: Con, level: str) -> pd.DataFrame:
    """Display geometry (GeoJSON text) of every territory of a level."""
    return run(con, GEOMETRY[level])


def lieux(con: Con) -> pd.DataFrame:
    """Every lieu with its EPCI and derived category, type and search key."""
    return prepare(run(con, "map_lieux"))


def points(con: Con) -> pd.DataFrame:
    """The population points with their distance to the nearest lieu."""
    return run(con, "population_points")


def key_figures(con: Con) -> dict:
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


def _with_hypotheses(con: Con, hypotheses: tuple[str, ...]):
    communes, people = run(con, "communes_base"), points(con)
    access, distances = gap.access_with(
        communes, people, run(con, "gap_lieux"), [{"code_insee": c} for c in hypotheses]
    )
    return communes, people, access, distances


def gap_base(con: Con, level: str, hypotheses: tuple[str, ...] = ()) -> pd.DataFrame:
    """Need and offer measures per territory of `level`, hypothetical lieux (commune codes) included."""
    return whatif(con, level, hypotheses)[0]


def newly_within(con: Con, hypotheses: tuple[str, ...]) -> int:
    """Inhabitants newly within reach of a lieu with the hypothetical lieux."""
    return whatif(con, "departement", hypotheses)[1] if hypotheses else 0


def whatif(con: Con, level: str, hypotheses: tuple[str, ...] = ()) -> tuple[pd.DataFrame, int]:
    """(need and offer measures per territory of `level`, inhabitants newly within reach) with the
    hypothetical lieux, from one computation of the distances."""
    communes, people, access, distances = _with_hypotheses(con, hypotheses)
    frame = gap.gap_frame(
        level, communes, run(con, "commune_indicators"), access, distances, published(con, level)
    )
    return frame, gap.newly_within(people, distances) if hypotheses else 0


def hypothetical_lieux(con: Con, hypotheses: tuple[str, ...]) -> pd.DataFrame:
    """The hypothetical lieux alone, placed at their commune's representative point."""
    lieux_ = run(con, "gap_lieux")
    communes = run(con, "communes_base")
    return gap.add_hypothetical(lieux_.iloc[0:0], communes, [{"code_insee": c} for c in hypotheses])


def report_inputs(con: Con) -> ReportInputs:
    """Everything the département report reads."""
    return ReportInputs(
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
    )


def standard_inputs(con: Con) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Postcodes per commune and the SIRET of each lieu, for the national-standard export."""
    communes = run(con, "communes_postcodes")
    postcodes = dict(zip(communes["code_insee"], communes["codes_postaux"].map(list), strict=True))
    sirets = run(con, "lieu_sirets")
    return postcodes, dict(zip(sirets["lieu_id"], sirets["siret"], strict=True))


def compare_side(con: Con) -> compare.Side:
    """What the comparison of two warehouses reads from one of them."""
    return compare.Side(
        run(con, "map_lieux"),
        run(con, "lieu_keys"),
        run(con, "communes_base"),
        points(con),
        gap_base(con, "commune"),
        run(con, "departement_list"),
        run(con, "record_fields"),
    )


def compare_warehouses(old: Con, new: Con) -> compare.Comparison:
    """Lieux added, removed and changed, and the key figures, from `old` to `new`."""
    return compare.compare(compare_side(old), compare_side(new))


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
