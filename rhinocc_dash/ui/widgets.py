"""Streamlit side, widgets: legends, tables with downloads, detail cards, the router guard."""

from __future__ import annotations

import html
import runpy

import pandas as pd
import streamlit as st

from .. import texts
from ..analysis import service, sources
from ..analysis.indicators import INDICATORS, aggregation_note
from ..config import PROJECT_ROOT
from ..formatting import fmt_decimal, fmt_int, md_text
from ..views import charts, deck, url_state
from ..views.cards import lieu_card
from ..views.corrections import freshness_rows
from ..views.legend import legend, mark_need
from ..views.standard import to_standard, to_standard_csv, to_standard_geojson
from ..views.tables import lieux_export
from .corrections import report_form
from .data import caption, catalogue, query, service_frame, today
from .source_notes import source_note, with_note
from .tables import csv_button, table


def is_phone() -> bool:
    """Whether the browser says it is a phone (its User-Agent): the map then starts zoomed out so that
    the whole région fits a 390-pixel-wide screen."""
    agent = (st.context.headers or {}).get("User-Agent", "")
    return "Mobi" in agent or "Android" in agent


def sidebar(pages: list | None = None) -> None:
    """The menu (our own page links: Streamlit's automatic menu would first flash the raw file names
    of `pages/` on a freshly started server, so it is hidden in .streamlit/config.toml), then a note."""
    menu = st.sidebar.container(key="rhinocc_menu")  # a navigation list (ui/a11y_fr.js)
    for page in pages or []:
        menu.page_link(page)
    if pages:
        st.sidebar.divider()
    st.sidebar.caption(texts.SIDEBAR_NOTE)


def html_legend(
    title: str, entries: list[tuple[tuple[int, int, int], str, int]], note: str | None = None
) -> None:
    """A legend beside the map: colour swatch, label and count on each row (labels are escaped)."""
    rows = "".join(
        f'<div style="display:flex;align-items:center;gap:.5em;margin:.15em 0">'
        f'<span style="display:inline-block;width:1em;height:1em;border:1px solid #555;'
        f'background:rgb{tuple(colour)}"></span><span>{html.escape(label)} '
        f'<span style="color:#555">({fmt_int(count)})</span></span></div>'
        for colour, label, count in entries
    )
    extra = f'<div style="color:#555;font-size:.85em">{html.escape(note)}</div>' if note else ""
    st.markdown(f"<div><b>{html.escape(title)}</b>{rows}{extra}</div>", unsafe_allow_html=True)


def lieux_table(shown: pd.DataFrame, download: tuple[str, str] | None = None, **options):
    """The filtered lieux as a French table (lists joined, dates dd/mm/yyyy); the CSV file carries
    the contact details and the hours as well (in French, and in OSM form)."""
    event = table(
        shown[list(texts.MAP_TABLE_COLUMNS)],
        texts.MAP_TABLE_COLUMNS,
        {"date_maj": "date", "services": "list"},
        **options,
    )
    if download:
        frame, kinds = lieux_export(shown, texts.LIEUX_EXPORT_COLUMNS)
        csv_button(frame, download[0], download[1], kinds)
    return event


def through_router() -> None:
    """Run the app's router when Streamlit runs a page file directly.

    With a `pages/` folder beside app.py, Streamlit's first run on a fresh server follows the old
    multipage convention: a shared link such as /carte runs pages/carte.py without app.py, so the
    page would lose the navigation and page settings. The router then takes over and this run stops.
    """
    try:  # an internal module of Streamlit: absent from versions without the old convention
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:
        return
    if PagesManager.uses_pages_directory:
        runpy.run_path(str(PROJECT_ROOT / "app.py"), run_name="__main__")
        st.stop()


def chart_block(
    figure,
    table_frame: pd.DataFrame,
    filename: str,
    caption: str,
    key: str,
    select: bool = False,
    names: dict | None = None,
    kinds: dict | None = None,
):
    """A chart with its source caption and the download of its table; returns the selection event."""
    event = st.plotly_chart(
        figure,
        width="stretch",
        key=key,
        on_select="rerun" if select else "ignore",
        selection_mode="points",
        config={"displaylogo": False, "locale": "fr"},
    )
    source_note(caption)
    csv_button(table_frame.rename(columns=names or {}), filename, f"{key}_csv", kinds)
    return event


