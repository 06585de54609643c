"""What a candidate warehouse changes against the current one: lieux added, removed, changed (which
fields), per département; key figures before and after; the gap ranking's top 20 (pure functions over
two warehouses' read models, `figures.RegionData`).

Lieux are matched across versions by their source records' identifiers (source and the source's own
id): a lieu of the candidate is the same lieu as one of the current warehouse when they share a record.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from pyproj import Geod

from ..shared.measures import per_inhabitants, share_within
from . import gap
from .figures import RegionData, commune_gaps

# Fields compared between the two versions of a lieu, with their French names.
FIELDS = {
    "nom": "nom",
    "adresse": "adresse",
    "commune": "commune",
    "horaires": "horaires",
    "telephone": "téléphone",
    "courriel": "courriel",
    "site_web": "site web",
    "services": "services",
    "publics": "publics",
    "labels": "labels",
    "position": "position (plus de 100 m)",
}
MOVED_M = 100.0


@dataclass(frozen=True)
class Comparison:
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # lieu_id (new), nom, departement, champs
    per_departement: pd.DataFrame
    figures: pd.DataFrame  # indicateur, avant, après, écart
    top20: pd.DataFrame  # code, nom, rang_avant, rang_apres, entree / sortie
    by_source: pd.DataFrame  # source, fiches_avant, fiches_apres, ajoutees, retirees, modifiees
    changed_records: pd.DataFrame  # key, source, nom, champs

    @property
    def counts(self) -> dict[str, int]:
        return {
            "ajoutés": len(self.added),
            "retirés": len(self.removed),
            "modifiés": len(self.changed),
        }


def _pairs(old: RegionData, new: RegionData) -> pd.DataFrame:
    """(old lieu_id, new lieu_id) for every pair of lieux sharing a source record."""
    joined = old.lieu_keys.merge(new.lieu_keys, on="key", suffixes=("_old", "_new"))
    return joined[["lieu_id_old", "lieu_id_new"]].drop_duplicates()


def _norm(value):
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        return tuple(
            sorted(str(v) for v in (value.tolist() if hasattr(value, "tolist") else value))
        )
    return "" if value is None or value != value else str(value).strip()


_GEOD = Geod(ellps="GRS80")


def _distance_m(a: dict, b: dict) -> float:
    _, _, metres = _GEOD.inv(a["longitude"], a["latitude"], b["longitude"], b["latitude"])
    return float(metres)


def _located(row: dict) -> bool:
    return all(pd.notna(row.get(k)) for k in ("longitude", "latitude"))


def changed_fields(before: dict, after: dict) -> list[str]:
    """The French names of the fields that differ between two versions of a lieu or a record."""
    out = [
        label
        for field, label in FIELDS.items()
        if field != "position" and _norm(before.get(field)) != _norm(after.get(field))
    ]
    if _located(before) and _located(after) and _distance_m(before, after) > MOVED_M:
        out.append(FIELDS["position"])
    return out


def compare(old: RegionData, new: RegionData) -> Comparison:
    pairs = _pairs(old, new)
    columns = ["lieu_id", "nom", "commune", "departement", "longitude", "latitude"]
    added = new.lieux[~new.lieux["lieu_id"].isin(pairs["lieu_id_new"])][columns]
    removed = old.lieux[~old.lieux["lieu_id"].isin(pairs["lieu_id_old"])][columns]
    before = old.lieux.set_index("lieu_id")
    after = new.lieux.set_index("lieu_id")
    rows = []
    for new_id, group in pairs.groupby("lieu_id_new"):
        current = after.loc[new_id]
        fields = sorted(
            {
                f
                for old_id in group["lieu_id_old"]
                for f in changed_fields(before.loc[old_id], current)
            }
        )
        if fields:
            rows.append(
                {
                    "lieu_id": new_id,
                    "nom": current["nom"],
                    "departement": current["departement"],
                    "champs": ", ".join(fields),
                }
            )
    changed = pd.DataFrame(rows, columns=["lieu_id", "nom", "departement", "champs"])
    by_source, changed_records = compare_records(old.record_fields, new.record_fields)
    return Comparison(
        added.reset_index(drop=True),
        removed.reset_index(drop=True),
        changed,
        _per_departement(old, new, added, removed, changed),
        _figures(old, new),
        _top20(old, new),
        by_source,
        changed_records,
    )


def compare_records(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Records added, removed and changed per source, matched by their stable key (exact: this is
    what the files say, before any deduplication)."""
    before = {r["key"]: r for r in old.to_dict("records")}
    after = {r["key"]: r for r in new.to_dict("records")}
    rows = []
    for key in sorted(before.keys() & after.keys()):
        fields = changed_fields(before[key], after[key])
        if fields:
            rows.append(
                {
                    "key": key,
                    "source": after[key]["source"],
                    "nom": after[key]["nom"],
                    "champs": ", ".join(fields),
                }
            )
    changed = pd.DataFrame(rows, columns=["key", "source", "nom", "champs"])
    sources = sorted(set(old["source"]) | set(new["source"]))
    table = pd.DataFrame(
        {
            "source": sources,
            "fiches_avant": [int((old["source"] == s).sum()) for s in sources],
            "fiches_apres": [int((new["source"] == s).sum()) for s in sources],
            "ajoutees": [
                int(((new["source"] == s) & ~new["key"].isin(before.keys())).sum()) for s in sources
            ],
            "retirees": [
                int(((old["source"] == s) & ~old["key"].isin(after.keys())).sum()) for s in sources
            ],
            "modifiees": [int((changed["source"] == s).sum()) for s in sources],
        }
    )
    return table, changed


