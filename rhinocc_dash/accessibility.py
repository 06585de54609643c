"""The RGAA 4.1 audit grid (docs/accessibilite/grille-rgaa-4.1.csv) and the conformity rate it gives,
for the « Déclaration d'accessibilité » page and the docs (one computation for both)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd

from .shared.config import PROJECT_ROOT

GRID = PROJECT_ROOT / "docs" / "accessibilite" / "grille-rgaa-4.1.csv"
STATUSES = {"C": "Conforme", "NC": "Non conforme", "NA": "Non applicable"}
CHECKS = {
    "auto": "axe-core et tests automatiques",
    "test": "test navigateur du projet",
    "main": "vérifié à la main",
}
RGAA_CRITERIA = 106


class GridError(ValueError):
    """The audit grid is missing or malformed (the message names the file and the value)."""


def load_grid(path: Path = GRID) -> pd.DataFrame:
    """The grid, one row per RGAA criterion: critere, theme, intitule, statut, verification, remarque."""
    if not path.exists():
        raise GridError(f"Grille d'audit introuvable : {path}")
    grid = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, comment="#")
    missing = {"critere", "theme", "intitule", "statut", "verification", "remarque"} - set(grid)
    if missing:
        raise GridError(f"{path.name} : colonnes absentes : {', '.join(sorted(missing))}")
    bad = grid[~grid["statut"].isin(list(STATUSES))]
    if len(bad):
        row = bad.iloc[0]
        raise GridError(
            f"{path.name} : statut « {row['statut']} » inconnu (critère {row['critere']})"
        )
    bad = grid[~grid["verification"].isin(list(CHECKS))]
    if len(bad):
        row = bad.iloc[0]
        raise GridError(
            f"{path.name} : vérification « {row['verification']} » inconnue (critère {row['critere']})"
        )
    doubles = grid.loc[grid["critere"].duplicated(), "critere"]
    if len(doubles):
        raise GridError(f"{path.name} : critère en double : {doubles.iloc[0]}")
    return grid


def conformity(grid: pd.DataFrame) -> dict:
    """Counts and the RGAA rate: met / applicable criteria (the RGAA's « taux de conformité »)."""
    counts = grid["statut"].value_counts()
    met, not_met, na = (int(counts.get(s, 0)) for s in ("C", "NC", "NA"))
    applicable = met + not_met
    rate = met / applicable if applicable else 0.0
    return {
        "criteria": len(grid),
        "applicable": applicable,
        "met": met,
        "not_met": not_met,
        "not_applicable": na,
        "rate": rate,
        "by_hand": int((grid["verification"] == "main").sum()),
        "level": "totalement conforme"
        if rate == 1
        else "partiellement conforme"
        if rate >= 0.5
        else "non conforme",
    }


def non_conformities(grid: pd.DataFrame) -> pd.DataFrame:
    """The criteria not met, with why and the plan (the grid's remark)."""
    return grid.loc[grid["statut"] == "NC", ["critere", "intitule", "remarque"]].reset_index(
        drop=True
    )


def audit_date(path: Path = GRID) -> dt.date:
    """The date written in the grid's first comment line (« # audit : AAAA-MM-JJ »)."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    if not first.startswith("# audit : "):
        raise GridError(
            f"{path.name} : la première ligne doit donner la date (« # audit : AAAA-MM-JJ »)"
        )
    try:
        return dt.date.fromisoformat(first.removeprefix("# audit : ").strip())
    except ValueError as exc:
        raise GridError(f"{path.name} : date d'audit illisible : {first}") from exc


def contact() -> str | None:
    """Where to report an accessibility defect (set by the publisher: RHINOCC_ACCESSIBILITY_CONTACT)."""
    return os.environ.get("RHINOCC_ACCESSIBILITY_CONTACT", "").strip() or None
