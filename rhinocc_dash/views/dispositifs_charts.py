"""Plotly figures of the page « Dispositifs nationaux »: France Services over the need indicator (a map
without tiles), and the need beside a programme's coverage (named points, ranks readable in a table)."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go

from ..shared.formatting import fmt_decimal
from . import palette
from .charts import BAR_HEIGHT_PX, PALETTE, Measure, _layout
from .legend import quantile_classes


def _rings(geometry) -> list:
    shape = geometry if isinstance(geometry, dict) else json.loads(geometry)
    polygons = shape["coordinates"] if shape["type"] == "MultiPolygon" else [shape["coordinates"]]
    return [polygon[0] for polygon in polygons]


def sites_over_need_map(
    geometries: pd.DataFrame,
    need: pd.Series,
    measure: Measure,
    sites: pd.DataFrame,
    title: str,
    sites_label: str,
) -> go.Figure:
    """Départements coloured by a need indicator (quantile classes, darker = more need), with the
    France Services sites as points, drawn without tiles. `need` is indexed by département code."""
    classes, breaks = quantile_classes(geometries["code"].map(need).astype(float), 4)
    figure = go.Figure()
    for cls in range(len(breaks) - 1):
        xs, ys = [], []
        for geometry in geometries.loc[classes == cls, "geometry"]:
            for ring in _rings(geometry):
                xs += [p[0] for p in ring] + [None]
                ys += [p[1] for p in ring] + [None]
        colour = "rgb" + str(palette.SEQUENTIAL[min(cls + 1, len(palette.SEQUENTIAL) - 1)])
        low, high = breaks[cls] * measure.scale, breaks[cls + 1] * measure.scale
        figure.add_scatter(
            x=xs,
            y=ys,
            fill="toself",
            mode="lines",
            line={"width": 0.6, "color": "white"},
            fillcolor=colour,
            name=f"{measure.label} : {fmt_decimal(low, 1)} – {fmt_decimal(high, 1)}",
            hoverinfo="skip",
        )
    figure.add_scatter(
        x=sites["longitude"].to_numpy(),
        y=sites["latitude"].to_numpy(),
        mode="markers",
        name=sites_label,
        marker={
            "size": 6,
            "color": palette.hex_colour(palette.CATEGORICAL[0]),
            "symbol": "diamond",
            "line": {"width": 0.8, "color": "black"},
        },
        text=sites["nom"].to_numpy(),
        hovertemplate="%{text}<extra></extra>",
    )
    figure.update_yaxes(scaleanchor="x", scaleratio=1.38, visible=False)
    figure.update_xaxes(visible=False)
    return _layout(figure, title, None, 620, plot_bgcolor="white")


def need_coverage_scatter(
    frame: pd.DataFrame,
    need_column: str,
    need: Measure,
    coverage_column: str,
    coverage: Measure,
    title: str,
) -> go.Figure:
    """One named point per département: its coverage by a programme (x) and its need (y)."""
    figure = go.Figure(
        go.Scatter(
            x=(frame[coverage_column] * coverage.scale).to_numpy(),
            y=(frame[need_column] * need.scale).to_numpy(),
            mode="markers+text",
            text=frame["nom"].to_numpy(),
            textposition="top center",
            customdata=frame["code"].to_numpy(),
            marker={"size": 10, "color": PALETTE["primary"]},
            hovertemplate="%{text}<br>"
            + f"{coverage.label} : %{{x:.2f}}<br>{need.label} : %{{y:.1f}}<extra></extra>",
        )
    )
    figure.update_xaxes(title_text=f"{coverage.label} ({coverage.unit})")
    return _layout(figure, title, f"{need.label} ({need.unit})", 480, showlegend=False)


def stacked_bars(table: pd.DataFrame, parts: dict[str, str], unit: str, title: str) -> go.Figure:
    """Horizontal stacked bars, one per named territory (`table`: nom and the `parts` columns)."""
    figure = go.Figure()
    colours = (PALETTE["primary"], PALETTE["light"], PALETTE["neutral"])
    for (column, label), colour in zip(parts.items(), colours, strict=False):
        figure.add_bar(
            y=table["nom"].to_numpy(),
            x=table[column].to_numpy(),
            orientation="h",
            name=label,
            marker_color=colour,
            hovertemplate="%{y}<br>" + label + " : %{x:,d} " + unit + "<extra></extra>",
        )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(type="category", autorange="reversed", automargin=True)
    figure.update_xaxes(title_text=unit)
    return _layout(figure, title, None, max(300, 110 + BAR_HEIGHT_PX * len(table)))
