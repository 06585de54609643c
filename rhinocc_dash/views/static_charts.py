"""Static charts for the PDF report and Accueil: matplotlib figures saved as SVG (vector, sharp at any zoom).

Same colours (`palette`), same French formats (`charts.Measure`, `formatting`) as the Plotly charts
of the pages. Text from the data is never read as mathtext (`text.parse_math` off), and SVG text is
drawn as outlines, so a chart needs no font where it is shown. Built on `matplotlib.figure.Figure`
(no pyplot): no global state, safe in a server thread.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math

import matplotlib
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter
from shapely.geometry import shape

from .. import texts
from ..shared.formatting import fmt_decimal, fmt_int
from . import palette
from .charts import LABEL_COLOURS, Measure
from .legend import quantile_classes

WIDTH_IN = 6.9  # the A4 text width of the template (17.5 cm), so 8 pt in a chart is 8 pt on paper
BAR_IN = 0.24
MAP_WIDTH_IN = 5.0  # the rest of the width holds the legend
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.edgecolor": "#999999",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.fonttype": "path",
    "svg.hashsalt": "rhinocc-dash",  # stable element ids: the same data gives the same file
    "text.parse_math": False,
}


def _rgb(colour: palette.RGB) -> tuple[float, float, float]:
    return tuple(c / 255 for c in colour)


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _figure(height_in: float) -> Figure:
    with matplotlib.rc_context(STYLE):
        return Figure(figsize=(WIDTH_IN, height_in), layout="constrained")


def territory_bars(
    names: pd.Series,
    values: pd.Series,
    measure: Measure,
    reference: float | None = None,
    reference_label: str = "",
) -> str:
    """Horizontal bars, one per named territory, largest at the top, the value written at the end of
    each bar, a dashed reference line (the whole area's value)."""
    order = values.sort_values(kind="stable").index
    shown = values[order].astype(float) * measure.scale
    with matplotlib.rc_context(STYLE):
        figure = _figure(0.55 + BAR_IN * len(values))
        axes = figure.add_subplot()
        positions = range(len(order))
        axes.barh(positions, shown.fillna(0), color=_rgb(palette.PRIMARY), height=0.7)
        axes.set_yticks(list(positions), [str(n) for n in names[order]])
        axes.tick_params(axis="y", length=0)
        top = max(float(shown.max(skipna=True) or 0), 0)
        if reference is not None and reference == reference:
            top = max(top, reference * measure.scale)
            axes.axvline(reference * measure.scale, color=_rgb(palette.REFERENCE), ls="--", lw=1)
            axes.annotate(
                f"{reference_label} : {measure.format(reference)}",
                (reference * measure.scale, 1),
                xycoords=("data", "axes fraction"),
                xytext=(3, 2),
                textcoords="offset points",
                color=_rgb(palette.REFERENCE),
                va="bottom",
            )
        for position, value in zip(positions, values[order], strict=True):
            axes.annotate(
                measure.format(value),
                (shown.iloc[position] if value == value else 0, position),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6},
            )
        axes.set_xlim(0, top * 1.18 or 1)
        axes.set_ylim(-0.6, len(order) - 0.4)
        axes.xaxis.set_major_formatter(FuncFormatter(_axis_number))
        axes.set_xlabel(measure.unit)
        return _svg(figure)


def lieux_by_departement(frame: pd.DataFrame, title: str) -> str:
    """Lieux per département (named bars, each count written at its end), the average per département as
    reference: an SVG image that scales to its column (Accueil: no JavaScript chart library to start in
    each new tab), whose text alternative gives `title` and every value."""
    average = float(frame["lieux"].mean())
    svg = territory_bars(
        frame["nom"],
        frame["lieux"],
        Measure(title, texts.accueil.LIEUX_BY_DEP_UNIT, "count"),
        average,
        texts.accueil.LIEUX_BY_DEP_AVERAGE,
    )
    ordered = frame.sort_values("lieux", ascending=False, kind="stable")
    alt = texts.accueil.LIEUX_BY_DEP_ALT.format(
        title=title,
        values=", ".join(f"{name} {fmt_int(n)}" for name, n in zip(ordered["nom"], ordered["lieux"], strict=True)),
        average=fmt_int(average),
    )
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img class="rhinocc-svg-chart" alt="{html.escape(alt)}" src="data:image/svg+xml;base64,{data}">'
        "<style>.rhinocc-svg-chart{width:100%;height:auto;max-width:860px}</style>"
    )


