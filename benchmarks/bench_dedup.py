"""Deduplication measured on the hand-labelled pairs (tests/data/dedup_labels.csv): precision, recall.

Prints the rules matcher's figures (the one the build uses), then, with `--splink`, those of Splink
(Fellegi-Sunter record linkage on DuckDB, trained without labels: u by random sampling, m by expectation
maximisation) at several match-probability thresholds, both with plain connected components and with
the same constraints as the rules matcher (official list, spread bound). Splink is an optional
dependency: `pip install splink`.

    .venv/bin/python benchmarks/bench_dedup.py [warehouse.duckdb] [--splink]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from rhinocc_dash import warehouse
from rhinocc_dash.ingest import dedup_eval
from rhinocc_dash.ingest.dedup import Matcher
from rhinocc_dash.ingest.grouping import agglomerate
from rhinocc_dash.shared.config import resolve_db
from rhinocc_dash.shared.measures import is_current

ROOT = Path(__file__).resolve().parent.parent

EXTENSION = "meme_commune_meme_numero"
THRESHOLDS = (0.1, 0.3, 0.5, 0.8, 0.9, 0.95, 0.99)


def line(name: str, score: dedup_eval.Score, seconds: float | None = None) -> str:
    timing = f" {seconds:6.2f} s" if seconds is not None else ""
    return (
        f"{name:<44} précision {score.precision:7.2%}  rappel {score.recall:7.2%}  "
        f"(VP {score.true_positive}, FP {score.false_positive}, FN {score.false_negative}, "
        f"VN {score.true_negative}){timing}"
    )


def score_groups(records: pd.DataFrame, groups: list[list[int]], labels) -> dedup_eval.Score:
    keys = (records["source"] + ":" + records["source_id"]).tolist()
    lieu_of = {keys[i]: n for n, group in enumerate(groups) for i in group}
    return dedup_eval.score(dedup_eval.judged(labels, {k: str(v) for k, v in lieu_of.items()}))


def splink_scores(records: pd.DataFrame, labels) -> list[str]:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    matcher = Matcher(records)
    precise = np.isin(matcher.precision, ("address", "street"))
    frame = pd.DataFrame(
        {
            "unique_id": np.arange(len(records)),
            "name": matcher.names,
            "address": [a.key or None for a in matcher.addresses],
            "street": [" ".join(a.street) or None for a in matcher.addresses],
            "code_insee": records["code_insee"].to_numpy(),
            "siret": records["siret"].where(records["siret"].notna(), None).to_numpy(),
            "shared_id": [
                sid if src in ("cnfs", "data_inclusion") and len(sid) >= 12 else None
                for src, sid in zip(records["source"], records["source_id"], strict=True)
            ],
            "lat": np.where(precise, records["latitude"], np.nan),
            "lon": np.where(precise, records["longitude"], np.nan),
        }
    )
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("code_insee"),
            block_on("siret"),
            block_on("shared_id"),
        ],
        comparisons=[
            cl.JaroWinklerAtThresholds("name", [0.95, 0.88, 0.8]),
            cl.ExactMatch("address"),
            cl.ExactMatch("street"),
            cl.DistanceInKMAtThresholds("lat", "lon", [0.05, 0.15, 0.5, 2.0]),
            cl.ExactMatch("siret"),
            cl.ExactMatch("shared_id"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    lines = []
    started = time.perf_counter()
    db_api = DuckDBAPI()
    linker = Linker(db_api.register(frame), settings, log_level=40)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("address", "code_insee")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("code_insee"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("street"))
    predictions = linker.inference.predict(threshold_match_probability=0.01).as_pandas_dataframe()
    trained = time.perf_counter() - started
    for threshold in THRESHOLDS:
        kept = predictions[predictions["match_probability"] >= threshold]
        kept = kept.sort_values("match_probability", ascending=False)
        pairs = [
            (int(a), int(b), "splink")
            for a, b in zip(kept["unique_id_l"], kept["unique_id_r"], strict=True)
        ]
        plain = _components(len(records), pairs)
        lines.append(
            line(
                f"Splink ≥ {threshold:.2f}, composantes",
                score_groups(records, plain, labels),
                trained,
            )
        )
        constrained, _ = agglomerate(matcher, pairs)
        lines.append(
            line(
                f"Splink ≥ {threshold:.2f}, mêmes contraintes",
                score_groups(records, constrained, labels),
            )
        )
    return lines


def _components(n: int, pairs) -> list[list[int]]:
    from scipy.cluster.hierarchy import DisjointSet

    sets = DisjointSet(range(n))
    for i, j, _ in pairs:
        sets.merge(i, j)
    return [sorted(s) for s in sets.subsets()]


def main(db: Path, with_splink: bool) -> None:
    con = warehouse.connect_read_only(db)
    records = con.execute("SELECT * FROM venue_records ORDER BY record_id").df()
    lieu_records = con.execute("SELECT * FROM lieu_records").df()
    con.close()
    records = records[records["source"].map(is_current)].reset_index(drop=True)
    labels = dedup_eval.load_labels()
    built = dedup_eval.score(
        dedup_eval.judged(labels, dedup_eval.lieu_by_key(records, lieu_records))
    )
    print(
        f"{len(labels)} paires étiquetées ({int(labels['same'].sum())} même lieu), "
        f"{len(records)} fiches des sources actuelles"
    )
    print(line("Règles (entrepôt construit)", built))
    started = time.perf_counter()
    from rhinocc_dash.ingest.grouping import cluster

    groups, _ = cluster(records)
    seconds = time.perf_counter() - started
    # The first labelled set, and the set extended with pairs of one commune and one house number.
    first = labels[labels["category"] != EXTENSION]
    for name, subset in (("jeu initial", first), ("jeu étendu", labels)):
        print(
            line(
                f"Règles (recalcul), {name} ({len(subset)} paires)",
                score_groups(records, groups, subset),
                seconds,
            )
        )
    if with_splink:
        for text in splink_scores(records, labels):
            print(text)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(resolve_db(arguments[0] if arguments else None), "--splink" in sys.argv)
