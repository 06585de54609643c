"""Opening hours: normalise every source's wording to OpenStreetMap `opening_hours` syntax.

Parsing and validating the OSM syntax is done by the `opening_hours` library (opening-hours-py);
this module only turns French per-day texts (« 14h-18h », « de 09h00 à 12h30 de 13h30 à 17h00 », «
09:00 - 12:00 / 14:00 - 17:00 ») into that syntax.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import opening_hours

from ..shared.week import DAYS, REFERENCE_MONDAY, open_intervals

_TIME = r"(\d{1,2})\s*(?:[hH:]\s*(\d{2})?|\s*heures?)?"
_RANGE = re.compile(_TIME + r"\s*(?:-|–|—|à|a|jusqu'à)\s*" + _TIME)
_CLOSED = re.compile(r"^\s*(ferm[ée]e?s?|-+|/|x|non|n/?a)?\s*$", re.IGNORECASE)
_FILLER = re.compile(r"(?i)\b(de|et|le matin|l'après-midi|matin|après-midi|puis)\b|[/,;+]")


@dataclass(frozen=True)
class Hours:
    """Normalised opening hours of one record."""

    osm: str | None  # OSM opening_hours, None when unknown or unparseable
    original: str | None  # the source's own text
    status: str  # "ok", "partial" (comments dropped), "unparsed", "missing"
    open_saturday: bool | None = None
    open_sunday: bool | None = None
    open_after_18: bool | None = None


def _minutes(hour: str, minute: str | None) -> int | None:
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59:
        return None
    return h * 60 + m


def parse_day_text(text: str | None) -> tuple[list[tuple[int, int]] | None, bool]:
    """Time ranges of one day's French text, and whether any unparsed wording remained.

    Returns ([], False) for a closed day, (None, True) when nothing could be read.
    """
    if text is None or _CLOSED.match(text):
        return [], False
    ranges = []
    for match in _RANGE.finditer(text):
        start = _minutes(match.group(1), match.group(2))
        end = _minutes(match.group(3), match.group(4))
        if start is None or end is None or end <= start:
            return None, True
        ranges.append((start, end))
    if not ranges:
        return None, True
    rest = _FILLER.sub(" ", _RANGE.sub(" ", text)).strip(" .-")
    return sorted(ranges), bool(rest)


def _fmt(ranges: list[tuple[int, int]]) -> str:
    return ",".join(f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}" for a, b in ranges)


def from_day_texts(day_texts: dict[str, str | None]) -> Hours:
    """Hours from one free-text value per weekday, keys 'Mo'…'Su'; missing days count as unknown."""
    present = {d: t.strip() for d, t in day_texts.items() if t is not None and t.strip()}
    original = "; ".join(f"{d} {present[d]}" for d in DAYS if d in present) or None
    if not present:
        return Hours(None, None, "missing")
    per_day: dict[str, list[tuple[int, int]]] = {}
    partial = False
    for day in DAYS:
        ranges, leftover = parse_day_text(present.get(day))
        if ranges is None:
            return Hours(None, original, "unparsed")
        partial = partial or leftover
        per_day[day] = ranges
    if not any(per_day.values()):
        return Hours(None, original, "unparsed")
    rules, i = [], 0
    while i < len(DAYS):
        j = i
        while j + 1 < len(DAYS) and per_day[DAYS[j + 1]] == per_day[DAYS[i]]:
            j += 1
        if per_day[DAYS[i]]:
            span = (
                DAYS[i]
                if i == j
                else f"{DAYS[i]}-{DAYS[j]}"
                if j > i + 1
                else f"{DAYS[i]},{DAYS[j]}"
            )
            rules.append(f"{span} {_fmt(per_day[DAYS[i]])}")
        i = j + 1
    return from_osm("; ".join(rules), original=original, partial=partial)


def from_osm(text: str | None, original: str | None = None, partial: bool = False) -> Hours:
    """Validate an OSM opening_hours string and derive the weekend / evening flags."""
    if text is None or not str(text).strip():
        return Hours(None, original, "missing")
    text = str(text).strip()
    try:
        parsed = opening_hours.OpeningHours(text)
    except (opening_hours.ParserError, ValueError):
        return Hours(None, original or text, "unparsed")
    saturday = sunday = evening = False
    for start, end in open_intervals(parsed):
        saturday = saturday or _overlaps_day(start, end, 5)
        sunday = sunday or _overlaps_day(start, end, 6)
        evening = evening or (end.time() > dt.time(18, 0) or end.date() > start.date())
    return Hours(
        str(parsed.normalize()),
        original or text,
        "partial" if partial else "ok",
        saturday,
        sunday,
        evening,
    )


def _overlaps_day(start: dt.datetime, end: dt.datetime, weekday: int) -> bool:
    day = REFERENCE_MONDAY + dt.timedelta(days=weekday)
    return start < day + dt.timedelta(days=1) and end > day
