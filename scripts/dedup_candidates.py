"""Draw record pairs to judge by hand for the deduplication labelled set (tests/data/dedup_labels.csv).

Pairs come from every way two records can look alike, so that the set measures both false merges and
missed merges: pairs the matcher merged (sampled per rule), pairs inside one lieu that are far apart
(chaining), near-misses (records of different sources within 300 m, not merged), records of one commune
with loosely similar names, shared SIRET, and the hard cases named in the issue tracker. Only stable keys
(source and the source's own identifier) go into the committed labels; this script prints the records'
fields to a file outside the project for the person judging them.

    .venv/bin/python scripts/dedup_candidates.py data/rhinocc.duckdb /tmp/candidates.csv

`--meme-numero N` draws instead N pairs of records of today's sources that share a commune and a
house number (where the address rules are weakest), leaving out the pairs already labelled.
"""

from __future__ import annotations

import csv
import itertools
import random
import sys
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from scipy.spatial import cKDTree

from rhinocc_dash import warehouse
from rhinocc_dash.ingest.dedup import normalise_name
from rhinocc_dash.shared.geo import to_lambert93

ROOT = Path(__file__).resolve().parent.parent

FIELDS = ("source", "source_id", "nom", "adresse", "code_postal", "commune", "code_insee")
PER_RULE = 24
SEED = 20261201


def same_number(db: str, out: str, wanted: int) -> None:
    """Pairs of records (today's sources) of one commune with the same house number, not yet labelled."""
    from rhinocc_dash.ingest.dedup_eval import load_labels
    from rhinocc_dash.ingest.matching import parse_address
    from rhinocc_dash.shared.measures import is_current

    con = warehouse.connect_read_only(db)
    records = con.execute(
        """SELECT r.record_id, r.source, r.source_id, r.nom, r.adresse, r.code_postal, r.commune,
                  r.code_insee, r.latitude, r.longitude, r.location_precision, r.siret, r.labels,
                  lr.lieu_id
           FROM venue_records r JOIN lieu_records lr USING (record_id) ORDER BY r.record_id"""
    ).df()
    con.close()
    records = records[records["source"].map(is_current)].reset_index(drop=True)
    x, y = to_lambert93(records["longitude"], records["latitude"])
    numbers = [parse_address(a).base_number for a in records["adresse"]]
    labelled = {
        frozenset((a, b))
        for a, b in zip(load_labels()["key_a"], load_labels()["key_b"], strict=True)
    }
    keys = [stable_key(r) for _, r in records.iterrows()]
    blocks: dict = {}
    for i, (code, number) in enumerate(zip(records["code_insee"], numbers, strict=True)):
        if number:
            blocks.setdefault((code, number), []).append(i)
    pairs = [
        (i, j)
        for members in blocks.values()
        for i, j in itertools.combinations(members, 2)
        if frozenset((keys[i], keys[j])) not in labelled
    ]
    rng = random.Random(SEED)
    chosen = {
        pair: "meme_commune_meme_numero" for pair in rng.sample(pairs, min(wanted, len(pairs)))
    }
    print(f"{len(pairs)} paires même commune et même numéro, {len(chosen)} tirées")
    write(records, x, y, chosen, out)


