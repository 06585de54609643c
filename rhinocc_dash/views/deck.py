"""The map's pydeck layers and tooltips.

Data never reaches the page as markup: tooltips are plain text (deck.gl writes them as text, not HTML).
"""

from __future__ import annotations

import json
import urllib.parse

import numpy as np
import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from ..analysis.indicators import INDICATORS, Indicator
from ..analysis.lieux import OTHER, TYPE_RULES
from ..shared.formatting import fmt_decimal
from ..shared.vocab import APPROXIMATE_PRECISIONS
from . import palette
from .corrections import FRESHNESS_ORDER, freshness_labels
from .legend import EXCLUDED_LABEL, colours_for, legend, quantile_classes
from .map_budget import Raster
from .viewport import INITIAL_VIEW

CATEGORY_ORDER = {
    "categorie": ("France Services", "Conseiller numérique", "APTIC", "Aidants Connect", OTHER),
    "type": tuple(name for name, _ in TYPE_RULES) + (OTHER,),
    "fraicheur": FRESHNESS_ORDER,
}
# The région fills a desktop map (about 1 000 px wide); a phone sees its centre and can zoom out.


# A base map drawn from nothing: no tile server, no style download (offline rooms, privacy).
BLANK_STYLE = {
    "version": 8,
    "sources": {},
    "layers": [{"id": "fond", "type": "background", "paint": {"background-color": "#f3f5f6"}}],
}
# Streamlit's frontend wants the style as a URL string: the style travels inline, as a data: URL.
BLANK_STYLE_URL = "data:application/json," + urllib.parse.quote(
    json.dumps(BLANK_STYLE, separators=(",", ":"))
)


# Base layers drawn over the choropleth (which is opaque): the département outlines and the town names.
OVER_CHOROPLETH = ("fond_departements",)
OVER_POINTS = ("fond_villes",)  # names stay readable over the lieux


class CompactDeck(pdk.Deck):
    """A Deck serialised without indentation (pydeck indents by default, which triples the payload), and
    without any base map style to fetch when the base map is off: Streamlit would otherwise pick a tiled
    Carto style for `map_style=None`."""

    def __init__(self, *args, offline: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._offline = offline

    def to_json(self) -> str:
        data = json.loads(
            json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        )
        data.pop("_offline", None)
        if self._offline:
            data["mapProvider"], data["mapStyle"] = "carto", BLANK_STYLE_URL
        # UTF-8 rather than \u escapes: an accented name weighs 2 bytes, not 6 (11,000 tooltips).
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


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
    if colour_by == "fraicheur":
        return freshness_labels(lieux)
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
                    lieux["nom"], lieux["commune"], lieux["departement"], lieux["labels"],
                    approximate, strict=True,
                )
            ],
        }
    )


def choropleth_features(
    values: pd.DataFrame,
    geometries: pd.DataFrame,
    indicator: str,
    meta: Indicator | None = None,
    scheme: tuple = palette.SEQUENTIAL,
    excluded: frozenset[str] = frozenset(),
) -> tuple[dict, np.ndarray, list[float]]:
    """GeoJSON features coloured by quantile class of `indicator` (opaque, so that they match the
    legend), with plain-text tooltips; `excluded` territories get their own colour and class -2."""
    meta = meta or INDICATORS[indicator]
    merged = geometries.merge(values[["code", indicator]], on="code", how="left")
    is_excluded = merged["code"].isin(excluded).to_numpy()
    classes, breaks = quantile_classes(merged[indicator].where(~is_excluded))
    classes = np.where(is_excluded, -2, classes)
    colours = colours_for(classes, len(breaks), scheme)
    features = []
    for (code, nom, geometry, value), colour, out in zip(
        merged[["code", "nom", "geometry", indicator]].itertuples(index=False),
        colours,
        is_excluded,
        strict=True,
    ):
        if out:
            shown = EXCLUDED_LABEL.lower()
        elif pd.isna(value):
            shown = "donnée manquante"
        else:
            shown = f"{fmt_decimal(value, meta.decimals)} ({meta.unit})"
        tip = f"{nom} ({code})\n{meta.label} : {shown}"
        shape = json.loads(geometry) if isinstance(geometry, str) else geometry
        features.append(
            {
                "type": "Feature",
                "geometry": shape,
                "properties": {"fill": [*colour, 255], "tip": tip},
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
    choropleth: dict | str | Raster | None,
    qpv: dict | str | None,
    density: bool,
    selected: tuple[float, float] | None,
    view: pdk.ViewState = INITIAL_VIEW,
    basemap: bool = True,
    base: list[pdk.Layer] | None = None,
) -> pdk.Deck:
    """The map: the offline `base` (outlines and town names, see `basemap`) under the choropleth under
    QPV outlines under density hexagons under lieux points. The choropleth and the QPV are GeoJSON,
    inline or as the URL of a static file (fetched once); a choropleth too large to send is an image
    (`map_budget.Raster`)."""
    base = list(base or [])
    layers = [layer for layer in base if layer.id not in OVER_CHOROPLETH + OVER_POINTS]
    if isinstance(choropleth, Raster):
        bitmap = pdk.Layer("BitmapLayer", None, id="choropleth", bounds=list(choropleth.bounds))
        bitmap.image = (
            choropleth.image
        )  # set after: pydeck would read a relative URL as a local file
        layers.append(bitmap)
    elif choropleth is not None:
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
    layers += [layer for layer in base if layer.id in OVER_CHOROPLETH]
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
                # metres bounded in pixels: small points with a white halo at the région's zoom
                # (2.5 px: the indicator underneath stays readable), up to 8 px close in.
                # Chromium's software WebGL (headless tests, screenshots) draws pixel-unit points
                # far too large, hence metres.
                get_radius=600,
                radius_units="meters",
                radius_min_pixels=2.5,
                radius_max_pixels=8,
                stroked=True,
                get_line_color="line",
                line_width_min_pixels=1,
            )
        )
    layers += [layer for layer in base if layer.id in OVER_POINTS]
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
        offline=not basemap,
        tooltip={
            "text": "{tip}",
            "style": {"fontSize": "13px", "maxWidth": "320px", "whiteSpace": "pre-line"},
        },
    )


def deck_size_bytes(deck: pdk.Deck) -> int:
    return len(deck.to_json().encode("utf-8"))


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


def legend_entries(classes: np.ndarray, breaks: list[float], scheme: tuple = palette.SEQUENTIAL):
    return legend(classes, breaks, lambda v: fmt_decimal(v, 0), scheme)
