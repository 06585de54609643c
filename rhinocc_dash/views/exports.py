"""Exports users open in spreadsheets: cells that a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import json
import math
import re

import pandas as pd

from .french_tables import Kinds, display_values

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A signed plain number (« -3 », « -1 234,5 », « +33534092009 », a phone number in the national standard)
# cannot carry a formula: it is left as it is.
PLAIN_NUMBER = re.compile(
    r"[+-]?(?:\d{1,3}(?:[\u202f\u00a0]\d{3})+|\d+)(?:[.,]\d+)?(?:[\u202f\u00a0]%)?"
)


def neutralise(value):
    """A text cell starting like a formula gets a leading apostrophe; numbers and other values pass."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_PREFIXES)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: neutralise(_flatten(v)))
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def _flatten(value):
    if isinstance(value, list | tuple):
        return " | ".join(str(v) for v in value)
    if hasattr(value, "tolist") and not isinstance(value, str):
        return " | ".join(str(v) for v in value.tolist())
    return value


def to_csv_bytes(frame: pd.DataFrame, kinds: Kinds | None = None) -> bytes:
    """CSV for French spreadsheets: UTF-8 with BOM, `;` separator, every value written as the screen
    shows it (« 1 234,5 », « 46,0 % », « 01/08/2024 »), formulas neutralised."""
    return (
        safe_frame(display_values(frame, kinds))
        .to_csv(index=False, sep=";", lineterminator="\r\n")
        .encode("utf-8-sig")
    )


def to_geojson_bytes(frame: pd.DataFrame, geometries: pd.DataFrame, columns: list[str]) -> bytes:
    """A FeatureCollection of the rows of `frame` (joined on `code`) with their display geometry."""
    shapes = dict(zip(geometries["code"], geometries["geometry"], strict=True))
    features = []
    for record in frame[columns].to_dict("records"):
        shape = shapes.get(record["code"])
        if isinstance(shape, str):
            shape = json.loads(shape)
        properties = {
            k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in record.items()
        }
        features.append({"type": "Feature", "geometry": shape, "properties": properties})
    payload = {"type": "FeatureCollection", "features": features}
    return json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
