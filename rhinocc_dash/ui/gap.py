"""Streamlit side, the gap analysis: focus département, ranked table and exports, the hypothetical
lieux' own ranks, and the gap map (at commune level, one département at a time: light to send)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import texts
from ..analysis import gap, service
from ..analysis.indicators import Indicator
from ..views import deck, palette, viewport
from ..views.exports import to_geojson_bytes
from .data import geometries, service_frame
from .legends import html_legend
from .page_frame import is_phone
from .store import Key, _key
from .tables import csv_button, table

WHOLE_REGION = ""


def picked_explanation(ranked: pd.DataFrame, code: str, weights: dict[str, float]) -> pd.Series:
    """The ranked territory `code` with its « pourquoi »."""
    return gap.explain(ranked[ranked["code"] == code], weights).iloc[0]


def focus_departement(dep_names: dict[str, str], explained: pd.DataFrame) -> str | None:
    """The département highlighted on the scatter and mapped at commune level (default: the one of
    the largest gap)."""
    first = explained["departement"].iloc[0] if len(explained) else None
    options = [WHOLE_REGION, *dep_names]
    chosen = st.selectbox(
        texts.ecarts.GAP_FOCUS,
        options,
        index=options.index(first) if first in options else 0,
        key="gap_focus",
        format_func=lambda c: (
            texts.ecarts.GAP_WHOLE_REGION if c == WHOLE_REGION else f"{c} {dep_names[c]}"
        ),
    )
    return chosen or None


def gap_table(explained: pd.DataFrame, top: int, level: str) -> None:
    """The first territories of the ranking, explained, with CSV and GeoJSON exports of all of them."""
    columns = [c for c in texts.ecarts.GAP_COLUMNS if c in explained.columns]
    table(explained.head(top)[columns], texts.ecarts.GAP_COLUMNS, texts.ecarts.GAP_KINDS)
    export = explained[explained["ecart"].notna()][columns]
    left, right = st.columns(2)
    kinds = {texts.ecarts.GAP_COLUMNS[k]: v for k, v in texts.ecarts.GAP_KINDS.items() if k in texts.ecarts.GAP_COLUMNS}
    with left:
        csv_button(
            export.rename(columns=texts.ecarts.GAP_COLUMNS), f"ecarts_{level}.csv", "gap_csv", kinds
        )
    shapes = geometries(level)
    right.download_button(
        texts.ecarts.GAP_DOWNLOAD_GEOJSON,
        lambda: to_geojson_bytes(export, shapes, columns),
        f"ecarts_{level}.geojson",
        "application/geo+json",
        key="gap_geojson",
        on_click="ignore",
    )


def hypotheses_table(scored: pd.DataFrame, before: pd.DataFrame, hypotheses) -> None:
    """The communes given a hypothetical lieu, with their rank before and after, wherever they rank."""
    ranks = before.set_index("code")["rang"]
    rows = scored[scored["code"].isin(hypotheses)].assign(rang_avant=lambda f: f["code"].map(ranks))
    st.markdown(f"**{texts.ecarts.GAP_HYPOTHESES_TITLE}**")
    table(
        rows[["code", "nom", "population", "rang_avant", "rang", "ecart"]],
        {**texts.ecarts.GAP_COLUMNS, "rang_avant": texts.ecarts.GAP_RANK_BEFORE, "rang": texts.ecarts.GAP_RANK_AFTER},
        texts.ecarts.GAP_KINDS,
    )


GAP_MAP_META = Indicator(
    texts.ecarts.GAP_MAP_LABEL, "points de centile", gap.SOURCES, 0, texts.ecarts.GAP_MAP_DARKER
)


@st.cache_resource(show_spinner=False, max_entries=32)
def _gap_map_layer(key: Key, query: service.GapQuery, focus: str | None) -> tuple:
    """(shown territories, choropleth features, classes, breaks): shared, read-only (`key`: the
    warehouse version the query's ranking is read from)."""
    level = query.level
    scored = service_frame(service.gap_ranking, query).scored
    shapes = geometries(level)
    shown = scored
    if level == "commune" and focus:
        shown = scored[scored["departement"] == focus]
        shapes = shapes[shapes["code"].isin(set(shown["code"]))]
    excluded = frozenset(shown.loc[~shown["classe"], "code"])
    return shown, *deck.choropleth_features(
        shown, shapes, "ecart", GAP_MAP_META, palette.GAP, excluded
    )


def gap_map(query: service.GapQuery, focus, dep_names, map_key) -> None:
    """The gap score map, darkest red = largest gap; at commune level only the focus département."""
    level = query.level
    shown, features, classes, breaks = _gap_map_layer(
        _key(),
        query,
        focus if level == "commune" else None,  # only the commune map is cut to one département
    )
    if level == "commune" and focus:
        st.caption(texts.ecarts.GAP_MAP_FOCUS.format(dep=dep_names[focus]))
    hypothetical = service_frame(service.hypothetical_lieux, query.hypotheses)
    points = deck.point_frame_simple(hypothetical, texts.ecarts.GAP_HYPOTHETICAL)
    phone = is_phone()
    view = (
        viewport.fit_view(shown["longitude"], shown["latitude"], phone)
        if "longitude" in shown
        else viewport.initial_view(phone)
    )
    st.pydeck_chart(
        deck.build_deck(points, features, None, False, None, view),
        on_select="rerun",
        selection_mode="single-object",
        key=map_key,
        height=520,
    )
    html_legend(
        f"{GAP_MAP_META.label} · {GAP_MAP_META.darker}",
        [(e.colour, e.label, e.count) for e in deck.legend_entries(classes, breaks, palette.GAP)],
    )
