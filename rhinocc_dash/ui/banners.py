"""Streamlit side, the banners every page shows under its title: the data's age, sources missing."""

from __future__ import annotations

import duckdb
import streamlit as st

from .. import texts
from ..analysis import source_status
from ..shared.formatting import md_text
from .data import data_age, query


def data_age_banner() -> None:
    """How old the data is, on every page: the vintage range of today's venue sources."""
    oldest, newest = data_age()
    st.caption(texts.common.DATA_AGE.format(oldest=oldest, newest=newest))


def source_status_banner() -> None:
    """On every page, the sources this warehouse was built without or with part of their rows
    (`--allow-partial`); the reasons come from the files, so they are shown as plain text."""
    try:
        incomplete = query("source_status_incomplete")
    except duckdb.CatalogException:  # a warehouse built before sources' status was recorded
        return
    lines = source_status.status_lines(incomplete)
    if lines:
        st.warning(
            texts.common.SOURCE_STATUS_BANNER + "\n" + "\n".join(f"- {md_text(line)}" for line in lines)
        )
