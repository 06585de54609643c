"""Build time at ×1, ×10 and ×100 distinct RhinOcc rows: seconds, ratio per tenfold, peak memory.

The ×k sources folder is the real one (linked, never copied into the repository) with the RhinOcc file
replaced by k copies of every row: copy 0 is the real row, unchanged (so ×1 is the real build); copy
j ≥ 1 is visibly synthetic — id « Ref_0001-SYNTH007 », name « … (fictif 007) », its own street number
(« 7 Parc municipal »), and its point moved by up to 2 km in a direction drawn from a fixed seed. The
copies are distinct rows and distinct places, so the build has to locate and deduplicate k times more
records, with the real spatial distribution of the venues. Files are written to a temporary folder.

Each build runs in its own process, which reports its time and its peak resident memory (ru_maxrss).
Goal: ×100 in ≤ 60 s, cost near-linear (a ratio close to 10 per tenfold).

    .venv/bin/python benchmarks/bench_build_scale.py [--sources DIR] [--factors 1 10 100]
    .venv/bin/python benchmarks/bench_build_scale.py --profile 10     # cProfile of one ×10 build
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rhinocc_dash.ingest.catalog import BY_KEY
from rhinocc_dash.shared.config import resolve_sources

ROOT = Path(__file__).resolve().parent.parent

TARGET_S = 60.0
MAX_SHIFT_M = 2000.0
SEED = 15
LEADING_NUMBER = re.compile(r"^\s*\d{1,4}\s*(bis|ter)?\b\s*,?\s*", re.IGNORECASE)

CHILD = """
import json, resource, sys, time
from pathlib import Path
import duckdb
from rhinocc_dash.ingest import build
started = time.perf_counter()
build(Path(sys.argv[1]), Path(sys.argv[2]))
seconds = time.perf_counter() - started
con = duckdb.connect(sys.argv[2], read_only=True)
counts = {
    "venue_records": con.execute("SELECT count(*) FROM venue_records").fetchone()[0],
    "lieux": con.execute("SELECT count(*) FROM lieux").fetchone()[0],
    "quarantine": con.execute("SELECT count(*) FROM quarantine").fetchone()[0],
    "dedup_pairs": con.execute("SELECT count(*) FROM dedup_pairs").fetchone()[0],
}
print(json.dumps({"seconds": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  **counts}))
"""


def _shift(lat: str, lon: str, dx: float, dy: float) -> tuple[str, str]:
    try:
        lat_f, lon_f = float(lat), float(lon)
    except ValueError:
        return lat, lon
    lat_f += dy / 111_320.0
    lon_f += dx / (111_320.0 * math.cos(math.radians(lat_f)))
    return f"{lat_f:.6f}", f"{lon_f:.6f}"


def synthetic_copy(row: dict, copy: int, rng: random.Random) -> dict:
    """Copy `copy` (≥ 1) of a RhinOcc row: another id, name, street number and point."""
    out = dict(row)
    out["n_ref"] = f"{row['n_ref']}-SYNTH{copy:03d}"
    out["nom"] = f"{row['nom']} (fictif {copy:03d})"
    street = LEADING_NUMBER.sub("", row["adresse"])
    out["adresse"] = f"{copy} {street}".strip()
    angle, radius = rng.uniform(0, 2 * math.pi), MAX_SHIFT_M * math.sqrt(rng.random())
    dx, dy = radius * math.cos(angle), radius * math.sin(angle)
    out["lat"], out["lon"] = _shift(row["lat"], row["lon"], dx, dy)
    out["BAN_latitude"], out["BAN_longitude"] = _shift(
        row["BAN_latitude"], row["BAN_longitude"], dx, dy
    )
    return out


def scaled_sources(real: Path, factor: int, folder: Path) -> Path:
    """A sources folder in `folder`: links to the real files, RhinOcc written ×`factor`."""
    rhinocc = BY_KEY["rhinocc"].path
    for path in real.rglob("*"):
        rel = path.relative_to(real)
        if path.is_dir() or rel.as_posix() == rhinocc:
            continue
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).symlink_to(path)
    with open(real / rhinocc, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    rng = random.Random(SEED)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for copy in range(factor):
        for row in rows:
            writer.writerow(row if copy == 0 else synthetic_copy(row, copy, rng))
    (folder / rhinocc).parent.mkdir(parents=True, exist_ok=True)
    (folder / rhinocc).write_text(buffer.getvalue(), encoding="utf-8")
    return folder


def run_build(sources: Path, db: Path) -> dict:
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(sources), str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(completed.stderr)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def profile(real: Path, factor: int) -> None:
    import cProfile
    import pstats

    from rhinocc_dash.ingest import build

    with tempfile.TemporaryDirectory() as tmp:
        sources = scaled_sources(real, factor, Path(tmp) / "sources")
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.runcall(build, sources, Path(tmp) / "scale.duckdb")
        print(f"×{factor}: {time.perf_counter() - started:.1f} s (under cProfile)")
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", help="real sources folder (default: the project's)")
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--profile", type=int, metavar="FACTOR", help="profile one build instead")
    args = parser.parse_args()
    real = resolve_sources(args.sources)
    if args.profile:
        profile(real, args.profile)
        return
    results = {}
    for factor in args.factors:
        with tempfile.TemporaryDirectory() as tmp:
            sources = scaled_sources(real, factor, Path(tmp) / "sources")
            results[factor] = figures = run_build(sources, Path(tmp) / "scale.duckdb")
        print(
            f"×{factor:<4} {figures['venue_records']:>7} records {figures['lieux']:>7} lieux "
            f"{figures['dedup_pairs']:>8} pairs  {figures['seconds']:7.1f} s  "
            f"peak RSS {figures['peak_rss_mb']:6.0f} MB",
            flush=True,
        )
    factors = sorted(results)
    for low, high in zip(factors, factors[1:], strict=False):
        ratio = results[high]["seconds"] / results[low]["seconds"]
        per_tenfold = ratio ** (1 / math.log10(high / low)) if high > low else float("nan")
        print(f"×{low} → ×{high}: time ×{ratio:.1f} (×{per_tenfold:.1f} per tenfold)")
    if 100 in results:
        verdict = "OK" if results[100]["seconds"] <= TARGET_S else "AU-DESSUS DE LA CIBLE"
        print(f"×100: {results[100]['seconds']:.1f} s (cible ≤ {TARGET_S:.0f} s : {verdict})")


if __name__ == "__main__":
    main()
