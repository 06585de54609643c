"""Streamlit side, data access: the one cached accessor to the service layer, per warehouse version.

A page reads a figure by naming a function of `analysis.service` (re-exported as `ui.service`):
`service_frame(service.home_figures)`, `service_frame(service.gap_ranking, GapQuery(...))`. The
accessor caches its result per warehouse version and arguments: copied per session by default, shared
(read-only) for the large frames of `service.SHARED`, in a small expiring cache for the visitor's
settings of `service.SCENARIOS`. The map layers built from those frames go through the same kind of
cache (`map_layer`). Nothing is computed here. This is also the read side's one narrow entry into
`ingest`: building a missing warehouse, recording a pair decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
import streamlit as st

from .. import texts
from ..analysis import lieux as lieux_filters
from ..analysis import service, sources
from ..ingest import overrides
from ..shared import audit
from ..shared.config import resolve_overrides
from ..views import deck, map_budget
from .source_notes import SourceNote
from .static_files import publish_bytes, publish_json, still_published
from .store import Key, _con, _key


def _call(key: Key, name: str, args: tuple):
    return getattr(service, name)(_con(key), *args)


@st.cache_data(show_spinner=False, max_entries=512)
def _copied(key: Key, name: str, args: tuple):
    return _call(key, name, args)


# A resource, not data: `cache_data` would unpickle a copy on each call (0.26 s each for 11,000 lieux at
# national scale). Shared, read-only: never modify what it returns.
@st.cache_resource(show_spinner=False, max_entries=32)
def _shared(key: Key, name: str, args: tuple):
    return _call(key, name, args)


# A few MB per entry at commune level: a room trying settings keeps at most 16, for half an hour.
@st.cache_data(show_spinner=False, max_entries=16, ttl=1800)
def _scenario(key: Key, name: str, args: tuple):
    return _call(key, name, args)


def service_frame(function, *args):
    """The result of a function of `analysis.service` on this warehouse, with hashable `args`, cached
    per warehouse version (the one read path of every page)."""
    name = function.__name__
    if getattr(service, name, None) is not function:
        raise ValueError(f"not a service function: {name}")
    if name in service.SHARED:
        return _shared(_key(), name, args)
    return (_scenario if name in service.SCENARIOS else _copied)(_key(), name, args)


def query(name: str, params: tuple | None = None) -> pd.DataFrame:
    """Cached result of a named query; `params` must be hashable (a tuple of values)."""
    return service_frame(service.named, name, params)


def today() -> dt.date:
    return dt.date.today()


def catalogue() -> pd.DataFrame:
    """Metadata of every source of the warehouse."""
    return service_frame(service.catalogue)


def caption(keys, note: str | None = None) -> SourceNote:
    """« Sources : … Licence : … » for catalogue keys (« lieux » = every current venue source), with its
    one-line form (producers and vintages) for `source_note`."""
    return SourceNote(*service_frame(service.source_caption, tuple(keys), note))


def data_age() -> tuple[str, str]:
    """Oldest and newest vintage of today's venue sources."""
    return sources.vintage_range(catalogue())


def source_names() -> dict[str, str]:
    """Short French name of every source key."""
    return sources.names(catalogue())


def current_sources() -> tuple[str, ...]:
    """Keys of the venue sources that describe today's offer."""
    return tuple(sources.lieux_sources(catalogue()))


def lieux() -> pd.DataFrame:
    """All lieux with their EPCI and derived category, type and search key (cached per warehouse;
    shared, read-only: never modify the returned frame)."""
    return service_frame(service.lieux)


def filtered_lieux(filters: lieux_filters.LieuFilters) -> pd.DataFrame:
    """The lieux that pass the sidebar's filters today (a new frame)."""
    return lieux_filters.filter_lieux(lieux(), filters, today())


def geometries(level: str) -> pd.DataFrame:
    """Display geometries of a level, parsed (shared, read-only: never modify the returned frame)."""
    return service_frame(service.shapes, level)


def _choropleth(level: str, indicator: str, filters) -> tuple:
    values = service_frame(service.map_values, level, filters, today())
    return deck.choropleth_features(values, geometries(level), indicator)


def _choropleth_url(level: str, indicator: str, filters) -> tuple:
    features, classes, breaks = map_layer("choropleth", level, indicator, filters)
    drawn = None
    if level == "commune":
        drawn = map_budget.drawn_communes(geometries(level)["code"], query("communes_base"), filters)
    budget = map_budget.choropleth_budget(len(filtered_lieux(filters)))
    fitted = map_budget.fit(features, budget, drawn)
    if isinstance(fitted, map_budget.Raster):
        return replace(fitted, image=publish_bytes(fitted.image, ".png")), classes, breaks
    return publish_json(fitted), classes, breaks


def _qpv_url() -> str:
    return publish_json(deck.qpv_features(query("qpv")))


LAYERS = {"choropleth": _choropleth, "choropleth_url": _choropleth_url, "qpv_url": _qpv_url}


@st.cache_resource(show_spinner=False, max_entries=64)
def _layer(key: Key, name: str, args: tuple):
    return LAYERS[name](*args)


def map_layer(name: str, *args):
    """A map layer of `LAYERS` built from the service's frames, cached per warehouse version (shared,
    read-only):

    - « choropleth » (level, indicator, filters): features, classes and breaks;
    - « choropleth_url » (level, indicator, filters): the same published as a static file, (URL,
      classes, breaks): the map names the URL, so the shapes reach each browser once, not on every
      rerun; within the map's size budget (`views.map_budget`): coarser, only the chosen territory,
      or an image (`map_budget.Raster`);
    - « qpv_url » (): the QPV outlines as a static file.

    A URL layer whose file another process pruned is published again."""
    layer = _layer(_key(), name, args)
    if name.endswith("_url") and not all(still_published(url) for url in _urls(layer)):
        _layer.clear(_key(), name, args)
        layer = _layer(_key(), name, args)
    return layer


def _urls(layer) -> list[str]:
    """The static-file URLs a URL layer names (a JSON file, or a raster's image)."""
    first = layer[0] if isinstance(layer, tuple) else layer
    return [first.image if isinstance(first, map_budget.Raster) else first]


def record_decision(key_a: str, key_b: str, same: bool, who: str, comment: str) -> str:
    """Record a coordinator's decision on two records (checked against this warehouse); the French
    message to show. The next build applies it."""
    known = set(query("record_keys")["key"])
    unknown = [k for k in (key_a, key_b) if k not in known]
    if unknown:
        return texts.qualite.DEDUP_UNKNOWN_KEY.format(keys=", ".join(unknown))
    if key_a == key_b:
        return texts.qualite.DEDUP_SAME_KEY
    overrides.record(resolve_overrides(), key_a, key_b, same, who, comment)
    audit.record("decision_paire", who, a=key_a, b=key_b, meme_lieu=same, commentaire=comment)
    return texts.qualite.DEDUP_RECORDED


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
