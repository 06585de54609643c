"""The matcher's address rules added where the first rules were weakest: our own export brought back,
one house number on one street written two ways, near-identical names at one number or on one street
(see `dedup` for the list of rules and the constraints on merges)."""

from __future__ import annotations

import itertools

import numpy as np
from rapidfuzz import fuzz, process

from .matching import (
    _street_type_words,
    same_street,
    similar_address,
    similarity,
    street_words,
)

STREET_NAME_SIMILARITY = 60.0
SAME_COMMUNE_NAME_SIMILARITY = 92.0


class AddressRules:
    """Candidate-pair generators of `dedup.Matcher` (which holds the records' features)."""

    def _own_export(self):
        """A record whose identifier names a lieu of ours (« lieu-<record_id> ») and the record that
        lieu is named after, in the same commune: our own export brought back."""
        r = self.records
        if "record_id" not in r:
            return
        position = {rid: i for i, rid in enumerate(r["record_id"])}
        for i, sid in enumerate(r["source_id"]):
            if isinstance(sid, str) and sid.startswith("lieu-"):
                j = position.get(sid[len("lieu-") :])
                if j is not None and j != i and self.codes[i] == self.codes[j]:
                    yield i, j

    def _same_number(self):
        """The same house number in one commune (blocked by number and commune): one street written
        two ways with names alike, or near-identical names whatever the street.

        Streets are compared once per distinct pair of streets of a block, names a block at a time
        (rapidfuzz's C loop), so that a block of many records on one street stays cheap."""
        for members in _groups(
            [
                (a.base_number, c) if a.base_number else None
                for a, c in zip(self.addresses, self.codes, strict=True)
            ]
        ):
            by_street: dict[tuple, list[int]] = {}
            for i in members:
                by_street.setdefault(self.addresses[i].street, []).append(i)
            for first, second in itertools.combinations(list(by_street.values()), 2):
                how = similar_address(self.addresses[first[0]], self.addresses[second[0]])
                for i, j in itertools.product(first, second) if how else ():
                    if how == "orthographe":  # one address spelt two ways: as `adresse`
                        yield i, j
                    elif similarity(self.names[i], self.names[j]) >= STREET_NAME_SIMILARITY:
                        yield i, j
            yield from self._alike_names(members, members)

    def _alike_names(self, queries: list[int], members: list[int], both_orders: bool = False):
        """Pairs of `queries` × `members` with near-identical names, i < j (or any two records with
        `both_orders`).

        Names are compared a block of records at a time (rapidfuzz's C loop): the mean of the two ratios
        reaches SAME_COMMUNE_NAME_SIMILARITY only if the token-sort ratio reaches twice that minus 100,
        a cheap first sieve; the pairs it keeps are then scored exactly as elsewhere."""
        sieve = 2 * SAME_COMMUNE_NAME_SIMILARITY - 100 - 0.5
        for start in range(0, len(queries), 256):
            block = queries[start : start + 256]
            scores = process.cdist(
                [self.names[i] for i in block],
                [self.names[j] for j in members],
                scorer=fuzz.token_sort_ratio,
                score_cutoff=sieve,
                workers=1,
            )
            for q, m in zip(*np.nonzero(scores >= sieve), strict=True):
                i, j = block[q], members[m]
                if (i != j if both_orders else i < j) and similarity(
                    self.names[i], self.names[j]
                ) >= SAME_COMMUNE_NAME_SIMILARITY:
                    yield i, j

    def _same_street_same_name(self):
        """The same street with two numbers, near-identical names, one record located at its address
        and the other not: one place whose number is wrong on one side."""
        for members in _groups(
            [
                (c, a.street[:2]) if a.number and len(a.street) >= 2 else None
                for a, c in zip(self.addresses, self.codes, strict=True)
            ]
        ):
            located = [i for i in members if self.precision[i] == "address"]
            others = [i for i in members if self.precision[i] != "address"]
            if not located or not others:
                continue
            for i, j in self._alike_names(others, located):
                if same_street(self.addresses[i], self.addresses[j]):
                    yield i, j
            for j, i in self._alike_names(located, others):
                if same_street(self.addresses[i], self.addresses[j]):
                    yield i, j

    def _same_street_words(self):
        """The same street words in another order, street-type codes expanded, in one commune,
        without a house number on one side at least (blocked by commune and those words): one
        address when a building is named with the street (two type words: « Espace Paulhan av de la
        Résistance » / « avenue de la Résistance, Espace Paulhan »), else with names alike
        (« rue Juliette et Édouard Massal » / « rue Édouard et Juliette Massal »)."""
        types = _street_type_words()
        for members in _groups(
            [
                (c, tuple(sorted(street_words(a)))) if len(a.street) >= 3 else None
                for a, c in zip(self.addresses, self.codes, strict=True)
            ]
        ):
            building = sum(w in types for w in street_words(self.addresses[members[0]])) >= 2
            for i, j in itertools.combinations(members, 2):
                a, b = self.addresses[i], self.addresses[j]
                if (a.number and b.number) or a.street == b.street:
                    continue
                if building or similarity(self.names[i], self.names[j]) >= STREET_NAME_SIMILARITY:
                    yield i, j


def _groups(keys: list) -> list[list[int]]:
    by_key: dict = {}
    for i, key in enumerate(keys):
        if key is not None:
            by_key.setdefault(key, []).append(i)
    return [members for members in by_key.values() if len(members) > 1]
