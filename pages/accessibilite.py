"""Déclaration d'accessibilité: the RGAA 4.1 statement, its figures computed from the audit grid."""

import streamlit as st

from rhinocc_dash import accessibility, ui
from rhinocc_dash.shared.formatting import fmt_date, fmt_percent, md_text
from rhinocc_dash.texts import accessibilite as texts_a11y

ui.through_router()

st.title(texts_a11y.TITLE)
st.markdown(texts_a11y.INTRO)
try:
    grid = accessibility.load_grid()
    date = accessibility.audit_date()
except accessibility.GridError as exc:
    st.error(texts_a11y.GRID_ERROR.format(error=md_text(str(exc))))
    st.stop()
figures = accessibility.conformity(grid)

st.header(texts_a11y.STATE_TITLE)
st.markdown(texts_a11y.STATE.format(level=figures["level"]))
st.subheader(texts_a11y.RESULTS_TITLE)
st.markdown(
    texts_a11y.RESULTS.format(
        date=fmt_date(date),
        rate=fmt_percent(figures["rate"]),
        met=figures["met"],
        applicable=figures["applicable"],
        not_met=figures["not_met"],
        na=figures["not_applicable"],
        criteria=figures["criteria"],
        by_hand=figures["by_hand"],
    )
)

st.header(texts_a11y.NOT_MET_TITLE)
ui.table(accessibility.non_conformities(grid), texts_a11y.NOT_MET_COLUMNS, {})
st.subheader(texts_a11y.DEROGATIONS_TITLE)
st.markdown(texts_a11y.DEROGATIONS)
st.subheader(texts_a11y.EXEMPT_TITLE)
st.markdown(texts_a11y.EXEMPT)

st.header(texts_a11y.TOOLS_TITLE)
st.markdown(texts_a11y.TOOLS)

st.header(texts_a11y.CONTACT_TITLE)
st.markdown(
    texts_a11y.CONTACT.format(
        contact=md_text(accessibility.contact() or texts_a11y.CONTACT_MISSING)
    )
)
st.subheader(texts_a11y.REMEDY_TITLE)
st.markdown(texts_a11y.REMEDY)
