"""Map page figures: serialised deck size per level (regional view) and server rerun time (AppTest).

Targets: commune choropleth deck <= 3 MB; rerun <= 300 ms (warm cache, median of 5).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rhinocc_dash import mapview, queries  # noqa: E402
from rhinocc_dash.access import commune_access  # noqa: E402
from rhinocc_dash.choropleth import commune_values, level_values  # noqa: E402
from rhinocc_dash.config import resolve_db  # noqa: E402
from rhinocc_dash.lieux_filters import prepare  # noqa: E402

PUBLISHED = {"epci": "epci_published", "departement": "departement_published", "commune": None}


def deck_sizes(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    communes = queries.run(con, "communes_base")
    lieux = prepare(queries.run(con, "map_lieux"))
    values = commune_values(
        communes, queries.run(con, "commune_indicators"), commune_access(communes, lieux)
    )
    points = mapview.point_frame(lieux, "categorie")
    for level in ("departement", "epci", "commune"):
        published = queries.run(con, PUBLISHED[level]) if PUBLISHED[level] else None
        features, _, _ = mapview.choropleth_features(
            level_values(level, values, published),
            queries.run(con, f"geo_{level}"),
            "ifn2020_global",
        )
        deck = mapview.build_deck(points, features, None, False, None)
        print(
            f"deck size, regional view, {level:<11}: {mapview.deck_size_bytes(deck) / 1e6:.2f} MB"
        )
    con.close()


def rerun_times(db: Path) -> None:
    from streamlit.testing.v1 import AppTest

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
