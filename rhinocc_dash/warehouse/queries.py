"""Named SQL queries (one .sql file each in `sql/`), always run with bound parameters on a cursor."""

from __future__ import annotations

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
    """A read-only connection to a published warehouse file."""
    return duckdb.connect(str(db), read_only=True)


def run(
    con: duckdb.DuckDBPyConnection, name: str, params: dict | tuple | None = None
) -> pd.DataFrame:
    """Run a named query on its own cursor (DuckDB's rule for use from several threads)."""
    cursor = con.cursor()
    try:
        if isinstance(params, dict):
            return cursor.execute(sql(name), params).df()
        return cursor.execute(sql(name), list(params or ())).df()
    finally:
        cursor.close()
