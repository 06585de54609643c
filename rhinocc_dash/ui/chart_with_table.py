"""Streamlit side, a chart with its source and the download of its table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import texts
from .source_notes import source_note
from .tables import csv_button, table


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


# Drawing an SVG takes about 0.1 s: done once per table and title.
@st.cache_data(show_spinner=False, max_entries=16)
def _drawn(_builder, builder_name: str, frame: pd.DataFrame, title: str) -> str:
    return _builder(frame, title)


def static_chart_block(
    builder,
    frame: pd.DataFrame,
    title: str,
    filename: str,
    caption: str,
    key: str,
    names: dict | None = None,
) -> None:
    """A chart drawn on the server (`builder(frame, title)` of `views.static_charts`: an SVG image whose
    text alternative gives its values), its table on the page (folded), its source caption and the
    download of its table: nothing to start in the browser."""
    st.html(_drawn(builder, builder.__name__, frame, title))
    with st.expander(texts.common.CHART_TABLE.format(title=title)):
        table(frame[list(names)] if names else frame, names)
    source_note(caption)
    csv_button(frame.rename(columns=names or {}), filename, f"{key}_csv")


def clicked_code(event) -> str | None:
    """The `customdata` code of the bar clicked in a plotly chart, if any."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    return points[0].get("customdata") if points else None
