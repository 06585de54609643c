"""Where people live, modelled: each commune's population spread evenly over a regular grid inside it.

The sources give one population per commune and no finer grid (IRIS populations exist for 166 communes
but without their outlines), so the model is the simplest honest one: a square grid over the commune's
polygon (Lambert-93), at most 1 km between points and at least about 16 points per commune, each point
carrying an equal share of the commune's population. Distances to the nearest lieu are then measured from
every point, so a commune whose centre hosts a lieu no longer counts all its inhabitants at 0 km.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from ..shared.config import LAMBERT93, WGS84

MAX_SPACING_M = 1000.0
MIN_POINTS = 16

_TO_L93 = Transformer.from_crs(WGS84, LAMBERT93, always_xy=True)


def to_lambert93_shape(geometry):
    """A WGS84 (lon/lat) shapely geometry projected to Lambert-93 metres."""
    return shapely.transform(
        geometry, lambda xy: np.column_stack(_TO_L93.transform(xy[:, 0], xy[:, 1]))
    )


def grid_points(polygon) -> np.ndarray:
    """(n, 2) Lambert-93 points of a regular grid inside `polygon` (its representative point if none)."""
    spacing = min(MAX_SPACING_M, math.sqrt(max(polygon.area, 1.0) / MIN_POINTS))
    west, south, east, north = polygon.bounds
    xs = np.arange(west + spacing / 2, east, spacing)
    ys = np.arange(south + spacing / 2, north, spacing)
    grid_x, grid_y = (a.ravel() for a in np.meshgrid(xs, ys))
    inside = shapely.contains_xy(polygon, grid_x, grid_y)
    if not inside.any():
        point = polygon.representative_point()
        return np.array([[point.x, point.y]])
    return np.column_stack([grid_x[inside], grid_y[inside]])


def population_points(shapes: dict[str, object], population: pd.Series) -> pd.DataFrame:
    """One row per grid point: code_insee, x, y (Lambert-93 metres) and the inhabitants it stands for."""
    codes, xy, people = [], [], []
    for code, geometry in shapes.items():
        projected = to_lambert93_shape(geometry)
        shapely.prepare(projected)
        points = grid_points(projected)
        codes.append(np.full(len(points), code, dtype=object))
        xy.append(points)
        people.append(np.full(len(points), float(population.get(code, 0) or 0) / len(points)))
    # One frame at the end: a frame per commune costs more than the grids themselves.
    xy = np.concatenate(xy)
    return pd.DataFrame(
        {
            "code_insee": pd.array(np.concatenate(codes), dtype="str"),
            "x": np.round(xy[:, 0]).astype("int32"),
            "y": np.round(xy[:, 1]).astype("int32"),
            "population": np.concatenate(people),
        }
    )
