"""Analyse des écarts: territories ranked by need minus offer, explained, with hypothetical lieux."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.shared.formatting import fmt_int, md_text
from rhinocc_dash.views import plots

ui.through_router()

st.title(texts.ecarts.GAP_TITLE)
st.caption(texts.ecarts.GAP_INTRO)
with st.expander(texts.ecarts.GAP_METHOD_TITLE):
    st.markdown(texts.ecarts.GAP_METHOD.format(**ui.REGION.illectronism_words()))

level, weights, minimum, top = ui.gap_sidebar()
communes = ui.query("communes_base")
map_key = f"gap_map_{level}"
hypotheses = ui.whatif_block(communes, ui.clicked_feature(map_key) if level == "commune" else None)
source = ui.caption(ui.GAP_SOURCES, texts.ecarts.gap_method_note(ui.REGION.context_source))

query = ui.service.GapQuery(level, tuple(weights.items()), minimum, tuple(hypotheses), top)
gaps = ui.service_frame(ui.service.gap_ranking, query)
before, scored, ranked, explained = gaps.before, gaps.scored, gaps.ranked, gaps.explained

cols = st.columns(3)
cols[0].metric(texts.ecarts.GAP_METRIC_SCORED, fmt_int(ranked["ecart"].notna().sum()))
cols[1].metric(texts.ecarts.GAP_METRIC_HYPOTHESES, fmt_int(len(hypotheses)))
cols[2].metric(
    texts.ecarts.GAP_METRIC_NEWLY, fmt_int(gaps.newly_within), help=texts.ecarts.GAP_METRIC_NEWLY_HELP
)
if minimum:
    st.caption(
        texts.ecarts.GAP_MINIMUM_NOTE.format(n=fmt_int(minimum), out=fmt_int((~scored["classe"]).sum()))
    )

names = ui.query("departement_list")
dep_names = dict(zip(names["code"], names["nom"], strict=True))
focus = ui.focus_departement(dep_names, explained)
event = ui.chart_block(
    plots.gap_scatter(
        ranked, focus, dep_names.get(focus, ""), texts.ecarts.GAP_SCATTER_TITLE, texts.ecarts.GAP_QUADRANT
    ),
    ranked[["code", "nom", "departement", "score_besoin", "score_offre", "ecart"]],
    f"besoin_offre_{level}.csv",
    source,
    "gap_scatter",
    select=True,
    names=texts.ecarts.GAP_COLUMNS,
)
if (picked := ui.clicked_code(event)) and picked in set(ranked["code"]):
    row = ui.picked_explanation(ranked, picked, weights)
    st.info(
        f"**{texts.ecarts.GAP_SELECTED} : {md_text(row['nom'])}** (rang {fmt_int(row['rang'])}) · "
        f"{md_text(row['pourquoi'])}"
    )

if hypotheses and level == "commune":
    ui.hypotheses_table(scored, before, hypotheses)

st.header(texts.ecarts.GAP_TABLE_TITLE)
ui.gap_table(explained, top, level)
ui.source_note(source)

st.header(texts.ecarts.GAP_MAP_TITLE)
ui.gap_map(query, focus, dep_names, map_key)
ui.source_note(source)
