"""Comparable forms of venue names and addresses, and the candidate pairs the matcher scores.

Addresses are normalised with the national lists (FANTOIR street types, NF Z10-011 abbreviations, see
`references`), so « 1 CHE DE LA MESTRISE » and « 1 Chemin de la Mestrise » compare equal. Names drop
what two records of one town share without telling anything (the commune's own name, articles) and name
one institution one way (« Mairie de X » = « Commune de X » = « Hôtel de ville »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from rapidfuzz import fuzz

from ..shared.vocab import fold
from . import references

STOPWORDS = frozenset(
    {"de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur", "sous"}
)
# One institution, several names: the town hall, the France Services label and its former names.
NAME_SYNONYMS = (
    (r"\b(hotel de ville|commune|ville)\b", "mairie"),
    (r"\b(maison de services au public|maison france services?|msap|mfs)\b", "france services"),
    (r"\bespace france services\b", "france services"),
    (r"\bcc\b", "communaute de communes"),
    (r"\bca\b", "communaute d agglomeration"),
    # Acronyms of public services, written both ways by the sources.
    (r"\bccas\b", "centre communal d action sociale"),
    (r"\bcias\b", "centre intercommunal d action sociale"),
    (r"\bpij\b", "point information jeunesse"),
    (r"\bepn\b", "espace public numerique"),
)
POSTAL_TAIL = re.compile(r"\b\d{5}\b.*$")
POSTAL_BOXES = re.compile(r"\b(bp|cs|tsa)\s*\d+\b|\bcedex\b(\s*\d+)?")
NUMBER = re.compile(r"^(\d{1,4})(bis|ter|quater|b|t|q)?$")
ORDINALS = {"b": "bis", "t": "ter", "q": "quater"}
ORDINAL_WORDS = ("bis", "ter", "quater", "b", "t", "q")
# Two spellings of one street (ratio of the whole street, type included).
SPELLING_SIMILARITY = 90.0
TOWN_HALL = re.compile(r"(la )?(mairie|hotel de ville)( de .*)?")


# An elided article written without its apostrophe (« Val dArros », « place dAstarac »).
ELISION = re.compile(r"\b([dl])(?=[A-ZÀ-Ý][a-zà-ÿ])")
GRANDE_RUE = re.compile(r"\bgrande? rue\b")


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", fold(ELISION.sub(r"\1 ", text or ""))).split()


@cache
def _street_types() -> dict[str, str]:
    return references.street_types()


@cache
def _street_type_words() -> frozenset[str]:
    return frozenset(_street_types().values())


@cache
def _titles() -> dict[str, str]:
    return references.title_abbreviations()


def normalise_name(name: str, commune: str = "") -> str:
    """Name without accents, punctuation, articles and the commune's own name; synonyms unified."""
    text = " ".join(words(name))
    for pattern, replacement in NAME_SYNONYMS:
        text = re.sub(pattern, replacement, text)
    town = " ".join(w for w in words(commune) if w not in STOPWORDS)
    kept = [w for w in text.split() if w not in STOPWORDS]
    text = " ".join(kept)
    if town and len(town) > 2:
        text = re.sub(rf"(^| ){re.escape(town)}( |$)", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Address:
    """A normalised address: street number (with bis/ter) and street words (type expanded, titles
    expanded, articles dropped, complements such as a building name kept after the street)."""

    number: str
    street: tuple[str, ...]

    @property
    def key(self) -> str:
        return " ".join([self.number, *self.street]) if self.number and self.street else ""

    @cached_property
    def base_number(self) -> str:
        """The number without bis/ter: « 4 » and « 4 bis » are one building's entrances."""
        return re.sub(r"\D", "", self.number)

    @cached_property
    def name_start(self) -> str | None:
        """The first word of the street's name (after its type word): two addresses on one street
        always share it (see `same_street`); None when the street has no name."""
        name = (
            self.street[1:]
            if self.street and self.street[0] in _street_type_words()
            else self.street
        )
        return name[0] if name else None


def parse_address(address: str) -> Address:
    """« 1 CHE DE LA MESTRISE BP 36 09500 MIREPOIX » → Address('1', ('chemin', 'mestrise'))."""
    text = GRANDE_RUE.sub("grand rue", POSTAL_BOXES.sub(" ", " ".join(words(address))))
    tokens = POSTAL_TAIL.sub(" ", text).split()
    types, titles = _street_types(), _titles()
    start, number = 0, ""
    for index, token in enumerate(tokens):
        match = NUMBER.match(token)
        if match and index + 1 < len(tokens):
            rest = tokens[index + 1 :]
            ordinal = match.group(2)
            if rest[0] in ORDINAL_WORDS and ordinal is None and len(rest) > 1:
                ordinal, rest = rest[0], rest[1:]
            number = match.group(1) + (ORDINALS.get(ordinal, ordinal) if ordinal else "")
            tokens, start = rest, 0
            break
    else:
        # No number: the street starts at the first street-type word (code or word), if any.
        if TOWN_HALL.fullmatch(" ".join(tokens)):
            return Address("", ("mairie",))  # « Mairie », « Hôtel de ville »: the town hall
        words_of_types = set(types.values())
        start = next(
            (i for i, t in enumerate(tokens) if t in types or t in words_of_types), len(tokens)
        )
    street = tokens[start:]
    if not street:
        return Address(number, ())
    expanded = [types.get(street[0], street[0])]
    expanded += [titles.get(w, w) for w in street[1:] if w not in STOPWORDS]
    return Address(number, tuple(expanded))


def normalise_address(address: str) -> str:
    """« 1 chemin mestrise » from « 1 CHE DE LA MESTRISE BP 36 09500 MIREPOIX »; '' without a number."""
    return parse_address(address).key


def same_street(a: Address, b: Address) -> bool:
    """One street is the other, possibly followed by a complement (« rue sauniers » / « rue sauniers
    bel air »): the shorter, of two words at least, begins the longer. A street written without its
    type (« 26 Antoine Courrière ») is compared with the other's name."""
    short, long_ = sorted((a.street, b.street), key=len)
    if len(short) >= 2 and long_[: len(short)] == short:
        return True
    if a.street == b.street == ("mairie",):
        return True
    types = _street_type_words()
    a_name = a.street[1:] if a.street and a.street[0] in types else a.street
    b_name = b.street[1:] if b.street and b.street[0] in types else b.street
    if (a_name == a.street) == (b_name == b.street):
        return False  # both typed (and different) or both untyped
    short, long_ = sorted((a_name, b_name), key=len)
    return len(short) >= 2 and long_[: len(short)] == short


def street_words(address: Address) -> tuple[str, ...]:
    """The street's words with every street-type code expanded, wherever it stands (« av » in
    « Espace Paulhan av de la Résistance », after a building's name)."""
    types = _street_types()
    return tuple(types.get(w, w) for w in address.street)


def street_within(a: Address, b: Address) -> bool:
    """One street, typed and of two words at least, is written inside the other (codes expanded),
    before or after a complement: « avenue résistance » in « espace paulhan avenue résistance »."""
    short, long_ = sorted((street_words(a), street_words(b)), key=len)
    size = len(short)
    if size < 2 or short[0] not in _street_type_words():
        return False
    return any(long_[k : k + size] == short for k in range(len(long_) - size + 1))


def same_address(a: Address, b: Address) -> bool:
    return bool(a.base_number) and a.base_number == b.base_number and same_street(a, b)


def _name_of(address: Address) -> tuple[tuple[str, ...], str]:
    """(the street's name words, its type word or '')."""
    types = _street_type_words()
    if address.street and address.street[0] in types:
        return address.street[1:], address.street[0]
    return address.street, ""


def similar_address(a: Address, b: Address) -> str | None:
    """How the same house number lies on what is one street written two ways, where `same_address`
    says no: « orthographe » for a spelling slip (« allée / allées », « Faugère / Faugères »,
    « Docteurue »), « variante » for another type with the same name (« rue / chemin X »,
    « esplanade / place X ») or the name with or without its first name (« boulevard Raymond
    Bergougnan » / « boulevard Bergougnan »); None otherwise."""
    if not (a.base_number and a.base_number == b.base_number and a.street and b.street):
        return None
    if same_address(a, b):
        return None
    street_a, street_b = " ".join(a.street), " ".join(b.street)
    if min(len(street_a), len(street_b)) >= 8 and (
        fuzz.ratio(street_a, street_b) >= SPELLING_SIMILARITY
    ):
        return "orthographe"
    (name_a, type_a), (name_b, type_b) = _name_of(a), _name_of(b)
    if name_a and name_a == name_b:
        return "variante"
    short, long_ = sorted((name_a, name_b), key=len)
    if type_a == type_b and short and len(long_) > len(short) and long_[-len(short) :] == short:
        return "variante" if len(short[-1]) >= 4 else None
    return None


def different_addresses(a: Address, b: Address) -> bool:
    """Both give a street number and street, and they are not the same place."""
    return bool(a.number and b.number and a.street and b.street) and not same_address(a, b)


def similarity(a: str, b: str) -> float:
    """0-100: how alike two normalised names are, word order aside. The mean of the token-set ratio
    (one name within the other scores high) and the token-sort ratio (extra words cost), so that a
    generic name (« mairie ») is not the same as every name that contains it."""
    if not a or not b:
        return 0.0
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2.0
