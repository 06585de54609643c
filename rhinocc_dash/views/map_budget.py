"""How much map a browser is sent: the map page (lieux, outlines, choropleth) stays within 5 MB at every
level, for a région as for all of France.

The choropleth gets what the lieux points and the base map outlines leave, and never more than
`CHOROPLETH_MAX_BYTES` (Occitanie's 4,446 communes, 1.9 MB, fit as they are). A larger choropleth is
drawn coarser (about half a pixel on a map of a whole country). One that stays too large even so — the
35,000 communes of France weigh by their number (a tooltip each), not by their outlines — is drawn for
the territory chosen in the filters when that fits, or else as one image (PNG in Web Mercator, as
deck.gl's BitmapLayer expects), without tooltips: at that scale a commune is a few pixels.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from PIL import Image, ImageDraw
from shapely.geometry import mapping, shape

from ..analysis.lieux import LieuFilters

MAP_BUDGET_BYTES = 5_000_000
OUTLINE_BYTES = (
    500_000  # the département outlines of the offline base map (91 départements: 0.43 MB)
)
BYTES_PER_LIEU = 250  # one point of the lieux layer: position, colours, tooltip
CHOROPLETH_MAX_BYTES = 2_000_000
CHOROPLETH_MIN_BYTES = 1_000_000
# A feature's least weight once coarsened: its wrapper, colour and tooltip (the outline aside).
FEATURE_MIN_BYTES = 200
COARSER_TOLERANCES = (0.006, 0.01, 0.02)  # degrees; 0.01° ≈ half a pixel on a map of France
COARSE_DECIMALS = 3
RASTER_WIDTH_PX = 2048


@dataclass(frozen=True)
class Raster:
    """A choropleth drawn as an image: PNG bytes (or its URL once published) and its lon/lat bounds."""

    image: bytes | str
    bounds: tuple[float, float, float, float]  # west, south, east, north


def choropleth_budget(n_lieux: int) -> int:
    """Bytes left for the choropleth once `n_lieux` points and the outlines are sent."""
    left = MAP_BUDGET_BYTES - OUTLINE_BYTES - n_lieux * BYTES_PER_LIEU
    return max(CHOROPLETH_MIN_BYTES, min(CHOROPLETH_MAX_BYTES, left))


def geojson_bytes(collection: dict) -> int:
    """Size of a GeoJSON as published (compact UTF-8, see `ui.static_files.publish_json`)."""
    return len(json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def coarser(collection: dict, tolerance: float) -> dict:
    """The same features with outlines simplified to `tolerance` degrees and rounded to match."""
    features = []
    for feature in collection["features"]:
        geometry = shapely.simplify(shape(feature["geometry"]), tolerance, preserve_topology=True)
        geometry = shapely.set_precision(geometry, 10**-COARSE_DECIMALS)
        if geometry.is_empty:  # smaller than the grid: keep the finer outline
            features.append(feature)
            continue
        features.append({**feature, "geometry": mapping(geometry)})
    return {**collection, "features": features}


def drawn_communes(codes: pd.Series, communes: pd.DataFrame, filters: LieuFilters) -> np.ndarray:
    """Which communes (in the order of `codes`) the territory filters choose; all False without one."""
    chosen = pd.Series(False, index=communes.index)
    if filters.departements:
        chosen |= communes["departement"].isin(filters.departements)
    if filters.epci:
        chosen |= communes["epci_siren"].isin(filters.epci)
    picked = set(communes.loc[chosen, "code_insee"])
    return codes.isin(picked).to_numpy()


def fit(collection: dict, budget: int, drawn: np.ndarray | None = None) -> dict | Raster:
    """The choropleth within `budget` bytes: as it is, coarser, only the `drawn` features, or an image."""
    size = geojson_bytes(collection)
    if size <= budget:
        return collection
    if len(collection["features"]) * FEATURE_MIN_BYTES < budget:
        for tolerance in COARSER_TOLERANCES:
            coarse = coarser(collection, tolerance)
            if geojson_bytes(coarse) <= budget:
                return coarse
    if drawn is not None and drawn.any():
        chosen = [f for f, d in zip(collection["features"], drawn, strict=True) if d]
        part = {**collection, "features": chosen}
        fitted = fit(part, budget)
        if not isinstance(fitted, Raster):
            return fitted
    return rasterise(collection)


def _mercator_y(lat: np.ndarray) -> np.ndarray:
    return np.log(np.tan(np.pi / 4 + np.radians(np.clip(lat, -85.0, 85.0)) / 2))


def _rings(geometry: dict):
    """Exterior rings of a Polygon or MultiPolygon (holes are left to the features drawn over them)."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    for polygon in polygons:
        yield np.asarray(polygon[0], dtype=float)


def rasterise(collection: dict, width_px: int = RASTER_WIDTH_PX) -> Raster:
    """The features' fill colours drawn into a PNG (transparent elsewhere), larger shapes first so that
    an enclave stays visible over the commune around it."""
    rings, colours = [], {}
    for feature in collection["features"]:
        colour = tuple(int(c) for c in feature["properties"]["fill"][:3])
        index = colours.setdefault(colour, len(colours) + 1)  # 0: transparent
        rings.extend((index, ring) for ring in _rings(feature["geometry"]) if len(ring) >= 3)
    points = np.concatenate([ring for _, ring in rings])
    west, south = points.min(axis=0)
    east, north = points.max(axis=0)
    top, bottom = _mercator_y(np.array([north, south]))
    scale = width_px / math.radians(east - west)
    height_px = max(1, round((top - bottom) * scale))
    image = Image.new("P", (width_px, height_px), 0)
    palette = [255, 255, 255] + [v for colour in colours for v in colour]
    image.putpalette(palette + [0] * (768 - len(palette)))
    draw = ImageDraw.Draw(image)

    def area(ring: np.ndarray) -> float:
        x, y = ring[:, 0], ring[:, 1]
        return abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))))

    for index, ring in sorted(rings, key=lambda item: -area(item[1])):
        x = np.radians(ring[:, 0] - west) * scale
        y = (top - _mercator_y(ring[:, 1])) * scale
        draw.polygon(list(zip(x.tolist(), y.tolist(), strict=True)), fill=index)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True, transparency=0)
    return Raster(buffer.getvalue(), (float(west), float(south), float(east), float(north)))
