"""The offline base map: département and commune outlines and the main towns' names, drawn from the
warehouse, so that a map stays readable with no tile server (a workshop room without network, a
tile server that does not answer).

The outlines travel as GeoJSON (inline or as the URL of a static file, fetched once); the names as a
deck.gl TextLayer, whose font atlas is drawn by the browser from a system font (no download).
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pydeck as pdk
from pyproj import Transformer
from shapely.geometry import Point

LAND = [250, 250, 248, 255]
COMMUNE_LINE = [180, 186, 192]
DEPARTEMENT_LINE = [70, 80, 90]
TOWN_TEXT = [30, 36, 44]
HALO = [255, 255, 255]


def outline_features(geometries: pd.DataFrame) -> dict:
    """A GeoJSON FeatureCollection of the territories' outlines (no fill colour, no tooltip)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": json.loads(g) if isinstance(g, str) else g,
                "properties": {},
            }
            for g in geometries["geometry"]
        ],
    }


def _quoted(characters: set[str]) -> str:
    """A string that pydeck passes on as a string (quoted), not as an expression; deck.gl reads a
    string as its set of characters."""
    return '"' + "".join(sorted(characters - {'"'})) + '"'


# The town names' size on screen (pixels): deck.gl draws them at least this size when zoomed out.
TOWN_SIZE_PX = {False: 11, True: 15}
LABEL_GAP_PX = 3  # white space kept between two names


def label_box(lon: float, lat: float, name: str, zoom: float, size_px: float) -> tuple:
    """The screen box (left, top, right, bottom, in pixels of a Web Mercator world of 512·2^zoom) of a
    name drawn centred under its point, as the TextLayer below draws it."""
    world = 512 * 2**zoom
    x = (lon + 180) / 360 * world
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * world
    half = (0.62 * size_px * len(name) + 6) / 2  # DejaVu Sans: about 0.6 em a letter, 3 px padding
    top = y + 6  # the names hang 6 px under their point
    return x - half, top, x + half, top + size_px + 2


def spread_labels(towns: pd.DataFrame, zoom: float, size_px: float) -> pd.DataFrame:
    """The towns whose names do not overlap at `zoom` (and any closer zoom): the most populous first,
    a name that would touch one already kept is left out (Castelsarrasin beside Montauban)."""
    kept, boxes = [], []
    for index, town in towns.sort_values("population", ascending=False).iterrows():
        box = label_box(town["longitude"], town["latitude"], str(town["nom"]), zoom, size_px)
        if all(
            box[0] > b[2] + LABEL_GAP_PX
            or box[2] < b[0] - LABEL_GAP_PX
            or box[1] > b[3] + LABEL_GAP_PX
            or box[3] < b[1] - LABEL_GAP_PX
            for b in boxes
        ):
            kept.append(index)
            boxes.append(box)
    return towns.loc[kept]


def town_frame(towns: pd.DataFrame) -> pd.DataFrame:
    """Names and positions for the TextLayer (plain text: deck.gl draws it, it is never HTML)."""
    return pd.DataFrame(
        {
            "name": towns["nom"].astype(str).str.replace('"', "").str.slice(0, 40),
            "lon": towns["longitude"].astype(float),
            "lat": towns["latitude"].astype(float),
        }
    )


def base_layers(
    departements: dict | str,
    communes: dict | str | None,
    towns: pd.DataFrame | None,
    large: bool = False,
) -> list[pdk.Layer]:
    """Land and commune outlines, département outlines, then town names (drawn under every other layer
    of the map). `large`: bigger names, for a projected screen."""
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            departements,
            id="fond_departements_terre",
            stroked=False,
            filled=True,
            get_fill_color=LAND,
            pickable=False,
        )
    ]
    if communes is not None:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                communes,
                id="fond_communes",
                stroked=True,
                filled=False,
                get_line_color=COMMUNE_LINE,
                line_width_min_pixels=0.5,
                pickable=False,
            )
        )
    layers.append(
        pdk.Layer(
            "GeoJsonLayer",
            departements,
            id="fond_departements",
            stroked=True,
            filled=False,
            get_line_color=DEPARTEMENT_LINE,
            line_width_min_pixels=1.6 if large else 1.2,
            pickable=False,
        )
    )
    if towns is not None and len(towns):
        names = town_frame(towns)
        layers.append(
            pdk.Layer(
                "TextLayer",
                names,
                id="fond_villes",
                get_position=["lon", "lat"],
                get_text="name",
                # in metres with pixel bounds: Chromium's software WebGL (headless tests) draws
                # pixel-unit layers far too large; real browsers draw both the same.
                get_size=3000,
                size_units="meters",
                size_min_pixels=TOWN_SIZE_PX[large],
                size_max_pixels=22 if large else 16,
                get_color=TOWN_TEXT,
                get_text_anchor='"middle"',
                get_alignment_baseline='"top"',
                get_pixel_offset=[0, 6],
                font_family='"DejaVu Sans, Arial, sans-serif"',  # quoted: a value, not an accessor
                background=True,
                get_background_color=[255, 255, 255, 200],
                background_padding=[3, 1],
                # the letters to draw (deck.gl's default set is ASCII only: no « Nîmes »)
                character_set=_quoted(set("".join(names["name"])) | {" "}),
                pickable=False,
            )
        )
    return layers


REACH_M = 10_000  # the « within 10 km » of every coverage figure
_TO_L93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
_TO_WGS84 = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)


def reach_layers(lon: float, lat: float) -> list[pdk.Layer]:
    """A hypothetical lieu: the 10 km around it (a true circle in Lambert-93, as the distances are
    measured, drawn as a polygon) and a dot at its place."""
    x, y = _TO_L93.transform(float(lon), float(lat))
    ring = Point(x, y).buffer(REACH_M, quad_segs=32).exterior.coords
    outline = [list(_TO_WGS84.transform(px, py)) for px, py in ring]
    return [
        pdk.Layer(
            "PolygonLayer",
            [{"polygon": outline}],
            id="portee_10km",
            get_polygon="polygon",
            filled=True,
            get_fill_color=[200, 30, 30, 50],
            stroked=True,
            get_line_color=[200, 30, 30, 255],
            line_width_min_pixels=2,
            pickable=False,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            [{"lon": float(lon), "lat": float(lat)}],
            id="lieu_hypothetique",
            get_position=["lon", "lat"],
            get_radius=600,
            radius_units="meters",
            radius_min_pixels=6,
            radius_max_pixels=10,
            get_fill_color=[200, 30, 30, 255],
            stroked=True,
            get_line_color=[255, 255, 255],
            line_width_min_pixels=2,
            pickable=False,
        ),
    ]
