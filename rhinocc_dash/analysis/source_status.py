"""Sources a warehouse was built without, or with part of their rows only (a build run with
`--allow-partial`): every page says so."""

from __future__ import annotations

import duckdb
import pandas as pd

from .. import texts
from ..shared.formatting import fmt_int
from ..warehouse import run

COLUMNS = ["key", "name", "vintage", "file", "status", "rows_accepted", "rows_reference", "reason"]


def incomplete_sources(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The absent or partial sources of the warehouse (none for one built before this was recorded)."""
    try:
        return run(con, "source_status_incomplete")
    except duckdb.CatalogException:
        return pd.DataFrame(columns=COLUMNS)


def status_lines(incomplete: pd.DataFrame) -> list[str]:
    """One French line per absent or partial source (plain text, to be escaped where shown)."""
    lines = []
    for row in incomplete.itertuples(index=False):
        if row.status == "absent":
            state = texts.common.SOURCE_STATUS_ABSENT
        elif pd.notna(row.rows_reference):
            state = texts.common.SOURCE_STATUS_PARTIAL.format(
                rows=fmt_int(row.rows_accepted), reference=fmt_int(row.rows_reference)
            )
        else:
            state = texts.common.SOURCE_STATUS_PARTIAL_ROWS.format(rows=fmt_int(row.rows_accepted))
        reason = row.reason if isinstance(row.reason, str) else ""
        cause = texts.common.SOURCE_STATUS_CAUSE.format(reason=reason) if reason.strip() else ""
        lines.append(f"{row.name} ({texts.common.vintage_text(row.vintage)}) : {state}{cause}")
    return lines
