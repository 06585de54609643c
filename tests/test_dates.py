import datetime as dt

import pytest

from rhinocc_dash.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Octobre 2020", (dt.date(2020, 10, 1), "month")),
        ("Decembre 2018", (dt.date(2018, 12, 1), "month")),
        ("Février 2021", (dt.date(2021, 2, 1), "month")),
        ("juil-22", (dt.date(2022, 7, 1), "month")),
        ("Novembre 20", (dt.date(2020, 11, 1), "month")),
        ("2022-04-15", (dt.date(2022, 4, 15), "day")),
        ("15/03/2021", (dt.date(2021, 3, 15), "day")),
    ],
)
def test_parses(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["", None, "  ", "bientôt", "31/02/2021", "2022-13-01", "Brumaire 2020"]
)
def test_unreadable_is_none(text):
    assert parse_date(text) == (None, None)
