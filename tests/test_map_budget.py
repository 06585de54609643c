"""The map's size budget: a choropleth is sent as it is, coarser, for the chosen territory only, or as an
image, so that the map page stays within 5 MB at national scale (issue 13)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from PIL import Image

from rhinocc_dash.analysis.lieux import LieuFilters
from rhinocc_dash.views import deck, map_budget

RED, BLUE = [200, 30, 30, 255], [30, 30, 200, 255]


def square(west: float, south: float, side: float, fill, points: int = 4) -> dict:
    """A square feature; `points` vertices per side (a detailed outline that simplifies well)."""
    steps = np.linspace(0, side, points, endpoint=False)
    ring = (
        [[west + s, south] for s in steps]
        + [[west + side, south + s] for s in steps]
        + [[west + side - s, south + side] for s in steps]
        + [[west, south + side - s] for s in steps]
    )
    geometry = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
    return {"type": "Feature", "geometry": geometry, "properties": {"fill": fill, "tip": "x"}}


def collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def test_a_choropleth_within_budget_is_sent_as_it_is():
    small = collection([square(1.0, 43.0, 0.1, RED)])
    assert map_budget.fit(small, 10_000) is small


def test_a_detailed_outline_is_drawn_coarser_before_anything_else():
    detailed = collection([square(1.0 + i, 43.0, 0.5, RED, points=400) for i in range(3)])
    size = map_budget.geojson_bytes(detailed)
    fitted = map_budget.fit(detailed, size // 10)
    assert isinstance(fitted, dict) and len(fitted["features"]) == 3
    assert map_budget.geojson_bytes(fitted) <= size // 10
    assert fitted["features"][0]["properties"] == {"fill": RED, "tip": "x"}


def test_too_many_features_are_drawn_for_the_chosen_territory_or_as_an_image():
    many = collection([square(i * 0.01, 43.0, 0.01, RED if i % 2 else BLUE) for i in range(300)])
    budget = 100 * map_budget.FEATURE_MIN_BYTES
    drawn = np.array([i < 10 for i in range(300)])
    part = map_budget.fit(many, budget, drawn)
    assert isinstance(part, dict) and len(part["features"]) == 10
    image = map_budget.fit(many, budget)
    assert isinstance(image, map_budget.Raster)
    west, south, east, north = image.bounds
    assert (west, east) == (0.0, 3.0) and south == 43.0 and abs(north - 43.01) < 1e-9
    picture = Image.open(io.BytesIO(image.image)).convert("RGBA")
    # Square i covers x from i/300 to (i+1)/300 of the width: square 1 is red, square 2 blue.
    middle_row = picture.height // 2
    assert picture.getpixel((int(picture.width * 1.5 / 300), middle_row)) == tuple(RED)
    assert picture.getpixel((int(picture.width * 2.5 / 300), middle_row)) == tuple(BLUE)


def test_the_budget_leaves_room_for_the_lieux():
    assert map_budget.choropleth_budget(1_600) == map_budget.CHOROPLETH_MAX_BYTES
    assert map_budget.choropleth_budget(11_000) < map_budget.CHOROPLETH_MAX_BYTES
    assert map_budget.choropleth_budget(100_000) == map_budget.CHOROPLETH_MIN_BYTES


def test_territory_filters_choose_the_communes_drawn():
    communes = pd.DataFrame(
        {
            "code_insee": ["09001", "31555", "46042"],
            "departement": ["09", "31", "46"],
            "epci_siren": ["A", "B", "C"],
        }
    )
    codes = pd.Series(["46042", "09001", "31555"])
    chosen = map_budget.drawn_communes(
        codes, communes, LieuFilters(departements=("31",), epci=("C",))
    )
    assert chosen.tolist() == [True, False, True]
    assert not map_budget.drawn_communes(codes, communes, LieuFilters()).any()


def test_an_image_choropleth_is_a_bitmap_layer():
    raster = map_budget.Raster("component/rhinocc_dash.ui.static_files.cartes/x.png", (0.0, 42.0, 3.0, 45.0))
    spec = deck.build_deck(None, raster, None, False, None).to_json()
    assert '"@@type":"BitmapLayer"' in spec and '"image":"component/rhinocc_dash.ui.static_files.cartes/x.png"' in spec
    assert '"bounds":[0.0,42.0,3.0,45.0]' in spec
