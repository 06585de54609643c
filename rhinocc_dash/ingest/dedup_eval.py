"""Measure the matcher on the hand-labelled pairs (tests/data/dedup_labels.csv): precision and recall.

A pair counts as « same » for the matcher when both records end in one lieu (after every merge and
every refusal), which is what users see. Pairs whose records are not in the build (a file changed, a row
quarantined) are counted apart and left out of the figures.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from ..shared.config import PROJECT_ROOT

LABELS_PATH = PROJECT_ROOT / "tests" / "data" / "dedup_labels.csv"


@dataclass(frozen=True)
class Score:
    labelled: int
    evaluated: int
    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else float("nan")

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else float("nan")

    def as_row(self) -> dict:
        return {**asdict(self), "precision": self.precision, "recall": self.recall}


def load_labels(path: Path = LABELS_PATH) -> pd.DataFrame:
    """key_a, key_b, same (bool), category, note; an absent file gives an empty table."""
    if not path.is_file():
        return pd.DataFrame(columns=["key_a", "key_b", "same", "category", "note"])
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    frame = pd.DataFrame(rows, columns=["key_a", "key_b", "same", "category", "note"])
    frame["same"] = frame["same"].astype(str).str.strip() == "1"
    return frame


def lieu_by_key(records: pd.DataFrame, lieu_records: pd.DataFrame) -> dict[str, str]:
    """« source:source_id » → lieu_id, for the records of a build."""
    keyed = records[["record_id", "source", "source_id"]].merge(lieu_records, on="record_id")
    return dict(zip(keyed["source"] + ":" + keyed["source_id"], keyed["lieu_id"], strict=True))


def judged(labels: pd.DataFrame, lieu_of: dict[str, str]) -> pd.DataFrame:
    """The labels with the matcher's answer (`predicted`, None when a record is not in the build)."""
    out = labels.copy()
    out["predicted"] = [
        (lieu_of[a] == lieu_of[b]) if a in lieu_of and b in lieu_of else None
        for a, b in zip(labels["key_a"], labels["key_b"], strict=True)
    ]
    return out


def score(judgements: pd.DataFrame) -> Score:
    known = judgements[judgements["predicted"].notna()]
    same, predicted = known["same"].astype(bool), known["predicted"].astype(bool)
    return Score(
        labelled=len(judgements),
        evaluated=len(known),
        true_positive=int((same & predicted).sum()),
        false_positive=int((~same & predicted).sum()),
        false_negative=int((same & ~predicted).sum()),
        true_negative=int((~same & ~predicted).sum()),
    )
