"""Streamlit side, data access: the warehouse guard, one read-only connection, cached named queries."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from .. import lieux_filters, queries, texts
from ..build import SourcesMissing, build
from ..config import resolve_db, resolve_sources

GEOMETRY_QUERIES = {"commune": "geo_commune", "epci": "geo_epci", "departement": "geo_departement"}


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


@st.cache_data(show_spinner=False)
def _prepared_lieux(db_path: str, version: float) -> pd.DataFrame:
    return lieux_filters.prepare(queries.run(_connection(db_path, version), "map_lieux"))


def lieux() -> pd.DataFrame:
    """All lieux with their EPCI and derived category, type and search key (cached per warehouse)."""
    return _prepared_lieux(*_warehouse())


def today() -> dt.date:
    return dt.date.today()


@st.cache_resource(show_spinner=False)
def _geometries(db_path: str, version: float, level: str) -> pd.DataFrame:
    frame = queries.run(_connection(db_path, version), GEOMETRY_QUERIES[level])
    frame["geometry"] = [json.loads(text) for text in frame["geometry"]]  # parsed once per process
    return frame


def geometries(level: str) -> pd.DataFrame:
    """Display geometries of a level (shared, read-only: never modify the returned frame)."""
    return _geometries(*_warehouse(), level)


@st.cache_data(show_spinner=False, max_entries=8)
def _gap_base(
    db_path: str, version: float, level: str, hypotheses: tuple[str, ...]
) -> pd.DataFrame:
    from ..gap import access_with, gap_frame

    con = _connection(db_path, version)
    communes = queries.run(con, "communes_base")
    access = access_with(
        communes, queries.run(con, "gap_lieux"), [{"code_insee": c} for c in hypotheses]
    )
    published = {"epci": "epci_published", "departement": "departement_published"}.get(level)
    return gap_frame(
        level,
        communes,
        queries.run(con, "commune_indicators"),
        access,
        queries.run(con, published) if published else None,
    )


def gap_base(level: str, hypotheses: list[dict]) -> pd.DataFrame:
    """Need and offer measures per territory, with hypothetical lieux (commune codes) included."""
    return _gap_base(*_warehouse(), level, tuple(h["code_insee"] for h in hypotheses))


def report_inputs():
    """Everything the département report reads, from the warehouse."""
    from ..report import ReportInputs

    return ReportInputs(
        query("communes_base"),
        query("commune_access"),
        query("map_lieux"),
        query("commune_indicators"),
        query("epci_published")[["code", "nom"]],
        query("departement_published"),
        query("quality_records"),
        query("geo_commune"),
        query("source_catalogue"),
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def _choropleth(db_path: str, version: float, level: str, indicator: str, filters) -> tuple:
    from ..access import commune_access
    from ..choropleth import commune_values, level_values
    from ..mapview import choropleth_features

    con = _connection(db_path, version)
    communes = queries.run(con, "communes_base")
    shown = lieux_filters.filter_lieux(_prepared_lieux(db_path, version), filters, today())
    values = commune_values(
        communes, queries.run(con, "commune_indicators"), commune_access(communes, shown)
    )
    published = {"epci": "epci_published", "departement": "departement_published"}.get(level)
    values = level_values(level, values, queries.run(con, published) if published else None)
    return choropleth_features(values, _geometries(db_path, version, level), indicator)


def choropleth(level: str, indicator: str, filters) -> tuple:
    """Choropleth features, classes and breaks for a level, an indicator and the lieux filters (shared,
    read-only: never modify the returned objects)."""
    return _choropleth(*_warehouse(), level, indicator, filters)
