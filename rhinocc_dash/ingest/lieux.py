"""One lieu per group of matched records: the best-located, most official record describes it, the others
complete it; programme labels are official only when the programme's own list holds the lieu."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.spatial.distance import pdist

from ..shared.geo import to_lambert93
from ..shared.measures import OFFICIAL_LISTS
from ..shared.vocab import ordered
from .catalog import VENUE_FILES
from .dedup import Override
from .grouping import cluster

# Which record describes a lieu when several do: the most official and most recent first (the
# `priority` of the sources manifest; a source without one comes last).
SOURCE_PRIORITY = {e.key: e.priority for e in VENUE_FILES if e.priority != 9}
PRECISION_RANK = {"address": 0, "street": 1, "commune": 2, "postcode": 3}


def _present(value) -> bool:
    return value is not None and value == value and value != ""


def _first(values, default=None):
    return next((v for v in values if _present(v)), default)


def _rank(rec: dict) -> tuple:
    # A record of our own export brought back (« lieu-… ») never describes the lieu it came from:
    # its point has no precision of its own, and the lieu keeps its identifier.
    own_export = str(rec.get("source_id") or "").startswith("lieu-")
    return (
        own_export,
        PRECISION_RANK.get(rec["location_precision"], 9),
        SOURCE_PRIORITY.get(rec["source"], 9),
        rec["record_id"],
    )


def labels_of(members: list[dict]) -> tuple[list[str], list[dict]]:
    """(labels the lieu carries, programme labels only claimed by other sources with who claims them)."""
    sources = {m["source"] for m in members}
    official = {label for label, lists in OFFICIAL_LISTS.items() if sources & set(lists)}
    claimed = [(label, m["source"]) for m in members for label in m["labels"]]
    labels = official | {label for label, _ in claimed if label not in OFFICIAL_LISTS}
    declared = sorted(
        {(label, source) for label, source in claimed if label in OFFICIAL_LISTS}
        - {(label, source) for label, source in claimed if label in official}
    )
    declared = [{"label": label, "source": source} for label, source in declared]
    return ordered(labels), declared


def lieu_row(members: list[dict]) -> dict:
    members = sorted(members, key=_rank)
    head = members[0]
    hours = next((m for m in members if _present(m["horaires"])), head)
    dated = [m for m in members if _present(m["date_maj"])]
    latest = max(dated, key=lambda m: m["date_maj"]) if dated else None
    labels, declared = labels_of(members)
    return {
        "lieu_id": f"lieu-{head['record_id']}",
        "nom": head["nom"],
        "adresse": _first(m["adresse"] for m in members),
        "code_postal": _first((m["code_postal"] for m in members), ""),
        "code_insee": head["code_insee"],
        "commune": head["commune"],
        "departement": head["departement"],
        "latitude": head["latitude"],
        "longitude": head["longitude"],
        "location_precision": head["location_precision"],
        "services": ordered(s for m in members for s in m["services"]),
        "publics": ordered(s for m in members for s in m["publics"]),
        "labels": labels,
        "declared_labels": declared,
        "sources": sorted({m["source"] for m in members}, key=lambda s: SOURCE_PRIORITY.get(s, 9)),
        "n_records": len(members),
        "date_maj": latest["date_maj"] if latest else None,
        "date_maj_precision": latest["date_maj_precision"] if latest else None,
        "horaires": hours["horaires"],
        "horaires_original": hours["horaires_original"],
        "open_saturday": hours["open_saturday"],
        "open_sunday": hours["open_sunday"],
        "open_after_18": hours["open_after_18"],
        "telephone": _first((m["telephone"] for m in members), ""),
        "courriel": _first((m["courriel"] for m in members), ""),
        "site_web": _first((m["site_web"] for m in members), ""),
        "type_lieu": _first((m["type_lieu"] for m in members), ""),
        "itinerant": any(m["itinerant"] for m in members),
    }


def spread_m(group: list[int], precision: np.ndarray, x: np.ndarray, y: np.ndarray) -> int:
    """Largest distance between two records of a lieu located at their address (0 with fewer than two)."""
    located = [i for i in group if precision[i] == "address"]
    if len(located) < 2:
        return 0
    points = np.column_stack([x[located], y[located]])
    return int(round(pdist(points).max()))


def build_lieux(
    records: pd.DataFrame, overrides: list[Override] = ()
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(lieux, lieu_records, candidate pairs with their outcome) from the records of the current sources."""
    records = records.reset_index(drop=True)
    groups, pairs = cluster(records, overrides)
    # Without the raw source text: the largest column, which no lieu field reads.
    rows = records.drop(columns=["raw"], errors="ignore").to_dict("records")
    x, y = to_lambert93(records["longitude"].to_numpy(), records["latitude"].to_numpy())
    precision = records["location_precision"].to_numpy()
    lieux, links = [], []
    for group in groups:
        row = lieu_row([rows[i] for i in group])
        row["etendue_m"] = spread_m(group, precision, x, y)
        lieux.append(row)
        links.extend({"lieu_id": row["lieu_id"], "record_id": rows[i]["record_id"]} for i in group)
    return pd.DataFrame(lieux), pd.DataFrame(links, columns=["lieu_id", "record_id"]), pairs
