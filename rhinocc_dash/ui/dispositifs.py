"""Streamlit side of the page « Dispositifs nationaux »: its sections, each chart with its table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..analysis import dispositifs as programmes
from ..analysis import service
from ..analysis.dispositifs_service import Dispositifs
from ..analysis.sources import caption
from ..shared.config import REGION
from ..shared.formatting import fmt_decimal, fmt_int, md_text
from ..texts import dispositifs as tx
from ..texts.common import vintage_text
from ..views import charts
from ..views import dispositifs_charts as dcharts
from ..views.report_dispositifs import pass_territories_text, quoted_context
from .chart_with_table import chart_block
from .data import query, service_frame
from .tables import table


def figures() -> Dispositifs:
    """Every figure of the page, cached per warehouse version."""
    return service_frame(service.dispositifs)


def source_note(d: Dispositifs, keys, note: str | None = None) -> str:
    return caption(d.sources, keys, note)


# The sources whose vintages the page lists first (read from the warehouse's catalogue).
VINTAGE_KEYS = (
    "france_services_2024",
    "france_services_2022",
    "cnfs_structures",
    "cnfs",
    "aidants_connect_compteurs",
)


def vintages(d: Dispositifs) -> None:
    """Every source of the page with its vintage, from the warehouse's catalogue."""
    rows = d.sources.drop_duplicates("key").set_index("key")
    items = [
        f"{rows.at[k, 'name']} — {rows.at[k, 'title']} : {vintage_text(rows.at[k, 'vintage'])}"
        for k in VINTAGE_KEYS
        if k in rows.index
    ]
    st.markdown(
        f"**{tx.VINTAGES_TITLE}**\n"
        + "\n".join(f"- {md_text(item)}" for item in [*items, tx.VINTAGE_PASS])
    )


def file_notes(d: Dispositifs) -> None:
    """A warning per programme file that could not be read (the figures then miss)."""
    rows = d.sources[d.sources["kind"] == "programmes"]
    for _, row in rows.iterrows():
        if not row["rows"]:
            note = row["note"] or "aucune ligne lue"
            st.warning(tx.MISSING_FILE.format(name=md_text(row["name"]), note=md_text(note)))


def territory_metric(d_table: pd.DataFrame, metrics: dict, key: str, title: str, source: str):
    """A radio over `metrics`, the named bars of the chosen one (régional value as reference)."""
    metric = st.radio(
        title, list(metrics), horizontal=True, key=key, format_func=lambda k: metrics[k][0]
    )
    measure = charts.Measure(*metrics[metric])
    deps, region = d_table.iloc[:-1], d_table.iloc[-1]
    is_count = measure.kind == "count"
    reference = float(deps[metric].mean()) if is_count else float(region[metric])
    chart_block(
        charts.territory_bar(
            deps["nom"],
            deps["code"],
            deps[metric],
            measure,
            f"{measure.label}, par département",
            reference,
            "moyenne par département" if is_count else tx.REGION_ROW,
        ),
        deps[["code", "nom", metric]],
        f"dispositifs_{metric}.csv",
        source,
        f"{key}_bar",
        names={"code": "Code", "nom": tx.DEPARTEMENT, metric: measure.label},
    )


def fs_map(d: Dispositifs) -> None:
    need_key = st.selectbox(
        tx.FS_MAP_NEED,
        list(tx.NEED_MEASURES),
        format_func=lambda k: tx.NEED_MEASURES[k][0],
        key="disp_map_need",
    )
    measure = charts.Measure(*tx.NEED_MEASURES[need_key])
    st.plotly_chart(
        dcharts.sites_over_need_map(
            query("geo_departement"),
            d.need.set_index("code")[need_key],
            measure,
            d.fs_sites,
            tx.FS_MAP_TITLE,
            tx.FS_MAP_SITES,
        ),
        width="stretch",
        key="disp_map",
        config={"displaylogo": False, "locale": "fr"},
    )
    names = d.departement_names()
    with st.expander(tx.FS_MAP_TABLE):
        sites = d.fs_sites.assign(
            departement=d.fs_sites["departement"].map(names),
            itinerant=d.fs_sites["itinerant"].map({True: "oui", False: "non"}),
        )
        table(
            sites[list(tx.FS_SITES_COLUMNS)],
            tx.FS_SITES_COLUMNS,
            download=("france_services_2024_sites.csv", "disp_sites_csv"),
        )


def context() -> None:
    items = quoted_context(REGION.programmes)
    if not items:
        st.caption(tx.NO_CONTEXT)
        return
    columns = st.columns(len(items))
    for column, (label, value, note) in zip(columns, items, strict=True):
        column.metric(label, fmt_int(value), help=note)
        column.caption(note)
    st.caption(tx.CONTEXT_NOTE.format(source=REGION.programmes.get("formation_source", "")))


def pass_territories() -> str | None:
    """Where the Pass numérique is distributed, as the region's settings quote it."""
    return pass_territories_text(REGION.programmes)


def comparison(d: Dispositifs) -> None:
    left, right = st.columns(2)
    programme = left.selectbox(
        tx.COMPARE_PROGRAMME,
        list(tx.COVERAGE_MEASURES),
        format_func=tx.PROGRAMME_NAMES.get,
        key="disp_cmp_prog",
    )
    need_key = right.selectbox(
        tx.COMPARE_NEED,
        list(tx.NEED_MEASURES),
        format_func=lambda k: tx.NEED_MEASURES[k][0],
        key="disp_cmp_need",
    )
    column, coverage = tx.COVERAGE_MEASURES[programme]
    cover = charts.Measure(*coverage)
    need = charts.Measure(*tx.NEED_MEASURES[need_key])
    frame = programmes.need_and_coverage(d.need, getattr(d, programme).iloc[:-1], need_key, column)
    chart_block(
        dcharts.need_coverage_scatter(
            frame, need_key, need, column, cover, f"{need.label} et {cover.label}"
        ),
        frame,
        f"besoin_et_{programme}.csv",
        source_note(d, ["population", "ifn2020_iris", "filosofi_departement"], tx.NEED_NOTE),
        "disp_cmp",
        names={**tx.COMPARE_COLUMNS, need_key: need.label, column: cover.label},
        kinds={need_key: "percent" if need.kind == "share" else "decimal1", column: "decimal2"},
    )
    table(
        frame,
        {**tx.COMPARE_COLUMNS, need_key: need.label, column: cover.label},
        {need_key: "percent" if need.kind == "share" else "decimal1", column: "decimal2"},
    )
    rho = programmes.rank_correlation(frame, need_key, column)
    st.markdown(tx.COMPARE_CORRELATION.format(rho=fmt_decimal(rho, 2), n=len(frame)))
