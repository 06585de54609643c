"""Parse the last-update dates the sources write: ISO dates, « 15/03/2021 », « Octobre 2020 », « juil-22 »."""

from __future__ import annotations

import datetime as dt
import re

from ..shared.vocab import fold

# Full names and the abbreviations French spreadsheets produce (« juil-22 », « févr.-21 »).
MONTHS = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "mar": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?[\s\-/]*(\d{2}|\d{4})$")


def parse_date(text: str | None) -> tuple[dt.date | None, str | None]:
    """Return (date, precision) with precision 'day' or 'month'; (None, None) when empty or
    unreadable.

    A month-only date is dated on the first of the month; two-digit years are read as 20xx.
    """
    if text is None:
        return None, None
    value = fold(str(text))
    if not value:
        return None, None
    try:
        if match := _ISO.match(value):
            return dt.date(int(match[1]), int(match[2]), int(match[3])), "day"
        if match := _DMY.match(value):
            return dt.date(int(match[3]), int(match[2]), int(match[1])), "day"
    except ValueError:
        return None, None
    if match := _MONTH_YEAR.match(value):
        month = MONTHS.get(match[1])
        year = int(match[2]) + (2000 if len(match[2]) == 2 else 0)
        if month and 1990 <= year <= 2100:
            return dt.date(year, month, 1), "month"
    return None, None
