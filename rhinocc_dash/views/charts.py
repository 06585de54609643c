"""Plotly figure builders: data in, figure out, no Streamlit."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go

from ..formatting import fmt_decimal
from ..measures import per_inhabitants
from . import palette
from .deck import category_colours
from .legend import quantile_classes

PALETTE = {
    "primary": palette.hex_colour(palette.PRIMARY),
    "reference": palette.hex_colour(palette.REFERENCE),
    "neutral": palette.hex_colour(palette.NEUTRAL),
}


def lieux_by_departement_chart(frame: pd.DataFrame) -> go.Figure:
    """Bar chart of lieux per département, with lieux per 10,000 inhabitants in the hover text."""
    per_10k = pd.Series(per_inhabitants(frame["lieux"], frame["population"]), index=frame.index)
    labels = frame["code"] + " " + frame["nom"]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=frame["lieux"],
            marker_color=PALETTE["primary"],
            customdata=per_10k.round(2),
            text=frame["lieux"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}<br>%{y} lieux<br>%{customdata:.2f} lieux pour 10 000 habitants<extra></extra>",
        )
    )
    figure.update_layout(
        title="Nombre de lieux par département",
        yaxis_title="lieux",
        yaxis_range=[0, float(frame["lieux"].max()) * 1.15],
        xaxis_title=None,
        margin={"t": 50, "b": 10, "l": 10, "r": 10},
        height=360,
        separators=", ",
    )
    return figure


# Same colours as the map's label categories (Okabe-Ito), from the same definition.
LABEL_COLOURS = {
    name: palette.hex_colour(rgb) for name, rgb in category_colours("categorie").items()
}
FAMILY_COLOURS = tuple(palette.hex_colour(rgb) for rgb in palette.FAMILIES)


def _layout(
    figure: go.Figure, title: str, y_title: str | None, height: int = 380, **extra
) -> go.Figure:
    """Title, axis title, height, French number separators and margins shared by every chart."""
    figure.update_layout(**extra)
    figure.update_layout(
        title=title,
        yaxis_title=y_title,
        xaxis_title=None,
        height=height,
        separators=", ",
        margin={"t": 60, "b": 10, "l": 10, "r": 10},
        legend={"orientation": "h", "y": -0.25},
    )
    return figure


def territory_bar(
    table: pd.DataFrame,
    column: str,
    reference: float | None,
    title: str,
    unit: str,
    reference_label: str = "Occitanie",
    percent: bool = False,
) -> go.Figure:
    """One bar per territory with the regional value as a dashed reference line; bars carry their code."""
    values = table[column] * (100 if percent else 1)
    figure = go.Figure(
        go.Bar(
            x=table["code"] + " " + table["nom"].fillna(""),
            y=values,
            customdata=table["code"],
            marker_color=PALETTE["primary"],
            hovertemplate="%{x}<br>%{y:.2f} " + unit + "<extra></extra>",
        )
    )
    if reference is not None and reference == reference:
        shown = reference * (100 if percent else 1)
        figure.add_hline(
            y=shown,
            line_dash="dash",
            line_color=PALETTE["reference"],
            annotation_text=f"{reference_label} : {shown:.2f} {unit}".replace(".", ","),
            annotation_position="top left",
        )
    return _layout(figure, title, unit)


def label_stack(table: pd.DataFrame, key: str, title: str) -> go.Figure:
    """Lieux per territory stacked by main label."""
    figure = go.Figure()
    for category, colour in LABEL_COLOURS.items():
        if category in table.columns:
            figure.add_bar(
                x=table[key],
                y=table[category],
                name=category,
                marker_color=colour,
                hovertemplate="%{x}<br>" + category + " : %{y}<extra></extra>",
            )
    figure.update_layout(barmode="stack")
    return _layout(figure, title, "lieux")


def family_bars(table: pd.DataFrame, key: str, families: list[str], title: str) -> go.Figure:
    """Share of lieux offering each service family, grouped per territory."""
    figure = go.Figure()
    for family, colour in zip(families, FAMILY_COLOURS, strict=False):
        figure.add_bar(
            x=table[key],
            y=table[family] * 100,
            name=family,
            marker_color=colour,
            hovertemplate="%{x}<br>" + family + " : %{y:.0f} %<extra></extra>",
        )
    figure.update_layout(barmode="group")
    return _layout(figure, title, "% des lieux")


def evolution_bars(table: pd.DataFrame, title: str) -> go.Figure:
    """France Services sites per département in the two releases of the same ANCT list."""
    figure = go.Figure()
    figure.add_bar(
        x=table["departement"],
        y=table["sites_2022"],
        name="Liste du 01/12/2022",
        marker_color=palette.hex_colour(palette.LIGHT_PRIMARY),
    )
    figure.add_bar(
        x=table["departement"],
        y=table["sites_2024"],
        name="Liste du 01/08/2024",
        marker_color=PALETTE["primary"],
    )
    figure.update_layout(barmode="group")
    return _layout(figure, title, "sites France Services")


DEPARTEMENT_COLOURS = tuple(palette.hex_colour(rgb) for rgb in palette.DEPARTEMENTS)


def gap_scatter(
    frame: pd.DataFrame, departements: list[str], title: str, quadrant_label: str
) -> go.Figure:
    """Need × offer percentile scatter, one colour per département, the high-need low-offer quadrant shaded.

    Built in one go from NumPy arrays: plotly validates pandas Series about 40 times slower, and its add_*
    helpers validate at each call (together a quarter of a second for the 4,446 communes).
    """
    traces = []
    for index, dep in enumerate(departements):
        part = frame[frame["departement"] == dep]
        if part.empty:
            continue
        traces.append(
            go.Scatter(
                x=part["score_offre"].to_numpy(),
                y=part["score_besoin"].to_numpy(),
                mode="markers",
                name=dep,
                marker={
                    "color": DEPARTEMENT_COLOURS[index % len(DEPARTEMENT_COLOURS)],
                    "size": 8,
                    "opacity": 0.75,
                    "line": {"width": 0.5, "color": "white"},
                },
                customdata=part["code"].to_numpy(),
                text=part["nom"].to_numpy(),
                hovertemplate="%{text} (%{customdata})<br>besoin %{y:.0f} · offre %{x:.0f}<extra></extra>",
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
        "text": quadrant_label,
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
                "title": {"text": "Offre (rang centile, plus à droite = mieux desservi)"},
            },
            "yaxis": {"range": [0, 101]},
        },
    )
    return _layout(figure, title, "Besoin (rang centile)", 560, legend_title_text="Département")


def commune_distance_map(
    dep_communes: pd.DataFrame, geometries: pd.DataFrame, lieux: pd.DataFrame, title: str
) -> go.Figure:
    """Communes coloured by distance to the nearest lieu (quantile classes) with the lieux, drawn without tiles."""
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
        figure, title, None, 660, plot_bgcolor="white", legend_title_text="Distance au lieu"
    )
