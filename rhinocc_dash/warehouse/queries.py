"""Named SQL queries (one .sql file each in `sql/`), always run with bound parameters on a cursor."""

from __future__ import annotations

import os
import uuid
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

SQL_DIR = Path(__file__).parent / "sql"


@cache
def sql(name: str) -> str:
    """The text of the named query; unknown names raise (names are our constants, never user input)."""
    path = SQL_DIR / f"{name}.sql"
    if path.parent != SQL_DIR or not path.is_file():
        raise KeyError(f"unknown query: {name}")
    return path.read_text(encoding="utf-8")


def connect_read_only(db: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a warehouse file, that sees the file as it is now.

    `duckdb.connect(path)` hands back the database instance already open in this process for the same
    path, even after a new build replaced the file (the process still holds the old one). Opening the
    file through a fresh hard link (a new path to the current file, removed at once) always gives a
    new instance; where a link cannot be made (read-only folder), the path itself is opened."""
    db = Path(db)
    link = db.with_name(f".{db.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}-lecture.tmp")
    try:
        os.link(db, link)
    except OSError:
        return duckdb.connect(str(db), read_only=True)
    try:
        return duckdb.connect(str(link), read_only=True)
    finally:
        link.unlink(missing_ok=True)


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor of `con` (DuckDB's rule for use from several threads)."""
    return con.cursor()


def run(
    con: duckdb.DuckDBPyConnection, name: str, params: dict | tuple | None = None
) -> pd.DataFrame:
    """Run a named query on its own cursor (DuckDB's rule for use from several threads)."""
    cur = cursor(con)
    try:
        if isinstance(params, dict):
            return cur.execute(sql(name), params).df()
        return cur.execute(sql(name), list(params or ())).df()
    finally:
        cur.close()
