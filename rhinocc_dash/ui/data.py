"""Streamlit side, data access: the warehouse guard, one read-only connection, cached one-line wrappers.

Each wrapper caches one function of `analysis.service` (or a named query) per warehouse version; nothing
is computed here. This is also the read side's one narrow entry into `ingest`: building a missing
warehouse.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pandas as pd
import streamlit as st

from .. import audit, texts, warehouse
from ..analysis import lieux as lieux_filters
from ..analysis import service, sources
from ..config import resolve_overrides
from ..ingest import overrides
from ..views import deck, map_budget
from .source_notes import SourceNote
from .static_files import publish_bytes, publish_json
from .store import Key, _con, _key


@st.cache_data(show_spinner=False)
def _query(key: Key, name: str, params: tuple | None) -> pd.DataFrame:
    return warehouse.run(_con(key), name, params)


def query(name: str, params: tuple | None = None) -> pd.DataFrame:
    """Cached result of a named query; `params` must be hashable (a tuple of values)."""
    return _query(_key(), name, params)


def today() -> dt.date:
    return dt.date.today()


@st.cache_data(show_spinner=False, max_entries=64)
def _service(key: Key, name: str, args: tuple):
    return getattr(service, name)(_con(key), *args)


def service_frame(function, *args):
    """Cached result of a function of `analysis.service` called on the warehouse with hashable `args`."""
    if getattr(service, function.__name__, None) is not function:
        raise ValueError(f"not a service function: {function.__name__}")
    return _service(_key(), function.__name__, args)


@st.cache_data(show_spinner=False)
def _catalogue(key: Key) -> pd.DataFrame:
    return service.catalogue(_con(key))


def catalogue() -> pd.DataFrame:
    """Metadata of every source of the warehouse."""
    return _catalogue(_key())


@st.cache_data(show_spinner=False, max_entries=256)
def _caption(key: Key, keys: tuple[str, ...], note: str | None) -> tuple[str, str]:
    catalogue = _catalogue(key)
    return sources.caption(catalogue, keys, note), sources.short_caption(catalogue, keys)


def caption(keys, note: str | None = None) -> SourceNote:
    """« Sources : … Licence : … » for catalogue keys (« lieux » = every current venue source), with its
    one-line form (producers and vintages) for `source_note`."""
    return SourceNote(*_caption(_key(), tuple(keys), note))


def data_age() -> tuple[str, str]:
    """Oldest and newest vintage of today's venue sources."""
    return sources.vintage_range(catalogue())


def source_names() -> dict[str, str]:
    """Short French name of every source key."""
    return sources.names(catalogue())


def current_sources() -> tuple[str, ...]:
    """Keys of the venue sources that describe today's offer."""
    return tuple(sources.lieux_sources(catalogue()))


# A resource, not data: `cache_data` would unpickle a copy on each of the three calls of a map rerun
# (0.26 s each for 11,000 lieux at national scale). Filtering always returns a new frame.
@st.cache_resource(show_spinner=False, max_entries=4)
def _lieux(key: Key) -> pd.DataFrame:
    return service.lieux(_con(key))


def lieux() -> pd.DataFrame:
    """All lieux with their EPCI and derived category, type and search key (cached per warehouse;
    shared, read-only: never modify the returned frame)."""
    return _lieux(_key())


@st.cache_data(show_spinner=False)
def _key_figures(key: Key) -> dict:
    return service.key_figures(_con(key))


def key_figures() -> dict:
    return _key_figures(_key())


@st.cache_data(show_spinner=False)
def _regional_reference(key: Key) -> pd.Series:
    return service.regional_reference(_con(key))


def regional_reference() -> pd.Series:
    """Filosofi 2019 values published for the whole région."""
    return _regional_reference(_key())


@st.cache_resource(show_spinner=False)
def _geometries(key: Key, level: str) -> pd.DataFrame:
    frame = service.geometries(_con(key), level)
    frame["geometry"] = [json.loads(text) for text in frame["geometry"]]  # parsed once per process
    return frame


def geometries(level: str) -> pd.DataFrame:
    """Display geometries of a level (shared, read-only: never modify the returned frame)."""
    return _geometries(_key(), level)


@st.cache_data(show_spinner=False)
def _departement_coverage(key: Key) -> tuple[pd.DataFrame, dict]:
    return service.departement_coverage(_con(key))


def departement_coverage() -> tuple[pd.DataFrame, dict]:
    return _departement_coverage(_key())


@st.cache_data(show_spinner=False)
def _epci_coverage(key: Key, dep: str) -> tuple[pd.DataFrame, dict]:
    return service.epci_coverage(_con(key), dep)


