"""Streamlit side: the shared connection, cached query accessors, the warehouse guard and small
widgets.

The only module of the package that imports streamlit.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from . import lieux_filters, queries, texts, view_state, vocab
from .build import SourcesMissing, build
from .config import PROJECT_ROOT, resolve_db, resolve_sources
from .formatting import fmt_date, fmt_int
from .lieux_filters import LieuFilters

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


def sidebar() -> None:
    st.sidebar.caption(texts.SIDEBAR_NOTE)


@st.cache_data(show_spinner=False)
def _prepared_lieux(db_path: str, version: float) -> pd.DataFrame:
    return lieux_filters.prepare(queries.run(_connection(db_path, version), "map_lieux"))


def lieux() -> pd.DataFrame:
    """All lieux with their EPCI and derived category, type and search key (cached per warehouse)."""
    return _prepared_lieux(*_warehouse())


def today() -> dt.date:
    return dt.date.today()


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
        },
    )
    deps = query("departement_list")
    dep_names = dict(zip(deps["code"], deps["nom"], strict=True))
    bar = st.sidebar
    bar.header(texts.FILTERS_TITLE)
    search = bar.text_input(
        texts.FILTER_SEARCH,
        key=f"{prefix}_q",
        max_chars=80,
        placeholder=texts.FILTER_SEARCH_PLACEHOLDER,
    )
    chosen_deps = bar.multiselect(
        texts.FILTER_DEPARTEMENTS,
        list(dep_names),
        key=f"{prefix}_dep",
        placeholder=texts.ALL_PLACEHOLDER,
        format_func=lambda c: f"{c} {dep_names[c]}",
    )
    epci = query("epci_list")
    if chosen_deps:
        epci = epci[[bool(set(d) & set(chosen_deps)) for d in epci["departements"]]]
    epci_names = dict(zip(epci["siren"], epci["nom"], strict=True))
    st.session_state[f"{prefix}_epci"] = [
        s for s in st.session_state.get(f"{prefix}_epci", []) if s in epci_names
    ]
    chosen_epci = bar.multiselect(
        texts.FILTER_EPCI,
        list(epci_names),
        key=f"{prefix}_epci",
        placeholder=texts.ALL_PLACEHOLDER,
        format_func=lambda s: epci_names[s],
    )
    sources = [k for k in texts.SOURCE_NAMES if k != "france_services_2022"]
    chosen_src = bar.multiselect(
        texts.FILTER_SOURCES,
        sources,
        key=f"{prefix}_src",
        placeholder=texts.ALL_PLACEHOLDER,
        format_func=lambda k: texts.SOURCE_NAMES[k],
    )
    labels = bar.multiselect(texts.FILTER_LABELS, list(vocab.LABELS), key=f"{prefix}_label")
    services = bar.multiselect(texts.FILTER_SERVICES, list(vocab.SERVICES), key=f"{prefix}_svc")
    publics = bar.multiselect(texts.FILTER_PUBLICS, list(vocab.PUBLICS), key=f"{prefix}_pub")
    saturday = bar.checkbox(
        texts.FILTER_SATURDAY, key=f"{prefix}_sam", help=texts.FILTER_HOURS_HELP
    )
    evening = bar.checkbox(texts.FILTER_EVENING, key=f"{prefix}_soir", help=texts.FILTER_HOURS_HELP)
    years = bar.selectbox(
        texts.FILTER_UPDATED,
        [0, *lieux_filters.UPDATE_WINDOWS],
        key=f"{prefix}_maj",
        format_func=texts.updated_label,
        help=texts.FILTER_UPDATED_HELP.format(today=fmt_date(today())),
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
    )


@st.cache_resource(show_spinner=False)
def _geometries(db_path: str, version: float, level: str) -> pd.DataFrame:
    frame = queries.run(_connection(db_path, version), GEOMETRY_QUERIES[level])
    frame["geometry"] = [json.loads(text) for text in frame["geometry"]]  # parsed once per process
    return frame


def geometries(level: str) -> pd.DataFrame:
    """Display geometries of a level (shared, read-only: never modify the returned frame)."""
    return _geometries(*_warehouse(), level)


def html_legend(
    title: str, entries: list[tuple[tuple[int, int, int], str, int]], note: str | None = None
) -> None:
    """A legend beside the map: colour swatch, label and count on each row (labels are escaped)."""
    rows = "".join(
        f'<div style="display:flex;align-items:center;gap:.5em;margin:.15em 0">'
        f'<span style="display:inline-block;width:1em;height:1em;border:1px solid #555;'
        f'background:rgb{tuple(colour)}"></span><span>{html.escape(label)} '
        f'<span style="color:#555">({fmt_int(count)})</span></span></div>'
        for colour, label, count in entries
    )
    extra = f'<div style="color:#555;font-size:.85em">{html.escape(note)}</div>' if note else ""
    st.markdown(f"<div><b>{html.escape(title)}</b>{rows}{extra}</div>", unsafe_allow_html=True)


def map_allowed() -> view_state.Allowed:
    """What a map URL may carry, from the warehouse."""
    from .choropleth import INDICATORS

    return view_state.Allowed(
        departements=frozenset(query("departement_list")["code"]),
        epci=frozenset(query("epci_list")["siren"]),
        sources=frozenset(k for k in texts.SOURCE_NAMES if k != "france_services_2022"),
        indicators=frozenset(INDICATORS),
        lieux=frozenset(lieux()["lieu_id"]),
    )


def map_options_sidebar(
    prefix: str, state: view_state.ViewState
) -> tuple[str, str, str, tuple[str, ...], bool]:
    """Level, indicator, point colouring, layers and basemap chosen in the sidebar."""
    from .choropleth import INDICATORS

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
    bar.header(texts.MAP_OPTIONS)
    layers = bar.multiselect(
        texts.MAP_LAYERS,
        list(view_state.LAYERS),
        key=f"{prefix}_map_couches",
        format_func=view_state.LAYERS.get,
        placeholder=texts.NONE_PLACEHOLDER,
    )
    indicator = bar.selectbox(
        texts.MAP_INDICATOR,
        list(INDICATORS),
        key=f"{prefix}_map_ind",
        format_func=lambda k: INDICATORS[k].label,
    )
    level = bar.radio(
        texts.MAP_LEVEL,
        list(view_state.LEVELS),
        key=f"{prefix}_map_niv",
        format_func=view_state.LEVELS.get,
        horizontal=True,
    )
    colour_by = bar.radio(
        texts.MAP_COLOUR_BY,
        list(view_state.COLOUR_BY),
        key=f"{prefix}_map_couleur",
        format_func=view_state.COLOUR_BY.get,
        horizontal=True,
    )
    basemap = bar.toggle(texts.MAP_BASEMAP, key=f"{prefix}_map_fond", help=texts.MAP_BASEMAP_HELP)
    return level, indicator, colour_by, tuple(layers), basemap


def picked_lieu(chart_key: str) -> str | None:
    """The lieu clicked on the map at the previous run, if any."""
    event = st.session_state.get(chart_key)
    try:
        objects = event["selection"]["objects"].get("lieux") or []
    except (KeyError, TypeError, AttributeError):
        return None
    return objects[0].get("lieu_id") if objects else None


def lieux_table(shown: pd.DataFrame) -> pd.DataFrame:
    """The filtered lieux as a readable table (lists joined, French headers)."""
    table = shown[list(texts.MAP_TABLE_COLUMNS)].copy()
    table["services"] = table["services"].map(lambda v: ", ".join(v) if v is not None else "")
    return table.rename(columns=texts.MAP_TABLE_COLUMNS)


def through_router() -> None:
    """Run the app's router when Streamlit runs a page file directly.

    With a `pages/` folder beside app.py, Streamlit's first run on a fresh server follows the old
    multipage convention: a shared link such as /carte runs pages/carte.py without app.py, so the
    page would lose the navigation and page settings. The router then takes over and this run stops.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without the old convention
        return
    if PagesManager.uses_pages_directory:
        import runpy

        runpy.run_path(str(PROJECT_ROOT / "app.py"), run_name="__main__")
        st.stop()


