"""Accueil: live key figures of the warehouse and the regional context."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.formatting import fmt_int, fmt_percent
from rhinocc_dash.views.charts import lieux_by_departement_chart

ui.through_router()

st.title(texts.HOME_TITLE)
st.write(texts.HOME_INTRO)

figures = ui.service_frame(ui.service.home_figures)
row1 = st.columns(3)
row1[0].metric(texts.METRIC_LIEUX, fmt_int(figures["lieux"]), help=texts.METRIC_LIEUX_HELP)
row1[1].metric(texts.METRIC_RECORDS, fmt_int(figures["records"]), help=texts.METRIC_RECORDS_HELP)
row1[2].metric(texts.METRIC_SOURCES, fmt_int(figures["sources"]))
row2 = st.columns(3)
row2[0].metric(
    texts.METRIC_COMMUNES,
    f"{fmt_int(figures['communes_with_lieu'])} / {fmt_int(figures['communes'])}",
)
row2[1].metric(texts.METRIC_POPULATION, fmt_int(figures["population"]))
row2[2].metric(
    texts.METRIC_WITHIN_10KM,
    fmt_percent(figures["share_within_10km"]),
    help=texts.METRIC_WITHIN_10KM_HELP,
)
ui.source_note(ui.caption(["lieux", "population"], texts.LIEUX_METHOD))

st.header(texts.CONTEXT_TITLE)
poverty = ui.service_frame(ui.service.regional_reference)
if texts.A_ACCOMPAGNER_PERSONNES is None:
    st.metric(texts.CONTEXT_PAUVRETE, fmt_percent(poverty["taux_pauvrete"], ratio=False))
    st.caption(texts.NO_CONTEXT)
else:
    ui.regional_context(figures["population"], poverty)

st.header(texts.LIEUX_BY_DEP_TITLE)
lieux_by_dep = ui.query("lieux_by_departement")
ui.chart_block(
    lieux_by_departement_chart(lieux_by_dep),
    lieux_by_dep,
    "lieux_par_departement.csv",
    ui.caption(["lieux", "population"], texts.LIEUX_METHOD),
    "home_lieux",
    names=texts.LIEUX_BY_DEP_COLUMNS,
)

st.header(texts.SOURCES_TITLE)
overview = ui.query("source_overview")
overview["source"] = overview["source"].map(ui.source_names())
overview["vintage"] = overview["vintage"].map(texts.vintage_text)
ui.table(overview[list(texts.SOURCES_COLUMNS)], texts.SOURCES_COLUMNS)
