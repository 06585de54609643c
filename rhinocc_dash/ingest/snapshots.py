"""Published warehouses as immutable, versioned snapshots, one of them current (the storage: paths,
lock, pointer, listing, audit, roll-back, pruning; building and publishing are in `publication`).

    data/snapshots/
      CURRENT                      the current version's name, switched atomically (os.replace)
      audit.jsonl                  who published, rolled back or signed in, and when (kept with them)
      2026-12-01T05-40-12Z/        one publication, never modified afterwards
        rhinocc.duckdb             the warehouse
        manifest.json              every source file (SHA-256, rows, vintage, origin), who, why, figures
        sources/                   only the files a maintainer brought in, at their catalogue path
      .staging/<id>/               builds waiting for a decision (validation, comparison); never listed

A publication is built in `.staging/` (a killed or failed build leaves the current snapshot serving and
nothing listed), moved into place with one rename, and made current with one atomic pointer switch.
Builds and switches hold one lock (`.lock`): concurrent publications are serialised.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from ..shared import audit
from ..shared.config import resolve_snapshots
from .files import process_alive

DB_NAME = "rhinocc.duckdb"
MANIFEST = "manifest.json"
CURRENT = "CURRENT"
STAGING = ".staging"
KEEP_DEFAULT = 20  # snapshots kept by `prune` (never the current nor the previous one)
STALE_STAGING_S = 24 * 3600


class SnapshotError(Exception):
    """A snapshot operation that cannot be done; the message is French and says why."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def root(explicit: Path | None = None) -> Path:
    folder = Path(explicit) if explicit else resolve_snapshots()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def lock(folder: Path, wait_s: float = 600.0) -> Iterator[None]:
    """One builder or switcher at a time across processes; waits up to `wait_s`, then refuses."""
    path = Path(folder) / ".lock"
    with open(path, "a+") as handle:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SnapshotError(
                        "Une autre publication est en cours ; réessayez dans quelques minutes."
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def current_version(folder: Path) -> str | None:
    try:
        version = (Path(folder) / CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return version if version and (Path(folder) / version / MANIFEST).is_file() else None


def current_db(folder: Path) -> Path | None:
    version = current_version(folder)
    return Path(folder) / version / DB_NAME if version else None


def manifest(folder: Path, version: str) -> dict:
    return json.loads((Path(folder) / version / MANIFEST).read_text(encoding="utf-8"))


def list_snapshots(folder: Path) -> list[dict]:
    """Every complete snapshot's manifest, oldest first (staging folders are never listed)."""
    found = []
    for path in sorted(Path(folder).iterdir()) if Path(folder).is_dir() else []:
        if path.name.startswith(".") or not (path / MANIFEST).is_file():
            continue
        try:
            found.append(manifest(folder, path.name))
        except (OSError, ValueError):
            continue
    return found


def _switch(folder: Path, version: str) -> None:
    temporary = Path(folder) / f".{CURRENT}.{os.getpid()}.{uuid.uuid4().hex}"
    temporary.write_text(version, encoding="utf-8")
    os.replace(temporary, Path(folder) / CURRENT)


def clean_orphans(folder: Path, older_than_s: float = STALE_STAGING_S) -> list[str]:
    """Remove staging builds left by killed processes (and old undecided ones); called under the lock."""
    removed = []
    staging = Path(folder) / STAGING
    now = time.time()
    for path in staging.iterdir() if staging.is_dir() else []:
        marker = path / ".pid"
        pid = int(marker.read_text()) if marker.is_file() and marker.read_text().isdigit() else 0
        dead = pid and not process_alive(pid)
        if dead or now - path.stat().st_mtime > older_than_s:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    for leftover in Path(folder).glob(".*.tmp*"):
        leftover.unlink(missing_ok=True)
    return removed


def rollback(folder: Path, version: str, who: str) -> None:
    """Make an earlier snapshot current again (logged); nothing is deleted."""
    folder = root(folder)
    if not (folder / version / MANIFEST).is_file():
        raise SnapshotError(f"Version inconnue : {version}.")
    with lock(folder):
        previous = current_version(folder)
        _switch(folder, version)
        audit.record("retour_arriere", who, folder, version=version, previous=previous)


def prune(folder: Path, keep: int = KEEP_DEFAULT) -> list[str]:
    """Delete the oldest snapshots beyond `keep`, never the current one nor its predecessor."""
    folder = root(folder)
    with lock(folder):
        listed = [m["version"] for m in list_snapshots(folder)]
        current = current_version(folder)
        protected = {current}
        if current in listed and listed.index(current) > 0:
            protected.add(listed[listed.index(current) - 1])
        removable = [v for v in listed if v not in protected]
        doomed = removable[: max(0, len(listed) - keep)]
        for version in doomed:
            shutil.rmtree(folder / version)
        if doomed:
            audit.record("purge", "système", folder, versions=doomed)
    return doomed


def describe(record: dict) -> dict:
    """A manifest flattened for tables: version, date, who, why, lieux, size."""
    return {
        k: record.get(k)
        for k in ("version", "published_at", "published_by", "comment", "lieux", "size_bytes")
    } | {"files": len(record.get("replacements", {}))}
