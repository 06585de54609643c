"""Streamlit side, the legends beside the maps."""

from __future__ import annotations

import html

import streamlit as st

from .. import texts
from ..analysis import sources
from ..analysis.indicators import INDICATORS, aggregation_note
from ..shared import vocab
from ..shared.formatting import fmt_decimal, fmt_int
from ..views import deck, url_state
from ..views.legend import legend, mark_need
from .data import caption, catalogue
from .source_notes import source_note


def html_legend(
    title: str, entries: list[tuple[tuple[int, int, int], str, int]], note: str | None = None
) -> None:
    """A legend beside the map: colour swatch, label and count on each row (labels are escaped)."""
    rows = "".join(
        f'<div style="display:flex;align-items:center;gap:.5em;margin:.15em 0">'
        f'<span style="display:inline-block;width:1em;height:1em;border:1px solid #555;'
        f'background:rgb{tuple(colour)}"></span><span>{html.escape(label)} '
        f'<span style="color:#555">({fmt_int(count)})</span></span></div>'
        for colour, label, count in entries
    )
    extra = f'<div style="color:#555;font-size:.85em">{html.escape(note)}</div>' if note else ""
    st.markdown(f"<div><b>{html.escape(title)}</b>{rows}{extra}</div>", unsafe_allow_html=True)


def map_legends(shown, layers, colour_by, source_keys, level, indicator, classes, breaks) -> None:
    """The legends beside the map: points by category (with approximate positions), the indicator's
    classes (which end is worse, how it is aggregated, its sources), density and QPV notes."""
    if "points" in layers:
        colours = deck.category_colours(colour_by, source_keys)
        counts = deck.point_values(shown, colour_by).value_counts()
        names = sources.names(catalogue())
        html_legend(
            f"{texts.carte.MAP_LEGEND_POINTS} · {url_state.COLOUR_BY[colour_by]}",
            [
                (colours[name], names.get(name, name), int(counts.get(name, 0)))
                for name in deck.category_order(colour_by, source_keys)
            ],
            texts.carte.MAP_LEGEND_APPROXIMATE.format(
                n=fmt_int(shown["location_precision"].isin(vocab.APPROXIMATE_PRECISIONS).sum())
            ),
        )
    if classes is not None:
        meta = INDICATORS[indicator]
        entries = mark_need(
            legend(classes, breaks, lambda v: fmt_decimal(v, meta.decimals)), meta.more_need
        )
        note = " · ".join(n for n in (meta.darker, aggregation_note(indicator, level)) if n)
        html_legend(
            f"{meta.label} ({meta.unit}) · {url_state.LEVELS[level]}",
            [(e.colour, e.label, e.count) for e in entries],
            note,
        )
        source_note(caption(meta.source_keys(level), texts.carte.MAP_QUANTILES))
        if indicator in ("lieux_pour_10000", "distance_lieu_km"):
            st.caption(texts.carte.MAP_INDICATOR_FOLLOWS_FILTERS)
    if "densite" in layers:
        st.caption(texts.carte.MAP_LEGEND_DENSITY)
    if "qpv" in layers:
        st.caption(texts.carte.MAP_LEGEND_QPV)
