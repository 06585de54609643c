"""Merge the candidate pairs of `dedup.Matcher` into lieux, strongest evidence first.

A merge is refused when it would break a rule of what a place is (`Matcher.conflict`); every pair is kept
with its rule and its outcome (« fusion » or the reason of the refusal) for the quality page.
"""

from __future__ import annotations

import pandas as pd

from .dedup import RULE_STRENGTH, Matcher, Override


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


def cluster(
    records: pd.DataFrame, overrides: list[Override] = ()
) -> tuple[list[list[int]], pd.DataFrame]:
    """Groups of row positions (each a lieu), and every candidate pair with its rule and outcome."""
    matcher = Matcher(records, overrides)
    pairs = matcher.candidates()
    ids = matcher.records["record_id"].tolist()
    # A mobile site (a bus) is not the place: a fixed site of the same strength is merged first.
    mobile = (
        matcher.records["itinerant"].fillna(False).astype(bool).tolist()
        if "itinerant" in matcher.records
        else [False] * matcher.n
    )
    pairs.sort(
        key=lambda p: (
            -RULE_STRENGTH[p[2]],
            mobile[p[0]] or mobile[p[1]],
            matcher.distance(p[0], p[1]),
            ids[p[0]],
            ids[p[1]],
        )
    )
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
