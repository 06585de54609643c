"""Commune look-ups from texts: names in a venue's name or address, postcodes written in an address."""

from __future__ import annotations

import re
from functools import lru_cache

from ..shared.config import REGION
from ..shared.vocab import fold
from .territory import Territory

POSTCODE_IN_TEXT = re.compile(r"(?<!\d)(\d{5})(?!\d)")


@lru_cache(maxsize=65536)
def words(text: str) -> str:
    """« saint jean de vedas » for « Saint-Jean-de-Védas » (for whole-word look-ups)."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text or "")).strip()


def named_in(name: str, *texts: str) -> bool:
    """True when the commune name appears as whole words in one of the texts."""
    needle = f" {words(name)} "
    return any(needle in f" {words(t)} " for t in texts if t)


def pick_named(candidates: list[str], territory: Territory, *texts: str) -> str | None:
    """The candidate commune whose name the texts mention (the longest name when several do)."""
    haystacks = [f" {words(t)} " for t in texts if t]
    named = [c for c in candidates if any(f" {words(territory.names[c])} " in h for h in haystacks)]
    return max(named, key=lambda c: len(territory.names[c])) if named else None


def commune_named(territory: Territory, departement: str, *texts: str) -> str | None:
    """A commune of `departement` named in the texts (4 letters or more, longest name first)."""
    if departement not in REGION.departements:
        return None
    candidates = [
        c for c in territory.departement_communes(departement) if len(territory.names[c]) >= 4
    ]
    return pick_named(candidates, territory, *texts)


def postcodes_in(text: str) -> list[str]:
    """Five-digit postcodes written in a text (« RUE DE L'EGLISE 52200 BOURG » → ['52200'])."""
    return POSTCODE_IN_TEXT.findall(text or "")


def after_postcode(text: str) -> str:
    """What follows the first postcode of an address (its town), '' when it writes none."""
    match = POSTCODE_IN_TEXT.search(text or "")
    return text[match.end() :] if match else ""


def outside_region(code: str) -> bool:
    """True for a 5-digit INSEE code or postcode whose département is not one of the région's."""
    return bool(re.fullmatch(r"\d{5}", code or "")) and code[:2] not in REGION.departements
