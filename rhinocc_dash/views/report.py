"""The département report for prefecture partners: one self-contained HTML file (Plotly embedded, offline,
printable to A4 from a browser). A plain-language summary first, then the figures, the EPCI charts (named
horizontal bars), the largest gaps, the data's freshness, the sources and a glossary. Every value from
data is escaped; tables are in French formats (see `views.tables`)."""

from __future__ import annotations

import datetime as dt
import html
import re

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
from . import charts, palette, plots
from .tables import Kinds, display_values

PRINT_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:1000px;margin:auto;
padding:1.5em;line-height:1.45}h1{color:PRIMARY_COLOUR;margin-bottom:.2em}h2{border-bottom:2px solid PRIMARY_COLOUR;
padding-bottom:.2em;margin-top:1.6em}.summary{background:#f3f8f9;border-left:4px solid PRIMARY_COLOUR;padding:.4em 1em}
.figures{display:grid;grid-template-columns:repeat(3,1fr);gap:.8em}.figure{border:1px solid #ccd;
border-radius:6px;padding:.6em}.figure .value{font-size:1.6em;font-weight:600}.figure .label{font-size:.9em}
.source{color:#555;font-size:.85em}table{border-collapse:collapse;width:100%;font-size:.85em}
th,td{border:1px solid #ccd;padding:.25em .4em;text-align:left}td.n{text-align:right;white-space:nowrap}
th{background:#eef4f6}.estimate{font-style:italic}dt{font-weight:600;margin-top:.4em}dd{margin-left:1.2em}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}.chart,.figures,table,.summary{break-inside:avoid}
@page{size:A4;margin:14mm}}
""".replace("PRIMARY_COLOUR", palette.hex_colour(palette.PRIMARY))
NUMERIC = {"int", "decimal0", "decimal1", "decimal2", "percent", "percent_value", "estimate"}
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _esc(value) -> str:
    return html.escape("" if value is None else str(value))


def _sentence(template: str, **values) -> str:
    """A summary sentence: values escaped, **bold** markers turned into <strong>."""
    text = _esc(template.format(**{k: str(v) for k, v in values.items()}))
    return _BOLD.sub(r"<strong>\1</strong>", text)


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


def _blocks(figures: dict, catalogue: pd.DataFrame) -> list[str]:
    population_note = sources.short(catalogue, "population")
    labels = texts.REPORT_FIGURES
    return [
        _figure(
            "lieux",
            labels["lieux"],
            fmt_int(figures["lieux"]),
            texts.REPORT_LIEUX_NOTE.format(n=len(sources.lieux_sources(catalogue))),
        ),
        _figure(
            "lieux_pour_10000",
            labels["lieux_pour_10000"],
            fmt_decimal(figures["lieux_pour_10000"], 2),
            population_note,
        ),
        _figure(
            "population", labels["population"], fmt_int(figures["population"]), population_note
        ),
        _figure(
            "communes_avec_lieu",
            labels["communes_avec_lieu"],
            f"{fmt_int(figures['communes_avec_lieu'])} / {fmt_int(figures['communes'])}",
            sources.short(catalogue, "communes"),
        ),
        _figure(
            "part_population_10km",
            labels["part_population_10km"],
            fmt_percent(figures["part_population_10km"]),
            texts.REPORT_WITHIN_NOTE,
        ),
        _figure(
            "distance_mediane_km",
            labels["distance_mediane_km"],
            f"{fmt_decimal(figures['distance_mediane_km'], 1)} km",
            texts.REPORT_DISTANCE_NOTE,
        ),
        _figure(
            "taux_pauvrete",
            labels["taux_pauvrete"],
            fmt_percent(figures["taux_pauvrete"], ratio=False),
            sources.short(catalogue, "filosofi_departement"),
        ),
        _figure(
            "ifn2020_global",
            labels["ifn2020_global"],
            fmt_decimal(figures["ifn2020_global"], 1),
            texts.REPORT_IFN_NOTE.format(source=sources.short(catalogue, "ifn2020_iris")),
        ),
        _figure(
            "illectronisme_estime",
            labels["illectronisme_estime"],
            fmt_estimate(figures["illectronisme_estime"]),
            texts.REPORT_ILLECTRONISME_NOTE,
        ),
    ]


def summary(name: str, figures: dict, region: dict, ranking: pd.DataFrame) -> list[str]:
    """The plain-language summary, one sentence per finding (HTML, escaped)."""
    first, second, third, fourth, fifth = texts.REPORT_SUMMARY
    beyond_share = figures["population_au_dela_10km"] / figures["population"]
    sentences = [
        _sentence(
            first,
            lieux=fmt_int(figures["lieux"]),
            rate=fmt_decimal(figures["lieux_pour_10000"], 1),
            region=REGION.name,
            region_rate=fmt_decimal(region["lieux_pour_10000"], 1),
        ),
        _sentence(
            second,
            median=fmt_decimal(figures["distance_mediane_km"], 1),
            region=REGION.name,
            region_median=fmt_decimal(region["distance_mediane_km"], 1),
            beyond=fmt_int(figures["population_au_dela_10km"]),
            beyond_share=fmt_percent(beyond_share),
        ),
        _sentence(
            third,
            with_lieu=fmt_int(figures["communes_avec_lieu"]),
            communes=fmt_int(figures["communes"]),
        ),
        _sentence(fourth, illectronisme=fmt_estimate(figures["illectronisme_estime"]).capitalize()),
    ]
    if len(ranking):
        sentences.append(_sentence(fifth, gaps=", ".join(ranking["nom"].head(3))))
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


def build_report(dep: str, inputs: ReportInputs, today: dt.date) -> str:
    """The whole report as one HTML document."""
    name = inputs.departements.set_index("code").loc[dep, "nom"]
    figures = key_figures(dep, inputs)
    ranking = gap_ranking(dep, inputs)
    freshness = quality.freshness(inputs.records[inputs.records["departement"] == dep], today)
    freshness["source"] = freshness["source"].map(lambda k: sources.label(inputs.catalogue, k))
    catalogue = inputs.catalogue.assign(vintage=inputs.catalogue["vintage"].map(texts.vintage_text))
    title = texts.REPORT_HEADING.format(name=name, dep=dep)
    gaps_note = texts.REPORT_GAPS_NOTE.format(
        n=fmt_int(len(inputs.communes)), minimum=fmt_int(gap.DEFAULT_MINIMUM_POPULATION)
    )
    glossary = "".join(
        f"<dt>{_esc(term)}</dt><dd>{_esc(text)}</dd>"
        for term, text in texts.REPORT_GLOSSARY.items()
    )
    summary_items = "".join(
        f"<li>{s}</li>" for s in summary(name, figures, region_figures(inputs), ranking)
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
        f'<div class="figures">{"".join(_blocks(figures, inputs.catalogue))}</div>',
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
        f'<p class="source">{_esc(gaps_note)}</p>',
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
