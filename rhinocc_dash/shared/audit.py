"""The one audit log: every publication, roll-back, purge, sign-in and pair decision, who and when.

JSON Lines kept with the published snapshots (`<snapshots>/audit.jsonl`), so that the journal the update page
shows is the one every action writes to, whatever process or worker wrote it (appends are locked).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
from pathlib import Path

from .config import resolve_snapshots

FILE_NAME = "audit.jsonl"


def log_path(snapshots: Path | None = None) -> Path:
    """The audit log of a snapshots folder (the current one by default)."""
    return resolve_snapshots(snapshots) / FILE_NAME


def record(action: str, who: str, snapshots: Path | None = None, **details) -> dict:
    """Append one event to the audit log and return it."""
    event = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "who": who,
        "action": action,
        **details,
    }
    path = log_path(snapshots)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(json.dumps(event, ensure_ascii=False, default=str) + "\n")
    return event


def events(snapshots: Path | None = None, limit: int | None = None) -> list[dict]:
    """The events of the audit log, oldest first (the last `limit` ones when given)."""
    path = log_path(snapshots)
    if not path.is_file():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in (lines[-limit:] if limit else lines)]