def clicked_code(event) -> str | None:
    """The `customdata` code of the bar clicked in a plotly chart, if any."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    return points[0].get("customdata") if points else None


def frame_with_total(frame: pd.DataFrame, total: dict) -> pd.DataFrame:
    """A territory table followed by its total row."""
    return pd.concat([frame, pd.DataFrame([total])], ignore_index=True)[list(frame.columns)]


def reference(measure, values: pd.Series, total: dict, name: str) -> tuple[float, str]:
    """The reference line of a territory bar chart: the average per territory for a count (a total
    would flatten every bar), the whole area's own value for a rate, share or distance."""
    if measure.kind in ("count", "people"):
        return float(values.mean()), texts.COVERAGE_AVERAGE
    return total[values.name], name


@st.fragment
def epci_drill_down(dep: str, dep_name: str, metric: str, measure, source: str) -> None:
    """The EPCI of a département: chart, table and the communes farthest from a lieu (reruns alone)."""
    epci, dep_row = service_frame(service.epci_coverage, dep)
    st.header(f"{texts.COVERAGE_EPCI_TITLE} · {dep} {dep_name}")
    chart_block(
        charts.territory_bar(
            epci["nom"],
            epci["code"],
            epci[metric],
            measure,
            f"{measure.label}, par EPCI",
            *reference(measure, epci[metric], dep_row, dep_name),
        ),
        epci[["code", "nom", metric]],
        f"graphique_epci_{dep}_{metric}.csv",
        with_note(source, texts.COVERAGE_EPCI_NOTE),
        "cov_epci_bar",
        names=texts.COVERAGE_COLUMNS,
        kinds=texts.COVERAGE_KINDS,
    )
    coverage_table(frame_with_total(epci, dep_row), f"couverture_epci_{dep}.csv", "cov_epci_table")
    st.header(f"{texts.COVERAGE_FARTHEST_TITLE} · {dep} {dep_name}")
    farthest = service_frame(service.farthest_communes, dep)
    table(
        farthest,
        texts.COVERAGE_FARTHEST_COLUMNS,
        {"distance_mediane_km": "decimal1", "part_population_10km": "percent"},
        download=(f"communes_eloignees_{dep}.csv", "cov_farthest"),
    )
    source_note(source)


def coverage_table(frame: pd.DataFrame, filename: str, key: str) -> None:
    """A sortable coverage table in French, and its CSV download."""
    columns = [c for c in texts.COVERAGE_COLUMNS if c in frame.columns]
    table(frame[columns], texts.COVERAGE_COLUMNS, texts.COVERAGE_KINDS, download=(filename, key))


def source_with_vintage(records: pd.DataFrame) -> dict:
    """Column titles « Source (millésime) » for per-source tables."""
    vintages = records.drop_duplicates("source").set_index("source")["source_vintage"]
    names = sources.names(catalogue())
    return {key: f"{names.get(key, key)} ({vintage})" for key, vintage in vintages.items()} | {
        "departement": "Département"
    }


def url_notices(notices: list[str]) -> None:
    """The link's values that were ignored, shown as plain text (never Markdown from the URL)."""
    if notices:
        st.warning(texts.MAP_URL_NOTICE + "\n" + "\n".join(f"- {md_text(n)}" for n in notices))


def map_legends(shown, layers, colour_by, source_keys, level, indicator, classes, breaks) -> None:
    """The legends beside the map: points by category (with approximate positions), the indicator's
    classes (which end is worse, how it is aggregated, its sources), density and QPV notes."""
    if "points" in layers:
        colours = deck.category_colours(colour_by, source_keys)
        counts = deck.point_values(shown, colour_by).value_counts()
        names = sources.names(catalogue())
        html_legend(
            f"{texts.MAP_LEGEND_POINTS} · {url_state.COLOUR_BY[colour_by]}",
            [
                (colours[name], names.get(name, name), int(counts.get(name, 0)))
                for name in deck.category_order(colour_by, source_keys)
            ],
            texts.MAP_LEGEND_APPROXIMATE.format(
                n=fmt_int(shown["location_precision"].isin(texts.APPROXIMATE_PRECISIONS).sum())
            ),
        )
    if classes is not None:
        meta = INDICATORS[indicator]
        entries = mark_need(
            legend(classes, breaks, lambda v: fmt_decimal(v, meta.decimals)), meta.more_need
        )
        note = " · ".join(n for n in (meta.darker, aggregation_note(indicator, level)) if n)
        html_legend(
            f"{meta.label} ({meta.unit}) · {url_state.LEVELS[level]}",
            [(e.colour, e.label, e.count) for e in entries],
            note,
        )
        source_note(caption(meta.source_keys(level), texts.MAP_QUANTILES))
        if indicator in ("lieux_pour_10000", "distance_lieu_km"):
            st.caption(texts.MAP_INDICATOR_FOLLOWS_FILTERS)
    if "densite" in layers:
        st.caption(texts.MAP_LEGEND_DENSITY)
    if "qpv" in layers:
        st.caption(texts.MAP_LEGEND_QPV)


