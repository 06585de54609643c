"""Rapport: a self-contained HTML report per département for prefecture partners."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.analysis.departement import key_figures
from rhinocc_dash.formatting import fmt_decimal, fmt_int, fmt_percent
from rhinocc_dash.views import report

ui.through_router()

st.title(texts.REPORT_TITLE)
st.caption(texts.REPORT_INTRO)

names = ui.query("departement_list")
dep_names = dict(zip(names["code"], names["nom"], strict=True))
dep = st.selectbox(
    texts.REPORT_CHOOSE,
    list(dep_names),
    key="report_dep",
    format_func=lambda c: f"{c} {dep_names[c]}",
)
inputs = ui.report_inputs()
today = ui.today()

st.download_button(
    texts.REPORT_DOWNLOAD,
    lambda: report.build_report(dep, inputs, today).encode("utf-8"),
    file_name=f"rapport-inclusion-numerique-{dep}.html",
    mime="text/html",
    key="report_download",
    type="primary",
)
st.caption(texts.REPORT_PDF_NOTE)

st.subheader(texts.REPORT_PREVIEW)
figures = key_figures(dep, inputs)
cols = st.columns(3) + st.columns(3)
cols[0].metric(texts.METRIC_LIEUX, fmt_int(figures["lieux"]))
cols[1].metric("Lieux pour 10 000 habitants", fmt_decimal(figures["lieux_pour_10000"], 2))
cols[2].metric(texts.METRIC_POPULATION, fmt_int(figures["population"]))
cols[3].metric(texts.METRIC_WITHIN_10KM, fmt_percent(figures["part_population_10km"]))
cols[4].metric(texts.CONTEXT_PAUVRETE, fmt_percent(figures["taux_pauvrete"], ratio=False))
cols[5].metric("Illectronisme (estimation modélisée)", fmt_int(figures["illectronisme_estime"]))
st.caption(
    ui.caption(["population", "lieux", "filosofi_departement"])
    + f" Illectronisme : {texts.SOURCE_ILLECTRONISME}, réparti par modèle."
)
