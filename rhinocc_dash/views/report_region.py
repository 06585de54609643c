"""The regional partner report: the région's one-page summary, the 13 départements compared (table and
named bar charts), the région's largest gaps, the sources and the glossary, as blocks for `report_pdf`
(PDF) or `report_blocks.to_html` (HTML)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import texts
from ..analysis import sources
from ..analysis.figures import RegionData, extremes, regional_gap_ranking
from ..shared.config import REGION
from ..shared.formatting import fmt_decimal, fmt_estimate, fmt_int, fmt_percent
from . import static_charts
from .charts import Measure
from .report_blocks import Edition, chart, heading, note, sentence, table
from .report_departement import gaps_note
from .report_pdf import GAP_KINDS, RATE, SHARE, closing_pages, report_document, summary_page

KM = Measure("", "km (médiane des habitants)", "km")
POVERTY = Measure("", "% de la population (Filosofi 2019)", "share")


def region_summary(figures_: dict, comparison: pd.DataFrame, ranking: pd.DataFrame) -> list:
    """The regional report's plain-language summary, one sentence per finding."""
    first, second, third, fourth, fifth = texts.rapport.REPORT_REGION_SUMMARY
    low, high = extremes(comparison, "lieux_pour_10000")
    farthest = extremes(comparison, "population_au_dela_10km")[1]
    found = [
        sentence(
            first,
            lieux=fmt_int(figures_["lieux"]),
            rate=fmt_decimal(figures_["lieux_pour_10000"], 1),
            low_rate=fmt_decimal(low["lieux_pour_10000"], 1),
            low_name=low["nom"],
            high_rate=fmt_decimal(high["lieux_pour_10000"], 1),
            high_name=high["nom"],
        ),
        sentence(
            second,
            median=fmt_decimal(figures_["distance_mediane_km"], 1),
            beyond=fmt_int(figures_["population_au_dela_10km"]),
            beyond_share=fmt_percent(figures_["population_au_dela_10km"] / figures_["population"]),
            top_beyond=fmt_int(farthest["population_au_dela_10km"]),
            top_name=farthest["nom"],
        ),
        sentence(
            third,
            with_lieu=fmt_int(figures_["communes_avec_lieu"]),
            communes=fmt_int(figures_["communes"]),
        ),
        sentence(fourth, illectronisme=fmt_estimate(figures_["illectronisme_estime"]).capitalize()),
    ]
    if len(ranking):
        gaps = [
            f"{n} ({d})" for n, d in zip(ranking["nom"], ranking["departement_nom"], strict=True)
        ]
        found.append(sentence(fifth, gaps=", ".join(gaps[:3])))
    return found


def region_document(
    inputs: RegionData,
    comparison: pd.DataFrame,
    figures_: dict,
    today: dt.date,
    edition: Edition,
    programmes: list | None = None,
) -> dict:
    """The regional report as blocks: `comparison` from `service.report_comparison`,
    `figures_` from `service.report_figures`; `programmes`: the blocks of the national
    programmes section (`report_dispositifs`), if any."""
    ranking = regional_gap_ranking(inputs).head(20)
    title = texts.rapport.REPORT_REGION_HEADING.format(name=REGION.name, n=len(comparison))
    total = pd.DataFrame([{**figures_, "nom": REGION.name}])
    columns = list(texts.rapport.REPORT_COMPARE_COLUMNS)
    kinds = {"taux_pauvrete": "percent_value", "lieux_pour_10000": "decimal2"}
    compare_note = texts.rapport.REPORT_COMPARE_NOTE.format(
        population=sources.short(inputs.catalogue, "population"),
        poverty=sources.short(inputs.catalogue, "filosofi_departement"),
    )
    charts_ = [
        chart(
            texts.rapport.REPORT_COMPARE_CHARTS[column],
            static_charts.territory_bars(
                comparison["nom"],
                comparison[column] / scale,
                measure,
                figures_[column] / scale,
                REGION.name,
            ),
            f"departements_{column}",
            texts.rapport.REPORT_CHARTS_NOTE,
        )
        # Filosofi's poverty rate is a percentage already: shown as a share of 1, like the others.
        for column, measure, scale in (
            ("lieux_pour_10000", RATE, 1),
            ("part_population_10km", SHARE, 1),
            ("distance_mediane_km", KM, 1),
            ("taux_pauvrete", POVERTY, 100),
        )
    ]
    blocks = [
        *summary_page(
            title,
            figures_,
            inputs.catalogue,
            region_summary(figures_, comparison, ranking),
            ranking[["rang", "nom", "departement_nom", "population", "ecart", "pourquoi"]],
            today,
        ),
        heading(texts.rapport.REPORT_COMPARE_TITLE),
        table(
            pd.concat([comparison[columns], total[columns]], ignore_index=True),
            "comparaison",
            texts.rapport.REPORT_COMPARE_COLUMNS,
            kinds,
            (2.2, 1, 1.3, 1.4, 1.3, 1.3, 1.1),
            total=True,
        ),
        note(compare_note),
        *charts_,
        heading(texts.rapport.REPORT_REGION_GAPS_TITLE),
        table(
            ranking[list(texts.rapport.REPORT_REGION_GAP_COLUMNS)],
            "classement",
            texts.rapport.REPORT_REGION_GAP_COLUMNS,
            GAP_KINDS,
            (0.7, 1.8, 1.5, 1.4, 1.9, 1.4, 1.1, 5.2),
        ),
        note(gaps_note(inputs)),
        *(programmes or []),
        *closing_pages(
            inputs.records, inputs.catalogue, today, texts.rapport.REPORT_REGION_FRESHNESS_TITLE
        ),
    ]
    return report_document(title, today, edition, inputs.catalogue, blocks)
