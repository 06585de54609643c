"""Find which venue records describe the same place, and group them into lieux.

Candidate pairs, strongest evidence first (the rule is kept with each pair):
- `identifiant`: the same identifier in a shared id space (data·inclusion's conseiller-numerique records
  reuse CNFS ids), or a record of our own national-standard export brought back (its `id` is the
  lieu's, « lieu-<record_id> », in the same commune);
- `adresse`: the same street number and street (normalised with the national lists; a complement after
  the street is allowed) in the same commune;
- `adresse_proche`: the same house number in the same commune, on one street written two ways
  (`matching.similar_address`: a spelling slip, or another type or a first name, then with names
  alike), or on any street with near-identical names; or on the same street with two numbers,
  near-identical names and one record not located at its address;
- `proximite_nom`: both located at an address, at most 150 m apart, with similar names;
- `proximite_label`: a site of the official France Services list and, at most 150 m away, a record of
  another source that declares itself France Services;
- `siret`: the same real SIRET in the same commune, with similar names or at most 150 m apart;
- `voie_nom`: the same street, without a number on one side at least, in the same commune, with
  names alike (or the very same street and building words in another order, street-type codes
  expanded wherever they stand);
- `commune_nom`: one record placed only at commune level, same commune, near-identical name.
Names are compared without the commune's own name (« CCAS de Castres » and « PIJ de Castres » share
nothing else). Two records that both give a street number and street, and not the same, are never
matched by the weaker rules (name, proximity, SIRET, street, commune).

Pairs are merged strongest first, and a merge is refused when it would break a rule of what a place is:
- two sites of the official France Services list with different ids are never one lieu;
- records located at their address are never more than `SPREAD_M` apart within one lieu
  (`STREET_SPREAD_M` with a street-level point), unless the two give the very same address (one geocode
  is wrong) or one point only locates the street both name (a street-level geocode, or, within
  `STREET_SPREAD_M`, an address without a house number on a street the other names);
- one register's entry published twice (`identifiant`) always merges;
- a coordinator's « pas le même lieu » is never merged, their « même lieu » always is.
Refused pairs are kept with the reason, for the quality page.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from ..shared.geo import to_lambert93
from ..shared.measures import OFFICIAL_LISTS, SPREAD_M
from ..shared.vocab import L_FRANCE_SERVICES
from .dedup_rules import (
    STREET_NAME_SIMILARITY,
    AddressRules,
    _groups,
)
from .matching import (
    different_addresses,
    normalise_name,
    parse_address,
    same_address,
    same_street,
    similarity,
    street_within,
)

MAX_DISTANCE_M = 150.0
STREET_SPREAD_M = 1500.0
NAME_SIMILARITY = 85.0
SIRET_NAME_SIMILARITY = 70.0
SHARED_ID_SOURCES = ("cnfs", "data_inclusion")
# Sources whose different ids are different sites by definition (an official list).
DISTINCT_ID_SOURCES = ("france_services_2024",)
RULE_STRENGTH = {
    "coordinateur": 5,
    "identifiant": 4,
    "adresse": 3,
    "adresse_proche": 2,
    "proximite_nom": 2,
    "proximite_label": 2,
    "siret": 1,
    "voie_nom": 1,
    "commune_nom": 0,
}


@dataclass(frozen=True)
class Override:
    """A coordinator's decision on a pair of records, keyed by (source, source_id)."""

    key_a: tuple[str, str]
    key_b: tuple[str, str]
    same: bool


def record_key(source: str, source_id: str) -> tuple[str, str]:
    return (str(source), str(source_id))


