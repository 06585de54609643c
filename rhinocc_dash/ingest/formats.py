"""Venue file formats: which one a file is (by the fields that distinguish it), what each reads or
ignores (`format_table`), and the reader of each (`venue_sources`, `standard_sources`)."""

from __future__ import annotations

from . import standard_sources, venue_sources
from .format_table import FORMATS, GOGOCARTO, KEPT_RAW, STANDARD_V1, Format

__all__ = ["FORMATS", "GOGOCARTO", "KEPT_RAW", "STANDARD_V1", "Format"]


def columns_of(rows: list[dict]) -> list[str]:
    """Every column of a file's records; a nested object (GoGoCarto's `address`, `geo`) gives its
    own keys as `address.postalCode`…"""
    seen: dict[str, None] = {}
    for row in rows:
        if not isinstance(row, dict):
            continue
        for key, value in row.items():
            seen[key] = None
            if isinstance(value, dict) and key in ("address", "geo"):
                for inner in value:
                    seen[f"{key}.{inner}"] = None
    return list(seen)


def non_empty(rows: list[dict], column: str) -> bool:
    """True when at least one record has a value in `column` (`a.b` for a nested key)."""
    outer, _, inner = column.partition(".")
    for row in rows:
        value = row.get(outer) if isinstance(row, dict) else None
        if inner:
            value = value.get(inner) if isinstance(value, dict) else None
        if value not in (None, "", [], {}):
            return True
    return False


def candidates(columns: set[str]) -> list[Format]:
    """Formats whose distinguishing fields are all in `columns` and that exclude none of them."""
    return [f for f in FORMATS if f.distinguishing <= columns and not f.excluded & columns]


# The reader of each format (the `format` of a source in the manifest).
READERS = {
    "rhinocc": venue_sources.rhinocc,
    "france_services": venue_sources.france_services,
    "cnfs": venue_sources.cnfs,
    "data_inclusion_v01": venue_sources.data_inclusion,
    "aidants_connect": venue_sources.aidants_connect,
    "standard_v1": standard_sources.standard_v1,
    "gogocarto": standard_sources.gogocarto,
}
# Columns without which a format's rows cannot be understood (a tuple: any one of them will do);
# their absence makes the source partial: the build stops unless told to accept it.
EXPECTED_COLUMNS = {
    "rhinocc": ("nom", "ville", "code_postal", ("lat", "BAN_latitude"), ("lon", "BAN_longitude")),
    "france_services": ("lib_fs", "insee_dep", "insee_com", "latitude", "longitude"),
    "cnfs": ("nom", "code_postal", "latitude", "longitude"),
    "data_inclusion_v01": ("nom", "code_postal", "code_insee"),
    "aidants_connect": ("Name", "Code postal", "Département"),
    "standard_v1": ("nom", "code_postal", "adresse"),
    "gogocarto": ("name", "geo", "address"),
}
