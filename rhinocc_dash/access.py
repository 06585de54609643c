"""Distance from each commune's representative point to the lieux, with a k-d tree on Lambert-93 metres."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .geo import to_lambert93

RADII_KM = (5, 10, 20)


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
