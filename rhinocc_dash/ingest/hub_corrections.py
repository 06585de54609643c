"""The hub's accepted corrections, applied to the lieux by every build (and so by every publish).

A correction names its lieu by id and by the name the sender saw: it is applied only when both still
match (a new export may renumber the lieux), and listed as not applied otherwise. A lieu « fermé
définitivement » leaves the lieux (and so every count) and is kept in `lieux_fermes`.
"""

from __future__ import annotations

import pandas as pd

from ..store import StoreUnavailable, corrections, default_store
from .errors import BuildError

# Correction field -> lieux column it replaces (« services » and « autre » change no column: the
# decision dates the lieu and the card says what the hub corrected).
COLUMNS = {"adresse": "adresse", "horaires": "horaires_original", "telephone": "telephone",
           "courriel": "courriel"}
APPLIED_COLUMNS = ["request_id", "lieu_id", "field", "decided_at", "applied"]
CLOSED_COLUMNS = ["lieu_id", "nom", "commune", "departement", "ferme_le", "request_id"]


def load() -> list[dict]:
    """The accepted corrections of the default store (none while nothing was ever stored)."""
    try:
        return corrections.accepted(default_store())
    except StoreUnavailable as exc:
        raise BuildError(f"Corrections du hub illisibles, construction arrêtée : {exc}") from exc


def apply(lieux: pd.DataFrame, accepted: list[dict]) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """The lieux with the corrections applied (`corrige_le`, `corrections_hub`, `date_maj` moved to
    the decision's date when later), and the tables `hub_corrections` and `lieux_fermes`."""
    lieux = lieux.copy()
    lieux["corrige_le"] = pd.Series(pd.NA, index=lieux.index, dtype="string")
    lieux["corrections_hub"] = pd.Series(pd.NA, index=lieux.index, dtype="string")
    timestamps = pd.api.types.is_datetime64_any_dtype(lieux["date_maj"])
    position = {lieu_id: i for i, lieu_id in enumerate(lieux["lieu_id"])}
    applied, closed = [], []
    for item in accepted:
        row = position.get(item["lieu_id"])
        ok = row is not None and str(lieux.iloc[row]["nom"]) == str(item["lieu_nom"])
        applied.append({"request_id": item["id"], "lieu_id": item["lieu_id"],
                        "field": item["field"], "decided_at": item["decided_at"], "applied": ok})
        if not ok:
            continue
        index = lieux.index[row]
        day = str(item["decided_at"])[:10]
        column = COLUMNS.get(item["field"])
        if column:
            lieux.at[index, column] = item["proposed"]
            if column == "horaires_original":
                lieux.at[index, "horaires"] = None  # the structured hours no longer hold
        if item["field"] == "ferme":
            closed.append({"lieu_id": item["lieu_id"], "nom": lieux.at[index, "nom"],
                           "commune": lieux.at[index, "commune"],
                           "departement": lieux.at[index, "departement"], "ferme_le": day,
                           "request_id": item["id"]})
        fields = lieux.at[index, "corrections_hub"]
        lieux.at[index, "corrections_hub"] = ", ".join(
            dict.fromkeys([*(fields.split(", ") if not pd.isna(fields) else []), item["field"]])
        )
        lieux.at[index, "corrige_le"] = day
        current = lieux.at[index, "date_maj"]
        if current is None or pd.isna(current) or pd.Timestamp(current) < pd.Timestamp(day):
            lieux.at[index, "date_maj"] = pd.Timestamp(day) if timestamps else pd.Timestamp(day).date()
            lieux.at[index, "date_maj_precision"] = "hub"
    gone = {c["lieu_id"] for c in closed}
    kept = lieux[~lieux["lieu_id"].isin(gone)].reset_index(drop=True)
    return kept, {
        "hub_corrections": pd.DataFrame(applied, columns=APPLIED_COLUMNS),
        "lieux_fermes": pd.DataFrame(closed, columns=CLOSED_COLUMNS),
    }
