"""The week opening hours are read over, on both sides (the build's weekend and evening flags, the French
week of a card): day names, a fixed reference week, and a rule's open intervals over it (evaluated by the
`opening_hours` library)."""

from __future__ import annotations

import datetime as dt

import opening_hours

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
FRENCH_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# A fixed week without public holidays, so that what is derived does not depend on the day it is read.
REFERENCE_MONDAY = dt.datetime(2024, 1, 8)


def open_intervals(parsed: opening_hours.OpeningHours) -> list[tuple[dt.datetime, dt.datetime]]:
    """The (start, end) of every open interval of a parsed rule over the reference week."""
    end_of_week = REFERENCE_MONDAY + dt.timedelta(days=7)
    return [
        (start, end)
        for start, end, state, _comment in parsed.intervals(REFERENCE_MONDAY, end_of_week)
        if state == opening_hours.State.OPEN
    ]
