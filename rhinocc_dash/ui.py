"""Streamlit side: the shared connection, cached query accessors, the warehouse guard and small
widgets.

The only module of the package that imports streamlit.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from . import queries, texts
from .build import SourcesMissing, build
from .config import resolve_db, resolve_sources


@st.cache_resource(show_spinner=False)
def _connection(db_path: str, version: float) -> duckdb.DuckDBPyConnection:
    """One read-only connection per warehouse file and version (its modification time)."""
    return duckdb.connect(db_path, read_only=True)


def _build_with_status(db: Path) -> None:
    sources = resolve_sources()
    with st.status(texts.BUILDING, expanded=True) as status:
        bar = st.progress(0.0)

        def report(step: int, total: int, label: str) -> None:
            bar.progress(step / total, text=f"{step}/{total} · {label}")

        try:
            build(sources, db, progress=report)
        except SourcesMissing as exc:
            status.update(label=texts.BUILD_FAILED, state="error")
            st.error(texts.NO_SOURCES_TITLE)
            st.code(str(exc), language=None)
            st.stop()
        status.update(label=texts.BUILD_DONE, state="complete", expanded=False)


def _warehouse() -> tuple[str, float]:
    """Path and version of the warehouse, built first (behind a progress status) if it is missing."""
    db = resolve_db()
    if not db.is_file():
        _build_with_status(db)
    return str(db), db.stat().st_mtime


def connection() -> duckdb.DuckDBPyConnection:
    """The process's read-only connection to the warehouse."""
    return _connection(*_warehouse())


@st.cache_data(show_spinner=False)
def _query(db_path: str, version: float, name: str, params: tuple | None) -> pd.DataFrame:
    return queries.run(_connection(db_path, version), name, params)


def query(name: str, params: tuple | None = None) -> pd.DataFrame:
    """Cached result of a named query; `params` must be hashable (a tuple of values)."""
    return _query(*_warehouse(), name, params)


def sidebar() -> None:
    st.sidebar.caption(texts.SIDEBAR_NOTE)
