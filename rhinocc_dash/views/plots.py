"""Plotly figures of the gap analysis and the report: the need × offer scatter and a map without tiles."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go

from ..shared.formatting import fmt_decimal
from . import palette
from .charts import PALETTE, _layout
from .legend import quantile_classes

OTHERS = palette.hex_colour((200, 200, 200))


# Beyond this many grey points, the other territories are drawn as a density (one grey cell per 2.5 ×
# 2.5 percentile points): 4,446 SVG markers take over a second to draw in a browser, a grid takes none.
MAX_GREY_POINTS = 600
GREY_SCALE = [[0.0, "rgba(255,255,255,0)"], [1e-6, "rgb(235,235,235)"], [1.0, "rgb(110,110,110)"]]


def _others_trace(part: pd.DataFrame, name: str):
    if len(part) <= MAX_GREY_POINTS:
        return go.Scatter(
            x=part["score_offre"].to_numpy(),
            y=part["score_besoin"].to_numpy(),
            mode="markers",
            name=name,
            marker={"color": OTHERS, "size": 6, "line": {"width": 0.4, "color": "white"}},
            customdata=part["code"].to_numpy(),
            text=part["nom"].to_numpy(),
            hovertemplate="%{text}<br>besoin %{y:.0f} · offre %{x:.0f}<extra></extra>",
        )
    bins = {"start": 0, "end": 100.01, "size": 2.5}
    return go.Histogram2d(
        x=part["score_offre"].to_numpy(),
        y=part["score_besoin"].to_numpy(),
        xbins=bins,
        ybins=bins,
        colorscale=GREY_SCALE,
        showscale=False,
        name=name,
        showlegend=True,
        hovertemplate=f"%{{z}} {name.lower()}<extra></extra>",
    )


def gap_scatter(
    frame: pd.DataFrame, highlight: str | None, highlight_name: str, title: str, quadrant: str
) -> go.Figure:
    """Need × offer percentile scatter: the chosen département's territories as points in colour, the
    others in grey (as a density when they are many), the high-need low-offer quadrant shaded.

    Built in one go from NumPy arrays: plotly validates pandas Series about 40 times slower.
    """
    chosen = frame["departement"] == highlight if highlight else pd.Series(False, frame.index)
    traces = []
    others = frame[~chosen]
    if len(others):
        traces.append(_others_trace(others, "Autres territoires" if highlight else "Territoires"))
    part = frame[chosen]
    if len(part):
        traces.append(
            go.Scatter(
                x=part["score_offre"].to_numpy(),
                y=part["score_besoin"].to_numpy(),
                mode="markers",
                name=highlight_name,
                marker={
                    "color": PALETTE["primary"],
                    "size": 9,
                    "line": {"width": 0.4, "color": "white"},
                },
                customdata=part["code"].to_numpy(),
                text=part["nom"].to_numpy(),
                hovertemplate="%{text}<br>besoin %{y:.0f} · offre %{x:.0f}<extra></extra>",
            )
        )
    dotted = {"color": "#888", "dash": "dot", "width": 1}
    shapes = [
        {
            "type": "rect",
            "x0": 0,
            "x1": 50,
            "y0": 50,
            "y1": 100,
            "fillcolor": "rgba(178,24,43,0.08)",
            "line": {"width": 0},
            "layer": "below",
        },
        {"type": "line", "x0": 0, "x1": 101, "y0": 50, "y1": 50, "line": dotted},
        {"type": "line", "x0": 50, "x1": 50, "y0": 0, "y1": 101, "line": dotted},
    ]
    annotation = {
        "x": 2,
        "y": 99,
        "text": quadrant,
        "showarrow": False,
        "xanchor": "left",
        "yanchor": "top",
        "font": {"color": PALETTE["reference"]},
    }
    figure = go.Figure(
        data=traces,
        layout={
            "shapes": shapes,
            "annotations": [annotation],
            "xaxis": {
                "range": [0, 101],
                "title": {"text": "Offre (rang centile ; plus à droite = mieux desservi)"},
            },
            "yaxis": {"range": [0, 101]},
        },
    )
    return _layout(figure, title, "Besoin (rang centile ; plus haut = plus de besoin)", 520)


def commune_distance_map(
    dep_communes: pd.DataFrame, geometries: pd.DataFrame, lieux: pd.DataFrame, title: str
) -> go.Figure:
    """Communes coloured by the median distance of their inhabitants to the nearest lieu (quantile
    classes, darker = farther), with the lieux, drawn without tiles."""
    shapes = dict(zip(geometries["code"], geometries["geometry"], strict=True))
    classes, breaks = quantile_classes(dep_communes["distance_mediane_km"])
    figure = go.Figure()
    for cls in range(len(breaks) - 1):
        xs, ys = [], []
        for code in dep_communes.loc[classes == cls, "code_insee"]:
            shape = shapes[code] if isinstance(shapes[code], dict) else json.loads(shapes[code])
            polygons = (
                shape["coordinates"] if shape["type"] == "MultiPolygon" else [shape["coordinates"]]
            )
            for polygon in polygons:
                ring = polygon[0]
                xs += [p[0] for p in ring] + [None]
                ys += [p[1] for p in ring] + [None]
        colour = "rgb" + str(palette.SEQUENTIAL[min(cls, len(palette.SEQUENTIAL) - 1)])
        label = f"{fmt_decimal(breaks[cls], 1)} – {fmt_decimal(breaks[cls + 1], 1)} km"
        figure.add_scatter(
            x=xs,
            y=ys,
            fill="toself",
            mode="lines",
            line={"width": 0.4, "color": "white"},
            fillcolor=colour,
            name=label,
            hoverinfo="skip",
        )
    figure.add_scatter(
        x=lieux["longitude"],
        y=lieux["latitude"],
        mode="markers",
        name="Lieux",
        marker={
            "size": 6,
            "color": palette.hex_colour(palette.CATEGORICAL[5]),
            "line": {"width": 0.6, "color": "white"},
        },
        text=lieux["nom"],
        hovertemplate="%{text}<extra></extra>",
    )
    figure.update_yaxes(scaleanchor="x", scaleratio=1.38, visible=False)
    figure.update_xaxes(visible=False)
    return _layout(
        figure,
        title,
        None,
        660,
        plot_bgcolor="white",
        legend_title_text="Distance médiane au lieu (plus foncé = plus loin)",
    )
