"""Streamlit side, which warehouse to read: the current snapshot (published first on a fresh machine),
or the file named by $RHINOCC_DB; one read-only connection per file version; the history of the
published versions.

The warehouse is chosen once per rerun (`pin_warehouse`, called by the router): a snapshot switch takes
effect at the next rerun. Reading a file through a fresh in-memory instance (see
`warehouse.connect_read_only`) means a rebuilt file is seen at once.
"""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from .. import texts, warehouse
from ..analysis import service
from ..ingest import SourcesMissing, build, publication, snapshots
from ..shared.config import current_snapshot_db, pinned_db, resolve_snapshots, resolve_sources

# Warehouse path, modification time and inode: a new build is a new key.
Key = tuple[str, float, int]
_BUILD_LOCK = threading.Lock()  # one in-process build of a pinned warehouse at a time


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(db_path: str, version: float, inode: int) -> duckdb.DuckDBPyConnection:
    """One read-only connection per warehouse file and version (the file as it is now)."""
    return warehouse.connect_read_only(db_path)


def _progress_status(label: str):
    status = st.status(label, expanded=True)
    bar = status.progress(0.0)

    def report(step: int, total: int, text: str) -> None:
        bar.progress(step / total, text=f"{step}/{total} · {text}")

    return status, report


def _missing_sources(status, exc: Exception) -> None:
    status.update(label=texts.common.BUILD_FAILED, state="error")
    st.error(texts.common.NO_SOURCES_TITLE)
    st.code(str(exc), language=None)
    st.stop()


def _build_pinned(db: Path) -> None:
    """Build the warehouse named by $RHINOCC_DB (visitors arriving together: one builds, the
    others wait behind the same lock and then read it)."""
    with _BUILD_LOCK:
        if db.is_file():
            return
        status, report = _progress_status(texts.common.BUILDING)
        with status:
            try:
                build(resolve_sources(), db, progress=report)
            except SourcesMissing as exc:
                _missing_sources(status, exc)
            status.update(label=texts.common.BUILD_DONE, state="complete", expanded=False)


def _publish_first() -> Path:
    """No snapshot yet (a fresh machine): publish the first one from the sources folder."""
    status, report = _progress_status(texts.common.PUBLISHING_FIRST)
    with status:
        try:
            db = publication.ensure_current(resolve_snapshots(), resolve_sources(), report)
        except SourcesMissing as exc:
            _missing_sources(status, exc)
        status.update(label=texts.common.BUILD_DONE, state="complete", expanded=False)
    return db


_CHECKED: dict[Key, str | None] = {}


def _readable(db: Path) -> str | None:
    """Why a warehouse file cannot be read (French), or None (checked once per file version)."""
    try:
        key = _key_of(db)
    except OSError as exc:
        return str(exc)
    if key not in _CHECKED:
        _CHECKED[key] = _open_problem(db)
    return _CHECKED[key]


def _open_problem(db: Path) -> str | None:
    try:
        con = warehouse.connect_read_only(db)
        try:
            con.execute("SELECT count(*) FROM lieux").fetchone()
        finally:
            con.close()
    except (duckdb.Error, OSError) as exc:
        return str(exc).splitlines()[0][:200]
    return None


def _resolve() -> Path:
    """The warehouse to read now: the one pinned by $RHINOCC_DB, else the current snapshot (the first
    one published if there is none; an unreadable one replaced by the newest readable, said so)."""
    pinned = pinned_db()
    if pinned is not None:
        if not pinned.is_file():
            _build_pinned(pinned)
        problem = _readable(pinned)
        if problem:
            st.error(texts.common.WAREHOUSE_UNREADABLE.format(path=pinned, problem=problem))
            st.stop()
        return pinned
    folder = resolve_snapshots()
    db = current_snapshot_db(folder) or _publish_first()
    problem = _readable(db)
    if problem is None:
        return db
    for record in reversed(snapshots.list_snapshots(folder)):
        fallback = folder / record["version"] / snapshots.DB_NAME
        if fallback != db and _readable(fallback) is None:
            st.warning(
                texts.common.SNAPSHOT_FALLBACK.format(
                    current=db.parent.name, used=record["version"], problem=problem
                )
            )
            return fallback
    st.error(texts.common.WAREHOUSE_UNREADABLE.format(path=db, problem=problem))
    st.stop()


def _key_of(db: Path) -> Key:
    stat = db.stat()
    return str(db), stat.st_mtime, stat.st_ino


def pin_warehouse() -> Key:
    """Choose the warehouse for this whole rerun (the router calls it first): a switch to a new
    snapshot takes effect at the next rerun, never in the middle of one. Says so when it happens."""
    key = _key_of(_resolve())
    previous = st.session_state.get("_warehouse")
    st.session_state["_warehouse"] = key
    if previous is not None and previous[0] != key[0]:
        st.toast(
            texts.common.NEW_VERSION.format(version=Path(key[0]).parent.name), icon=":material/update:"
        )
    return key


def _key() -> Key:
    """The warehouse of this rerun (pinned by the router), else resolved now (a page run alone)."""
    pinned = st.session_state.get("_warehouse")
    if pinned is not None and Path(pinned[0]).is_file():
        return pinned
    return _key_of(_resolve())


def _con(key: Key) -> duckdb.DuckDBPyConnection:
    return _connection(*key)


@st.cache_data(show_spinner=False, max_entries=8)
def _history(folder: str, versions: tuple[str, ...], pinned: str | None) -> pd.DataFrame:
    sides = []
    if pinned:  # a warehouse named by $RHINOCC_DB: its own figures, as one version
        sides.append(({"version": Path(pinned).stem, "published_at": ""}, pinned))
    for version in versions:
        sides.append(
            (
                snapshots.manifest(Path(folder), version),
                str(Path(folder) / version / snapshots.DB_NAME),
            )
        )
    connections = [(record, warehouse.connect_read_only(db)) for record, db in sides]
    try:
        return service.history(connections)
    finally:
        for _, con in connections:
            con.close()


def history() -> pd.DataFrame:
    """Lieux per département and main label in every published version (oldest first)."""
    folder = resolve_snapshots()
    pinned = pinned_db()
    versions = () if pinned else tuple(m["version"] for m in snapshots.list_snapshots(folder))
    return _history(str(folder), versions, str(pinned) if pinned else None)
