"""The read side's access to the warehouse: named SQL queries (one file each in `sql/`), bound parameters."""

from .queries import connect_read_only, run, sql

__all__ = ["connect_read_only", "run", "sql"]
