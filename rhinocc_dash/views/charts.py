"""Plotly figure builders: data in, figure out, no Streamlit.

Territories are named categories (« Ariège », never the number 9), counts are integers, every hover text
is French, and each bar chart's reference line means something for its measure: the average per
territory for a count, the whole area's value for a rate or a share.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from ..shared.formatting import fmt_decimal, fmt_int, fmt_percent
from . import palette
from .deck import category_colours

PALETTE = {
    "primary": palette.hex_colour(palette.PRIMARY),
    "reference": palette.hex_colour(palette.REFERENCE),
    "neutral": palette.hex_colour(palette.NEUTRAL),
    "light": palette.hex_colour(palette.LIGHT_PRIMARY),
}
# Same colours as the map's label categories (Okabe-Ito), from the same definition.
LABEL_COLOURS = {
    name: palette.hex_colour(rgb) for name, rgb in category_colours("categorie").items()
}
FAMILY_COLOURS = tuple(palette.hex_colour(rgb) for rgb in palette.FAMILIES)
BAR_HEIGHT_PX = 26


@dataclass(frozen=True)
class Measure:
    """How a measure is shown: its label, unit, kind (count, people, rate, share, km)."""

    label: str
    unit: str
    kind: str

    def format(self, value) -> str:
        if self.kind in ("count", "people"):
            return fmt_int(value)
        if self.kind == "share":
            return fmt_percent(value)
        return fmt_decimal(value, 2 if self.kind == "rate" else 1)

    @property
    def scale(self) -> float:
        return 100.0 if self.kind == "share" else 1.0

    @property
    def hover(self) -> str:
        return {
            "count": "%{x:,d}",
            "people": "%{x:,d}",
            "share": "%{x:.1f} %",
            "rate": "%{x:.2f}",
            "km": "%{x:.1f} km",
        }[self.kind]


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
    names: pd.Series,
    codes: pd.Series,
    values: pd.Series,
    measure: Measure,
    title: str,
    reference: float | None = None,
    reference_label: str = "",
) -> go.Figure:
    """Horizontal bars, one per named territory (largest first), with a dashed reference line; the
    territory's code rides along for clicks."""
    order = values.sort_values(kind="stable").index
    shown = values[order] * measure.scale
    figure = go.Figure(
        go.Bar(
            x=shown.to_numpy(),
            y=names[order].to_numpy(),
            orientation="h",
            customdata=codes[order].to_numpy(),
            marker_color=PALETTE["primary"],
            text=[measure.format(v) for v in values[order]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>" + measure.hover + "<extra></extra>",
        )
    )
    if reference is not None and reference == reference:
        figure.add_vline(
            x=reference * measure.scale,
            line_dash="dash",
            line_color=PALETTE["reference"],
            annotation_text=f"{reference_label} : {measure.format(reference)}",
            annotation_position="top right",
        )
    figure.update_yaxes(type="category", automargin=True)
    figure.update_xaxes(title_text=measure.unit, rangemode="tozero")
    height = max(260, 90 + BAR_HEIGHT_PX * len(values))
    return _layout(figure, title, None, height, showlegend=False)


def _categories(table: pd.DataFrame, key: str, names: dict[str, str]) -> list[str]:
    return [names.get(code, code) for code in table[key]]


def label_stack(table: pd.DataFrame, key: str, names: dict[str, str], title: str) -> go.Figure:
    """Lieux per territory stacked by main label (official labels only), territories by name."""
    figure = go.Figure()
    categories = _categories(table, key, names)
    for category, colour in LABEL_COLOURS.items():
        if category in table.columns:
            figure.add_bar(
                y=categories,
                x=table[category].to_numpy(),
                orientation="h",
                name=category,
                marker_color=colour,
                hovertemplate="%{y}<br>" + category + " : %{x:,d} lieux<extra></extra>",
            )
    figure.update_layout(barmode="stack")
    figure.update_yaxes(type="category", autorange="reversed", automargin=True)
    figure.update_xaxes(title_text="lieux")
    return _layout(figure, title, None, max(300, 110 + BAR_HEIGHT_PX * len(table)))


def family_bars(
    table: pd.DataFrame, key: str, names: dict[str, str], families: list[str], title: str
) -> go.Figure:
    """Share of lieux offering each service family, grouped per named territory."""
    figure = go.Figure()
    categories = _categories(table, key, names)
    for family, colour in zip(families, FAMILY_COLOURS, strict=False):
        figure.add_bar(
            y=categories,
            x=(table[family] * 100).to_numpy(),
            orientation="h",
            name=family,
            marker_color=colour,
            hovertemplate="%{y}<br>" + family + " : %{x:.0f} % des lieux<extra></extra>",
        )
    figure.update_layout(barmode="group")
    figure.update_yaxes(type="category", autorange="reversed", automargin=True)
    figure.update_xaxes(title_text="% des lieux", range=[0, 100])
    return _layout(figure, title, None, max(340, 110 + 2.4 * BAR_HEIGHT_PX * len(table)))


def evolution_bars(table: pd.DataFrame, names: dict[str, str], title: str) -> go.Figure:
    """France Services sites per named département in two editions of the same ANCT list."""
    categories = _categories(table, "departement", names)
    figure = go.Figure()
    for column, label, colour in (
        ("sites_2022", "Liste du 01/12/2022", PALETTE["light"]),
        ("sites_2024", "Liste du 01/08/2024", PALETTE["primary"]),
    ):
        figure.add_bar(
            y=categories,
            x=table[column].to_numpy(),
            orientation="h",
            name=label,
            marker_color=colour,
            hovertemplate="%{y}<br>" + label + " : %{x:,d} sites<extra></extra>",
        )
    figure.update_layout(barmode="group")
    figure.update_yaxes(type="category", autorange="reversed", automargin=True)
    figure.update_xaxes(title_text="sites France Services")
    return _layout(figure, title, None, max(340, 110 + 2 * BAR_HEIGHT_PX * len(table)))


def history_bars(history: pd.DataFrame, title: str) -> go.Figure:
    """Lieux in each published version, stacked by main label; each bar names its publication date
    and its venue sources' vintages."""
    versions = list(dict.fromkeys(history["version"]))
    labels = {}
    for version, part in history.groupby("version", sort=False):
        published = str(part["publiee_le"].iloc[0])[:10]
        day = "/".join(reversed(published.split("-"))) if published else version
        labels[version] = f"{day}<br><sub>{part['millesimes'].iloc[0]}</sub>"
    figure = go.Figure()
    totals = history.groupby(["version", "categorie"])["lieux"].sum()
    for category, colour in LABEL_COLOURS.items():
        values = [int(totals.get((v, category), 0)) for v in versions]
        if any(values):
            figure.add_bar(
                x=[labels[v] for v in versions],
                y=values,
                name=category,
                marker_color=colour,
                hovertemplate=category + " : %{y:,d} lieux<extra></extra>",
            )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(type="category")
    figure.update_yaxes(title_text="lieux")
    return _layout(figure, title, None, 420)
