"""The map's pydeck layers and tooltips.

Data never reaches the page as markup: tooltips are plain text (deck.gl writes them as text, not HTML).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from ..analysis.indicators import INDICATORS, Indicator
from ..analysis.lieux import OTHER, TYPE_RULES
from ..formatting import fmt_decimal
from ..texts import APPROXIMATE_PRECISIONS
from . import palette
from .legend import colours_for, legend, quantile_classes

CATEGORY_ORDER = {
    "categorie": ("France Services", "Conseiller numérique", "APTIC", "Aidants Connect", OTHER),
    "type": tuple(name for name, _ in TYPE_RULES) + (OTHER,),
}
INITIAL_VIEW = pdk.ViewState(longitude=2.15, latitude=43.75, zoom=6.3, min_zoom=5, max_zoom=16)


class CompactDeck(pdk.Deck):
    """A Deck serialised without indentation: pydeck indents by default, which triples the payload."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def category_order(colour_by: str, sources: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The categories of a point colouring, in legend order (`sources`: the current venue sources)."""
    return tuple(sources) if colour_by == "source" else CATEGORY_ORDER[colour_by]


def category_colours(colour_by: str, sources: tuple[str, ...] = ()) -> dict[str, palette.RGB]:
    order = category_order(colour_by, sources)
    cycle = palette.CATEGORICAL[:-1]
    colours = {name: cycle[i % len(cycle)] for i, name in enumerate(order)}
    colours[OTHER] = palette.CATEGORICAL[-1]
    return colours


def point_values(lieux: pd.DataFrame, colour_by: str) -> pd.Series:
    if colour_by == "source":
        return lieux["sources"].map(lambda s: s[0] if len(s) else OTHER)
    return lieux[colour_by]


APPROXIMATE_ALPHA = 110
APPROXIMATE_NOTE = "Position approximative (centre de la commune)"


def lieu_tip(nom, commune, departement, labels, approximate: bool = False) -> str:
    """Plain-text tooltip of a lieu (the map renders tooltips as text, so no markup can run)."""
    shown = ", ".join(labels) if labels is not None and len(labels) else "aucun label"
    note = f"\n{APPROXIMATE_NOTE}" if approximate else ""
    return f"{nom}\n{commune} ({departement})\n{shown}{note}\nCliquer pour le détail"


def point_frame(lieux: pd.DataFrame, colour_by: str, sources: tuple[str, ...] = ()) -> pd.DataFrame:
    """Minimal rows sent to the browser for the points layer."""
    colours = category_colours(colour_by, sources)
    values = point_values(lieux, colour_by)
    approximate = lieux["location_precision"].isin(APPROXIMATE_PRECISIONS).to_numpy()
    return pd.DataFrame(
        {
            "lieu_id": lieux["lieu_id"].to_numpy(),
            "lon": lieux["longitude"].round(5).to_numpy(),
            "lat": lieux["latitude"].round(5).to_numpy(),
            # A lieu placed at its commune's centre is drawn pale with a dark rim, never as precise.
            "color": [
                [*colours.get(v, colours[OTHER]), APPROXIMATE_ALPHA if approx else 255]
                for v, approx in zip(values, approximate, strict=True)
            ],
            "line": [
                list(palette.APPROXIMATE_RIM if approx else palette.WHITE) for approx in approximate
            ],
            "tip": [
                lieu_tip(nom, commune, dep, labels, approx)
                for nom, commune, dep, labels, approx in zip(
                    lieux["nom"],
                    lieux["commune"],
                    lieux["departement"],
                    lieux["labels"],
                    approximate,
                    strict=True,
                )
            ],
        }
    )


def choropleth_features(
    values: pd.DataFrame, geometries: pd.DataFrame, indicator: str, meta: Indicator | None = None
) -> tuple[dict, np.ndarray, list[float]]:
    """GeoJSON features coloured by quantile class of `indicator`, with escaped tooltips."""
    meta = meta or INDICATORS[indicator]
    merged = geometries.merge(values[["code", indicator]], on="code", how="left")
    classes, breaks = quantile_classes(merged[indicator])
    colours = colours_for(classes, len(breaks))
    features = []
    for (code, nom, geometry, value), colour in zip(
        merged[["code", "nom", "geometry", indicator]].itertuples(index=False), colours, strict=True
    ):
        shown = (
            "donnée manquante"
            if pd.isna(value)
            else f"{fmt_decimal(value, meta.decimals)} ({meta.unit})"
        )
        tip = f"{nom} ({code})\n{meta.label} : {shown}"
        shape = json.loads(geometry) if isinstance(geometry, str) else geometry
        features.append(
            {
                "type": "Feature",
                "geometry": shape,
                "properties": {"fill": [*colour, 170], "tip": tip},
            }
        )
    return {"type": "FeatureCollection", "features": features}, classes, breaks


