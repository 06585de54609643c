"""Build the DuckDB warehouse from the sources folder: atomic, deterministic, with progress per step."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
import uuid
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

import duckdb
import pandas as pd

from .. import __version__
from ..shared.config import SCHEMA_VERSION, resolve_overrides
from ..shared.geo import commune_access
from ..shared.measures import is_current
from ..texts.common import missing_sources_message
from . import assemble, dedup_eval, hub_corrections, overrides, programmes, status
from .catalog import BUILD_FILES, GEO_FILES, INDICATOR_FILES, VENUE_FILES, missing_files
from .checked import start_counting
from .errors import (
    SourcesIncomplete,
    SourcesMissing,
    WarehouseUnwritable,
    check_not_special,
    check_writable,
)
from .files import process_alive, sha256
from .lieux import build_lieux
from .overlay import declared_vintages, with_vintages
from .overlay import venue_files as declared_venue_files
from .population import population_points
from .territory import build_territory, load_departements, load_qpv
from .venues import read_venue_source

Progress = Callable[[int, int, str], None]


def build(
    sources: Path,
    db: Path,
    progress: Progress | None = None,
    overrides_path: Path | None = None,
    allow_partial: bool = False,
    previous_db: Path | None = None,
    corrections: list[dict] | None = None,
) -> dict:
    """Build the warehouse at `db` from `sources`; returns figures (row counts, seconds).

    Bad input stops the build with a `BuildError` (one French line per problem). A source that yields
    no row, or loses most of the rows it gave the warehouse at `db`, stops it too, unless
    `allow_partial`: the warehouse then records the source as absent or partial (`source_status`).
    `previous_db`: the warehouse to compare with when it is not `db` (a candidate snapshot is compared
    with the published one).

    `overrides_path`: the coordinators' decisions on record pairs (default: `resolve_overrides()`), applied
    by the matcher. `corrections`: the hub's accepted corrections (default: the store's). Writes a
    temporary file beside `db` and renames it at the end, so a failed build
    leaves the previous warehouse untouched.
    """
    sources, db = Path(sources), Path(db)
    decisions = overrides.load(overrides_path or resolve_overrides())
    missing = missing_files(sources) if sources.is_dir() else list(BUILD_FILES)
    check_not_special(sources, missing)
    if missing:
        raise SourcesMissing(missing_sources_message(sources, missing))
    check_writable(db)
    previous = status.previous_counts(previous_db or db)
    rows_read = start_counting()
    vintages = declared_vintages(sources)  # replaced files dated by their own edition
    venue_files = with_vintages(declared_venue_files(sources), vintages)
    # Indicators before venues: a damaged indicator file stops the build within seconds.
    steps = ["Territoires (communes 2026, EPCI, départements)", "Indicateurs de besoin"]
    steps += [f"Lieux : {entry.title} ({entry.vintage})" for entry in venue_files]
    steps += [
        "Dédoublonnage des lieux",
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
    advance("Indicateurs de besoin")
    frames = assemble.territory_tables(sources, territory, departements, load_qpv(sources))
    frames.update(assemble.indicator_tables(sources, territory, frames))
    frames.update(programmes.programme_tables(sources, territory))
    venue_results = []
    for entry, label in zip(venue_files, steps[2:], strict=False):
        advance(label)
        venue_results.append(read_venue_source(entry, entry.locate(sources), territory))
    _check_sources(status.source_status(sources, venue_results, {}, previous), allow_partial, True)
    advance("Dédoublonnage des lieux")
    records = pd.DataFrame([r for res in venue_results for r in res.records])
    for res in venue_results:
        res.release()
    current = records[records["source"].map(is_current)]
    lieux, lieu_records, merges = build_lieux(current, overrides.to_matcher(decisions))
    accepted = hub_corrections.load() if corrections is None else corrections
    lieux, corrected = hub_corrections.apply(lieux, accepted)
    frames.update(corrected)
    lieu_records = lieu_records[lieu_records["lieu_id"].isin(lieux["lieu_id"])]
    frames["source_status"] = status.source_status(sources, venue_results, rows_read, previous)
    _check_sources(frames["source_status"], allow_partial)
    advance("Distances aux lieux")
    points = population_points(
        territory.shapes, frames["communes"].set_index("code_insee")["population"]
    )
    frames["commune_access"], distances = commune_access(frames["communes"], points, lieux)
    frames["population_points"] = points.assign(
        nearest_lieu_km=distances["nearest_lieu_km"].to_numpy(),
        lieux_within_10km=distances["lieux_within_10km"].to_numpy(),
    )
    frames["dedup_overrides"] = overrides.applied(decisions, current)
    frames.update(_dedup_quality(current, lieu_records))
    frames.update(assemble.venue_tables(records, lieux, lieu_records, merges, venue_results))
    advance("Écriture de l'entrepôt")
    frames["build_info"] = _build_info(sources)
    frames["sources"] = _sources(sources, venue_results, vintages, venue_files)
    try:
        _write_atomic(db, frames)
    except (OSError, duckdb.Error) as exc:
        raise WarehouseUnwritable.at(db, exc) from exc
    figures = {name: len(frame) for name, frame in frames.items()}
    figures["seconds"] = round(time.perf_counter() - started, 2)
    return figures


def _check_sources(source_status: pd.DataFrame, allow_partial: bool, venues: bool = False) -> None:
    """Stop on incomplete sources unless they are accepted; never build without any venue."""
    incomplete = status.incomplete(source_status, venue_only=venues)
    if len(incomplete) and not allow_partial:
        raise SourcesIncomplete(status.refusal(incomplete))
    venue_rows = source_status[~source_status["key"].isin(status.OTHER_KEYS)]
    if venues and (venue_rows["rows_accepted"] == 0).all():
        raise SourcesIncomplete("Construction refusée : aucune source de lieux n'a donné de ligne.")


def _dedup_quality(records: pd.DataFrame, lieu_records: pd.DataFrame) -> dict:
    """Precision and recall of this build's matching on the hand-labelled pairs, and the pairs where
    the matcher and the labels disagree (for the quality page)."""
    judged = dedup_eval.judged(
        dedup_eval.load_labels(), dedup_eval.lieu_by_key(records, lieu_records)
    )
    disagree = judged[judged["predicted"].notna()]
    disagree = disagree[disagree["same"] != disagree["predicted"].astype(bool)]
    return {
        "dedup_quality": pd.DataFrame([dedup_eval.score(judged).as_row()]),
        "dedup_disagreements": disagree[["key_a", "key_b", "same", "category", "note"]].reset_index(
            drop=True
        ),
    }


def _build_info(sources: Path) -> pd.DataFrame:
    info = [
        ("build", "built_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
        ("build", "schema_version", SCHEMA_VERSION),
        ("build", "rhinocc_dash", __version__),
        ("build", "sources_folder", str(sources)),
    ]
    for lib in ("duckdb", "pandas", "shapely", "pyproj", "scipy", "rapidfuzz"):
        info.append(("library", lib, getattr(import_module(lib), "__version__", "?")))
    return pd.DataFrame(info, columns=["kind", "name", "value"])


def _kind(key: str) -> str:
    if key not in {e.key for e in INDICATOR_FILES + GEO_FILES}:
        return "lieux"
    return "indicateurs" if key in {e.key for e in INDICATOR_FILES} else "territoires"


def _sources(
    sources: Path, venue_results, vintages: dict[str, str] | None = None, venue_files=VENUE_FILES
) -> pd.DataFrame:
    """The metadata of every source file read: names, producer, vintage, licence, checksum, rows.

    Captions, legends and filters read it from the warehouse, so a new vintage shows everywhere by itself.
    """
    rows_by_source = {res.source: res.rows_in_file for res in venue_results}
    rows = []
    read = [*venue_files, *INDICATOR_FILES, *GEO_FILES]
    for position, entry in enumerate(with_vintages(read, vintages or {}), start=1):
        path = entry.locate(sources)
        kind = _kind(entry.key)
        rows.append(
            {
                "position": position,
                "key": entry.key,
                "kind": kind,
                "current": is_current(entry.key),
                "name": entry.short_name,
                "title": entry.title,
                "producer": entry.producer,
                "vintage": entry.vintage,
                "licence": entry.licence,
                "path": str(path.relative_to(sources)),
                "sha256": sha256(path),
                "rows": rows_by_source.get(entry.key),
                "origin_url": entry.url(),
            }
        )
    frame = pd.DataFrame(rows)
    frame["rows"] = frame["rows"].astype("Int64")
    return frame


def _write_atomic(db: Path, frames: dict[str, pd.DataFrame]) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    remove_orphans(db)
    # One name per build (process, thread, random): builds of the same file never share a temp file.
    tmp = db.with_name(
        f".{db.name}.{os.getpid()}-{threading.get_ident()}-{uuid.uuid4().hex[:8]}.tmp"
    )
    try:
        con = duckdb.connect(str(tmp))
        try:
            for name in sorted(frames):
                con.from_df(frames[name]).create(name)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, db)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)


def remove_orphans(db: Path) -> list[Path]:
    """Delete temporary files left beside `db` by builds whose process is gone (killed mid-write)."""
    removed = []
    for leftover in db.parent.glob(f".{db.name}.*.tmp*"):
        pid = leftover.name[len(db.name) + 2 :].split("-")[0].split(".")[0]
        if pid.isdigit() and process_alive(int(pid)):
            continue
        leftover.unlink(missing_ok=True)
        removed.append(leftover)
    return removed


def is_stale(db: Path, sources: Path) -> bool:
    """True when the warehouse is missing, older than a source file or than the coordinators' decisions,
    or from another schema version."""
    if not db.is_file():
        return True
    entries = [*BUILD_FILES, *programmes.PROGRAMME_FILES]
    inputs = [p for e in entries if (p := e.locate(sources))] + [resolve_overrides()]
    newest = max((p.stat().st_mtime for p in inputs if p.is_file()), default=0)
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
