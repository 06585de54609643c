"""The département report for prefecture partners: one self-contained HTML file (Plotly embedded, offline,
printable to A4 from a browser). A plain-language summary first, then the figures, the EPCI charts (named
horizontal bars), the largest gaps, the data's freshness, the sources and a glossary. Every value from
data is escaped; tables are in French formats (see `views.tables`)."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from .. import texts
from ..analysis import coverage, gap, quality, sources
from ..analysis.departement import (
    ReportInputs,
    epci_coverage,
    gap_ranking,
    key_figures,
    region_figures,
)
from ..config import REGION
from ..formatting import fmt_date, fmt_decimal, fmt_estimate, fmt_int, fmt_percent
from . import charts, plots
from .corrections import vigilance_html
from .report_blocks import NUMERIC, PRINT_CSS, Sentence, sentence, sentence_html
from .tables import Kinds, display_values


def _esc(value) -> str:
    return html.escape("" if value is None else str(value))


def _figure(key: str, label: str, value: str, note: str = "") -> str:
    return (
        f'<div class="figure"><div class="value" data-figure="{key}">{_esc(value)}</div>'
        f'<div class="label">{_esc(label)}</div><div class="source">{_esc(note)}</div></div>'
    )


def _table(frame: pd.DataFrame, table_id: str, names: dict, kinds: Kinds | None = None) -> str:
    """A French table: headers from `names`, cells as displayed on screen, numbers right-aligned."""
    kinds = kinds or {}
    shown = display_values(frame, kinds)
    head = "".join(f"<th>{_esc(names.get(c, c))}</th>" for c in frame.columns)
    cells = [' class="n"' if kinds.get(c) in NUMERIC else "" for c in frame.columns]
    body = "".join(
        "<tr>"
        + "".join(f"<td{a}>{_esc(v)}</td>" for a, v in zip(cells, row, strict=True))
        + "</tr>"
        for row in shown.itertuples(index=False)
    )
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _chart(figure: go.Figure, chart_id: str) -> str:
    config = {"displaylogo": False, "locale": "fr", "responsive": True}
    return (
        f'<div class="chart" id="{chart_id}">'
        + figure.to_html(full_html=False, include_plotlyjs=False, config=config)
        + "</div>"
    )


def figure_rows(figures: dict, catalogue: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """(key, label, value, source note) of each key figure, formatted once for every renderer."""
    population_note = sources.short(catalogue, "population")
    labels = texts.REPORT_FIGURES
    return [
        (
            "lieux",
            labels["lieux"],
            fmt_int(figures["lieux"]),
            texts.REPORT_LIEUX_NOTE.format(n=len(sources.lieux_sources(catalogue))),
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
            texts.REPORT_WITHIN_NOTE,
        ),
        (
            "distance_mediane_km",
            labels["distance_mediane_km"],
            f"{fmt_decimal(figures['distance_mediane_km'], 1)} km",
            texts.REPORT_DISTANCE_NOTE,
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
            texts.REPORT_IFN_NOTE.format(source=sources.short(catalogue, "ifn2020_iris")),
        ),
        (
            "illectronisme_estime",
            labels["illectronisme_estime"],
            fmt_estimate(figures["illectronisme_estime"]),
            texts.REPORT_ILLECTRONISME_NOTE,
        ),
    ]


def summary(name: str, figures: dict, region: dict, ranking: pd.DataFrame) -> list[Sentence]:
    """The plain-language summary, one sentence per finding."""
    first, second, third, fourth, fifth = texts.REPORT_SUMMARY
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


def _epci_charts(dep: str, name: str, inputs: ReportInputs) -> list[str]:
    epci, dep_row = epci_coverage(dep, inputs)
    lieux = inputs.lieux[inputs.lieux["departement"] == dep]
    epci_names = dict(zip(inputs.epci_names["code"], inputs.epci_names["nom"], strict=True))
    rate = charts.Measure(texts.REPORT_EPCI_RATE, "lieux pour 10 000 habitants", "rate")
    within = charts.Measure(texts.REPORT_EPCI_WITHIN, "% des habitants", "share")
    return [
        _chart(
            plots.commune_distance_map(
                inputs.communes[inputs.communes["departement"] == dep].merge(
                    inputs.access, on="code_insee"
                ),
                inputs.geometries,
                lieux,
                texts.REPORT_MAP_CHART.format(name=name),
            ),
            "carte",
        ),
        *[
            _chart(
                charts.territory_bar(
                    epci["nom"],
                    epci["code"],
                    epci[column],
                    measure,
                    measure.label,
                    dep_row[column],
                    name,
                ),
                chart_id,
            )
            for column, measure, chart_id in (
                ("lieux_pour_10000", rate, "epci_lieux"),
                ("part_population_10km", within, "epci_10km"),
            )
        ],
        _chart(
            charts.label_stack(
                coverage.label_composition(lieux.assign(epci=lieux["epci_siren"]), "epci"),
                "epci",
                epci_names,
                texts.REPORT_EPCI_LABELS,
            ),
            "labels",
        ),
        f'<p class="source">{_esc(texts.REPORT_EPCI_NOTE)}</p>',
    ]


def history_table(history: pd.DataFrame | None, dep: str) -> pd.DataFrame:
    """Lieux of the département in each published version, with its sources' vintages."""
    if history is None or history.empty:
        return pd.DataFrame(columns=["version", "millesimes", "lieux"])
    mine = history[history["departement"] == dep]
    table = mine.groupby(["version", "millesimes"], sort=False)["lieux"].sum().reset_index()
    table["version"] = table["version"].map(texts.version_label)
    return table


