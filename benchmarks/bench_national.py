"""National scale: build time, warehouse size, each page's rerun time and the map's payload per level, on a
synthetic France (`make_national.py`: the Occitanie files replicated 7 times, ≈ 31,000 communes,
≈ 20,000 venue records), built with the France settings (RHINOCC_REGION=france).

    .venv/bin/python benchmarks/bench_national.py [--copies 7] [--work /tmp/rhinocc-national] [--reuse]

Targets (issue 13): build ≤ 5 min, page rerun ≤ 1 s, map payload ≤ 5 MB at every level. The payload is
what the browser receives for the map page: the deck (points, layers) plus every static file it names
(choropleth, outlines), uncompressed; the gzip size is shown beside it.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import make_national
from streamlit.testing.v1 import AppTest

from rhinocc_dash.shared.config import resolve_sources
from rhinocc_dash.ui.static_files import local_path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path("/tmp/rhinocc-national")
# Bare-mode warnings (« missing ScriptRunContext », « No runtime found »): not about the app.
for noisy in ("scriptrunner_utils.script_run_context", "caching.cache_data_api"):
    logging.getLogger(f"streamlit.runtime.{noisy}").disabled = True

BUILD_TARGET_S, RERUN_TARGET_S, PAYLOAD_TARGET_MB = 300.0, 1.0, 5.0
PAGES = (
    "accueil",
    "carte",
    "couverture",
    "ecarts",
    "orienter",
    "dispositifs",
    "annuaire",
    "qualite",
    "rapport",
    "signalements",
    "atelier",
    "accessibilite",
)
LEVELS = ("departement", "epci", "commune")
WARM_RUNS = 3
COUNTS = {
    "communes": "SELECT count(*) FROM communes",
    "EPCI": "SELECT count(*) FROM epci",
    "départements": "SELECT count(*) FROM departements",
    "fiches": "SELECT count(*) FROM venue_records",
    "lieux": "SELECT count(*) FROM lieux",
    "quarantaine": "SELECT count(*) FROM quarantine",
}
# The map at each level, then a département's communes (drawn one by one), then the lieux alone (the
# base map then shows commune outlines when they fit).
MAP_VARIANTS = [(f"niv={level}", {"niv": level}) for level in LEVELS] + [
    ("niv=commune&dep=31", {"niv": "commune", "dep": "31"}),
    ("couches=points", {"couches": "points"}),
]
STATIC_URL = re.compile(r"component/rhinocc_dash\.ui\.static_files\.cartes/[A-Za-z0-9_./-]+\.(?:json|png)")


def sources_folder(work: Path, copies: int, reuse: bool) -> Path:
    folder = work / f"sources-x{copies}"
    if reuse and (folder / "SYNTHETIC.md").is_file():
        print(f"dossier synthétique réutilisé : {folder}")
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    make_national.generate(resolve_sources(), folder, copies)
    print(f"dossier synthétique écrit en {time.perf_counter() - started:.1f} s : {folder}")
    return folder


def build(sources: Path, db: Path) -> float:
    """Build with the command line, in its own process (as in production); returns seconds."""
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rhinocc_dash.cli",
            "build",
            "--sources",
            str(sources),
            "--db",
            str(db),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"construction : {seconds:.1f} s (cible ≤ {BUILD_TARGET_S:.0f} s), pic mémoire {peak:.0f} Mo"
    )
    return seconds


def counts(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    figures = {name: con.execute(sql).fetchone()[0] for name, sql in COUNTS.items()}
    con.close()
    print(
        f"entrepôt : {db.stat().st_size / 1e6:.1f} Mo ; "
        + ", ".join(f"{t} {n}" for t, n in figures.items())
    )


def rerun_times(page: str, params: dict | None = None) -> tuple[float, float, AppTest]:
    """(first run, median of the warm reruns) in seconds, and the AppTest after its last run."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=600)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    started = time.perf_counter()
    at.run()
    cold = time.perf_counter() - started
    if at.exception:
        raise SystemExit(f"{page} : {at.exception[0].message}")
    warm = []
    for _ in range(WARM_RUNS):
        started = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - started)
    return cold, statistics.median(warm), at


def map_payload(at: AppTest) -> tuple[int, int]:
    """Bytes the browser receives for the map: the deck and every static file it names (raw, gzip)."""
    deck = at.get("deck_gl_json_chart")[0].proto.json.encode("utf-8")
    files = [local_path(url).read_bytes() for url in sorted(set(STATIC_URL.findall(deck.decode())))]
    parts = [deck, *files]
    return sum(map(len, parts)), sum(len(gzip.compress(p, 6)) for p in parts)


def most_populated(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT code_insee FROM communes ORDER BY population DESC NULLS LAST LIMIT 1").fetchone()[0]


def pages(db: Path) -> None:
    os.environ["RHINOCC_DB"] = str(db)
    for page in PAGES:
        variants = MAP_VARIANTS if page == "carte" else [("", {})]
        if page == "orienter":  # a search from the most populated commune: the answer, its map and fiche
            variants = [("commune=" + (code := most_populated(db)), {"commune": code})]
        for label, params in variants:
            cold, warm, at = rerun_times(page, params)
            line = f"page {page:<13} {label:<20} 1er affichage {cold:6.2f} s, relance {warm:5.2f} s"
            if page == "carte":
                raw, zipped = map_payload(at)
                line += f" ; carte {raw / 1e6:5.2f} Mo ({zipped / 1e6:.2f} Mo gzip)"
            print(line, flush=True)
    print(
        f"cibles : relance ≤ {RERUN_TARGET_S:.0f} s, carte ≤ {PAYLOAD_TARGET_MB:.0f} Mo à chaque échelle"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=7)
    parser.add_argument(
        "--work", type=Path, default=WORK, help="dossier de travail (hors du dépôt)"
    )
    parser.add_argument("--reuse", action="store_true", help="réutiliser le dossier et l'entrepôt")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    sources = sources_folder(args.work, args.copies, args.reuse)
    db = args.work / f"national-x{args.copies}.duckdb"
    if not (args.reuse and db.is_file()):
        build(sources, db)
    counts(db)
    pages(db)


if __name__ == "__main__":
    if os.environ.get("RHINOCC_REGION") != "france":
        # The region is read when rhinocc_dash is imported: start again with it (and the data directory) set.
        os.environ["RHINOCC_REGION"] = "france"
        os.environ.setdefault("RHINOCC_HOME", str(WORK / "home"))
        os.execv(sys.executable, [sys.executable, *sys.argv])
    main()
