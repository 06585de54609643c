"""The partner reports as PDF, A4, laid out on the server by Typst (the `typst` wheel: no browser, no
system library), charts as vector SVG from `static_charts`.

The département report here, the regional one (the 13 départements compared) in `report_region`: each with a one-page
summary first and, on every page, the date, the sources, the data's edition and « page X / N ». The
same blocks make the HTML report (`report_blocks.to_html`); its sentences and tables are formatted once
in `report_departement`. Values
never enter Typst markup: the document goes to `templates/report.typ` as JSON and every string is
placed as text, the Typst counterpart of a bound SQL parameter.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import matplotlib
import pandas as pd
import typst

from .. import texts
from ..analysis import coverage, sources
from ..analysis.figures import (
    RegionData,
    departement_figures,
    departement_gap_ranking,
    epci_coverage,
    region_coverage,
)
from ..shared.config import REGION
from ..shared.formatting import fmt_date
from ..texts.corrections import VIGILANCE_COLUMNS, VIGILANCE_TITLE
from . import palette, static_charts
from .charts import Measure
from .corrections import vigilance_parts
from .report_blocks import (
    Edition,
    chart,
    figures,
    glossary,
    heading,
    note,
    pagebreak,
    sentences,
    table,
)
from .report_departement import (
    figure_rows,
    freshness_and_sources,
    gaps_note,
    history_table,
    summary,
)

TEMPLATE = Path(__file__).parent / "templates" / "report.typ"
# DejaVu Sans ships with matplotlib: the same font in the text and the charts, on every machine.
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
GAP_KINDS = {**texts.ecarts.GAP_KINDS, "rang": "int", "population": "int"}
FOOTER_KEYS = ("population", "filosofi_departement", "ifn2020_iris", "communes_2018")
RATE = Measure("", "lieux pour 10 000 habitants", "rate")
SHARE = Measure("", "% des habitants", "share")


def footer_sources(catalogue: pd.DataFrame) -> str:
    """The sources line of every page: today's venue sources, then the producers of the other data."""
    rows = catalogue.set_index("key")
    lieux = ", ".join(rows.at[k, "name"] for k in sources.lieux_sources(catalogue))
    others = " ; ".join(
        f"{rows.at[k, 'producer']}, {texts.common.vintage_text(rows.at[k, 'vintage'])}"
        for k in FOOTER_KEYS
        if k in rows.index
    )
    return texts.rapport.REPORT_FOOTER_SOURCES.format(lieux=lieux, others=others)


def report_document(title: str, today: dt.date, edition: Edition, catalogue, blocks: list) -> dict:
    return {
        "title": title,
        "author": "rhinocc-dash",
        "date": today.isoformat(),
        "dated": texts.rapport.REPORT_DATED.format(today=fmt_date(today)),
        "edition": edition.text(),
        "sources": footer_sources(catalogue),
        "page": texts.rapport.REPORT_PAGE,
        "colours": {"primary": palette.hex_colour(palette.PRIMARY)},
        "blocks": blocks,
    }


def summary_page(
    title: str,
    figures_: dict,
    catalogue,
    summary_: list,
    top_gaps: pd.DataFrame,
    today: dt.date,
) -> list:
    """Page 1: title, key figures, the plain-language summary, the three largest gaps (`top_gaps`:
    the ranking's first rows, with the columns to show)."""
    names = {**texts.rapport.REPORT_REGION_GAP_COLUMNS, **texts.rapport.REPORT_TOP_GAPS_COLUMNS}
    widths = {"rang": 1.1, "nom": 2, "departement_nom": 1.8, "population": 1.3, "ecart": 0.9}
    return [
        {
            "type": "title",
            "text": title,
            "lead": texts.rapport.REPORT_GENERATED.format(today=fmt_date(today)),
        },
        figures(figure_rows(figures_, catalogue)),
        note(texts.rapport.REPORT_ESTIMATE_NOTE.format(**REGION.illectronism_words())),
        heading(texts.rapport.REPORT_SUMMARY_TITLE),
        sentences(summary_, "resume"),
        heading(texts.rapport.REPORT_TOP_GAPS_TITLE),
        table(
            top_gaps.head(3),
            "trois_ecarts",
            names,
            GAP_KINDS,
            [widths.get(c, 7) for c in top_gaps.columns],
        ),
        pagebreak(),
    ]


def closing_pages(
    records: pd.DataFrame, catalogue: pd.DataFrame, today: dt.date, title: str
) -> list:
    """Freshness of the records, the sources, the glossary: the last pages of both reports."""
    freshness, shown = freshness_and_sources(records, catalogue, today)
    return [
        heading(title),
        table(freshness, "fraicheur", texts.qualite.QUALITY_COLUMNS, widths=(3, 1, *[1.2] * 6)),
        note(texts.rapport.REPORT_FRESHNESS_NOTE.format(today=fmt_date(today))),
        heading(texts.rapport.REPORT_SOURCES_TITLE),
        table(
            shown[["title", "producer", "vintage", "licence"]],
            "sources",
            texts.qualite.CATALOGUE_COLUMNS,
            widths=(4, 2.6, 1.2, 2.6),
        ),
        heading(texts.rapport.REPORT_GLOSSARY_TITLE),
        glossary(texts.rapport.REPORT_GLOSSARY),
    ]