class Matcher(AddressRules):
    """Features of every record, the candidate pairs and the constraints between them."""

    def __init__(self, records: pd.DataFrame, overrides: list[Override] = ()):
        self.records = records.reset_index(drop=True)
        r = self.records
        self.n = len(r)
        self.names = [normalise_name(n, c) for n, c in zip(r["nom"], r["commune"], strict=True)]
        self.addresses = [parse_address(a) for a in r["adresse"]]
        self.x, self.y = to_lambert93(r["longitude"].to_numpy(), r["latitude"].to_numpy())
        self.precision = r["location_precision"].to_numpy()
        self.keys = [record_key(s, i) for s, i in zip(r["source"], r["source_id"], strict=True)]
        self.codes = r["code_insee"].tolist()
        self.labels = [set(v) if v is not None else set() for v in r["labels"]]
        index = {k: i for i, k in enumerate(self.keys)}
        self.forced = [
            (index[o.key_a], index[o.key_b])
            for o in overrides
            if o.same and o.key_a in index and o.key_b in index
        ]
        self.forbidden = {
            frozenset((index[o.key_a], index[o.key_b]))
            for o in overrides
            if not o.same and o.key_a in index and o.key_b in index
        }

    def distance(self, i: int, j: int) -> float:
        return float(np.hypot(self.x[i] - self.x[j], self.y[i] - self.y[j]))

    def candidates(self) -> list[tuple[int, int, str]]:
        """Pairs of row positions with the strongest rule that links them.

        Every rule compares records within a block that the rule itself requires them to share (an id,
        a commune, a street in a commune, a 150 m neighbourhood), so the cost grows with the records,
        not with their square.
        """
        found: dict[tuple[int, int], str] = {}
        # A record of our own export joins the lieu it came from, and nothing else: it copies that
        # lieu's address and name, which would otherwise link it to that lieu's neighbours.
        tied = {i: j for i, j in self._own_export()}

        def add(i: int, j: int, rule: str) -> None:
            key = (min(i, j), max(i, j))
            if (i in tied or j in tied) and tied.get(i) != j and tied.get(j) != i:
                return
            weak = rule not in ("identifiant", "adresse", "adresse_proche", "coordinateur")
            if i == j or (weak and different_addresses(self.addresses[i], self.addresses[j])):
                return
            if RULE_STRENGTH[rule] > RULE_STRENGTH.get(found.get(key, ""), -1):
                found[key] = rule

        for rule, pairs in (
            ("identifiant", self._same_id()),
            ("identifiant", tied.items()),
            ("adresse", self._same_address()),
            ("adresse_proche", self._same_number()),
            ("adresse_proche", self._same_street_same_name()),
            ("voie_nom", self._same_street()),
            ("voie_nom", self._same_street_words()),
            (None, self._near()),
            ("siret", self._same_siret()),
            ("commune_nom", self._same_commune_name()),
            ("coordinateur", self.forced),
        ):
            for pair in pairs:
                i, j, pair_rule = pair if rule is None else (*pair, rule)
                add(i, j, pair_rule)
        return [(i, j, rule) for (i, j), rule in found.items()]

    def _same_id(self):
        r = self.records
        for members in _groups(
            [
                sid if src in SHARED_ID_SOURCES and len(sid) >= 12 else None
                for src, sid in zip(r["source"], r["source_id"], strict=True)
            ]
        ):
            yield from itertools.combinations(members, 2)

    def _same_address(self):
        """The same number and street in one commune (blocked by number, commune and the first word
        of the street's name, which two addresses on one street always share)."""
        for members in _groups(
            [
                (a.number, c, a.name_start) if a.number and a.name_start else None
                for a, c in zip(self.addresses, self.codes, strict=True)
            ]
        ):
            for i, j in itertools.combinations(members, 2):
                if same_address(self.addresses[i], self.addresses[j]):
                    yield i, j

    def _same_street(self):
        """The same street (blocked by commune and the street's first two words), without a number
        on one side at least, names alike."""
        for members in _groups(
            [
                (c, a.street[:2]) if len(a.street) >= 2 or a.street == ("mairie",) else None
                for a, c in zip(self.addresses, self.codes, strict=True)
            ]
        ):
            for i, j in itertools.combinations(members, 2):
                a, b = self.addresses[i], self.addresses[j]
                if a.number and b.number or not same_street(a, b):
                    continue
                # The same street and building words in another order: one address.
                reordered = (
                    len(a.street) >= 3
                    and a.street != b.street
                    and sorted(a.street) == sorted(b.street)
                )
                if reordered or similarity(self.names[i], self.names[j]) >= STREET_NAME_SIMILARITY:
                    yield i, j

    def _near(self):
        precise = np.flatnonzero(np.isin(self.precision, ("address", "street")))
        if len(precise) < 2:
            return
        tree = cKDTree(np.column_stack([self.x[precise], self.y[precise]]))
        for a, b in sorted(tree.query_pairs(MAX_DISTANCE_M)):
            i, j = int(precise[a]), int(precise[b])
            if similarity(self.names[i], self.names[j]) >= NAME_SIMILARITY:
                yield i, j, "proximite_nom"
            elif self._official_and_claim(i, j) or self._official_and_claim(j, i):
                yield i, j, "proximite_label"

    def _same_siret(self):
        r = self.records
        sirets = [
            (s, c) if isinstance(s, str) and s else None
            for s, c in zip(r["siret"], self.codes, strict=True)
        ]
        for members in _groups(sirets):
            for i, j in itertools.combinations(members, 2):
                near = self._both_precise(i, j) and self.distance(i, j) <= MAX_DISTANCE_M
                if near or similarity(self.names[i], self.names[j]) >= SIRET_NAME_SIMILARITY:
                    yield i, j

    def _same_commune_name(self):
        """A record placed at commune level and a record of its commune with a near-identical name."""
        imprecise = ~np.isin(self.precision, ("address", "street"))
        for members in _groups(self.codes):
            queries = [i for i in members if imprecise[i]]
            yield from self._alike_names(queries, members, both_orders=True)

    def _official_and_claim(self, i: int, j: int) -> bool:
        """Record i is on the official France Services list; record j, of another source, says it is one."""
        official = OFFICIAL_LISTS[L_FRANCE_SERVICES]
        return (
            self.keys[i][0] in official
            and self.keys[j][0] not in official
            and L_FRANCE_SERVICES in self.labels[j]
        )

    def _both_precise(self, i: int, j: int) -> bool:
        return self.precision[i] == "address" and self.precision[j] == "address"

    def conflict(self, group_a: list[int], group_b: list[int], forced: bool) -> str | None:
        """Why the two groups cannot be one lieu, or None."""
        for i in group_a:
            for j in group_b:
                if frozenset((i, j)) in self.forbidden:
                    return "refusee_coordinateur"
                src_i, src_j = self.keys[i][0], self.keys[j][0]
                if src_i == src_j and src_i in DISTINCT_ID_SOURCES and self.keys[i] != self.keys[j]:
                    return "refusee_liste_officielle"
                if forced:
                    continue
                limit = self._spread_limit(i, j)
                if (
                    limit is not None
                    and self.distance(i, j) > limit
                    and not self._distance_explained(i, j)
                ):
                    return "refusee_distance"
        return None

    def _distance_explained(self, i: int, j: int) -> bool:
        """Two points far apart that still locate one place: the very same address (one geocode is
        wrong), or the same street when one point only locates the street."""
        a, b = self.addresses[i], self.addresses[j]
        if same_address(a, b):
            return True
        street_level = "street" in (self.precision[i], self.precision[j])
        if street_level and same_street(a, b):
            return True
        # An address without a house number locates at best its street: along the street both name.
        unnumbered = not (a.number and b.number)
        return unnumbered and self.distance(i, j) <= STREET_SPREAD_M and street_within(a, b)

    def _spread_limit(self, i: int, j: int) -> float | None:
        kinds = {self.precision[i], self.precision[j]}
        if kinds <= {"address"}:
            return SPREAD_M
        if kinds <= {"address", "street"}:
            return STREET_SPREAD_M
        return None
