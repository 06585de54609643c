"""Plotly figure builders: data in, figure out, no Streamlit."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

PALETTE = {"primary": "#0f6e8c", "reference": "#b2182b", "neutral": "#9e9e9e"}


def lieux_by_departement_chart(frame: pd.DataFrame) -> go.Figure:
    """Bar chart of lieux per département, with lieux per 10,000 inhabitants in the hover text."""
    per_10k = frame["lieux"] / frame["population"] * 10_000
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
