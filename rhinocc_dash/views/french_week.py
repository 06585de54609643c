"""Opening hours for people: the OpenStreetMap form (« Mo-Tu,Th-Fr 09:00-12:30 ») read out as a French
week (« lundi, mardi, jeudi, vendredi : 9 h – 12 h 30 »). The `opening_hours` library evaluates the rule
over a reference week; this module only words the result. Exports keep the OSM form."""

from __future__ import annotations

import datetime as dt
import re

import opening_hours

from ..shared.week import FRENCH_DAYS, open_intervals

# Rules a single week cannot show (holidays, months, weeks, dates, comments).
_SEASONAL = re.compile(
    r"\bPH\b|\bSH\b|\bweek\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\b\d{4}\b|\"|easter"
)


def _clock(minutes: int) -> str:
    if minutes >= 24 * 60:
        return "minuit"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h" + (f" {rest:02d}" if rest else "")


def _days(group: list[int]) -> str:
    """« du lundi au vendredi » for three days or more in a row, else « lundi, jeudi »."""
    if len(group) >= 3 and group == list(range(group[0], group[-1] + 1)):
        return f"du {FRENCH_DAYS[group[0]]} au {FRENCH_DAYS[group[-1]]}"
    return ", ".join(FRENCH_DAYS[d] for d in group)


def week_schedule(osm: str) -> dict[int, list[tuple[int, int]]]:
    """Open ranges (minutes since midnight) of each weekday over the reference week."""
    parsed = opening_hours.OpeningHours(osm)
    days: dict[int, list[tuple[int, int]]] = {d: [] for d in range(7)}
    for start, end in open_intervals(parsed):
        while start < end:
            midnight = dt.datetime.combine(start.date() + dt.timedelta(days=1), dt.time())
            stop = min(end, midnight)
            begin = start.hour * 60 + start.minute
            days[start.weekday()].append((begin, begin + int((stop - start).total_seconds() // 60)))
            start = stop
    return days


def french_week(osm: str | None) -> str | None:
    """The week in French; None when the text is not OSM opening hours."""
    if not osm or not str(osm).strip():
        return None
    try:
        days = week_schedule(str(osm))
    except (opening_hours.ParserError, ValueError):
        return None
    if all(days[d] == [(0, 24 * 60)] for d in range(7)):
        text = "tous les jours, 24 h sur 24"
    else:
        groups: dict[tuple, list[int]] = {}
        for day, ranges in days.items():
            if ranges:
                groups.setdefault(tuple(ranges), []).append(day)
        text = (
            " ; ".join(
                f"{_days(group)} : " + " et ".join(f"{_clock(a)} – {_clock(b)}" for a, b in ranges)
                for ranges, group in sorted(groups.items(), key=lambda item: item[1][0])
            )
            or "fermé toute la semaine"
        )
    if re.search(r"\bPH off\b", str(osm)):
        text += " ; fermé les jours fériés"
    elif _SEASONAL.search(str(osm)):
        text += f" (variable selon la période : « {osm} »)"
    return text