def _axis_number(value: float, _position=None) -> str:
    return fmt_decimal(value, 0 if float(value).is_integer() else 1)


def label_stack(table: pd.DataFrame, key: str, names: dict[str, str]) -> str:
    """Lieux per territory stacked by main label (same colours as the map), territories by name."""
    categories = [str(names.get(code, code)) for code in table[key]]
    with matplotlib.rc_context(STYLE):
        figure = _figure(0.9 + BAR_IN * len(table))
        axes = figure.add_subplot()
        left = pd.Series(0.0, index=table.index)
        positions = list(range(len(table)))
        for category, colour in LABEL_COLOURS.items():
            if category in table.columns:
                counts = table[category].astype(float)
                axes.barh(positions, counts, left=left, color=colour, height=0.7, label=category)
                left += counts
        axes.set_yticks(positions, categories)
        axes.invert_yaxis()
        axes.tick_params(axis="y", length=0)
        axes.xaxis.set_major_formatter(FuncFormatter(_axis_number))
        axes.set_xlabel("lieux")
        figure.legend(loc="outside upper center", ncols=5, frameon=False)
        return _svg(figure)


def _rings(geometry) -> list:
    """Outer rings of a commune's polygons, from GeoJSON text or a dict (holes are other communes)."""
    shaped = shape(geometry if isinstance(geometry, dict) else json.loads(geometry))
    polygons = getattr(shaped, "geoms", [shaped])
    return [list(polygon.exterior.coords) for polygon in polygons]


def commune_map(communes: pd.DataFrame, geometries: pd.DataFrame, lieux: pd.DataFrame) -> str:
    """Communes coloured by the median distance of their inhabitants to the nearest lieu (quantile
    classes, darker = farther, as on the pages), the lieux as dots; no tiles, north up."""
    shapes = dict(zip(geometries["code"], geometries["geometry"], strict=True))
    classes, breaks = quantile_classes(communes["distance_mediane_km"])
    rings_by_class = [
        [
            ring
            for code in communes.loc[classes == cls, "code_insee"]
            if code in shapes
            for ring in _rings(shapes[code])
        ]
        for cls in range(len(breaks) - 1)
    ]
    points = [p for rings in rings_by_class for ring in rings for p in ring] or [(0.0, 0.0)]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    # Degrees of longitude are shorter than degrees of latitude by cos(latitude).
    aspect = 1 / math.cos(math.radians((south + north) / 2))
    height = (north - south) * aspect / max(east - west, 1e-6) * MAP_WIDTH_IN
    with matplotlib.rc_context(STYLE):
        figure = _figure(min(max(height, 3.0), 8.0))
        axes = figure.add_subplot()
        handles = []
        for cls, rings in enumerate(rings_by_class):
            colour = _rgb(palette.SEQUENTIAL[min(cls, len(palette.SEQUENTIAL) - 1)])
            axes.add_collection(
                PolyCollection(rings, facecolors=[colour], edgecolors="white", linewidths=0.3)
            )
            label = f"{fmt_decimal(breaks[cls], 1)} – {fmt_decimal(breaks[cls + 1], 1)} km"
            handles.append(Patch(facecolor=colour, label=label))
        lieu = {"color": _rgb(palette.CATEGORICAL[5]), "markeredgecolor": "black"}
        axes.plot(lieux["longitude"], lieux["latitude"], ls="", marker="o", ms=3.6, mew=0.4, **lieu)
        handles.append(Line2D([], [], ls="", marker="o", label=texts.rapport.REPORT_MAP_LIEUX, **lieu))
        axes.set_xlim(west, east)
        axes.set_ylim(south, north)
        axes.set_aspect(aspect)
        axes.set_axis_off()
        figure.legend(
            handles=handles,
            title=texts.rapport.REPORT_MAP_LEGEND.replace(" (", "\n("),
            loc="outside right upper",
            frameon=False,
            alignment="left",
        )
        return _svg(figure)
