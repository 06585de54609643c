"""Streamlit side, controls: sidebar filters and options, URL seeding, selections read from charts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import texts
from ..analysis import gap, sources
from ..analysis import lieux as lieux_filters
from ..analysis.gap import DEFAULT_WEIGHTS, NEED
from ..analysis.indicators import INDICATORS
from ..analysis.lieux import LieuFilters
from ..shared import vocab
from ..shared.formatting import fmt_date, fmt_decimal, fmt_int
from ..texts.corrections import FRESHNESS_FILTER, FRESHNESS_LABELS
from ..views import url_state
from .data import catalogue, current_sources, lieux, query, today


def _init_once(prefix: str, values: dict) -> None:
    """Seed widget values from the URL on a session's first run only (later runs keep the user's choices)."""
    marker = f"{prefix}__seeded"
    if st.session_state.get(marker):
        return
    for key, value in values.items():
        st.session_state[f"{prefix}_{key}"] = value
    st.session_state[marker] = True


def filter_sidebar(prefix: str, initial: LieuFilters) -> LieuFilters:
    """The lieux filters in the sidebar (same widgets on the map and in the directory)."""
    _init_once(
        prefix,
        {
            "dep": list(initial.departements),
            "epci": list(initial.epci),
            "src": list(initial.sources),
            "label": list(initial.labels),
            "svc": list(initial.services),
            "pub": list(initial.publics),
            "sam": initial.open_saturday,
            "soir": initial.open_evening,
            "maj": initial.updated_within_years or 0,
            "q": initial.search,
            "fresh": list(initial.freshness),
        },
    )
    deps = query("departement_list")
    dep_names = dict(zip(deps["code"], deps["nom"], strict=True))
    bar = st.sidebar
    bar.header(texts.filtres.FILTERS_TITLE)
    search = bar.text_input(
        texts.filtres.FILTER_SEARCH,
        key=f"{prefix}_q",
        max_chars=80,
        placeholder=texts.filtres.FILTER_SEARCH_PLACEHOLDER,
    )
    chosen_deps = bar.multiselect(
        texts.filtres.FILTER_DEPARTEMENTS,
        list(dep_names),
        key=f"{prefix}_dep",
        placeholder=texts.filtres.ALL_PLACEHOLDER,
        format_func=lambda c: f"{c} {dep_names[c]}",
        select_all=False,
    )
    epci = query("epci_list")
    if chosen_deps:
        epci = epci[[bool(set(d) & set(chosen_deps)) for d in epci["departements"]]]
    epci_names = dict(zip(epci["siren"], epci["nom"], strict=True))
    st.session_state[f"{prefix}_epci"] = [
        s for s in st.session_state.get(f"{prefix}_epci", []) if s in epci_names
    ]
    chosen_epci = bar.multiselect(
        texts.filtres.FILTER_EPCI,
        list(epci_names),
        key=f"{prefix}_epci",
        placeholder=texts.filtres.ALL_PLACEHOLDER,
        format_func=lambda s: epci_names[s],
        select_all=False,
    )
    all_lieux = lieux()
    source_names = sources.names(catalogue())
    chosen_src = _counted(
        bar,
        texts.filtres.FILTER_SOURCES,
        all_lieux,
        "sources",
        current_sources(),
        f"{prefix}_src",
        lambda k: source_names.get(k, k),
    )
    labels = _counted(
        bar, texts.filtres.FILTER_LABELS, all_lieux, "labels", vocab.LABELS, f"{prefix}_label"
    )
    services = _counted(
        bar, texts.filtres.FILTER_SERVICES, all_lieux, "services", vocab.SERVICES, f"{prefix}_svc"
    )
    publics = _counted(
        bar, texts.filtres.FILTER_PUBLICS, all_lieux, "publics", vocab.PUBLICS, f"{prefix}_pub"
    )
    bar.caption(
        texts.filtres.FILTER_PUBLICS_NOTE.format(
            n=fmt_int(lieux_filters.without(all_lieux, "publics")), total=fmt_int(len(all_lieux))
        )
    )
    saturday = bar.checkbox(
        texts.filtres.FILTER_SATURDAY, key=f"{prefix}_sam", help=texts.filtres.FILTER_HOURS_HELP
    )
    evening = bar.checkbox(texts.filtres.FILTER_EVENING, key=f"{prefix}_soir", help=texts.filtres.FILTER_HOURS_HELP)
    windows = lieux_filters.window_counts(all_lieux, today())
    offered = [0] + [
        y for y, n in windows.items() if n or y == st.session_state.get(f"{prefix}_maj")
    ]
    years = bar.selectbox(
        texts.filtres.FILTER_UPDATED,
        offered,
        key=f"{prefix}_maj",
        format_func=lambda y: texts.filtres.updated_label(y, windows.get(y)),
        help=texts.filtres.FILTER_UPDATED_HELP.format(today=fmt_date(today())),
    )
    freshness_levels = bar.multiselect(
        FRESHNESS_FILTER,
        list(FRESHNESS_LABELS),
        key=f"{prefix}_fresh",
        placeholder=texts.filtres.ALL_PLACEHOLDER,
        format_func=FRESHNESS_LABELS.get,
    )
    return LieuFilters(
        tuple(chosen_deps),
        tuple(chosen_epci),
        tuple(chosen_src),
        tuple(labels),
        tuple(services),
        tuple(publics),
        saturday,
        evening,
        years or None,
        search or "",
        tuple(freshness_levels),
    )


def _counted(bar, label: str, all_lieux, column: str, options, key: str, name=str) -> list[str]:
    """A multiselect whose options show how many lieux carry them; options no lieu carries are not
    offered (unless already chosen, from a shared link)."""
    counts = lieux_filters.option_counts(all_lieux, column, options)
    chosen = st.session_state.get(key, [])
    offered = [o for o in options if counts[o] or o in chosen]
    return bar.multiselect(
        label,
        offered,
        key=key,
        placeholder=texts.filtres.ALL_PLACEHOLDER,
        format_func=lambda o: f"{name(o)} ({fmt_int(counts[o])})",
        select_all=False,
    )


def map_allowed() -> url_state.Allowed:
    """What a map URL may carry, from the warehouse."""
    return url_state.Allowed(
        departements=frozenset(query("departement_list")["code"]),
        epci=frozenset(query("epci_list")["siren"]),
        sources=frozenset(current_sources()),
        indicators=frozenset(INDICATORS),
        lieux=frozenset(lieux()["lieu_id"]),
    )


def map_options_sidebar(
    prefix: str, state: url_state.ViewState
) -> tuple[str, str, str, tuple[str, ...], bool]:
    """Level, indicator, point colouring, layers and basemap chosen in the sidebar."""
    _init_once(
        f"{prefix}_map",
        {
            "niv": state.level,
            "ind": state.indicator,
            "couleur": state.colour_by,
            "couches": list(state.layers),
            "fond": state.basemap,
        },
    )
    bar = st.sidebar
    bar.header(texts.carte.MAP_OPTIONS)
    layers = bar.multiselect(
        texts.carte.MAP_LAYERS,
        list(url_state.LAYERS),
        key=f"{prefix}_map_couches",
        format_func=url_state.LAYERS.get,
        placeholder=texts.filtres.NONE_PLACEHOLDER,
    )
    indicator = bar.selectbox(
        texts.carte.MAP_INDICATOR,
        list(INDICATORS),
        key=f"{prefix}_map_ind",
        format_func=lambda k: INDICATORS[k].label,
    )
    level = bar.radio(
        texts.carte.MAP_LEVEL,
        list(url_state.LEVELS),
        key=f"{prefix}_map_niv",
        format_func=url_state.LEVELS.get,
        horizontal=True,
    )
    colour_by = bar.radio(
        texts.carte.MAP_COLOUR_BY,
        list(url_state.COLOUR_BY),
        key=f"{prefix}_map_couleur",
        format_func=url_state.COLOUR_BY.get,
        horizontal=True,
    )
    basemap = bar.toggle(texts.carte.MAP_BASEMAP, key=f"{prefix}_map_fond", help=texts.carte.MAP_BASEMAP_HELP)
    return level, indicator, colour_by, tuple(layers), basemap


def picked_lieu(chart_key: str) -> str | None:
    """The lieu clicked on the map at the previous run, if any."""
    event = st.session_state.get(chart_key)
    try:
        objects = event["selection"]["objects"].get("lieux") or []
    except (KeyError, TypeError, AttributeError):
        return None
    return objects[0].get("lieu_id") if objects else None


WEIGHT_STEPS = tuple(step / 2 for step in range(7))  # 0, 0,5 … 3


def gap_sidebar() -> tuple[str, dict[str, float], int, int]:
    """Level, need weights, minimum population and table length for the gap analysis."""
    bar = st.sidebar
    level = bar.radio(
        texts.ecarts.GAP_LEVEL,
        list(url_state.LEVELS),
        index=2,
        key="gap_level",
        format_func=url_state.LEVELS.get,
        horizontal=True,
    )
    bar.header(texts.ecarts.GAP_WEIGHTS)
    weights = {
        key: bar.select_slider(
            component.label,
            WEIGHT_STEPS,
            DEFAULT_WEIGHTS.get(key, 0.0),
            format_func=lambda w: fmt_decimal(w, 1),  # « 1,5 », not « 1.50 »
            key=f"gap_w_{key}",
        )
        for key, component in NEED.items()
    }
    default = gap.DEFAULT_MINIMUM_POPULATION if level == "commune" else 0
    minimum = bar.number_input(
        texts.ecarts.GAP_MIN_POPULATION,
        0,
        100_000,
        default,
        100,
        key=f"gap_min_pop_{level}",
        help=texts.ecarts.GAP_MIN_POPULATION_HELP.format(n=default),
    )
    top = bar.slider(texts.ecarts.GAP_TOP, 10, 100, 20, 10, key="gap_top")
    return level, weights, int(minimum), int(top)


def whatif_block(communes: pd.DataFrame, clicked: str | None) -> tuple[str, ...]:
    """Hypothetical lieux (commune codes) kept in the session: add by commune or by the commune clicked on
    the map."""
    hypotheses = st.session_state.setdefault("gap_hypotheses", [])
    names = dict(
        zip(
            communes["code_insee"],
            communes["nom"] + " (" + communes["departement"] + ")",
            strict=True,
        )
    )
    with st.container(border=True):
        st.markdown(f"**{texts.ecarts.GAP_WHATIF_TITLE}**")
        st.caption(texts.ecarts.GAP_WHATIF_HELP)
        left, right = st.columns([3, 1])
        code = left.selectbox(
            texts.ecarts.GAP_WHATIF_COMMUNE,
            list(names),
            index=None,
            key="gap_whatif_commune",
            format_func=names.get,
            placeholder=texts.ecarts.GAP_WHATIF_PLACEHOLDER,
        )
        if right.button(texts.ecarts.GAP_WHATIF_ADD, disabled=code is None, key="gap_whatif_add"):
            hypotheses.append(code)
        if clicked in names and st.button(
            texts.ecarts.GAP_WHATIF_ADD_CLICKED.format(nom=names[clicked]), key="gap_whatif_add_clicked"
        ):
            hypotheses.append(clicked)
        if hypotheses:
            st.caption(
                texts.ecarts.GAP_WHATIF_LIST.format(names=", ".join(names[code] for code in hypotheses))
            )
            if st.button(texts.ecarts.GAP_WHATIF_CLEAR, key="gap_whatif_clear"):
                hypotheses.clear()
                st.rerun()
    return tuple(hypotheses)


def clicked_feature(chart_key: str, layer: str = "choropleth") -> str | None:
    """The `code` of the map feature clicked at the previous run, if any."""
    event = st.session_state.get(chart_key)
    try:
        objects = event["selection"]["objects"].get(layer) or []
    except (KeyError, TypeError, AttributeError):
        return None
    return objects[0].get("properties", {}).get("code") if objects else None