def _epci_charts(dep: str, name: str, inputs: RegionData) -> list:
    epci, dep_row = epci_coverage(dep, inputs)
    lieux = inputs.lieux[inputs.lieux["departement"] == dep]
    communes = inputs.communes[inputs.communes["departement"] == dep]
    names = dict(zip(inputs.epci_names["code"], inputs.epci_names["nom"], strict=True))
    labels = coverage.label_composition(lieux.assign(epci=lieux["epci_siren"]), "epci")
    map_note = texts.rapport.REPORT_MAP_NOTE.format(
        communes=sources.short(inputs.catalogue, "communes_2018"),
        lieux=len(sources.lieux_sources(inputs.catalogue)),
    )
    return [
        chart(
            texts.rapport.REPORT_MAP_CHART.format(name=name),
            static_charts.commune_map(
                communes.merge(inputs.access, on="code_insee"), inputs.geometries, lieux
            ),
            "carte",
            map_note,
        ),
        *[
            chart(
                title,
                static_charts.territory_bars(
                    epci["nom"], epci[column], measure, dep_row[column], name
                ),
                chart_id,
                texts.rapport.REPORT_EPCI_NOTE,
            )
            for column, measure, title, chart_id in (
                ("lieux_pour_10000", RATE, texts.rapport.REPORT_EPCI_RATE, "epci_lieux"),
                ("part_population_10km", SHARE, texts.rapport.REPORT_EPCI_WITHIN, "epci_10km"),
            )
        ],
        chart(
            texts.rapport.REPORT_EPCI_LABELS,
            static_charts.label_stack(labels, "epci", names),
            "labels",
            texts.rapport.REPORT_EPCI_NOTE,
        ),
    ]


def departement_document(
    dep: str,
    inputs: RegionData,
    today: dt.date,
    edition: Edition,
    history: pd.DataFrame | None = None,
    programmes: list | None = None,
) -> dict:
    """The département report as blocks (see `report_blocks`), drawn to PDF (`to_pdf`) and HTML
    (`report_blocks.to_html`) alike;
    `programmes`: the blocks of its national programmes section (`report_dispositifs`), if any."""
    name = inputs.departements.set_index("code").loc[dep, "nom"]
    figures_ = departement_figures(dep, inputs)
    ranking = departement_gap_ranking(dep, inputs)
    title = texts.rapport.REPORT_HEADING.format(name=name, dep=dep)
    summary_ = summary(name, figures_, region_coverage(inputs), ranking)
    records = inputs.records[inputs.records["departement"] == dep]
    blocks = [
        *summary_page(
            title,
            figures_,
            inputs.catalogue,
            summary_,
            ranking[list(texts.rapport.REPORT_TOP_GAPS_COLUMNS)],
            today,
        ),
        heading(texts.rapport.REPORT_MAP_TITLE),
        *_epci_charts(dep, name, inputs),
        heading(texts.rapport.REPORT_GAPS_TITLE),
        table(
            ranking[list(texts.rapport.REPORT_GAP_COLUMNS)],
            "classement",
            texts.rapport.REPORT_GAP_COLUMNS,
            GAP_KINDS,
            (1.4, 2.9, 1.5, 1.8, 1.5, 1.1, 4.2),
        ),
        note(gaps_note(inputs)),
        heading(texts.rapport.REPORT_HISTORY_TITLE),
        table(
            history_table(history, dep),
            "historique",
            texts.rapport.REPORT_HISTORY_COLUMNS,
            {"lieux": "int"},
            (2, 6, 1),
        ),
        note(texts.rapport.REPORT_HISTORY_NOTE),
        *_vigilance(inputs.lieux[inputs.lieux["departement"] == dep], today),
        *(programmes or []),
        *closing_pages(records, inputs.catalogue, today, texts.rapport.REPORT_FRESHNESS_TITLE),
    ]
    return report_document(title, today, edition, inputs.catalogue, blocks)


def _vigilance(lieux: pd.DataFrame, today: dt.date) -> list:
    """The « points de vigilance » (freshness of the département's lieux), as in the HTML report."""
    sentence, frame, rule = vigilance_parts(lieux, today)
    return [
        heading(VIGILANCE_TITLE),
        note(sentence),
        table(frame, "vigilance-niveaux", VIGILANCE_COLUMNS, {"lieux": "int", "part": "percent"}, (3, 1, 1)),
        note(rule),
    ]


def typst_pdf(template: Path, document: dict) -> bytes:
    """Lay a document out with a Typst template; fonts are DejaVu Sans (from matplotlib) only, so the
    same document gives the same PDF on any machine; the PDF's date is the document's."""
    day = dt.datetime.fromisoformat(document["date"])
    return typst.compile(
        template.read_bytes(),
        format="pdf",
        sys_inputs={"data": json.dumps(document, ensure_ascii=False)},
        font_paths=[str(FONTS)],
        ignore_system_fonts=True,
        timestamp=day.replace(tzinfo=dt.UTC),
    )


def to_pdf(document: dict) -> bytes:
    """The report as a PDF (`templates/report.typ`)."""
    return typst_pdf(TEMPLATE, document)
