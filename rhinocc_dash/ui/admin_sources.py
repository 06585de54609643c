"""Streamlit side, declared sources in the update page: the column report of each file brought in,
the choice of format for an ambiguous file, adding a file as a new source, retiring a source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..ingest import formats, overlay, recognise
from ..ingest.catalog import VENUE_FILES
from ..texts import sources as tx
from .tables import table

ADDED_KEY = "update_added"
FORMAT_LABELS = {f.key: f.label for f in formats.FORMATS}


def column_report(fid: str, found: recognise.Recognition) -> None:
    """Every column of the file: what it is read into, or « ignorée » and why."""
    if not found.report:
        return
    frame = pd.DataFrame(found.report, columns=["colonne", "statut", "detail"])
    read = int((frame["statut"] == tx.STATUS_READ).sum())
    with st.expander(tx.REPORT_TITLE.format(name=found.name, layout=found.layout), expanded=True):
        st.caption(tx.REPORT_SUMMARY.format(read=read, ignored=len(frame) - read))
        table(frame, tx.REPORT_COLUMNS, key=f"update_columns_{fid}", height=40 + 35 * len(frame))


def format_choice(fid: str, found: recognise.Recognition) -> None:
    """An ambiguous file: the maintainer picks its format among the candidates."""
    if not found.candidates:
        return
    st.caption(tx.CANDIDATES.format(name=found.name))
    st.selectbox(
        tx.CHOOSE_FORMAT.format(name=found.name),
        ["", *found.candidates],
        format_func=lambda k: FORMAT_LABELS.get(k, "—"),
        key=f"update_force_{fid}",
    )


def new_source(fid: str, found: recognise.Recognition) -> dict | None:
    """The manifest entry when the file is brought in as a new source (a format no declared source
    has, or the maintainer's choice), None when it replaces a declared source."""
    if not found.ok:
        return None
    if not found.is_new:
        title = next((e.title for e in VENUE_FILES if e.key == found.key), found.key)
        if not st.checkbox(
            tx.ADD_AS_NEW.format(name=found.name, source=title), key=f"update_new_{fid}"
        ):
            return None
    else:
        st.caption(tx.NEW_SOURCE)
    left, right = st.columns(2)
    key = left.text_input(tx.ADD_KEY, key=f"update_key_{fid}").strip()
    title = right.text_input(tx.ADD_TITLE, key=f"update_title_{fid}")
    producer = left.text_input(tx.ADD_PRODUCER, key=f"update_producer_{fid}")
    licence = right.text_input(tx.ADD_LICENCE, key=f"update_licence_{fid}")
    origin = st.text_input(tx.ADD_ORIGIN, key=f"update_origin_url_{fid}")
    if not key:
        return None
    try:
        entry = overlay.added_entry(
            key, found.source_format, found.vintage, title, producer, licence, origin
        )
    except ValueError as exc:
        st.error(str(exc))
        return None
    found.key = key
    return entry


def retired() -> list[str]:
    """Sources the maintainer retires from this update."""
    names = {e.key: e.title for e in VENUE_FILES}
    return st.multiselect(
        tx.RETIRE,
        list(names),
        format_func=lambda k: names.get(k, k),
        key="update_retire",
        help=tx.RETIRE_HELP,
    )
