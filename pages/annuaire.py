"""Annuaire: the filtered list of lieux, the source records behind each, exports (national standard)."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.shared.formatting import fmt_int

ui.through_router()

st.title(texts.annuaire.DIRECTORY_TITLE)
st.caption(texts.annuaire.DIRECTORY_INTRO)

all_lieux = ui.lieux()
filters = ui.filter_sidebar("annuaire", ui.LieuFilters())
shown = ui.filtered_lieux(filters).reset_index(drop=True)
st.metric(texts.annuaire.DIRECTORY_COUNT, f"{fmt_int(len(shown))} / {fmt_int(len(all_lieux))}")
if shown.empty:
    st.info(texts.carte.MAP_EMPTY)
    st.stop()

event = ui.lieux_table(
    shown, download=("annuaire_lieux.csv", "dir_csv"), select=True, key="dir_table", height=420
)
ui.standard_exports(shown)

rows = event.selection.rows if event is not None else []
labels = dict(zip(shown["lieu_id"], shown["nom"] + " · " + shown["commune"], strict=True))
picked = st.selectbox(
    texts.annuaire.DIRECTORY_SELECT,
    list(labels),
    index=None,
    key="dir_pick",
    format_func=labels.get,
    placeholder=texts.annuaire.DIRECTORY_SELECT_PLACEHOLDER,
)
lieu_id = shown.iloc[rows[0]]["lieu_id"] if rows else picked
if lieu_id:
    ui.lieu_detail(lieu_id, all_lieux)
else:
    st.caption(texts.annuaire.DIRECTORY_PICK)
if not ui.embed.embedded():
    ui.embed.open_data_section()
