"""The running app and its warehouse: a rebuild onto the same file is seen by new sessions, visitors
arriving together on a missing warehouse share one build, an unreadable warehouse is explained, and
files left by a killed build are cleaned up."""

from __future__ import annotations

import os
import shutil
import threading

import duckdb
from streamlit.testing.v1 import AppTest
from support.update_flow import RHINOCC, old_layout_rhinocc

from rhinocc_dash import texts
from rhinocc_dash import warehouse as queries
from rhinocc_dash.ingest import build
from rhinocc_dash.ingest.overlay import merge
from rhinocc_dash.ingest.pipeline import remove_orphans
from rhinocc_dash.shared.formatting import fmt_int


def lieux_shown(at) -> str:
    return next(m.value for m in at.metric if m.label == texts.accueil.METRIC_LIEUX)


def count(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM lieux").fetchone()[0]
    finally:
        con.close()


def test_rebuild_onto_the_same_file_is_seen_by_new_sessions(
    warehouse, sources, tmp_path, monkeypatch
):
    db = tmp_path / "rhinocc.duckdb"
    shutil.copyfile(warehouse, db)
    monkeypatch.setenv("RHINOCC_DB", str(db))
    before = AppTest.from_file("../pages/accueil.py", default_timeout=120).run()
    assert lieux_shown(before) == fmt_int(count(db))
    # the same path rebuilt from other sources (RhinOcc with ten rows fewer), as `rhinocc-dash build`
    replacements = tmp_path / "remplacements"
    (replacements / RHINOCC).parent.mkdir(parents=True)
    old_layout_rhinocc(sources, tmp_path / "ancien.csv")
    text = (tmp_path / "ancien.csv").read_text(encoding="utf-8")
    header, *rows = text.splitlines()
    header = header.replace("rh_id", "n_ref").replace("geo_lat", "lat").replace("geo_lon", "lon")
    (replacements / RHINOCC).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    build(merge(sources, replacements, tmp_path / "merged", {}), db)
    after = AppTest.from_file("../pages/accueil.py", default_timeout=120).run()
    assert not after.exception
    assert lieux_shown(after) == fmt_int(count(db)) != lieux_shown(before)


def test_visitors_arriving_together_share_one_build(tmp_path, monkeypatch, sources):
    db = tmp_path / "absent" / "rhinocc.duckdb"
    monkeypatch.setenv("RHINOCC_DB", str(db))
    results = []

    def visit():
        at = AppTest.from_file("../pages/accueil.py", default_timeout=180).run()
        results.append(at)

    visitors = [threading.Thread(target=visit) for _ in range(3)]
    for visitor in visitors:
        visitor.start()
    for visitor in visitors:
        visitor.join()
    assert [bool(at.exception) for at in results] == [False, False, False]
    assert {lieux_shown(at) for at in results} == {fmt_int(count(db))}
    assert not list(db.parent.glob("*.tmp*"))


def test_unreadable_warehouse_is_explained(tmp_path, monkeypatch):
    db = tmp_path / "rhinocc.duckdb"
    db.write_bytes(b"")  # a 0-byte file where the warehouse should be
    monkeypatch.setenv("RHINOCC_DB", str(db))
    at = AppTest.from_file("../pages/accueil.py", default_timeout=60).run()
    assert not at.exception
    assert any(str(db) in e.value and "make warehouse" in e.value for e in at.error)
    db.write_bytes(b"ceci n'est pas un entrepot DuckDB" * 100)
    at = AppTest.from_file("../pages/accueil.py", default_timeout=60).run()
    assert not at.exception and at.error


def test_files_of_a_killed_build_are_removed(warehouse, tmp_path):
    db = tmp_path / "rhinocc.duckdb"
    shutil.copyfile(warehouse, db)
    dead = 2**22 + 12345  # no such process
    leftovers = [
        tmp_path / f".rhinocc.duckdb.{dead}-1-abcdef01.tmp",
        tmp_path / f".rhinocc.duckdb.{dead}-1-abcdef01.tmp.wal",
    ]
    for path in leftovers:
        path.write_bytes(b"x")
    alive = tmp_path / f".rhinocc.duckdb.{os.getpid()}-1-abcdef02.tmp"
    alive.write_bytes(b"x")
    removed = remove_orphans(db)
    assert set(removed) == set(leftovers) and alive.exists()


def test_connection_sees_the_file_as_it_is_now(tmp_path):
    """The file replaced while a connection to it is open: a new connection reads the new file,
    where plain duckdb.connect hands back the instance already open (the old file)."""
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).execute("CREATE TABLE t AS SELECT 1 AS x").close()
    held = duckdb.connect(str(db), read_only=True)  # what a long-running app process holds
    first = queries.connect_read_only(db)
    new = tmp_path / "n.duckdb"
    duckdb.connect(str(new)).execute("CREATE TABLE t AS SELECT 2 AS x").close()
    new.replace(db)
    second = queries.connect_read_only(db)
    assert first.execute("SELECT x FROM t").fetchone() == (1,)
    assert second.cursor().execute("SELECT x FROM t").fetchone() == (2,)
    stale = duckdb.connect(str(db), read_only=True)
    assert stale.execute("SELECT x FROM t").fetchone() == (1,)
    held.close()