def _per_departement(old, new, added, removed, changed) -> pd.DataFrame:
    frame = new.departements[["code", "nom"]].copy()
    for name, part in (
        ("lieux_avant", old.lieux),
        ("lieux_apres", new.lieux),
        ("ajoutes", added),
        ("retires", removed),
        ("modifies", changed),
    ):
        frame[name] = frame["code"].map(part.groupby("departement").size()).fillna(0).astype(int)
    frame["evolution"] = frame["lieux_apres"] - frame["lieux_avant"]
    return frame


def headline_figures(side: RegionData) -> dict[str, float]:
    population = float(side.communes["population"].sum())
    return {
        "lieux": float(len(side.lieux)),
        "lieux_pour_10000": per_inhabitants(len(side.lieux), population),
        "part_population_10km": share_within(
            side.points["nearest_lieu_km"], side.points["population"], 10
        ),
    }


def _figures(old: RegionData, new: RegionData) -> pd.DataFrame:
    before, after = headline_figures(old), headline_figures(new)
    return pd.DataFrame(
        [
            {"indicateur": k, "avant": before[k], "apres": after[k], "ecart": after[k] - before[k]}
            for k in before
        ]
    )


def _ranked(side: RegionData) -> pd.DataFrame:
    scored = gap.scores(commune_gaps(side), gap.DEFAULT_WEIGHTS, gap.DEFAULT_MINIMUM_POPULATION)
    return scored[scored["classe"]][["code", "nom", "rang"]]


def _top20(old: RegionData, new: RegionData, top: int = 20) -> pd.DataFrame:
    """The communes in either version's top 20 of the gap ranking, with both ranks."""
    before, after = _ranked(old), _ranked(new)
    merged = before.merge(after, on=["code", "nom"], how="outer", suffixes=("_avant", "_apres"))
    inside = (merged["rang_avant"] <= top) | (merged["rang_apres"] <= top)
    shown = merged[inside.fillna(False)].copy()
    shown["mouvement"] = [
        "entre dans le top 20"
        if (pd.isna(a) or a > top) and b <= top
        else "sort du top 20"
        if a <= top and (pd.isna(b) or b > top)
        else ""
        for a, b in zip(shown["rang_avant"], shown["rang_apres"], strict=True)
    ]
    return shown.sort_values("rang_apres", na_position="last").reset_index(drop=True)
