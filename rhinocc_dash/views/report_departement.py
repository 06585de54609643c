"""The département report's content, formatted once for every renderer: the key figures with their
source notes, the plain-language summary, the history and freshness tables, the gaps note. The blocks
are assembled by `report_pdf.departement_document` and drawn to PDF (`report_pdf.to_pdf`) or HTML
(`report_blocks.to_html`); the workshop shows the same key figures."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import texts
from ..analysis import gap, quality, sources
from ..analysis.figures import RegionData
from ..shared.config import REGION
from ..shared.formatting import fmt_decimal, fmt_estimate, fmt_int, fmt_percent
from .report_blocks import Sentence, sentence


def figure_rows(figures: dict, catalogue: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """(key, label, value, source note) of each key figure, formatted once for every renderer."""
    population_note = sources.short(catalogue, "population")
    labels = texts.rapport.REPORT_FIGURES
    return [
        (
            "lieux",
            labels["lieux"],
            fmt_int(figures["lieux"]),
            texts.rapport.REPORT_LIEUX_NOTE.format(n=len(sources.lieux_sources(catalogue))),
        ),
        (
            "lieux_pour_10000",
            labels["lieux_pour_10000"],
            fmt_decimal(figures["lieux_pour_10000"], 2),
            population_note,
        ),
        ("population", labels["population"], fmt_int(figures["population"]), population_note),
        (
            "communes_avec_lieu",
            labels["communes_avec_lieu"],
            f"{fmt_int(figures['communes_avec_lieu'])} / {fmt_int(figures['communes'])}",
            sources.short(catalogue, "communes"),
        ),
        (
            "part_population_10km",
            labels["part_population_10km"],
            fmt_percent(figures["part_population_10km"]),
            texts.rapport.REPORT_WITHIN_NOTE,
        ),
        (
            "distance_mediane_km",
            labels["distance_mediane_km"],
            f"{fmt_decimal(figures['distance_mediane_km'], 1)} km",
            texts.rapport.REPORT_DISTANCE_NOTE,
        ),
        (
            "taux_pauvrete",
            labels["taux_pauvrete"],
            fmt_percent(figures["taux_pauvrete"], ratio=False),
            sources.short(catalogue, "filosofi_departement"),
        ),
        (
            "ifn2020_global",
            labels["ifn2020_global"],
            fmt_decimal(figures["ifn2020_global"], 1),
            texts.rapport.REPORT_IFN_NOTE.format(source=sources.short(catalogue, "ifn2020_iris")),
        ),
        (
            "illectronisme_estime",
            labels["illectronisme_estime"],
            fmt_estimate(figures["illectronisme_estime"]),
            texts.rapport.REPORT_ILLECTRONISME_NOTE.format(source=REGION.context_source),
        ),
    ]


def summary(name: str, figures: dict, region: dict, ranking: pd.DataFrame) -> list[Sentence]:
    """The plain-language summary, one sentence per finding."""
    first, second, third, fourth, fifth = texts.rapport.REPORT_SUMMARY
    beyond_share = figures["population_au_dela_10km"] / figures["population"]
    sentences = [
        sentence(
            first,
            lieux=fmt_int(figures["lieux"]),
            rate=fmt_decimal(figures["lieux_pour_10000"], 1),
            region=REGION.name,
            region_rate=fmt_decimal(region["lieux_pour_10000"], 1),
        ),
        sentence(
            second,
            median=fmt_decimal(figures["distance_mediane_km"], 1),
            region=REGION.name,
            region_median=fmt_decimal(region["distance_mediane_km"], 1),
            beyond=fmt_int(figures["population_au_dela_10km"]),
            beyond_share=fmt_percent(beyond_share),
        ),
        sentence(
            third,
            with_lieu=fmt_int(figures["communes_avec_lieu"]),
            communes=fmt_int(figures["communes"]),
        ),
        sentence(fourth, illectronisme=fmt_estimate(figures["illectronisme_estime"]).capitalize()),
    ]
    if len(ranking):
        sentences.append(sentence(fifth, gaps=", ".join(ranking["nom"].head(3))))
    return sentences


def history_table(history: pd.DataFrame | None, dep: str) -> pd.DataFrame:
    """Lieux of the département in each published version, with its sources' vintages."""
    if history is None or history.empty:
        return pd.DataFrame(columns=["version", "millesimes", "lieux"])
    mine = history[history["departement"] == dep]
    table = mine.groupby(["version", "millesimes"], sort=False)["lieux"].sum().reset_index()
    table["version"] = table["version"].map(texts.common.version_label)
    return table


def freshness_and_sources(
    records: pd.DataFrame, catalogue: pd.DataFrame, today: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The age of `records` per source and the source catalogue, as every report shows them."""
    freshness = quality.freshness(records, today)
    freshness["source"] = freshness["source"].map(lambda k: sources.label(catalogue, k))
    return freshness, catalogue.assign(vintage=catalogue["vintage"].map(texts.common.vintage_text))


def gaps_note(data: RegionData) -> str:
    minimum = fmt_int(gap.DEFAULT_MINIMUM_POPULATION)
    return texts.rapport.REPORT_GAPS_NOTE.format(n=fmt_int(len(data.communes)), minimum=minimum)
