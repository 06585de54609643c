"""Analyse des écarts: territories ranked by need minus offer, explained, with hypothetical lieux."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.formatting import fmt_int, md_text
from rhinocc_dash.views import plots

ui.through_router()

st.title(texts.GAP_TITLE)
st.caption(texts.GAP_INTRO)
with st.expander(texts.GAP_METHOD_TITLE):
    st.markdown(texts.GAP_METHOD)

level, weights, minimum, top = ui.gap_sidebar()
communes = ui.query("communes_base")
map_key = f"gap_map_{level}"
hypotheses = ui.whatif_block(communes, ui.clicked_feature(map_key) if level == "commune" else None)
source = ui.caption(ui.GAP_SOURCES, texts.GAP_METHOD_NOTE)

query = ui.service.GapQuery(level, tuple(weights.items()), minimum, tuple(hypotheses), top)
gaps = ui.service_frame(ui.service.gap_ranking, query)
before, scored, ranked, explained = gaps.before, gaps.scored, gaps.ranked, gaps.explained

cols = st.columns(3)
cols[0].metric(texts.GAP_METRIC_SCORED, fmt_int(ranked["ecart"].notna().sum()))
cols[1].metric(texts.GAP_METRIC_HYPOTHESES, fmt_int(len(hypotheses)))
cols[2].metric(
    texts.GAP_METRIC_NEWLY, fmt_int(gaps.newly_within), help=texts.GAP_METRIC_NEWLY_HELP
)
if minimum:
    st.caption(
        texts.GAP_MINIMUM_NOTE.format(n=fmt_int(minimum), out=fmt_int((~scored["classe"]).sum()))
    )

names = ui.query("departement_list")
dep_names = dict(zip(names["code"], names["nom"], strict=True))
focus = ui.focus_departement(dep_names, explained)
event = ui.chart_block(
    plots.gap_scatter(
        ranked, focus, dep_names.get(focus, ""), texts.GAP_SCATTER_TITLE, texts.GAP_QUADRANT
    ),
    ranked[["code", "nom", "departement", "score_besoin", "score_offre", "ecart"]],
    f"besoin_offre_{level}.csv",
    source,
    "gap_scatter",
    select=True,
    names=texts.GAP_COLUMNS,
)
if (picked := ui.clicked_code(event)) and picked in set(ranked["code"]):
    row = ui.picked_explanation(ranked, picked, weights)
    st.info(
        f"**{texts.GAP_SELECTED} : {md_text(row['nom'])}** (rang {fmt_int(row['rang'])}) · "
        f"{md_text(row['pourquoi'])}"
    )

if hypotheses and level == "commune":
    ui.hypotheses_table(scored, before, hypotheses)

st.header(texts.GAP_TABLE_TITLE)
ui.gap_table(explained, top, level)
ui.source_note(source)

st.header(texts.GAP_MAP_TITLE)
ui.gap_map(query, focus, dep_names, map_key)
ui.source_note(source)
