"""Distances from where people live to the lieux (k-d tree on Lambert-93 metres), and their summaries.

People are the population points of the warehouse (`population_points`: each commune's population spread
over a grid inside it, see `ingest.population`). Distances are straight lines (« à vol d'oiseau »).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pyproj import Transformer
from scipy.spatial import cKDTree

from .config import LAMBERT93, WGS84
from .measures import RADII_KM, shares_within, weighted_means, weighted_medians

_TO_L93 = Transformer.from_crs(WGS84, LAMBERT93, always_xy=True)
REACH_KM = 10  # the radius whose number of reachable lieux the gap analysis uses


def to_lambert93(lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Project WGS84 lon/lat arrays to Lambert-93 metres."""
    return _TO_L93.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))


def point_distances(points: pd.DataFrame, lieux: pd.DataFrame) -> pd.DataFrame:
    """The population points with `nearest_lieu_km` and the number of lieux within `REACH_KM`."""
    out = points[["code_insee", "population"]].copy()
    if len(lieux) == 0:
        out["nearest_lieu_km"] = np.nan
        out[f"lieux_within_{REACH_KM}km"] = 0
        return out
    lx, ly = to_lambert93(lieux["longitude"], lieux["latitude"])
    tree = cKDTree(np.column_stack([lx, ly]))
    origin = np.column_stack([points["x"].to_numpy(float), points["y"].to_numpy(float)])
    distance, _ = tree.query(origin, k=1)
    out["nearest_lieu_km"] = np.round(distance / 1000.0, 3)
    out[f"lieux_within_{REACH_KM}km"] = tree.query_ball_point(
        origin, r=REACH_KM * 1000.0, return_length=True
    )
    return out


def summarise(distances: pd.DataFrame, key: str) -> pd.DataFrame:
    """Per value of `key` (a column of `distances`): median distance of the inhabitants, share of them
    within each radius, and the mean number of lieux within reach of an inhabitant."""
    out = pd.DataFrame(
        {"distance_mediane_km": weighted_medians(distances, key, "nearest_lieu_km", "population")}
    )
    for radius in RADII_KM:
        out[f"part_population_{radius}km"] = shares_within(
            distances, key, "nearest_lieu_km", "population", radius
        )
    reach = f"lieux_within_{REACH_KM}km"
    out[reach] = weighted_means(distances, key, [reach], "population")[reach]
    return out


def commune_access(
    communes: pd.DataFrame, points: pd.DataFrame, lieux: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per-commune access, per-point distances) for the given lieux.

    `communes` needs code_insee; `points` code_insee, x, y, population; `lieux` code_insee, longitude,
    latitude. A commune without inhabitants keeps its lieux count and has no distance figures.
    """
    distances = point_distances(points, lieux)
    summary = summarise(distances, "code_insee")
    out = pd.DataFrame({"code_insee": communes["code_insee"].to_numpy()})
    counts = lieux.groupby("code_insee").size() if len(lieux) else pd.Series(dtype="int64")
    out["lieux_in_commune"] = out["code_insee"].map(counts).fillna(0).astype("int64")
    out = out.join(summary, on="code_insee")
    return out, distances