def main(db: str, out: str) -> None:
    con = warehouse.connect_read_only(db)
    records = con.execute(
        """SELECT r.record_id, r.source, r.source_id, r.nom, r.adresse, r.code_postal, r.commune,
                  r.code_insee, r.latitude, r.longitude, r.location_precision, r.siret, r.labels,
                  lr.lieu_id
           FROM venue_records r JOIN lieu_records lr USING (record_id) ORDER BY r.record_id"""
    ).df()
    pairs = con.execute("SELECT record_id_a, record_id_b, rule FROM dedup_pairs").df()
    con.close()
    rng = random.Random(SEED)
    index = {rid: i for i, rid in enumerate(records["record_id"])}
    x, y = to_lambert93(records["longitude"], records["latitude"])
    lieu = records["lieu_id"].to_numpy()
    names = [normalise_name(n) for n in records["nom"]]
    chosen: dict[tuple[int, int], str] = {}

    def add(i: int, j: int, why: str) -> None:
        key = (min(i, j), max(i, j))
        if i != j and key not in chosen:
            chosen[key] = why

    for rule, group in pairs.groupby("rule"):
        rows = list(group.itertuples(index=False))
        for row in rng.sample(rows, min(PER_RULE, len(rows))):
            add(index[row.record_id_a], index[row.record_id_b], f"fusion:{rule}")
    # Chaining: two records of one lieu more than 300 m apart.
    far = []
    for _, members in records.groupby("lieu_id").indices.items():
        for i, j in itertools.combinations(members, 2):
            if np.hypot(x[i] - x[j], y[i] - y[j]) > 300:
                far.append((i, j))
    for i, j in rng.sample(far, min(40, len(far))):
        add(i, j, "meme_lieu_eloigne")
    # Near-misses: different sources within 300 m, not in one lieu.
    tree = cKDTree(np.column_stack([x, y]))
    near = [
        (i, j)
        for i, j in tree.query_pairs(300)
        if lieu[i] != lieu[j] and records.at[i, "source"] != records.at[j, "source"]
    ]
    for i, j in rng.sample(near, min(70, len(near))):
        add(i, j, "proche_non_fusionne")
    # Same commune, loosely similar names, not in one lieu.
    loose = []
    for _, members in records.groupby("code_insee").indices.items():
        for i, j in itertools.combinations(members, 2):
            score = fuzz.token_set_ratio(names[i], names[j])
            if lieu[i] != lieu[j] and 55 <= score < 100:
                loose.append((i, j))
    for i, j in rng.sample(loose, min(50, len(loose))):
        add(i, j, "meme_commune_nom_voisin")
    # Same real SIRET, not in one lieu.
    same_siret = [
        (i, j)
        for _, members in records[records["siret"].notna()].groupby("siret").indices.items()
        for i, j in itertools.combinations(records[records["siret"].notna()].index[members], 2)
        if lieu[i] != lieu[j]
    ]
    for i, j in rng.sample(same_siret, min(20, len(same_siret))):
        add(i, j, "meme_siret_non_fusionne")
    # Hard cases: two France Services records of the 2024 list in one lieu.
    fs = records[records["source"] == "france_services_2024"]
    for _, members in fs.groupby("lieu_id").indices.items():
        for a, b in itertools.combinations(fs.index[members], 2):
            add(a, b, "deux_france_services_meme_lieu")
    hard_cases(records, add, rng)
    write(records, x, y, chosen, out)


def hard_cases(records, add, rng) -> None:
    """Pairs named in the tracker: institutions under two names, a SIRET shared by different services,
    records bridging two social centres, a venue whose postcode disagrees with its name."""
    folded = records["nom"].str.lower()
    for _, members in records.groupby("code_insee").indices.items():
        for i, j in itertools.combinations(members, 2):
            a, b = folded.iat[i], folded.iat[j]
            if ("mairie" in a and "commune de" in b) or ("mairie" in b and "commune de" in a):
                add(i, j, "mairie_commune")
    with_siret = records[records["siret"].notna()]
    for _, members in with_siret.groupby("siret").indices.items():
        for i, j in itertools.combinations(with_siret.index[members], 2):
            a, b = folded.iat[i], folded.iat[j]
            if ("ccas" in a) != ("ccas" in b):
                add(i, j, "siret_services_differents")
    for pattern in ("bellefontaine|jolimont", "mestrise|mirepoix", "portet"):
        members = records.index[
            folded.str.contains(pattern) | records["adresse"].str.lower().str.contains(pattern)
        ]
        same_commune = [
            (i, j)
            for i, j in itertools.combinations(members, 2)
            if records.at[i, "code_insee"] == records.at[j, "code_insee"]
        ]
        for i, j in rng.sample(same_commune, min(12, len(same_commune))):
            add(i, j, "cas_signale")


def stable_key(record) -> str:
    """« source:identifier », the identifier as the build stores it (digit grouping removed)."""
    source_id = str(record["source_id"])
    if source_id.replace("\u202f", "").replace("\xa0", "").replace(" ", "").isdigit():
        source_id = "".join(ch for ch in source_id if ch.isdigit())
    return f"{record['source']}:{source_id}"


def write(records, x, y, chosen, out: str) -> None:
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["pair", "why", "distance_m", "same_lieu_now", "key_a", "key_b"]
            + [f"{f}_a" for f in FIELDS + ("precision", "siret", "labels")]
            + [f"{f}_b" for f in FIELDS + ("precision", "siret", "labels")]
        )
        for n, ((i, j), why) in enumerate(sorted(chosen.items()), start=1):
            a, b = records.iloc[i], records.iloc[j]
            distance = round(float(np.hypot(x[i] - x[j], y[i] - y[j])))
            row = [n, why, distance, a["lieu_id"] == b["lieu_id"], stable_key(a), stable_key(b)]
            for rec in (a, b):
                row += [rec[f] for f in FIELDS]
                row += [rec["location_precision"], rec["siret"], "|".join(rec["labels"])]
            writer.writerow(row)
    print(f"{len(chosen)} paires écrites dans {out}")


if __name__ == "__main__":
    if "--meme-numero" in sys.argv:
        same_number(sys.argv[1], sys.argv[2], int(sys.argv[sys.argv.index("--meme-numero") + 1]))
    else:
        main(sys.argv[1], sys.argv[2])