def download(table: pd.DataFrame, filename: str, key: str) -> None:
    """A CSV download of a table shown on the page (formula-safe, French spreadsheet format)."""
    from .exports import to_csv_bytes

    st.download_button(
        texts.DOWNLOAD_CSV, to_csv_bytes(table), file_name=filename, mime="text/csv", key=key
    )


def chart_block(
    figure, table: pd.DataFrame, filename: str, caption: str, key: str, select: bool = False
):
    """A chart with its source caption and the download of its table; returns the selection event."""
    event = st.plotly_chart(
        figure,
        width="stretch",
        key=key,
        on_select="rerun" if select else "ignore",
        selection_mode="points",
    )
    st.caption(caption)
    download(table, filename, key=f"{key}_csv")
    return event


def clicked_code(event) -> str | None:
    """The `customdata` code of the bar clicked in a plotly chart, if any."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    return points[0].get("customdata") if points else None


def frame_with_total(table: pd.DataFrame, total: dict) -> pd.DataFrame:
    """A territory table followed by its total row."""
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)[list(table.columns)]


def coverage_column_config() -> dict:
    """Number formats for coverage tables (shares shown as percentages)."""
    columns = texts.COVERAGE_COLUMNS
    config = {
        columns[k]: st.column_config.ProgressColumn(
            columns[k], format="percent", min_value=0, max_value=1
        )
        for k in columns
        if k.startswith("part_")
    }
    config[columns["lieux_pour_10000"]] = st.column_config.NumberColumn(format="%.2f")
    config[columns["distance_mediane_km"]] = st.column_config.NumberColumn(format="%.1f km")
    return config


def source_with_vintage(records: pd.DataFrame) -> dict:
    """Column titles « Source (millésime) » for per-source tables."""
    vintages = records.drop_duplicates("source").set_index("source")["source_vintage"]
    return {
        key: f"{texts.SOURCE_NAMES.get(key, key)} ({vintage})" for key, vintage in vintages.items()
    } | {"departement": "Département"}


def gap_sidebar() -> tuple[str, dict[str, float], int, int]:
    """Level, need weights, minimum population and table length for the gap analysis."""
    from .gap import DEFAULT_WEIGHTS, NEED

    bar = st.sidebar
    level = bar.radio(
        texts.GAP_LEVEL,
        list(view_state.LEVELS),
        index=2,
        key="gap_level",
        format_func=view_state.LEVELS.get,
        horizontal=True,
    )
    bar.subheader(texts.GAP_WEIGHTS)
    weights = {
        key: bar.slider(
            component.label, 0.0, 3.0, DEFAULT_WEIGHTS.get(key, 0.0), 0.5, key=f"gap_w_{key}"
        )
        for key, component in NEED.items()
    }
    minimum = bar.number_input(texts.GAP_MIN_POPULATION, 0, 100_000, 0, 100, key="gap_min_pop")
    top = bar.slider(texts.GAP_TOP, 10, 100, 20, 10, key="gap_top")
    return level, weights, int(minimum), int(top)


def whatif_block(communes: pd.DataFrame, clicked: str | None) -> list[dict]:
    """Hypothetical lieux kept in the session: add by commune or by the commune clicked on the map."""
    hypotheses = st.session_state.setdefault("gap_hypotheses", [])
    names = dict(
        zip(
            communes["code_insee"],
            communes["nom"] + " (" + communes["departement"] + ")",
            strict=True,
        )
    )
    with st.container(border=True):
        st.markdown(f"**{texts.GAP_WHATIF_TITLE}**")
        st.caption(texts.GAP_WHATIF_HELP)
        left, right = st.columns([3, 1])
        code = left.selectbox(
            texts.GAP_WHATIF_COMMUNE,
            list(names),
            index=None,
            key="gap_whatif_commune",
            format_func=names.get,
            placeholder=texts.FILTER_SEARCH_PLACEHOLDER,
        )
        if right.button(texts.GAP_WHATIF_ADD, disabled=code is None, key="gap_whatif_add"):
            hypotheses.append({"code_insee": code})
        if clicked in names and st.button(
            texts.GAP_WHATIF_ADD_CLICKED.format(nom=names[clicked]), key="gap_whatif_add_clicked"
        ):
            hypotheses.append({"code_insee": clicked})
        if hypotheses:
            st.caption(
                texts.GAP_WHATIF_LIST.format(
                    names=", ".join(names[h["code_insee"]] for h in hypotheses)
                )
            )
            if st.button(texts.GAP_WHATIF_CLEAR, key="gap_whatif_clear"):
                hypotheses.clear()
                st.rerun()
    return list(hypotheses)


def clicked_feature(chart_key: str, layer: str = "choropleth") -> str | None:
    """The `code` of the map feature clicked at the previous run, if any."""
    event = st.session_state.get(chart_key)
    try:
        objects = event["selection"]["objects"].get(layer) or []
    except (KeyError, TypeError, AttributeError):
        return None
    return objects[0].get("properties", {}).get("code") if objects else None


@st.cache_data(show_spinner=False, max_entries=8)
def _gap_base(
    db_path: str, version: float, level: str, hypotheses: tuple[str, ...]
) -> pd.DataFrame:
    from .gap import access_with, gap_frame

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


def lieu_detail(lieu_id: str, all_lieux: pd.DataFrame) -> None:
    """The detail card of a lieu and every source record behind it (escaped)."""
    from .formatting import md_text
    from .mapview import lieu_card

    lieu = all_lieux[all_lieux["lieu_id"] == lieu_id].iloc[0]
    records = query("lieu_records", (lieu_id,))
    with st.container(border=True):
        st.markdown(f"#### {md_text(lieu['nom'])}")
        st.markdown(
            "\n".join(
                f"- **{label}** : {text}"
                for label, text in lieu_card(lieu.to_dict(), records, today())
            )
        )
        st.markdown(f"**{texts.DIRECTORY_RECORDS}**")
        shown = records[list(texts.RECORD_COLUMNS)].copy()
        shown["source"] = shown["source"].map(lambda k: texts.SOURCE_NAMES.get(k, k))
        shown["flags"] = shown["flags"].map(
            lambda f: ", ".join(texts.FLAG_LABELS.get(x, x) for x in f)
        )
        st.dataframe(shown.rename(columns=texts.RECORD_COLUMNS), hide_index=True, width="stretch")


def standard_exports(shown: pd.DataFrame) -> None:
    """Downloads of the selection in the national standard, and the lieux it cannot carry."""
    from .standard import to_standard, to_standard_csv, to_standard_geojson

    communes = query("communes_postcodes")
    postcodes = dict(zip(communes["code_insee"], communes["codes_postaux"].map(list), strict=True))
    sirets = query("lieu_sirets")
    frame, left_out = to_standard(
        shown, postcodes, dict(zip(sirets["lieu_id"], sirets["siret"], strict=True))
    )
    left, right = st.columns(2)
    left.download_button(
        texts.DIRECTORY_EXPORT_STANDARD_CSV,
        lambda: to_standard_csv(frame),
        "lieux-mediation-numerique-occitanie.csv",
        "text/csv",
        key="dir_std_csv",
    )
    right.download_button(
        texts.DIRECTORY_EXPORT_STANDARD_GEOJSON,
        lambda: to_standard_geojson(frame),
        "lieux-mediation-numerique-occitanie.geojson",
        "application/geo+json",
        key="dir_std_geo",
    )
    st.caption(texts.DIRECTORY_STANDARD_NOTE)
    if len(left_out):
        with st.expander(texts.DIRECTORY_LEFT_OUT.format(n=fmt_int(len(left_out)))):
            st.dataframe(left_out, hide_index=True, width="stretch")


def source_label(key: str) -> str:
    """« France Services (2024-08-01) » for a source key."""
    from .catalog import BY_KEY

    entry = BY_KEY.get(key)
    return f"{texts.SOURCE_NAMES.get(key, key)} ({entry.vintage})" if entry else key


def readable_records(records: pd.DataFrame) -> pd.DataFrame:
    """Records with French source names and flag labels, for tables and downloads."""
    out = records[
        ["source", "source_row", "nom", "commune", "departement", "location_precision", "flags"]
    ].copy()
    out["source"] = out["source"].map(source_label)
    out["location_precision"] = out["location_precision"].map(texts.LOCATION_PRECISION)
    out["flags"] = out["flags"].map(lambda f: ", ".join(texts.FLAG_LABELS.get(x, x) for x in f))
    return out.rename(
        columns={
            "source": "Source",
            "source_row": "Ligne",
            "nom": "Nom",
            "commune": "Commune",
            "departement": "Dép.",
            "location_precision": "Localisation",
            "flags": "Alertes",
        }
    )


def report_inputs():
    """Everything the département report reads, from the warehouse."""
    from .report import ReportInputs

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