def epci_coverage(dep: str) -> tuple[pd.DataFrame, dict]:
    return _epci_coverage(_key(), dep)


@st.cache_data(show_spinner=False, max_entries=8)
def _whatif(key: Key, level: str, hypotheses: tuple[str, ...]) -> tuple[pd.DataFrame, int]:
    return service.whatif(_con(key), level, hypotheses)


def whatif(level: str, hypotheses: tuple[str, ...]) -> tuple[pd.DataFrame, int]:
    """(need and offer measures per territory, inhabitants newly within reach) with the hypothetical
    lieux (commune codes)."""
    return _whatif(_key(), level, hypotheses)


def hypothetical_lieux(hypotheses: tuple[str, ...]) -> pd.DataFrame:
    return service.hypothetical_lieux(_con(_key()), hypotheses)


@st.cache_resource(show_spinner=False)
def _report_inputs(key: Key):
    return service.report_inputs(_con(key))


def report_inputs():
    """Everything the département report reads (shared, read-only)."""
    return _report_inputs(_key())


def standard_inputs() -> tuple[dict, dict]:
    return service.standard_inputs(_con(_key()))


@st.cache_resource(show_spinner=False, max_entries=32)
def _choropleth(key: Key, level: str, indicator: str, filters) -> tuple:
    shown = lieux_filters.filter_lieux(_lieux(key), filters, today())
    values = service.indicator_values(_con(key), level, shown)
    return deck.choropleth_features(values, _geometries(key, level), indicator)


def choropleth(level: str, indicator: str, filters) -> tuple:
    """Choropleth features, classes and breaks for a level, an indicator and the lieux filters (shared,
    read-only: never modify the returned objects)."""
    return _choropleth(_key(), level, indicator, filters)


@st.cache_resource(show_spinner=False, max_entries=64)
def _choropleth_url(key: Key, level: str, indicator: str, filters) -> tuple:
    features, classes, breaks = _choropleth(key, level, indicator, filters)
    shown = lieux_filters.filter_lieux(_lieux(key), filters, today())
    drawn = None
    if level == "commune":
        communes = warehouse.run(_con(key), "communes_base")
        drawn = map_budget.drawn_communes(_geometries(key, level)["code"], communes, filters)
    fitted = map_budget.fit(features, map_budget.choropleth_budget(len(shown)), drawn)
    if isinstance(fitted, map_budget.Raster):
        return replace(fitted, image=publish_bytes(fitted.image, ".png")), classes, breaks
    return publish_json(fitted), classes, breaks


def choropleth_url(level: str, indicator: str, filters) -> tuple:
    """The same choropleth published as a static file: (URL, classes, breaks). The map names the URL,
    so the shapes reach each browser once, not on every rerun. Within the map's size budget (see
    `views.map_budget`): coarser, only the chosen territory, or an image (`map_budget.Raster`)."""
    return _choropleth_url(_key(), level, indicator, filters)


@st.cache_resource(show_spinner=False, max_entries=4)
def _qpv_url(key: Key) -> str:
    return publish_json(deck.qpv_features(warehouse.run(_con(key), "qpv")))


def qpv_url() -> str:
    """The QPV outlines as a static file (see `choropleth_url`)."""
    return _qpv_url(_key())


def record_decision(key_a: str, key_b: str, same: bool, who: str, comment: str) -> str:
    """Record a coordinator's decision on two records (checked against this warehouse); the French
    message to show. The next build applies it."""
    known = set(query("record_keys")["key"])
    unknown = [k for k in (key_a, key_b) if k not in known]
    if unknown:
        return texts.DEDUP_UNKNOWN_KEY.format(keys=", ".join(unknown))
    if key_a == key_b:
        return texts.DEDUP_SAME_KEY
    overrides.record(resolve_overrides(), key_a, key_b, same, who, comment)
    audit.record("decision_paire", who, a=key_a, b=key_b, meme_lieu=same, commentaire=comment)
    return texts.DEDUP_RECORDED


def decisions_log() -> pd.DataFrame:
    """Every decision recorded so far (applied or waiting for the next build)."""
    decisions = overrides.load(resolve_overrides())
    applied = query("dedup_overrides")
    done = set(zip(applied["key_a"], applied["key_b"], applied["same"], strict=True))
    return pd.DataFrame(
        [
            {
                "key_a": d.key_a,
                "key_b": d.key_b,
                "same": d.same,
                "decided_by": d.by,
                "decided_at": d.at,
                "comment": d.comment,
                "applied": (d.key_a, d.key_b, d.same) in done,
            }
            for d in decisions
        ],
        columns=["key_a", "key_b", "same", "decided_by", "decided_at", "comment", "applied"],
    )
