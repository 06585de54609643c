"""Build the DuckDB warehouse from the sources folder: atomic, deterministic, with progress per step."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from . import __version__, tables
from .access import commune_access
from .adapters.venues import read_venue_source
from .catalog import BUILD_FILES, VENUE_FILES, missing_files
from .config import SCHEMA_VERSION
from .dedup import build_lieux
from .geo import build_territory, load_departements, load_qpv
from .texts import missing_sources_message

Progress = Callable[[int, int, str], None]
# The older France Services list is kept for the evolution view; lieux are counted on current
# sources only.
HISTORICAL_SOURCES = ("france_services_2022",)


class SourcesMissing(Exception):
    """The sources folder lacks files the build needs; the message (French) lists them and their origin."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build(sources: Path, db: Path, progress: Progress | None = None) -> dict:
    """Build the warehouse at `db` from `sources`; returns figures (row counts, seconds).

    Writes a temporary file beside `db` and renames it at the end, so a failed build leaves the
    previous warehouse untouched.
    """
    sources, db = Path(sources), Path(db)
    missing = missing_files(sources) if sources.is_dir() else list(BUILD_FILES)
    if missing:
        raise SourcesMissing(missing_sources_message(sources, missing))
    steps = ["Territoires (communes 2026, EPCI, départements)"]
    steps += [f"Lieux : {entry.title} ({entry.vintage})" for entry in VENUE_FILES]
    steps += [
        "Dédoublonnage des lieux",
        "Indicateurs de besoin",
        "Distances aux lieux",
        "Écriture de l'entrepôt",
    ]
    started = time.perf_counter()
    step_no = 0

    def advance(label: str) -> None:
        nonlocal step_no
        step_no += 1
        if progress:
            progress(step_no, len(steps), label)

    advance(steps[0])
    territory = build_territory(sources)
    departements = load_departements(sources)
    venue_results = []
    for entry, label in zip(VENUE_FILES, steps[1:], strict=False):
        advance(label)
        venue_results.append(read_venue_source(entry, entry.locate(sources), territory))
    advance("Dédoublonnage des lieux")
    records = pd.DataFrame([r for res in venue_results for r in res.records])
    current = records[~records["source"].isin(HISTORICAL_SOURCES)]
    lieux, lieu_records, merges = build_lieux(current)
    advance("Indicateurs de besoin")
    frames = tables.territory_tables(sources, territory, departements, load_qpv(sources))
    frames.update(tables.indicator_tables(sources, territory, frames))
    advance("Distances aux lieux")
    frames["commune_access"] = commune_access(frames["communes"], lieux)
    frames.update(tables.venue_tables(records, lieux, lieu_records, merges, venue_results))
    advance("Écriture de l'entrepôt")
    frames["build_info"] = _build_info(sources, venue_results)
    _write_atomic(db, frames)
    figures = {name: len(frame) for name, frame in frames.items()}
    figures["seconds"] = round(time.perf_counter() - started, 2)
    return figures


def _build_info(sources: Path, venue_results) -> pd.DataFrame:
    rows_by_source = {res.source: res.rows_in_file for res in venue_results}
    info = [
        {
            "kind": "build",
            "name": "built_at",
            "value": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
        {"kind": "build", "name": "schema_version", "value": SCHEMA_VERSION},
        {"kind": "build", "name": "rhinocc_dash", "value": __version__},
        {"kind": "build", "name": "sources_folder", "value": str(sources)},
    ]
    for lib in ("duckdb", "pandas", "shapely", "pyproj", "scipy", "rapidfuzz"):
        module = __import__(lib)
        info.append({"kind": "library", "name": lib, "value": getattr(module, "__version__", "?")})
    for entry in BUILD_FILES:
        path = entry.locate(sources)
        info.append(
            {
                "kind": "file",
                "name": entry.key,
                "value": entry.title,
                "path": str(path.relative_to(sources)),
                "sha256": _sha256(path),
                "rows": rows_by_source.get(entry.key),
                "producer": entry.producer,
                "vintage": entry.vintage,
                "licence": entry.licence,
                "origin_url": entry.origin.url() if entry.origin else None,
            }
        )
    frame = pd.DataFrame(info)
    frame["rows"] = frame["rows"].astype("Int64")
    return frame


def _write_atomic(db: Path, frames: dict[str, pd.DataFrame]) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    tmp = db.with_name(f".{db.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            for name in sorted(frames):
                frame = frames[name]
                con.register("frame_view", frame)
                con.execute(
                    f'CREATE TABLE "{name}" AS SELECT * FROM frame_view'
                )  # names: our own constants
                con.unregister("frame_view")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, db)
    finally:
        tmp.unlink(missing_ok=True)


def is_stale(db: Path, sources: Path) -> bool:
    """True when the warehouse is missing, older than a source file, or from another schema version."""
    if not db.is_file():
        return True
    newest = max((p.stat().st_mtime for e in BUILD_FILES if (p := e.locate(sources))), default=0)
    if db.stat().st_mtime < newest:
        return True
    try:
        con = duckdb.connect(str(db), read_only=True)
        try:
            row = con.execute(
                "SELECT value FROM build_info WHERE kind = 'build' AND name = 'schema_version'"
            ).fetchone()
        finally:
            con.close()
    except duckdb.Error:
        return True
    return row is None or row[0] != SCHEMA_VERSION
