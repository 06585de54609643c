"""Streamlit side, widgets: legends, tables with downloads, detail cards, the router guard."""

from __future__ import annotations

import html
import runpy

import pandas as pd
import streamlit as st

from .. import texts
from ..analysis import sources
from ..config import PROJECT_ROOT
from ..formatting import fmt_int, md_text
from ..views.cards import lieu_card
from ..views.exports import to_csv_bytes
from ..views.standard import to_standard, to_standard_csv, to_standard_geojson
from .data import catalogue, query, standard_inputs, today


def sidebar() -> None:
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


def lieux_table(shown: pd.DataFrame) -> pd.DataFrame:
    """The filtered lieux as a readable table (lists joined, French headers)."""
    table = shown[list(texts.MAP_TABLE_COLUMNS)].copy()
    table["services"] = table["services"].map(lambda v: ", ".join(v) if v is not None else "")
    return table.rename(columns=texts.MAP_TABLE_COLUMNS)


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


def download(table: pd.DataFrame, filename: str, key: str) -> None:
    """A CSV download of a table shown on the page (formula-safe, French spreadsheet format)."""
    st.download_button(
        texts.DOWNLOAD_CSV, to_csv_bytes(table), file_name=filename, mime="text/csv", key=key
    )


def chart_block(
    figure, table: pd.DataFrame, filename: str, caption: str, key: str, select: bool = False
):
    """A chart with its source caption and the download of its table; returns the selection event."""
    event = st.plotly_chart(
        figure,
        width="stretch",
        key=key,
        on_select="rerun" if select else "ignore",
        selection_mode="points",
    )
    st.caption(caption)
    download(table, filename, key=f"{key}_csv")
    return event


def clicked_code(event) -> str | None:
    """The `customdata` code of the bar clicked in a plotly chart, if any."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    return points[0].get("customdata") if points else None


def frame_with_total(table: pd.DataFrame, total: dict) -> pd.DataFrame:
    """A territory table followed by its total row."""
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)[list(table.columns)]


def coverage_table(table: pd.DataFrame, filename: str, key: str) -> None:
    """A sortable coverage table (shares as percentages) and its CSV download."""
    st.dataframe(
        table.rename(columns=texts.COVERAGE_COLUMNS),
        hide_index=True,
        width="stretch",
        column_config=coverage_column_config(),
    )
    download(table, filename, key)


def coverage_column_config() -> dict:
    """Number formats for coverage tables (shares shown as percentages)."""
    columns = texts.COVERAGE_COLUMNS
    config = {
        columns[k]: st.column_config.ProgressColumn(
            columns[k], format="percent", min_value=0, max_value=1
        )
        for k in columns
        if k.startswith("part_")
    }
    config[columns["lieux_pour_10000"]] = st.column_config.NumberColumn(format="%.2f")
    config[columns["distance_mediane_km"]] = st.column_config.NumberColumn(format="%.1f km")
    return config


def source_with_vintage(records: pd.DataFrame) -> dict:
    """Column titles « Source (millésime) » for per-source tables."""
    vintages = records.drop_duplicates("source").set_index("source")["source_vintage"]
    names = sources.names(catalogue())
    return {key: f"{names.get(key, key)} ({vintage})" for key, vintage in vintages.items()} | {
        "departement": "Département"
    }


def lieu_detail(lieu_id: str, all_lieux: pd.DataFrame) -> None:
    """The detail card of a lieu and every source record behind it (escaped)."""
    lieu = all_lieux[all_lieux["lieu_id"] == lieu_id].iloc[0]
    records = query("lieu_records", (lieu_id,))
    names = sources.names(catalogue())
    with st.container(border=True):
        st.markdown(f"#### {md_text(lieu['nom'])}")
        st.markdown(
            "\n".join(
                f"- **{label}** : {text}"
                for label, text in lieu_card(lieu.to_dict(), records, today(), names)
            )
        )
        st.markdown(f"**{texts.DIRECTORY_RECORDS}**")
        shown = records[list(texts.RECORD_COLUMNS)].copy()
        shown["source"] = shown["source"].map(lambda k: names.get(k, k))
        shown["flags"] = shown["flags"].map(
            lambda f: ", ".join(texts.FLAG_LABELS.get(x, x) for x in f)
        )
        st.dataframe(shown.rename(columns=texts.RECORD_COLUMNS), hide_index=True, width="stretch")


def standard_exports(shown: pd.DataFrame) -> None:
    """Downloads of the selection in the national standard, and the lieux it cannot carry."""
    frame, left_out = to_standard(shown, *standard_inputs())
    left, right = st.columns(2)
    left.download_button(
        texts.DIRECTORY_EXPORT_STANDARD_CSV,
        lambda: to_standard_csv(frame),
        "lieux-mediation-numerique-occitanie.csv",
        "text/csv",
        key="dir_std_csv",
    )
    right.download_button(
        texts.DIRECTORY_EXPORT_STANDARD_GEOJSON,
        lambda: to_standard_geojson(frame),
        "lieux-mediation-numerique-occitanie.geojson",
        "application/geo+json",
        key="dir_std_geo",
    )
    st.caption(texts.DIRECTORY_STANDARD_NOTE)
    if len(left_out):
        with st.expander(texts.DIRECTORY_LEFT_OUT.format(n=fmt_int(len(left_out)))):
            st.dataframe(left_out, hide_index=True, width="stretch")


def source_label(key: str) -> str:
    """« France Services (2024-08-01) » for a source key."""
    return sources.label(catalogue(), key)


def readable_records(records: pd.DataFrame) -> pd.DataFrame:
    """Records with French source names and flag labels, for tables and downloads."""
    out = records[
        ["source", "source_row", "nom", "commune", "departement", "location_precision", "flags"]
    ].copy()
    out["source"] = out["source"].map(source_label)
    out["location_precision"] = out["location_precision"].map(texts.LOCATION_PRECISION)
    out["flags"] = out["flags"].map(lambda f: ", ".join(texts.FLAG_LABELS.get(x, x) for x in f))
    return out.rename(
        columns={
            "source": "Source",
            "source_row": "Ligne",
            "nom": "Nom",
            "commune": "Commune",
            "departement": "Dép.",
            "location_precision": "Localisation",
            "flags": "Alertes",
        }
    )
