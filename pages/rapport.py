"""Rapport: the partner reports, for one département or the whole région, as PDF or self-contained HTML."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.shared.formatting import fmt_decimal, fmt_int, fmt_percent

ui.through_router()

st.title(texts.rapport.REPORT_TITLE)
st.caption(texts.rapport.REPORT_INTRO)

scope = st.radio(
    texts.rapport.REPORT_SCOPE,
    list(texts.rapport.REPORT_SCOPES),
    format_func=texts.rapport.REPORT_SCOPES.get,
    horizontal=True,
    key="report_scope",
)
if scope == "region":
    dep = None
    name = ui.REGION_NAME.lower()
else:
    names = ui.query("departement_list")
    dep_names = dict(zip(names["code"], names["nom"], strict=True))
    dep = st.selectbox(
        texts.rapport.REPORT_CHOOSE,
        list(dep_names),
        key="report_dep",
        format_func=lambda c: f"{c} {dep_names[c]}",
    )
    name = dep
figures = ui.service_frame(ui.service.report_figures, ui.service.ReportQuery(dep))

left, right = st.columns(2)
# A callable runs when the button is pressed; Streamlit shows a spinner on the button meanwhile.
left.download_button(
    texts.rapport.REPORT_DOWNLOAD_PDF,
    lambda: ui.report_pdf_file(dep),
    file_name=f"rapport-inclusion-numerique-{name}.pdf",
    mime="application/pdf",
    key="report_pdf",
    type="primary",
    on_click="ignore",
)
right.download_button(
    texts.rapport.REPORT_DOWNLOAD,
    lambda: ui.report_html_file(dep),
    file_name=f"rapport-inclusion-numerique-{name}.html",
    mime="text/html",
    key="report_download",
    on_click="ignore",
)
st.caption(texts.rapport.REPORT_FILES_NOTE)

st.header(texts.rapport.REPORT_PREVIEW)
cols = st.columns(3) + st.columns(3)
cols[0].metric(texts.accueil.METRIC_LIEUX, fmt_int(figures["lieux"]))
cols[1].metric(texts.rapport.REPORT_RATE, fmt_decimal(figures["lieux_pour_10000"], 2))
cols[2].metric(texts.accueil.METRIC_POPULATION, fmt_int(figures["population"]))
cols[3].metric(texts.accueil.METRIC_WITHIN_10KM, fmt_percent(figures["part_population_10km"]))
cols[4].metric(texts.accueil.CONTEXT_PAUVRETE, fmt_percent(figures["taux_pauvrete"], ratio=False))
cols[5].metric(texts.rapport.REPORT_ILLECTRONISME, fmt_int(figures["illectronisme_estime"]))
ui.source_note(
    ui.with_note(
        ui.caption(["population", "lieux", "filosofi_departement"]),
        texts.rapport.REPORT_ILLECTRONISME_SOURCE.format(source=ui.REGION.context_source),
    )
)
