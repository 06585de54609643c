"""Streamlit side, tables: every table and CSV file in French (see `views.french_tables`), with French headers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import texts
from ..views.exports import to_csv_bytes
from ..views.french_tables import MISSING, Kinds, kinds_of, styled

# Kinds the browser can show in French by itself (column settings), without a second copy of the
# table as display text: a long list of lieux then travels once.
PLAIN_KINDS = {"text", "date", "list"}


def _configured(frame: pd.DataFrame, kinds: Kinds) -> dict | None:
    """Column settings for a table of text, dates and lists; None when a column needs the Styler."""
    if not set(kinds.values()) <= PLAIN_KINDS:
        return None
    config: dict = {}
    for column, kind in kinds.items():
        if kind == "date":
            config[column] = st.column_config.DateColumn(format="DD/MM/YYYY")
        elif kind == "list":
            config[column] = st.column_config.ListColumn()
    return config


def _renamed(frame: pd.DataFrame, names: dict | None, kinds: Kinds | None):
    names = names or {}
    shown = frame.rename(columns=names)
    present = set(shown.columns)
    renamed = {names.get(c, c): k for c, k in (kinds or {}).items()}
    return shown, {c: k for c, k in renamed.items() if c in present}


def table(
    frame: pd.DataFrame,
    names: dict | None = None,
    kinds: Kinds | None = None,
    *,
    download: tuple[str, str] | None = None,
    height: int | str = "auto",
    key: str | None = None,
    select: bool = False,
):
    """A French table (numbers, percentages, dates, « — » for a missing value) with French headers;
    `download` = (file name, key) adds the same table as a CSV file. Returns the selection event when
    `select` is set."""
    shown, shown_kinds = _renamed(frame, names, kinds)
    options = {"hide_index": True, "width": "stretch", "height": height, "placeholder": MISSING}
    if select:
        options |= {"on_select": "rerun", "selection_mode": "single-row", "key": key}
    all_kinds = kinds_of(shown, shown_kinds)
    config = _configured(shown, all_kinds)
    if config is None:
        event = st.dataframe(styled(shown, all_kinds), **options)
    else:
        dates = [c for c, k in all_kinds.items() if k == "date"]
        plain = shown.assign(**{c: pd.to_datetime(shown[c], errors="coerce") for c in dates})
        event = st.dataframe(plain, column_config=config, **options)
    if download:
        csv_button(shown, download[0], download[1], shown_kinds)
    return event


def csv_button(frame: pd.DataFrame, filename: str, key: str, kinds: Kinds | None = None) -> None:
    """A CSV download that does not rerun the page (a quick second click is never lost)."""
    st.download_button(
        texts.common.DOWNLOAD_CSV,
        lambda: to_csv_bytes(frame, kinds),
        file_name=filename,
        mime="text/csv",
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )
