"""Analyse des écarts: territories ranked by need minus offer, explained, with hypothetical lieux."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.analysis import gap
from rhinocc_dash.analysis.indicators import Indicator
from rhinocc_dash.formatting import fmt_int, md_text
from rhinocc_dash.views import charts, deck
from rhinocc_dash.views.exports import to_csv_bytes, to_geojson_bytes

ui.through_router()

st.title(texts.GAP_TITLE)
st.caption(texts.GAP_INTRO)
with st.expander(texts.GAP_METHOD_TITLE):
    st.markdown(texts.GAP_METHOD)

level, weights, minimum, top = ui.gap_sidebar()
communes = ui.query("communes_base")
map_key = f"gap_map_{level}"
hypotheses = ui.whatif_block(communes, ui.clicked_feature(map_key) if level == "commune" else None)
source = ui.caption(gap.SOURCES, texts.GAP_METHOD_NOTE)

before = gap.scores(ui.whatif(level, ())[0], weights)
base, newly = ui.whatif(level, hypotheses)
scored = gap.scores(base, weights)
if hypotheses:
    scored["evolution_rang"] = gap.rank_changes(before, scored)
scored = scored[scored["population"] >= minimum]
explained = gap.explain(scored, weights, top)

cols = st.columns(3)
cols[0].metric(texts.GAP_METRIC_SCORED, fmt_int(scored["ecart"].notna().sum()))
cols[1].metric(texts.GAP_METRIC_HYPOTHESES, fmt_int(len(hypotheses)))
cols[2].metric(texts.GAP_METRIC_NEWLY, fmt_int(newly), help=ui.caption(["population"]))

names = ui.query("departement_list")
event = ui.chart_block(
    charts.gap_scatter(scored, list(names["code"]), texts.GAP_SCATTER_TITLE, texts.GAP_QUADRANT),
    scored[["code", "nom", "departement", "score_besoin", "score_offre", "ecart"]],
    f"besoin_offre_{level}.csv",
    source,
    "gap_scatter",
    select=True,
)
if (picked := ui.clicked_code(event)) and picked in set(explained["code"]):
    row = gap.explain(scored[scored["code"] == picked], weights).iloc[0]
    st.info(
        f"**{texts.GAP_SELECTED} : {md_text(row['nom'])}** (rang {fmt_int(row['rang'])}) · "
        f"{md_text(row['pourquoi'])}"
    )

st.subheader(texts.GAP_TABLE_TITLE)
columns = [c for c in texts.GAP_COLUMNS if c in explained.columns]
table = explained.head(top)[columns]
st.dataframe(
    table.rename(columns=texts.GAP_COLUMNS),
    hide_index=True,
    width="stretch",
    column_config={
        texts.GAP_COLUMNS[k]: st.column_config.NumberColumn(format="%.1f")
        for k in ("score_besoin", "score_offre", "ecart", "distance_lieu_km")
    },
)
st.caption(source)
export = explained[explained["ecart"].notna()][columns]
left, right = st.columns(2)
left.download_button(
    texts.DOWNLOAD_CSV,
    lambda: to_csv_bytes(export.rename(columns=texts.GAP_COLUMNS)),
    f"ecarts_{level}.csv",
    "text/csv",
    key="gap_csv",
)
geometries = ui.geometries(level)
right.download_button(
    texts.GAP_DOWNLOAD_GEOJSON,
    lambda: to_geojson_bytes(export, geometries, columns),
    f"ecarts_{level}.geojson",
    "application/geo+json",
    key="gap_geojson",
)

st.subheader(texts.GAP_MAP_TITLE)
meta = Indicator("Score d'écart besoin − offre", "points de centile", gap.SOURCES, 0)
features, classes, breaks = deck.choropleth_features(scored, ui.geometries(level), "ecart", meta)
points = deck.point_frame_simple(ui.hypothetical_lieux(hypotheses), texts.GAP_HYPOTHETICAL)
st.pydeck_chart(
    deck.build_deck(points, features, None, False, None),
    on_select="rerun",
    selection_mode="single-object",
    key=map_key,
    height=520,
)
ui.html_legend(
    meta.label, [(e.colour, e.label, e.count) for e in deck.legend_entries(classes, breaks)]
)
st.caption(source)