def qpv_features(qpv: pd.DataFrame) -> dict:
    features = []
    for row in qpv.itertuples(index=False):
        tip = f"QPV {row.code_qp} · {row.nom_qp}\nQuartier prioritaire, génération 2015"
        features.append(
            {"type": "Feature", "geometry": json.loads(row.geometry), "properties": {"tip": tip}}
        )
    return {"type": "FeatureCollection", "features": features}


def build_deck(
    points: pd.DataFrame | None,
    choropleth: dict | None,
    qpv: dict | None,
    density: bool,
    selected: tuple[float, float] | None,
    view: pdk.ViewState = INITIAL_VIEW,
    basemap: bool = True,
) -> pdk.Deck:
    """The map: choropleth under QPV outlines under density hexagons under lieux points."""
    layers = []
    if choropleth is not None:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                choropleth,
                id="choropleth",
                pickable=True,
                stroked=True,
                filled=True,
                get_fill_color="properties.fill",
                get_line_color=[255, 255, 255],
                line_width_min_pixels=0.4,
            )
        )
    if qpv is not None:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                qpv,
                id="qpv",
                pickable=True,
                stroked=True,
                filled=False,
                get_line_color=list(palette.QPV),
                line_width_min_pixels=2,
            )
        )
    if density and points is not None and len(points):
        layers.append(
            pdk.Layer(
                "HexagonLayer",
                points[["lon", "lat"]],
                id="densite",
                get_position=["lon", "lat"],
                radius=6000,
                coverage=0.9,
                opacity=0.55,
                pickable=False,
                extruded=False,
            )
        )
    if points is not None and len(points):
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                points,
                id="lieux",
                pickable=True,
                auto_highlight=True,
                get_position=["lon", "lat"],
                get_fill_color="color",
                get_radius=5,
                radius_units="pixels",
                stroked=True,
                get_line_color="line",
                line_width_min_pixels=1.5,
            )
        )
    if selected is not None:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                [{"lon": selected[0], "lat": selected[1]}],
                id="selection",
                get_position=["lon", "lat"],
                get_radius=11,
                radius_units="pixels",
                filled=False,
                stroked=True,
                get_line_color=list(palette.HYPOTHETICAL),
                line_width_min_pixels=3,
            )
        )
    return CompactDeck(
        layers=layers,
        initial_view_state=view,
        map_provider="carto" if basemap else None,
        map_style="light" if basemap else None,
        tooltip={
            "text": "{tip}",
            "style": {"fontSize": "13px", "maxWidth": "320px", "whiteSpace": "pre-line"},
        },
    )


def deck_size_bytes(deck: pdk.Deck) -> int:
    return len(deck.to_json().encode("utf-8"))


def fit_view(lon: pd.Series, lat: pd.Series) -> pdk.ViewState:
    """A view framing the given points (the regional view when they span the région)."""
    if len(lon) == 0:
        return INITIAL_VIEW
    span = max(float(lon.max() - lon.min()) * 1.3, float(lat.max() - lat.min()) * 1.9, 0.05)
    zoom = float(np.clip(np.log2(360 / span) - 0.3, INITIAL_VIEW.zoom, 12))
    return pdk.ViewState(
        longitude=float(lon.mean()),
        latitude=float(lat.mean()),
        zoom=round(zoom, 2),
        min_zoom=5,
        max_zoom=16,
    )


def point_frame_simple(points: pd.DataFrame, label: str) -> pd.DataFrame:
    """Points of one kind (such as hypothetical lieux), drawn in black."""
    return pd.DataFrame(
        {
            "lieu_id": points.get("lieu_id", pd.Series(dtype=str)),
            "lon": points["longitude"],
            "lat": points["latitude"],
            "color": [list(palette.HYPOTHETICAL)] * len(points),
            "line": [list(palette.WHITE)] * len(points),
            "tip": [label] * len(points),
        }
    )


def legend_entries(classes: np.ndarray, breaks: list[float]):
    return legend(classes, breaks, lambda v: fmt_decimal(v, 0))
