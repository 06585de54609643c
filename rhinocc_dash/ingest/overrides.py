"""Coordinators' decisions on record pairs (« même lieu » / « pas le même lieu »), applied by every build.

Kept outside the warehouse, as an append-only JSON Lines log (one decision a line, the latest decision on
a pair wins), so that they survive rebuilds and say who decided what and when. Records are named by
their source and the source's own identifier, which survive a new row order in a file.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .dedup import Override


@dataclass(frozen=True)
class Decision:
    key_a: str  # « source:source_id »
    key_b: str
    same: bool
    by: str
    at: str
    comment: str = ""


def split_key(key: str) -> tuple[str, str]:
    source, _, source_id = key.partition(":")
    return source, source_id


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def load(path: Path) -> list[Decision]:
    """The latest decision on each pair (a missing file means no decision yet)."""
    if not path.is_file():
        return []
    latest: dict[tuple[str, str], Decision] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            a, b = _ordered(str(item["a"]), str(item["b"]))
            decision = Decision(
                a,
                b,
                bool(item["same"]),
                str(item.get("by", "")),
                str(item["at"]),
                str(item.get("comment", "")),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}, ligne {number} : décision illisible ({exc})") from exc
        latest[(a, b)] = decision
    return list(latest.values())


def record(path: Path, key_a: str, key_b: str, same: bool, by: str, comment: str = "") -> Decision:
    """Append a decision to the log (serialised by a file lock) and return it."""
    a, b = _ordered(key_a, key_b)
    if a == b:
        raise ValueError("une paire relie deux fiches différentes")
    decision = Decision(
        a, b, same, by, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), comment
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(
        {"a": a, "b": b, "same": same, "by": by, "at": decision.at, "comment": comment},
        ensure_ascii=False,
    )
    with open(path, "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(line + "\n")
    return decision


def to_matcher(decisions: list[Decision]) -> list[Override]:
    return [Override(split_key(d.key_a), split_key(d.key_b), d.same) for d in decisions]


def applied(decisions: list[Decision], records: pd.DataFrame) -> pd.DataFrame:
    """The decisions as a table, each saying whether both of its records are in this build."""
    present = {f"{s}:{i}" for s, i in zip(records["source"], records["source_id"], strict=True)}
    return pd.DataFrame(
        [
            {
                "key_a": d.key_a,
                "key_b": d.key_b,
                "same": d.same,
                "decided_by": d.by,
                "decided_at": d.at,
                "comment": d.comment,
                "applied": d.key_a in present and d.key_b in present,
            }
            for d in decisions
        ],
        columns=["key_a", "key_b", "same", "decided_by", "decided_at", "comment", "applied"],
    )
