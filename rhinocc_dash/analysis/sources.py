"""Captions and names of the sources, generated from the warehouse's own metadata (table `sources`).

A new vintage of a file changes every caption, legend and card by itself: nothing here is typed per page.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..texts.common import vintage_text
from .indicators import LIEUX


def lieux_sources(catalogue: pd.DataFrame, current: bool = True) -> list[str]:
    """Keys of the venue sources (today's, or every one including older editions), in catalogue order."""
    venues = catalogue[catalogue["kind"] == "lieux"]
    return list(venues.loc[venues["current"], "key"] if current else venues["key"])


def names(catalogue: pd.DataFrame) -> dict[str, str]:
    """Short French name of every source key."""
    return dict(zip(catalogue["key"], catalogue["name"], strict=True))


def label(catalogue: pd.DataFrame, key: str) -> str:
    """« France Services (01/08/2024) » for a source key; the key itself when unknown."""
    row = catalogue[catalogue["key"] == key]
    return f"{row.iloc[0]['name']} ({vintage_text(row.iloc[0]['vintage'])})" if len(row) else key


def short(catalogue: pd.DataFrame, key: str) -> str:
    """« Populations légales 2023 (en vigueur 2026), Insee, compilé par Etalab » for one source key."""
    row = catalogue[catalogue["key"] == key]
    return f"{row.iloc[0]['title']}, {row.iloc[0]['producer']}" if len(row) else key


def _expand(catalogue: pd.DataFrame, keys: Iterable[str]) -> list[str]:
    out: list[str] = []
    for key in keys:
        for one in lieux_sources(catalogue) if key == LIEUX else [key]:
            if one not in out:
                out.append(one)
    return out


def caption(catalogue: pd.DataFrame, keys: Iterable[str], note: str | None = None) -> str:
    """« Sources : name, producer, vintage ; … Licence : … » for the given keys (« lieux » = every current
    venue source), then an optional note on the method."""
    rows = catalogue.set_index("key")
    wanted = [k for k in _expand(catalogue, keys) if k in rows.index]
    parts = [
        f"{rows.at[k, 'name']}, {rows.at[k, 'producer']}, {rows.at[k, 'vintage']}" for k in wanted
    ]
    licences: dict[str, list[str]] = {}
    for key in wanted:
        licences.setdefault(rows.at[key, "licence"], []).append(rows.at[key, "name"])
    text = ("Sources : " if len(parts) > 1 else "Source : ") + " ; ".join(parts) + "."
    if len(licences) == 1:
        text += f" Licence : {next(iter(licences))}."
    elif licences:
        text += (
            " Licences : "
            + " ; ".join(
                f"{licence} ({', '.join(dict.fromkeys(who))})" for licence, who in licences.items()
            )
            + "."
        )
    return f"{text} {note}" if note else text


def short_caption(catalogue: pd.DataFrame, keys: Iterable[str]) -> str:
    """The one line under a figure: « Sources : RhinOcc (12/2022) ; ANCT (01/08/2024, 12/2022) ; … »,
    producers (their first name, without the « (…) » or « , … » detail) and vintages; the titles,
    licences and method are in `caption`."""
    rows = catalogue.set_index("key")
    vintages: dict[str, list[str]] = {}
    for key in _expand(catalogue, keys):
        if key not in rows.index:
            continue
        producer = str(rows.at[key, "producer"]).split(" (")[0].split(", ")[0].strip()
        vintage = vintage_text(rows.at[key, "vintage"])
        if vintage not in vintages.setdefault(producer, []):
            vintages[producer].append(vintage)
    if not vintages:
        return ""
    parts = [f"{producer} ({', '.join(v)})" for producer, v in vintages.items()]
    return ("Sources : " if len(parts) > 1 else "Source : ") + " ; ".join(parts) + "."


def vintage_range(catalogue: pd.DataFrame) -> tuple[str, str]:
    """(oldest, newest) vintage of today's venue sources, as French text."""
    venues = catalogue[(catalogue["kind"] == "lieux") & catalogue["current"]]
    ordered = sorted(venues["vintage"].astype(str))
    return (vintage_text(ordered[0]), vintage_text(ordered[-1])) if ordered else ("—", "—")
