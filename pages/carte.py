"""Carte: lieux over a need indicator, with filters, a detail card and the view kept in the URL."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.shared.formatting import fmt_int, md_text
from rhinocc_dash.views import deck, url_state, viewport

ui.through_router()

framed = ui.embed.embedded()  # in another site's frame: 600 px high, 360 px wide
st.title(texts.carte.MAP_TITLE)
if not framed:
    st.caption(texts.carte.MAP_INTRO)

all_lieux = ui.lieux()
state, notices = url_state.parse(st.query_params.to_dict(), ui.map_allowed())
ui.url_notices(notices)
if st.query_params.get("fond") == ui.TILES_UNREACHABLE:
    ui.unreachable_notice()
filters = ui.filter_sidebar("carte", state.filters)
level, indicator, colour_by, layers, basemap = ui.map_options_sidebar("carte", state)
shown = ui.filtered_lieux(filters)

chart_key = f"carte_deck_{st.session_state.setdefault('carte_deck_version', 0)}"
lieu_id = ui.picked_lieu(chart_key) or state.lieu
lieu_id = lieu_id if lieu_id in set(all_lieux["lieu_id"]) else None
selected = all_lieux[all_lieux["lieu_id"] == lieu_id].iloc[0] if lieu_id else None

st.metric(texts.carte.MAP_COUNT, f"{fmt_int(len(shown))} / {fmt_int(len(all_lieux))}")
if shown.empty:
    st.info(texts.carte.MAP_EMPTY)

choropleth = classes = breaks = None
if "choro" in layers:
    choropleth, classes, breaks = ui.map_layer("choropleth_url", level, indicator, filters)
    if isinstance(choropleth, deck.Raster):
        st.caption(texts.carte.MAP_RASTER_NOTE)
sources = ui.current_sources()
points = (
    deck.point_frame(shown, colour_by, sources)
    if "points" in layers or "densite" in layers
    else None
)
narrow = ui.is_phone() or framed  # a frame may be 360 px wide: the whole région fits it
view = (
    viewport.fit_view(shown["longitude"], shown["latitude"], narrow)
    if filters != type(filters)()
    else viewport.initial_view(narrow)
)
map_deck = deck.build_deck(
    points if "points" in layers else None,
    choropleth,
    ui.map_layer("qpv_url") if "qpv" in layers else None,
    "densite" in layers and points is not None,
    (selected["longitude"], selected["latitude"]) if selected is not None else None,
    view,
    basemap,
    None if basemap else ui.base_layers(communes="choro" not in layers, zoom=view.zoom),
)
if basemap:
    ui.tile_fallback()

map_column, legend_column = st.columns([4, 1])
with map_column:
    st.pydeck_chart(
        map_deck,
        on_select="rerun",
        selection_mode="single-object",
        key=chart_key,
        height=400 if framed else 620,
    )
with legend_column:
    if selected is not None and st.button(
        texts.carte.MAP_CARD_OPEN.format(nom=md_text(selected["nom"][:40])), key="carte_open_card"
    ):
        st.session_state.pop("carte_card_shown", None)
    ui.map_legends(shown, layers, colour_by, sources, level, indicator, classes, breaks)

if st.toggle(texts.carte.MAP_TABLE, key="carte_table"):
    # the keyboard's way to a card: the canvas only answers clicks
    if picked := ui.lieu_picker(shown, "carte_pick"):
        lieu_id = picked
        st.session_state.pop("carte_card_shown", None)
    ui.lieux_table(shown, download=("lieux_carte.csv", "carte_csv"))

if lieu_id and st.session_state.get("carte_card_shown") != lieu_id:
    st.session_state["carte_card_shown"] = lieu_id  # open once per click, not on every rerun
    ui.lieu_dialog(lieu_id, all_lieux)

st.query_params.from_dict(
    url_state.to_params(
        url_state.ViewState(filters, level, indicator, colour_by, layers, lieu_id, basemap)
    )
)
