"""Tolerant readers for the source files: encoding, separator and broken files never raise past here."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path


class SourceFileError(Exception):
    """A source file that cannot be read at all (reported to the user, never a crash)."""


@dataclass
class ReadResult:
    rows: list[tuple[int, dict]]  # (row number in the file, record)
    encoding: str = "utf-8"
    separator: str | None = None
    notes: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_separator(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


def read_csv(path: Path) -> ReadResult:
    """Rows of a delimited text file as dicts; the row number is the data row's 1-based index."""
    text, encoding = decode(Path(path).read_bytes())
    if not text.strip():
        return ReadResult([], encoding, None, ["fichier vide"])
    first_line = text.splitlines()[0]
    sep = sniff_separator(first_line)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=sep)
    rows = []
    try:
        for index, row in enumerate(reader, start=1):
            extra = row.pop(None, None)
            clean = {(k or "").strip(): v for k, v in row.items()}
            if extra:
                clean["__extra_fields__"] = extra
            rows.append((index, clean))
    except csv.Error as exc:
        raise SourceFileError(f"CSV illisible : {exc}") from exc
    return ReadResult(rows, encoding, sep)


def read_json_records(path: Path) -> ReadResult:
    """Objects of a JSON array (or of a {"features"/"data": [...]} wrapper)."""
    text, encoding = decode(Path(path).read_bytes())
    if not text.strip():
        return ReadResult([], encoding, None, ["fichier vide"])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceFileError(f"JSON illisible : {exc}") from exc
    if isinstance(data, dict):
        data = data.get("data") or data.get("features") or [data]
    if not isinstance(data, list):
        raise SourceFileError("JSON inattendu : ni tableau ni objet")
    return ReadResult([(i, rec) for i, rec in enumerate(data, start=1)], encoding)


def read_records(path: Path) -> ReadResult:
    suffix = Path(path).suffix.lower()
    return read_json_records(path) if suffix == ".json" else read_csv(path)
