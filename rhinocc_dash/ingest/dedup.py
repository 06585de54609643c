"""Merge venue records that describe the same place into lieux.

Two records are the same place when any of these holds (the union of all pairs gives the lieux):
- the same identifier in a shared id space (data·inclusion's conseiller-numerique records reuse CNFS
  lieux ids);
- the same real SIRET (not a placeholder) in the same commune, with loosely similar names or within
  150 m: one SIRET alone often covers every site of a town hall or an association;
- both located at an address, at most 150 m apart, with similar normalised names, or both labelled
  France Services;
- the same normalised street address (with a number) in the same commune;
- one located only at commune level (no coordinates), in the same commune, with a near-identical
  name.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from scipy.cluster.hierarchy import DisjointSet
from scipy.spatial import cKDTree

from ..analysis.spatial import to_lambert93
from ..vocab import L_FRANCE_SERVICES, fold, ordered

MAX_DISTANCE_M = 150.0
NAME_SIMILARITY = 85.0
SAME_COMMUNE_NAME_SIMILARITY = 92.0
SIRET_NAME_SIMILARITY = 60.0
SHARED_ID_SOURCES = ("cnfs", "data_inclusion")
# Which record describes a lieu when several do: the most official and most recent first.
SOURCE_PRIORITY = {
    "france_services_2024": 0,
    "cnfs": 1,
    "data_inclusion": 2,
    "rhinocc": 3,
    "aidants_connect": 4,
}
STOPWORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur"}
STREET_WORDS = {
    "av": "avenue",
    "ave": "avenue",
    "bd": "boulevard",
    "bld": "boulevard",
    "pl": "place",
    "r": "rue",
    "ch": "chemin",
    "chem": "chemin",
    "rte": "route",
    "imp": "impasse",
    "all": "allee",
    "st": "saint",
    "ste": "sainte",
    "fg": "faubourg",
    "sq": "square",
    "crs": "cours",
}


def normalise_name(name: str) -> str:
    """Lower-case, accent-free, punctuation-free name without French stop words."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(name or "")).split()
    return " ".join(w for w in words if w not in STOPWORDS)


def normalise_address(address: str) -> str:
    """Comparable street address: folded, abbreviations expanded; '' when it has no street number."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(address or "")).split()
    words = [STREET_WORDS.get(w, w) for w in words]
    if not words or not any(w.isdigit() for w in words[:3]):
        return ""
    return " ".join(words)


def similar(a: str, b: str, threshold: float = NAME_SIMILARITY) -> bool:
    return bool(a) and bool(b) and fuzz.token_set_ratio(a, b) >= threshold


def match_records(records: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Pairs of row positions describing the same place, with the rule that matched them."""
    names = [normalise_name(n) for n in records["nom"]]
    addresses = [normalise_address(a) for a in records["adresse"]]
    communes = records["code_insee"].tolist()
    pairs: list[tuple[int, int, str]] = []

    def group_pairs(keys, rule):
        seen: dict = {}
        for i, key in enumerate(keys):
            if key is None:
                continue
            if key in seen:
                pairs.append((seen[key], i, rule))
            else:
                seen[key] = i

    shared = records["source"].isin(SHARED_ID_SOURCES) & (records["source_id"].str.len() >= 12)
    group_pairs(
        [sid if ok else None for sid, ok in zip(records["source_id"], shared, strict=True)],
        "identifiant",
    )
    x_all, y_all = to_lambert93(records["longitude"].to_numpy(), records["latitude"].to_numpy())
    precise_mask = (records["location_precision"] == "address").to_numpy()
    by_siret: dict[tuple, list[int]] = {}
    for i, (siret, commune) in enumerate(zip(records["siret"], communes, strict=True)):
        if isinstance(siret, str) and siret:
            by_siret.setdefault((siret, commune), []).append(i)
    for members in by_siret.values():
        for a, i in enumerate(members):
            for j in members[a + 1 :]:
                near = (
                    precise_mask[i]
                    and precise_mask[j]
                    and math.hypot(x_all[i] - x_all[j], y_all[i] - y_all[j]) <= MAX_DISTANCE_M
                )
                if near or similar(names[i], names[j], SIRET_NAME_SIMILARITY):
                    pairs.append((i, j, "siret"))
    group_pairs(
        [(a, c) if a else None for a, c in zip(addresses, communes, strict=True)], "adresse"
    )

    precise = np.flatnonzero(precise_mask)
    if len(precise) > 1:
        x, y = x_all[precise], y_all[precise]
        labels = records["labels"].tolist()
        for a, b in sorted(cKDTree(np.column_stack([x, y])).query_pairs(MAX_DISTANCE_M)):
            i, j = int(precise[a]), int(precise[b])
            both_fs = L_FRANCE_SERVICES in labels[i] and L_FRANCE_SERVICES in labels[j]
            if both_fs or similar(names[i], names[j]):
                pairs.append((min(i, j), max(i, j), "proximite_nom"))

    loose = np.flatnonzero((records["location_precision"] != "address").to_numpy())
    by_commune: dict[str, list[int]] = {}
    for i, commune in enumerate(communes):
        by_commune.setdefault(commune, []).append(i)
    for i in loose:
        for j in by_commune.get(communes[i], []):
            if j != i and similar(names[i], names[j], SAME_COMMUNE_NAME_SIMILARITY):
                pairs.append((min(i, j), max(i, j), "commune_nom"))
    return sorted(set(pairs))


def cluster(records: pd.DataFrame) -> tuple[list[list[int]], list[tuple[int, int, str]]]:
    """Groups of row positions (each a lieu) and the matched pairs behind them."""
    pairs = match_records(records)
    sets = DisjointSet(range(len(records)))
    for i, j, _rule in pairs:
        sets.merge(i, j)
    groups = [sorted(s) for s in sets.subsets()]
    return sorted(groups, key=lambda g: records["record_id"].iloc[g[0]]), pairs


def _first(values, default=None):
    for value in values:
        if value is not None and value == value and value != "":
            return value
    return default


def _rank(rec: dict) -> tuple:
    return (
        rec["location_precision"] != "address",
        SOURCE_PRIORITY.get(rec["source"], 9),
        rec["record_id"],
    )


def build_lieux(records: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(lieux, lieu_records, merge pairs) from the records of the current sources."""
    records = records.reset_index(drop=True)
    groups, pairs = cluster(records)
    rows = records.to_dict("records")
    lieux, links = [], []
    for group in groups:
        members = sorted((rows[i] for i in group), key=_rank)
        head = members[0]
        lieu_id = f"lieu-{head['record_id']}"
        hours = next((m for m in members if m["horaires"] is not None), head)
        dates = [
            m["date_maj"]
            for m in members
            if m["date_maj"] is not None and m["date_maj"] == m["date_maj"]
        ]
        lieux.append(
            {
                "lieu_id": lieu_id,
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
                "labels": ordered(s for m in members for s in m["labels"]),
                "sources": sorted(
                    {m["source"] for m in members}, key=lambda s: SOURCE_PRIORITY.get(s, 9)
                ),
                "n_records": len(members),
                "date_maj": max(dates) if dates else None,
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
        )
        links.extend({"lieu_id": lieu_id, "record_id": m["record_id"]} for m in members)
    ids = records["record_id"].tolist()
    merges = pd.DataFrame(
        [{"record_id_a": ids[i], "record_id_b": ids[j], "rule": rule} for i, j, rule in pairs],
        columns=["record_id_a", "record_id_b", "rule"],
    )
    return pd.DataFrame(lieux), pd.DataFrame(links, columns=["lieu_id", "record_id"]), merges
