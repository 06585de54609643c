"""Coverage figures: time to compute all of them, page rerun, nearest-lieu with a k-d tree vs all pairs.

Targets: page rerun <= 300 ms; nearest lieu for all communes <= 100 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from pyproj import Transformer
from streamlit.testing.v1 import AppTest

from rhinocc_dash import warehouse
from rhinocc_dash.analysis import service
from rhinocc_dash.shared.config import resolve_db
from rhinocc_dash.shared.geo import commune_access, point_distances

ROOT = Path(__file__).resolve().parent.parent

EARTH_RADIUS_KM = 6371.0088
TO_WGS84 = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)


def median_ms(function, runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def naive_nearest_km(points, lieux, chunk: int = 4000) -> np.ndarray:
    """All-pairs haversine (by chunks of points), the baseline the k-d tree is compared to."""
    lon, lat = TO_WGS84.transform(points["x"].to_numpy(float), points["y"].to_numpy(float))
    lat2 = np.radians(lieux["latitude"].to_numpy())[None, :]
    lon2 = np.radians(lieux["longitude"].to_numpy())[None, :]
    out = []
    for start in range(0, len(lat), chunk):
        lat1 = np.radians(lat[start : start + chunk])[:, None]
        lon1 = np.radians(lon[start : start + chunk])[:, None]
        a = (
            np.sin((lat2 - lat1) / 2) ** 2
            + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
        )
        out.append((2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))).min(axis=1))
    return np.concatenate(out)


def main(db: Path) -> None:
    con = warehouse.connect_read_only(db)
    communes = warehouse.run(con, "communes_base")
    located = warehouse.run(con, "map_lieux")
    points = warehouse.run(con, "population_points")
    departements = list(warehouse.run(con, "departement_list")["code"])

    def all_figures():
        service.departement_coverage(con)
        for dep in departements:
            service.epci_coverage(con, dep)
            service.farthest_communes(con, dep)
        service.label_composition(con)
        service.family_offer(con)
        service.france_services_evolution(con)

    print(
        f"all coverage figures (13 départements, their EPCI, farthest communes), from the warehouse: "
        f"{median_ms(all_figures):.0f} ms (median of 5)"
    )
    con.close()
    tree_ms = median_ms(lambda: point_distances(points, located))
    access_ms = median_ms(lambda: commune_access(communes, points, located))
    naive_ms = median_ms(lambda: naive_nearest_km(points, located), runs=1)
    gap = np.abs(
        point_distances(points, located)["nearest_lieu_km"].to_numpy()
        - naive_nearest_km(points, located)
    ).max()
    print(
        f"nearest lieu for {len(points)} population points x {len(located)} lieux: k-d tree "
        f"{tree_ms:.1f} ms (target <= 100 ms), all-pairs haversine {naive_ms:.0f} ms, ratio "
        f"{naive_ms / tree_ms:.0f}x; largest difference {gap * 1000:.0f} m (Lambert-93 vs sphere); "
        f"with the per-commune summaries (median, shares): {access_ms:.0f} ms"
    )

    os.environ["RHINOCC_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "pages" / "couverture.py"), default_timeout=120)
    at.run()
    print(f"page rerun: {median_ms(at.run):.0f} ms (median of 5, warm cache; target <= 300 ms)")


if __name__ == "__main__":
    main(resolve_db(sys.argv[1] if len(sys.argv) > 1 else None))
