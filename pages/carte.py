"""Carte: lieux over a need indicator, with filters, a detail card and the view kept in the URL."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.analysis.indicators import INDICATORS, aggregation_note
from rhinocc_dash.analysis.lieux import filter_lieux
from rhinocc_dash.formatting import fmt_decimal, fmt_int, md_text
from rhinocc_dash.views import cards, deck, url_state
from rhinocc_dash.views.legend import legend

ui.through_router()

st.title(texts.MAP_TITLE)
st.caption(texts.MAP_INTRO)

all_lieux = ui.lieux()
state, notices = url_state.parse(st.query_params.to_dict(), ui.map_allowed())
if notices:
    st.warning(texts.MAP_URL_NOTICE + "\n" + "\n".join(f"- {md_text(n)}" for n in notices))
filters = ui.filter_sidebar("carte", state.filters)
level, indicator, colour_by, layers, basemap = ui.map_options_sidebar("carte", state)
shown = filter_lieux(all_lieux, filters, ui.today())

chart_key = f"carte_deck_{st.session_state.setdefault('carte_deck_version', 0)}"
lieu_id = ui.picked_lieu(chart_key) or state.lieu
lieu_id = lieu_id if lieu_id in set(all_lieux["lieu_id"]) else None
selected = all_lieux[all_lieux["lieu_id"] == lieu_id].iloc[0] if lieu_id else None

st.metric(texts.MAP_COUNT, f"{fmt_int(len(shown))} / {fmt_int(len(all_lieux))}")
if shown.empty:
    st.info(texts.MAP_EMPTY)

choropleth = classes = breaks = None
if "choro" in layers:
    choropleth, classes, breaks = ui.choropleth(level, indicator, filters)
sources = ui.current_sources()
points = (
    deck.point_frame(shown, colour_by, sources)
    if "points" in layers or "densite" in layers
    else None
)
map_deck = deck.build_deck(
    points if "points" in layers else None,
    choropleth,
    deck.qpv_features(ui.query("qpv")) if "qpv" in layers else None,
    "densite" in layers and points is not None,
    (selected["longitude"], selected["latitude"]) if selected is not None else None,
    deck.fit_view(shown["longitude"], shown["latitude"])
    if filters != type(filters)()
    else deck.INITIAL_VIEW,
    basemap,
)

map_column, legend_column = st.columns([4, 1])
with map_column:
    st.pydeck_chart(
        map_deck, on_select="rerun", selection_mode="single-object", key=chart_key, height=620
    )
with legend_column:
    if "points" in layers:
        colours = deck.category_colours(colour_by, sources)
        counts = deck.point_values(shown, colour_by).value_counts()
        names = ui.source_names()
        ui.html_legend(
            f"{texts.MAP_LEGEND_POINTS} · {url_state.COLOUR_BY[colour_by]}",
            [
                (colours[name], names.get(name, name), int(counts.get(name, 0)))
                for name in deck.category_order(colour_by, sources)
            ],
            texts.MAP_LEGEND_APPROXIMATE.format(
                n=fmt_int(shown["location_precision"].isin(texts.APPROXIMATE_PRECISIONS).sum())
            ),
        )
    if choropleth is not None:
        meta = INDICATORS[indicator]
        entries = legend(classes, breaks, lambda v: fmt_decimal(v, meta.decimals))
        ui.html_legend(
            f"{meta.label} ({meta.unit}) · {url_state.LEVELS[level]}",
            [(e.colour, e.label, e.count) for e in entries],
            aggregation_note(indicator, level),
        )
        st.caption(ui.caption(meta.source_keys(level), texts.MAP_QUANTILES))
        if indicator in ("lieux_pour_10000", "distance_lieu_km"):
            st.caption(texts.MAP_INDICATOR_FOLLOWS_FILTERS)
    if "densite" in layers:
        st.caption(texts.MAP_LEGEND_DENSITY)
    if "qpv" in layers:
        st.caption(texts.MAP_LEGEND_QPV)

if selected is not None:
    with st.container(border=True):
        st.markdown(f"#### {texts.MAP_CARD_TITLE} · {md_text(selected['nom'])}")
        card = cards.lieu_card(
            selected.to_dict(), ui.query("lieu_records", (lieu_id,)), ui.today(), ui.source_names()
        )
        st.markdown("\n".join(f"- **{label}** : {text}" for label, text in card))
        if st.button(texts.MAP_CARD_CLOSE):
            st.session_state["carte_deck_version"] += 1
            lieu_id = None
            st.query_params.pop("lieu", None)
            st.rerun()

if st.toggle(texts.MAP_TABLE, key="carte_table"):
    st.dataframe(ui.lieux_table(shown), hide_index=True, width="stretch")

st.query_params.from_dict(
    url_state.to_params(
        url_state.ViewState(filters, level, indicator, colour_by, layers, lieu_id, basemap)
    )
)
