"""Map page figures: serialised deck size per level (regional view) and server rerun time (AppTest).

Targets: commune choropleth deck <= 3 MB; rerun <= 300 ms (warm cache, median of 5).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from rhinocc_dash import warehouse
from rhinocc_dash.analysis import service
from rhinocc_dash.shared.config import resolve_db
from rhinocc_dash.views import deck

ROOT = Path(__file__).resolve().parent.parent


def deck_sizes(db: Path) -> None:
    con = warehouse.connect_read_only(db)
    lieux = service.lieux(con)
    points = deck.point_frame(lieux, "categorie")
    for level in ("departement", "epci", "commune"):
        features, _, _ = deck.choropleth_features(
            service.indicator_values(con, level, lieux),
            service.geometries(con, level),
            "ifn2020_global",
        )
        size = deck.deck_size_bytes(deck.build_deck(points, features, None, False, None))
        print(f"deck size, regional view, {level:<11}: {size / 1e6:.2f} MB")
    con.close()


def rerun_times(db: Path) -> None:
    os.environ["RHINOCC_DB"] = str(db)
    for label, params in (("département", {}), ("commune", {"niv": "commune"})):
        at = AppTest.from_file(str(ROOT / "pages" / "carte.py"), default_timeout=120)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()  # cold: fills the caches
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            at.run()
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"page rerun, {label:<11}: median {statistics.median(timings):.0f} ms over 5 "
            f"(min {min(timings):.0f}, max {max(timings):.0f}); target <= 300 ms"
        )


if __name__ == "__main__":
    database = resolve_db(sys.argv[1] if len(sys.argv) > 1 else None)
    deck_sizes(database)
    rerun_times(database)