def freshness_and_sources(
    records: pd.DataFrame, catalogue: pd.DataFrame, today: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The age of `records` per source and the source catalogue, as every report shows them."""
    freshness = quality.freshness(records, today)
    freshness["source"] = freshness["source"].map(lambda k: sources.label(catalogue, k))
    return freshness, catalogue.assign(vintage=catalogue["vintage"].map(texts.vintage_text))


def gaps_note(inputs: ReportInputs) -> str:
    minimum = fmt_int(gap.DEFAULT_MINIMUM_POPULATION)
    return texts.REPORT_GAPS_NOTE.format(n=fmt_int(len(inputs.communes)), minimum=minimum)


def build_report(
    dep: str, inputs: ReportInputs, today: dt.date, history: pd.DataFrame | None = None
) -> str:
    """The whole report as one HTML document (`history`: lieux per published version, if any)."""
    name = inputs.departements.set_index("code").loc[dep, "nom"]
    figures = key_figures(dep, inputs)
    ranking = gap_ranking(dep, inputs)
    records = inputs.records[inputs.records["departement"] == dep]
    freshness, catalogue = freshness_and_sources(records, inputs.catalogue, today)
    title = texts.REPORT_HEADING.format(name=name, dep=dep)
    glossary = "".join(
        f"<dt>{_esc(term)}</dt><dd>{_esc(text)}</dd>"
        for term, text in texts.REPORT_GLOSSARY.items()
    )
    summary_items = "".join(
        f"<li>{sentence_html(s)}</li>"
        for s in summary(name, figures, region_figures(inputs), ranking)
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{PRINT_CSS}</style>",
        f"<script>{get_plotlyjs()}</script></head><body>",
        f"<h1>{_esc(title)}</h1>",
        f'<p class="source">{_esc(texts.REPORT_GENERATED.format(today=fmt_date(today)))}</p>',
        f"<h2>{_esc(texts.REPORT_SUMMARY_TITLE)}</h2>",
        f'<ul class="summary" id="resume">{summary_items}</ul>',
        f"<h2>{_esc(texts.REPORT_KEY_FIGURES)}</h2>",
        f'<div class="figures">{"".join(_figure(*r) for r in figure_rows(figures, inputs.catalogue))}</div>',
        f'<p class="source estimate">{_esc(texts.REPORT_ESTIMATE_NOTE)}</p>',
        f"<h2>{_esc(texts.REPORT_MAP_TITLE)}</h2>",
        *_epci_charts(dep, name, inputs),
        f"<h2>{_esc(texts.REPORT_GAPS_TITLE)}</h2>",
        _table(
            ranking[list(texts.REPORT_GAP_COLUMNS)],
            "classement",
            texts.REPORT_GAP_COLUMNS,
            {**texts.GAP_KINDS, "rang": "int", "population": "int"},
        ),
        f'<p class="source">{_esc(gaps_note(inputs))}</p>',
        f"<h2>{_esc(texts.REPORT_HISTORY_TITLE)}</h2>",
        _table(
            history_table(history, dep),
            "historique",
            texts.REPORT_HISTORY_COLUMNS,
            {"lieux": "int"},
        ),
        f'<p class="source">{_esc(texts.REPORT_HISTORY_NOTE)}</p>',
        vigilance_html(inputs.lieux[inputs.lieux["departement"] == dep], today),
        f"<h2>{_esc(texts.REPORT_FRESHNESS_TITLE)}</h2>",
        _table(freshness, "fraicheur", texts.QUALITY_COLUMNS),
        f'<p class="source">{_esc(texts.REPORT_FRESHNESS_NOTE.format(today=fmt_date(today)))}</p>',
        f"<h2>{_esc(texts.REPORT_SOURCES_TITLE)}</h2>",
        _table(
            catalogue[["title", "producer", "vintage", "licence"]],
            "sources",
            texts.CATALOGUE_COLUMNS,
        ),
        f"<h2>{_esc(texts.REPORT_GLOSSARY_TITLE)}</h2>",
        f'<dl id="lexique">{glossary}</dl>',
        "</body></html>",
    ]
    return "\n".join(parts)
