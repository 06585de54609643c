"""Opening hours for « Orienter une personne »: open at a moment, on Saturday, after 18 h, today's
hours. The OSM rules are evaluated by the `opening_hours` library with the French public holidays, in
Europe/Paris local time (naive datetimes); a lieu without valid hours is unknown (None), never closed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import opening_hours

from ..shared import vocab

PARIS = ZoneInfo("Europe/Paris")
EVENING = dt.time(18, 0)
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
WHEN = ("maintenant", "samedi", "soir")
_WHEN_AT = re.compile(r"^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)-(\d{1,2})h(\d{2})?$")


@dataclass(frozen=True)
class When:
    """`kind` is « » (any time), « maintenant », « samedi », « soir » (after 18 h) or « jour »
    (`weekday` 0–6 at `minutes` after midnight, the next such moment)."""

    kind: str = ""
    weekday: int = 0
    minutes: int = 0

    def code(self) -> str:
        if self.kind == "jour":
            hours, rest = divmod(self.minutes, 60)
            return f"{DAYS[self.weekday]}-{hours}h" + (f"{rest:02d}" if rest else "")
        return self.kind


def parse_when(text: str) -> When | None:
    """A `quand` value; None when it is not one."""
    text = re.sub(r"[^a-z0-9]+", "-", vocab.fold(text)).strip("-") if text else ""
    if text in ("", *WHEN):
        return When(text)
    match = _WHEN_AT.match(text.replace("-h", "h"))
    if not match:
        return None
    hours, minutes = int(match[2]), int(match[3] or 0)
    if hours > 23 or minutes > 59:
        return None
    return When("jour", DAYS.index(match[1]), hours * 60 + minutes)


@lru_cache(maxsize=8192)
def parsed_hours(osm: str) -> opening_hours.OpeningHours | None:
    """The parsed OSM rule (French public holidays); None when it is not valid OSM."""
    try:
        return opening_hours.OpeningHours(osm, country="FR")
    except (opening_hours.ParserError, ValueError, SyntaxError):
        return None


def _hours(osm) -> opening_hours.OpeningHours | None:
    if osm is None or (isinstance(osm, float) and math.isnan(osm)) or not str(osm).strip():
        return None
    return parsed_hours(str(osm).strip())


def open_at(osm, at: dt.datetime) -> bool | None:
    """Open at `at` (Paris local time, naive)? None when the hours are unknown or say « unknown »."""
    rule = _hours(osm)
    if rule is None:
        return None
    state, _comment = rule.state(at)
    if state == opening_hours.State.UNKNOWN:
        return None
    return state == opening_hours.State.OPEN


def _open_between(osm, start: dt.datetime, end: dt.datetime, after: dt.time | None = None):
    rule = _hours(osm)
    if rule is None:
        return None
    for begin, stop, state, _ in rule.intervals(start, end):
        if state != opening_hours.State.OPEN:
            continue
        if after is None or stop.time() > after or stop.date() > begin.date():
            return True
    return False


def next_weekday(now: dt.datetime, weekday: int, minutes: int = 0) -> dt.datetime:
    """The next moment (today included, if still to come) that is `weekday` at `minutes`."""
    day = now.date() + dt.timedelta(days=(weekday - now.weekday()) % 7)
    at = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)
    return at if at >= now.replace(second=0, microsecond=0) else at + dt.timedelta(days=7)


def open_when(osm, when: When, now: dt.datetime) -> bool | None:
    """Whether the lieu is open at the moment the person can go (True for « any time »)."""
    if when.kind == "":
        return True
    if when.kind == "maintenant":
        return open_at(osm, now)
    if when.kind == "jour":
        return open_at(osm, next_weekday(now, when.weekday, when.minutes))
    if when.kind == "samedi":
        start = next_weekday(now.replace(hour=0, minute=0), 5)
        return _open_between(osm, start, start + dt.timedelta(days=1))
    start = dt.datetime.combine(now.date(), dt.time())
    return _open_between(osm, start, start + dt.timedelta(days=7), EVENING)


def day_hours(osm, day: dt.date) -> str:
    """« 9 h – 12 h et 14 h – 17 h », « fermé » or « horaires inconnus » for one date."""
    rule = _hours(osm)
    if rule is None:
        return "horaires inconnus"
    start = dt.datetime.combine(day, dt.time())
    spans = [
        (a, b)
        for a, b, state, _ in rule.intervals(start, start + dt.timedelta(days=1))
        if state == opening_hours.State.OPEN
    ]

    def clock(moment: dt.datetime) -> str:
        if moment.date() > day:
            return "minuit"
        return f"{moment.hour} h" + (f" {moment.minute:02d}" if moment.minute else "")

    return " et ".join(f"{clock(a)} – {clock(b)}" for a, b in spans) or "fermé"


def paris_now(now: dt.datetime | None = None) -> dt.datetime:
    """Now (or `now`) as naive Europe/Paris local time, which the opening hours are written in."""
    moment = now or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(PARIS).replace(tzinfo=None)
