"""Spatial helpers: Lambert-93 projection, and distances from communes to the lieux (k-d tree, metres)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from pyproj import Transformer
from scipy.spatial import cKDTree

from ..config import LAMBERT93, WGS84
from ..measures import RADII_KM

_TO_L93 = Transformer.from_crs(WGS84, LAMBERT93, always_xy=True)


def to_lambert93(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Project WGS84 lon/lat arrays to Lambert-93 metres."""
    return _TO_L93.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))


def commune_access(communes: pd.DataFrame, lieux: pd.DataFrame) -> pd.DataFrame:
    """nearest_lieu_km, lieux_in_commune and lieux within 5/10/20 km for every commune.

    `communes` needs code_insee, longitude, latitude; `lieux` needs code_insee, longitude, latitude.
    Straight-line distances from the commune's representative point.
    """
    out = pd.DataFrame({"code_insee": communes["code_insee"].to_numpy()})
    counts = lieux.groupby("code_insee").size() if len(lieux) else pd.Series(dtype="int64")
    out["lieux_in_commune"] = out["code_insee"].map(counts).fillna(0).astype("int64")
    if len(lieux) == 0:
        out["nearest_lieu_km"] = np.nan
        for radius in RADII_KM:
            out[f"lieux_within_{radius}km"] = 0
        return out
    cx, cy = to_lambert93(communes["longitude"], communes["latitude"])
    lx, ly = to_lambert93(lieux["longitude"], lieux["latitude"])
    tree = cKDTree(np.column_stack([lx, ly]))
    origin = np.column_stack([cx, cy])
    distance, _ = tree.query(origin, k=1)
    out["nearest_lieu_km"] = np.round(distance / 1000.0, 3)
    for radius in RADII_KM:
        out[f"lieux_within_{radius}km"] = tree.query_ball_point(
            origin, r=radius * 1000.0, return_length=True
        )
    return out
