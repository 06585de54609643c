"""Where the map looks: the view that fits a box (the région, the lieux shown) in the map's size."""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk

from ..shared.config import REGION

# The map's size on screen (pixels): a wide screen's map column, and a phone's (390 px wide).
MAP_HEIGHT_PX = 620
MAP_WIDTH_PX = {False: 760, True: 340}


def fit_bounds(
    west: float, south: float, east: float, north: float, width_px: int, height_px: int
) -> pdk.ViewState:
    """The view that shows the whole box in a map of the given size (Web Mercator, 512-pixel tiles as
    deck.gl's map views count them), with a 5 % margin."""

    def y(lat: float) -> float:
        return (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2

    dx = (east - west) / 360 * 1.1
    dy = (y(south) - y(north)) * 1.1
    zoom = math.log2(min(width_px / (512 * dx), height_px / (512 * dy)))
    middle = (y(south) + y(north)) / 2
    latitude = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * middle))))
    return pdk.ViewState(
        longitude=(west + east) / 2,
        latitude=latitude,
        zoom=round(min(zoom, 12.0), 2),
        min_zoom=4,
        max_zoom=16,
    )


def initial_view(phone: bool = False) -> pdk.ViewState:
    """The whole région, on a wide screen or on a phone."""
    return fit_bounds(*(REGION.view or REGION.bbox), MAP_WIDTH_PX[phone], MAP_HEIGHT_PX)


INITIAL_VIEW = initial_view()


def fit_view(lon: pd.Series, lat: pd.Series, phone: bool = False) -> pdk.ViewState:
    """A view framing the given points (the région's when there are none)."""
    if len(lon) == 0:
        return initial_view(phone)
    west, east = float(lon.min()), float(lon.max())
    south, north = float(lat.min()), float(lat.max())
    pad = 0.02  # a single lieu or a small town still shows its surroundings
    return fit_bounds(
        west - pad, south - pad, east + pad, north + pad, MAP_WIDTH_PX[phone], MAP_HEIGHT_PX
    )
