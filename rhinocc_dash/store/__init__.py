"""The run-time store: correction requests, their decisions and the update campaigns.

SQLite by default (one file in `config.home()`, WAL mode, safe for the workers of `rhinocc-dash serve`),
PostgreSQL when `RHINOCC_DATABASE_URL` is set. Plain DB-API with a small dialect layer: the SQL is
written once with `?` placeholders (bound values only), turned into `%s` for PostgreSQL. The schema is
created and migrated by `migrations` (a `schema_version` table and ordered, numbered steps).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..shared.config import home

DATABASE_ENV = "RHINOCC_DATABASE_URL"
SQLITE_NAME = "rhinocc_store.sqlite"
BUSY_TIMEOUT_S = 10.0
CONNECT_TIMEOUT_S = 5

_MIGRATED: set[str] = set()
_MIGRATE_LOCK = threading.Lock()


class StoreUnavailable(RuntimeError):
    """The store cannot be read or written (unreachable server, read-only file, damaged schema)."""


@dataclass(frozen=True)
class Store:
    """Where the store lives: a SQLite file or a PostgreSQL URL."""

    url: str

    @property
    def dialect(self) -> str:
        return "postgresql" if self.url.startswith(("postgresql:", "postgres:")) else "sqlite"

    @property
    def sqlite_path(self) -> Path:
        return Path(self.url.removeprefix("sqlite:///"))

    def describe(self) -> str:
        """The store named for a message, without any password."""
        if self.dialect == "sqlite":
            return str(self.sqlite_path)
        head, _, tail = self.url.rpartition("@")
        return f"postgresql://…@{tail}" if head else self.url

    def exists(self) -> bool:
        """False for a SQLite file never created (nothing stored yet); PostgreSQL: always True."""
        return self.dialect == "postgresql" or self.sqlite_path.is_file()

    @contextmanager
    def transaction(self, serialise: bool = False) -> Iterator[Cursor]:
        """One transaction (committed on success, rolled back on error). `serialise`: writers queue
        behind each other for the whole transaction (SQLite `BEGIN IMMEDIATE`, a PostgreSQL advisory
        lock), for read-then-write steps such as the rate limit."""
        migrate(self)
        with self._raw(serialise) as cursor:
            yield cursor

    @contextmanager
    def _raw(self, serialise: bool = False) -> Iterator[Cursor]:
        try:
            connection = self._connect()
        except Exception as exc:  # driver errors differ per dialect: all mean « unavailable »
            raise StoreUnavailable(f"Base {self.describe()} injoignable : {exc}") from exc
        try:
            cursor = Cursor(connection.cursor(), self.dialect)
            if self.dialect == "sqlite":
                connection.execute("BEGIN IMMEDIATE" if serialise else "BEGIN")
            elif serialise:
                cursor.execute("SELECT pg_advisory_xact_lock(25025)")
            yield cursor
            connection.commit()
        except StoreUnavailable:
            connection.rollback()
            raise
        except (sqlite3.Error, *_pg_errors()) as exc:
            connection.rollback()
            raise StoreUnavailable(f"Base {self.describe()} : {exc}") from exc
        except BaseException:
            connection.rollback()
            raise
        finally:
            connection.close()

    def _connect(self):
        if self.dialect == "postgresql":
            import psycopg

            return psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT_S)
        path = self.sqlite_path
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        return _SqliteConnection(connection)


class _SqliteConnection:
    """sqlite3 in autocommit mode with explicit BEGIN (so that BEGIN IMMEDIATE is possible)."""

    def __init__(self, connection: sqlite3.Connection):
        self._connection = connection

    def cursor(self):
        return self._connection.cursor()

    def execute(self, sql: str):
        return self._connection.execute(sql)

    def commit(self) -> None:
        if self._connection.in_transaction:
            self._connection.execute("COMMIT")

    def rollback(self) -> None:
        if self._connection.in_transaction:
            self._connection.execute("ROLLBACK")

    def close(self) -> None:
        self._connection.close()


def _pg_errors() -> tuple[type[BaseException], ...]:
    try:
        import psycopg
    except ImportError:
        return ()
    return (psycopg.Error,)


class Cursor:
    """A DB-API cursor speaking `?` placeholders on both dialects, rows as dicts."""

    def __init__(self, cursor, dialect: str):
        self._cursor = cursor
        self.dialect = dialect

    def execute(self, sql: str, params: tuple | list = ()) -> Cursor:
        if self.dialect == "postgresql":
            sql = sql.replace("?", "%s")
        self._cursor.execute(sql, tuple(params))
        return self

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def all(self) -> list[dict]:
        names = [d[0] for d in self._cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in self._cursor.fetchall()]

    def one(self) -> dict | None:
        rows = self.all()
        return rows[0] if rows else None

    def insert_id(self, sql: str, params: tuple | list) -> int:
        """Run an INSERT and return the new row's id."""
        self.execute(sql + " RETURNING id", params)
        return int(self._cursor.fetchone()[0])


def default_store() -> Store:
    """PostgreSQL when $RHINOCC_DATABASE_URL is set, else the SQLite file in the data directory."""
    url = os.environ.get(DATABASE_ENV, "").strip()
    return Store(url) if url else Store(f"sqlite:///{home() / SQLITE_NAME}")


def migrate(store: Store) -> int:
    """Bring the schema to the latest version (once per process and store); returns the version."""
    from .migrations import upgrade

    if store.url in _MIGRATED:
        from .migrations import LATEST

        return LATEST
    with _MIGRATE_LOCK:
        with store._raw(serialise=True) as cursor:
            version = upgrade(cursor)
        _MIGRATED.add(store.url)
    return version