@st.dialog(texts.MAP_CARD_TITLE, width="large")
def lieu_dialog(lieu_id: str, all_lieux: pd.DataFrame) -> None:
    """The detail card in a dialog over the map, so that a click always shows it on screen."""
    lieu_detail(lieu_id, all_lieux)


def lieu_detail(lieu_id: str, all_lieux: pd.DataFrame) -> None:
    """The detail card of a lieu and every source record behind it (escaped)."""
    lieu = all_lieux[all_lieux["lieu_id"] == lieu_id].iloc[0]
    records = query("lieu_records", (lieu_id,))
    records = records.assign(source_vintage=records["source_vintage"].map(texts.vintage_text))
    names = sources.names(catalogue())
    with st.container(border=True):
        st.markdown(f"#### {md_text(lieu['nom'])}")
        st.markdown(
            "\n".join(
                f"- **{label}** : {text}"
                for label, text in [
                    *lieu_card(lieu.to_dict(), records, today(), names),
                    *freshness_rows(lieu.to_dict(), records, today(), names),
                ]
            )
        )
        st.markdown(f"**{texts.DIRECTORY_RECORDS}**")
        shown = records[list(texts.RECORD_COLUMNS)].copy()
        shown["source"] = shown["source"].map(lambda k: names.get(k, k))
        shown["location_precision"] = shown["location_precision"].map(texts.LOCATION_PRECISION)
        shown["date_maj_precision"] = shown["date_maj_precision"].map(texts.DATE_PRECISION)
        shown["flags"] = shown["flags"].map(
            lambda f: ", ".join(texts.FLAG_LABELS.get(x, x) for x in f)
        )
        table(shown, texts.RECORD_COLUMNS, {"date_maj": "date", "source_row": "int"})
    report_form(lieu_id)


def standard_exports(shown: pd.DataFrame) -> None:
    """Downloads of the selection in the national standard, and the lieux it cannot carry."""
    frame, left_out = to_standard(shown, *service_frame(service.standard_inputs))
    left, right = st.columns(2)
    left.download_button(
        texts.DIRECTORY_EXPORT_STANDARD_CSV,
        lambda: to_standard_csv(frame),
        "lieux-mediation-numerique-occitanie.csv",
        "text/csv",
        key="dir_std_csv",
        on_click="ignore",
    )
    right.download_button(
        texts.DIRECTORY_EXPORT_STANDARD_GEOJSON,
        lambda: to_standard_geojson(frame),
        "lieux-mediation-numerique-occitanie.geojson",
        "application/geo+json",
        key="dir_std_geo",
        on_click="ignore",
    )
    st.caption(texts.DIRECTORY_STANDARD_NOTE)
    if len(left_out):
        with st.expander(texts.DIRECTORY_LEFT_OUT.format(n=fmt_int(len(left_out)))):
            table(left_out, texts.LEFT_OUT_COLUMNS)


def source_label(key: str) -> str:
    """« France Services (01/08/2024) » for a source key."""
    return sources.label(catalogue(), key)


def readable_records(records: pd.DataFrame) -> pd.DataFrame:
    """Records with French source names and flag labels, for tables and downloads."""
    out = records[
        ["source", "source_row", "nom", "commune", "departement", "location_precision", "flags"]
    ].copy()
    out["source"] = out["source"].map(source_label)
    out["location_precision"] = out["location_precision"].map(texts.LOCATION_PRECISION)
    out["flags"] = out["flags"].map(lambda f: ", ".join(texts.FLAG_LABELS.get(x, x) for x in f))
    return out
