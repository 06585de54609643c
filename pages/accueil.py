"""Accueil: live key figures of the warehouse and the regional context."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.shared.formatting import fmt_int, fmt_percent
from rhinocc_dash.views import static_charts

ui.through_router()

st.title(texts.accueil.HOME_TITLE)
st.write(texts.accueil.HOME_INTRO)

figures = ui.service_frame(ui.service.home_figures)
row1 = st.columns(3)
row1[0].metric(texts.accueil.METRIC_LIEUX, fmt_int(figures["lieux"]), help=texts.accueil.METRIC_LIEUX_HELP)
row1[1].metric(texts.accueil.METRIC_RECORDS, fmt_int(figures["records"]), help=texts.accueil.METRIC_RECORDS_HELP)
row1[2].metric(texts.accueil.METRIC_SOURCES, fmt_int(figures["sources"]))
row2 = st.columns(3)
row2[0].metric(
    texts.accueil.METRIC_COMMUNES,
    f"{fmt_int(figures['communes_with_lieu'])} / {fmt_int(figures['communes'])}",
)
row2[1].metric(texts.accueil.METRIC_POPULATION, fmt_int(figures["population"]))
row2[2].metric(
    texts.accueil.METRIC_WITHIN_10KM,
    fmt_percent(figures["share_within_10km"]),
    help=texts.accueil.METRIC_WITHIN_10KM_HELP,
)
ui.source_note(ui.caption(["lieux", "population"], texts.accueil.LIEUX_METHOD))

st.header(texts.accueil.CONTEXT_TITLE)
poverty = ui.service_frame(ui.service.regional_reference)
if ui.REGION.quoted("a_accompagner") is None:
    st.metric(texts.accueil.CONTEXT_PAUVRETE, fmt_percent(poverty["taux_pauvrete"], ratio=False))
    st.caption(texts.accueil.NO_CONTEXT)
else:
    ui.regional_context(figures["population"], poverty)

st.header(texts.accueil.LIEUX_BY_DEP_TITLE)
lieux_by_dep = ui.query("lieux_by_departement")
ui.static_chart_block(
    static_charts.lieux_by_departement,
    lieux_by_dep,
    texts.accueil.LIEUX_BY_DEP_CHART,
    "lieux_par_departement.csv",
    ui.caption(["lieux", "population"], texts.accueil.LIEUX_METHOD),
    "home_lieux",
    names=texts.accueil.LIEUX_BY_DEP_COLUMNS,
)

st.header(texts.accueil.SOURCES_TITLE)
overview = ui.query("source_overview")
overview["source"] = overview["source"].map(ui.source_names())
overview["vintage"] = overview["vintage"].map(texts.common.vintage_text)
ui.table(overview[list(texts.accueil.SOURCES_COLUMNS)], texts.accueil.SOURCES_COLUMNS)
