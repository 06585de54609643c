"""Orienter une personne: from where someone lives and what they need, the nearest matching lieux,
open when they can go, and a fiche d'orientation to hand over. Nothing about the person is stored."""

from dataclasses import replace

import streamlit as st

from rhinocc_dash import ui
from rhinocc_dash.texts import orienter as T
from rhinocc_dash.ui import orient as orient_ui
from rhinocc_dash.views import fiche, orient_url

ui.through_router()

st.title(T.PAGE_TITLE)
st.caption(T.INTRO)
st.info(T.PRIVACY, icon=":material/lock:")

all_lieux = ui.lieux()
index = orient_ui.commune_index()
requested, notices = orient_url.parse(
    st.query_params.to_dict(), set(index["code_insee"]), set(all_lieux["lieu_id"])
)
ui.url_notices(notices)

st.header(T.WHERE_TITLE)
search, point, point_text, departement = orient_ui.where(requested, index, all_lieux)
st.header(T.NEED_TITLE)
need = orient_ui.need_inputs()
st.header(T.WHEN_TITLE)
need = replace(need, when=orient_ui.when_input())
search = replace(search, need=need, radius_km=st.session_state.get("ori_radius", search.radius_km))
st.query_params.from_dict(orient_url.to_params(search))

st.header(T.RESULTS_TITLE)
if point is None:
    st.info(T.POINT_NONE)
    st.stop()
st.markdown(point_text)
now = orient_ui.now()
results = orient_ui.nearest(all_lieux, point, need, now, search.radius_km)
st.caption(T.RESULTS_CAPTION.format(radius=search.radius_km, limit=orient_ui.MAX_RESULTS))
orient_ui.unknown_notes(all_lieux, need, now)
orient_ui.widen(results, search)
if results.empty:
    st.info(T.RESULTS_NONE.format(radius=search.radius_km))
    st.stop()
rows = fiche.entries(results, now, ui.source_names())
orient_ui.results_map(point, results, rows, departement)
chosen = orient_ui.result_cards(rows)

st.header(T.FICHE_TITLE)
orient_ui.fiche_block(search, chosen, ui.today())
st.caption(ui.caption(["lieux"]))
