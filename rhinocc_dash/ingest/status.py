"""Whether every source made it whole into the build: present, partial or absent.

A venue source that yields no row is absent; one whose expected columns are missing, or that keeps
less than half of the rows it gave the previous warehouse (the one being replaced), is partial. So is
an indicator or territory file that lost most of its rows. Either stops the build unless the user
accepts it (`--allow-partial`); the warehouse then records the source as such (table `source_status`)
and every page says so.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from ..shared.formatting import fmt_int
from .catalog import BUILD_FILES, VENUE_FILES
from .errors import shown_path

# A source keeping less than this share of its previous rows has lost most of them.
LOSS_SHARE = 0.5
COLUMNS = [
    "key",
    "file",
    "status",
    "rows_in_file",
    "rows_accepted",
    "rows_reference",
    "reason",
]
VENUE_KEYS = {entry.key for entry in VENUE_FILES}
# Indicator and territory files: every other source of a build is a venue source (declared or added).
OTHER_KEYS = {entry.key for entry in BUILD_FILES} - VENUE_KEYS


def previous_counts(db: Path) -> dict[str, int]:
    """Reference rows of each source in the warehouse at `db` (read-only); {} when there is none.

    For a source recorded as partial or absent there, its reference is the one it carried forward:
    a partial build never lowers the bar for the next one.
    """
    if not Path(db).is_file():
        return {}
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS previous (READ_ONLY)", [str(db)])
        tables = {
            row[0]
            for row in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'previous'"
            ).fetchall()
        }
        if "source_status" in tables:
            rows = con.execute(
                "SELECT key, rows_reference FROM previous.source_status "
                "WHERE rows_reference IS NOT NULL"
            ).fetchall()
        elif "source_stats" in tables:
            rows = con.execute("SELECT source, rows_accepted FROM previous.source_stats").fetchall()
        else:
            rows = []
    except duckdb.Error:
        return {}  # not a warehouse (or a damaged one): nothing to compare with
    finally:
        con.close()
    return {str(key): int(count) for key, count in rows}


def _loss(rows: int, reference: int | None) -> str | None:
    if reference and rows < LOSS_SHARE * reference:
        return (
            f"{fmt_int(rows)} ligne(s) contre {fmt_int(reference)} lors de la construction "
            "précédente : la plupart des lignes ont disparu"
        )
    return None


def _venue_row(result, reference: int | None) -> dict:
    accepted = result.rows_accepted
    if accepted == 0:
        if result.problems:
            reason = "; ".join(result.problems)
        elif result.rows_in_file == 0:
            reason = "fichier vide" if "fichier vide" in result.notes else "aucune ligne de données"
        else:
            reason = f"aucune des {fmt_int(result.rows_in_file)} lignes lues n'a été acceptée"
        status = "absent"
    elif result.problems:
        status, reason = "partial", "; ".join(result.problems)
    elif loss := _loss(accepted, reference):
        status, reason = "partial", loss
    else:
        status, reason = "present", ""
    return {
        "key": result.source,
        "file": shown_path(result.file),
        "status": status,
        "rows_in_file": result.rows_in_file,
        "rows_accepted": accepted,
        # What the next build compares with: this build's rows, unless it is itself incomplete.
        "rows_reference": accepted if status == "present" else reference,
        "reason": reason,
    }


def source_status(
    sources: Path, venue_results: list, rows_read: dict[str, int], previous: dict[str, int]
) -> pd.DataFrame:
    """One row per source file of the build: status, rows, reference rows, and why (French)."""
    by_key = {res.source: res for res in venue_results}
    rows = []
    for entry in BUILD_FILES:
        if entry.key in by_key:
            rows.append(_venue_row(by_key[entry.key], previous.get(entry.key)))
            continue
        if entry.key in VENUE_KEYS:
            continue  # a venue source not read by this build (not in its list)
        path = entry.locate(sources)
        count = rows_read.get(str(path.resolve())) if path is not None else None
        reference = previous.get(entry.key)
        loss = _loss(count, reference) if count is not None else None
        rows.append(
            {
                "key": entry.key,
                "file": shown_path(path) if path is not None else entry.path,
                "status": "partial" if loss else "present",
                "rows_in_file": count,
                "rows_accepted": count,
                "rows_reference": reference if loss else count,
                "reason": loss or "",
            }
        )
    known = {entry.key for entry in BUILD_FILES}
    rows += [
        _venue_row(res, previous.get(res.source))
        for res in venue_results
        if res.source not in known
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("rows_in_file", "rows_accepted", "rows_reference"):
        frame[column] = frame[column].astype("Int64")
    return frame


def incomplete(status: pd.DataFrame, venue_only: bool = False) -> pd.DataFrame:
    """The sources that are not present whole (venue sources only, when asked)."""
    shown = status[status["status"] != "present"]
    return shown[~shown["key"].isin(OTHER_KEYS)] if venue_only else shown


def refusal(rows: pd.DataFrame) -> str:
    """The French message of a build stopped by incomplete sources: one line per source."""
    words = {"absent": "source absente", "partial": "source incomplète"}
    return "\n".join(
        f"Construction refusée : {row.file} : {row.reason} ({words[row.status]}). Corrigez le "
        "fichier, ou relancez avec --allow-partial pour construire sans ces lignes (les pages le "
        "signaleront)."
        for row in rows.itertuples(index=False)
    )


def recorded_incomplete(db: Path) -> list[str]:
    """French lines on the sources a (partial) warehouse records as absent or partial."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS built (READ_ONLY)", [str(db)])
        rows = con.execute(
            "SELECT file, status, reason FROM built.source_status WHERE status <> 'present'"
        ).fetchall()
    except duckdb.Error:
        return []
    finally:
        con.close()
    words = {"absent": "source absente", "partial": "source incomplète"}
    return [f"Attention, {words[s]} : {file} : {reason}" for file, s, reason in rows]
