"""Time full warehouse builds (median of 3) and print the row count of every table. Target: <= 20 s."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from rhinocc_dash.ingest import build
from rhinocc_dash.shared.config import resolve_sources

RUNS = 3
TARGET_S = 20.0


def main() -> None:
    sources = resolve_sources(sys.argv[1] if len(sys.argv) > 1 else None)
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        for run in range(1, RUNS + 1):
            started = time.perf_counter()
            build(sources, db)
            timings.append(time.perf_counter() - started)
            print(f"build {run}/{RUNS}: {timings[-1]:.2f} s", flush=True)
        con = duckdb.connect(str(db), read_only=True)
        rows = con.execute(
            "SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY table_name"
        ).fetchall()
        print("rows per table:")
        for table, count in rows:
            print(f"  {table:<24} {count:>7}")
        con.close()
        size_mb = db.stat().st_size / 1e6
    median = statistics.median(timings)
    verdict = "OK" if median <= TARGET_S else "AU-DESSUS DE LA CIBLE"
    print(
        f"median build time: {median:.2f} s (target <= {TARGET_S:.0f} s: {verdict}); warehouse {size_mb:.1f} MB"
    )


if __name__ == "__main__":
    main()
