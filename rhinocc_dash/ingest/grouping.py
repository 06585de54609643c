"""Merge the candidate pairs of `dedup.Matcher` into lieux, strongest evidence first.

A merge is refused when it would break a rule of what a place is (`Matcher.conflict`); every pair is kept
with its rule and its outcome (« fusion » or the reason of the refusal) for the quality page.
"""

from __future__ import annotations

import pandas as pd

from .dedup import PRECISE, RULE_STRENGTH, Matcher, Override
from .matching import similarity


def agglomerate(
    matcher: Matcher, pairs: list[tuple[int, int, str]]
) -> tuple[list[list[int]], list[tuple[int, int, str, str]]]:
    """Merge pairs in the given order (strongest first), refusing those that break a constraint."""
    group_of = list(range(matcher.n))
    members = {i: [i] for i in range(matcher.n)}
    outcomes = []
    for i, j, rule in pairs:
        a, b = group_of[i], group_of[j]
        if a == b:
            outcomes.append((i, j, rule, "fusion"))
            continue
        forced = rule in (
            "coordinateur",
            "identifiant",
        )  # one entry of one register, or a person's call
        conflict = matcher.conflict(members[a], members[b], forced=forced)
        if conflict:
            outcomes.append((i, j, rule, conflict))
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
        outcomes.append((i, j, rule, "fusion"))
    ids = matcher.records["record_id"].tolist()
    return sorted((sorted(g) for g in members.values()), key=lambda g: ids[g[0]]), outcomes


def merge_order(matcher: Matcher, pair: tuple[int, int, str], ids: list[str]) -> tuple:
    """Strongest rule first. Within a rule, pairs of two records with a point of their own come
    nearest first; then pairs with a record placed at its commune's centre, whose distance says
    nothing about the place, most alike names first."""
    i, j, rule = pair
    located = matcher.precision[i] in PRECISE and matcher.precision[j] in PRECISE
    return (
        -RULE_STRENGTH[rule],
        not located,
        matcher.distance(i, j) if located else -similarity(matcher.names[i], matcher.names[j]),
        ids[i],
        ids[j],
    )


def cluster(
    records: pd.DataFrame, overrides: list[Override] = ()
) -> tuple[list[list[int]], pd.DataFrame]:
    """Groups of row positions (each a lieu), and every candidate pair with its rule and outcome."""
    matcher = Matcher(records, overrides)
    pairs = matcher.candidates()
    ids = matcher.records["record_id"].tolist()
    pairs.sort(key=lambda p: merge_order(matcher, p, ids))
    groups, outcomes = agglomerate(matcher, pairs)
    frame = pd.DataFrame(
        [
            {
                "record_id_a": ids[min(i, j)],
                "record_id_b": ids[max(i, j)],
                "rule": rule,
                "status": status,
                "distance_m": round(matcher.distance(i, j)),
            }
            for i, j, rule, status in outcomes
        ],
        columns=["record_id_a", "record_id_b", "rule", "status", "distance_m"],
    )
    return groups, frame.sort_values(["record_id_a", "record_id_b"]).reset_index(drop=True)
