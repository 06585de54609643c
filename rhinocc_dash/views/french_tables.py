"""French tables: one formatter per kind of column, for the screen and for the CSV files alike.

On screen a table is a pandas Styler whose display values are French (« 1 234,5 », « 46,0 % »,
« 01/08/2024 », « — » for a missing value) while the numbers underneath keep sorting as numbers; a CSV
holds the same display values, so a file says what the screen says, rounded the same way.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from ..shared.formatting import (
    fmt_date,
    fmt_decimal,
    fmt_estimate,
    fmt_int,
    fmt_percent,
    fmt_phone,
    present,
)
from .french_week import french_week

MISSING = "—"
Kinds = dict[str, str]


def _number(formatter: Callable) -> Callable:
    return lambda v: formatter(v) if present(v) else MISSING


FORMATTERS: dict[str, Callable] = {
    "int": _number(fmt_int),
    "decimal0": _number(lambda v: fmt_decimal(v, 0)),
    "decimal1": _number(lambda v: fmt_decimal(v, 1)),
    "decimal2": _number(lambda v: fmt_decimal(v, 2)),
    "percent": _number(fmt_percent),  # a ratio: 0.46 → « 46,0 % »
    "percent_value": _number(lambda v: fmt_percent(v, ratio=False)),  # already a percentage
    "estimate": _number(fmt_estimate),  # a modelled figure: an order of magnitude
    "date": _number(fmt_date),
    "bool": lambda v: MISSING if not present(v) else ("oui" if v else "non"),
    "list": lambda v: ", ".join(str(x) for x in v) if present(v) else MISSING,
    "text": lambda v: str(v) if present(v) else MISSING,
    "phone": lambda v: fmt_phone(v) or MISSING,
    "coordinate": _number(lambda v: fmt_decimal(v, 6)),
}


def lieux_export(lieux: pd.DataFrame, columns: dict[str, str]) -> tuple[pd.DataFrame, Kinds]:
    """A list of lieux for a file: French headers and formats, the week's hours in French words
    beside their OSM form (or the source's own text when it could not be read)."""
    frame = lieux.assign(
        horaires_semaine=[
            french_week(osm) or (original if present(original) else None)
            for osm, original in zip(lieux["horaires"], lieux["horaires_original"], strict=True)
        ]
    )
    frame = frame[[c for c in columns if c in frame.columns]].rename(columns=columns)
    kinds = {
        "labels": "list",
        "services": "list",
        "publics": "list",
        "telephone": "phone",
        "date_maj": "date",
        "latitude": "coordinate",
        "longitude": "coordinate",
    }
    return frame, {columns[c]: k for c, k in kinds.items() if c in columns}


def infer_kind(name: str, series: pd.Series) -> str:
    """The kind of a column from its name and values, when the caller does not say."""
    if name.startswith("part_") or name.startswith("share_"):
        return "percent"
    if pd.api.types.is_bool_dtype(series):
        return "bool"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        known = series.dropna()
        whole = len(known) and np.all(np.mod(known.to_numpy(float), 1) == 0)
        return "int" if whole and not name.endswith("_km") else "decimal1"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    sample = next((v for v in series if present(v)), None)
    if isinstance(sample, list | tuple | np.ndarray):
        return "list"
    if hasattr(sample, "isoformat") and not isinstance(sample, str):
        return "date"
    return "text"


def kinds_of(frame: pd.DataFrame, kinds: Kinds | None = None) -> Kinds:
    given = kinds or {}
    return {c: given.get(c) or infer_kind(str(c), frame[c]) for c in frame.columns}


def display_values(frame: pd.DataFrame, kinds: Kinds | None = None) -> pd.DataFrame:
    """Every cell as the French text a person reads."""
    kinds = kinds_of(frame, kinds)
    return pd.DataFrame(
        {c: [FORMATTERS[kinds[c]](v) for v in frame[c]] for c in frame.columns},
        index=frame.index,
    )


def styled(frame: pd.DataFrame, kinds: Kinds | None = None) -> Styler:
    """The table for the screen: French display values over the original (sortable) values."""
    kinds = kinds_of(frame, kinds)
    return frame.style.format({c: FORMATTERS[k] for c, k in kinds.items()})
