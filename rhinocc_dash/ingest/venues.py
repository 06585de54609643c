"""Read one venue source file into accepted records and quarantined rows, with counts that add up."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import VENUE_FILES, SourceFile
from .formats import EXPECTED_COLUMNS as FORMAT_COLUMNS
from .formats import READERS
from .locate import Rejected, locate
from .readers import SourceFileError, read_records
from .territory import Territory

_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Expected columns by source key (the declared sources); see `formats.EXPECTED_COLUMNS`.
EXPECTED_COLUMNS = {e.key: FORMAT_COLUMNS[e.format] for e in VENUE_FILES}


@dataclass
class VenueSourceResult:
    source: str
    vintage: str
    file: str
    records: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    rows_in_file: int = 0
    rows_outside_region: int = 0
    encoding: str = ""
    notes: list[str] = field(default_factory=list)
    # Why the file cannot be used as it is (French): unreadable, expected columns missing.
    problems: list[str] = field(default_factory=list)

    released: int | None = None  # accepted rows, once the records are handed over (see `release`)

    @property
    def rows_accepted(self) -> int:
        return len(self.records) if self.released is None else self.released

    @property
    def rows_read(self) -> int:
        return self.rows_accepted + len(self.quarantine)

    def release(self) -> None:
        """Drop the accepted records once the build holds them in a table (memory at scale)."""
        self.released, self.records = self.rows_accepted, []


def _public_raw(source_format: str, raw: dict) -> dict:
    """The record as stored: the national CNFS file lists advisers by name; keep only their number."""
    if source_format == "cnfs" and isinstance(raw.get("aidants"), list):
        raw = {k: v for k, v in raw.items() if k != "aidants"} | {"nb_aidants": len(raw["aidants"])}
    return raw


def missing_columns(key: str, columns: set[str], source_format: str = "") -> list[str]:
    """Expected columns of a source absent from a file (« lat ou BAN_latitude » for alternatives)."""
    missing = []
    expected_columns = FORMAT_COLUMNS.get(source_format) or EXPECTED_COLUMNS.get(key, ())
    for expected in expected_columns:
        options = expected if isinstance(expected, tuple) else (expected,)
        if not columns & set(options):
            missing.append(" ou ".join(f"« {o} »" for o in options))
    return missing


def read_venue_source(entry: SourceFile, path: Path, territory: Territory) -> VenueSourceResult:
    """Accepted records and quarantined rows of one venue file; never raises on bad content."""
    result = VenueSourceResult(entry.key, entry.vintage, str(path))
    adapter = READERS[entry.format]
    try:
        read = read_records(path)
    except (SourceFileError, OSError) as exc:
        result.problems.append(f"fichier illisible : {exc}")
        return result
    result.encoding, result.notes = read.encoding, list(read.notes)
    result.rows_in_file = len(read.rows)
    columns = (
        set().union(*(r.keys() for _, r in read.rows if isinstance(r, dict)))
        if read.rows
        else set()
    )
    if read.rows and any(isinstance(r, dict) for _, r in read.rows):
        missing = missing_columns(entry.key, columns, entry.format)
        if missing:
            result.problems.append("colonnes attendues absentes : " + ", ".join(missing))
    # Each distinct row: its number, and whether it lies outside the région.
    seen: dict[str, tuple[int, bool]] = {}
    for row_no, raw in read.rows:
        if not isinstance(raw, dict):
            _quarantine(
                result, row_no, raw, "ligne_invalide", "Enregistrement qui n'est pas un objet"
            )
            continue
        if row_no in read.defects:
            _quarantine(result, row_no, raw, *read.defects[row_no])
            continue
        raw = _public_raw(entry.format, raw)
        raw_json = json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
        if raw_json in seen:
            first_row, outside = seen[raw_json]
            if outside:
                result.rows_outside_region += 1
            else:
                _quarantine(
                    result, row_no, raw, "doublon_exact", f"Ligne identique à la ligne {first_row}"
                )
            continue
        draft = adapter(raw)
        seen[raw_json] = (row_no, draft is None)
        if draft is None:
            result.rows_outside_region += 1
            continue
        if entry.format == "france_services":
            draft["edition_date"] = (
                entry.vintage
            )  # the list's own date: the last date it is known valid
        try:
            placed = locate(draft, territory)
        except Rejected as rejection:
            _quarantine(result, row_no, raw, rejection.code, rejection.reason)
            continue
        result.records.append(_record(entry, row_no, raw_json, draft, placed))
    return result


def _quarantine(result: VenueSourceResult, row_no: int, raw, code: str, reason: str) -> None:
    text = json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
    result.quarantine.append(
        {
            "source": result.source,
            "source_row": row_no,
            "reason_code": code,
            "reason": reason,
            # Bytes that were not UTF-8 are stored as U+FFFD (the warehouse holds valid text only).
            "raw": _SURROGATE.sub("\ufffd", text),
        }
    )


def _record(entry: SourceFile, row_no: int, raw_json: str, draft: dict, placed: dict) -> dict:
    hours = draft["hours"]
    return {
        "record_id": f"{entry.key}-{row_no:05d}",
        "source": entry.key,
        "source_vintage": entry.vintage,
        "source_row": row_no,
        "source_id": draft["source_id"],
        "raw": raw_json,
        "nom": draft["nom"],
        "adresse": draft["adresse"],
        "code_postal": placed["code_postal"],
        "code_insee": placed["code_insee"],
        "commune": placed["commune"],
        "departement": placed["departement"],
        "latitude": placed["latitude"],
        "longitude": placed["longitude"],
        "location_precision": placed["location_precision"],
        "commune_method": placed["commune_method"],
        "services": draft["services"],
        "publics": draft["publics"],
        "labels": draft["labels"],
        "horaires": hours.osm,
        "horaires_original": hours.original,
        "horaires_status": hours.status,
        "open_saturday": hours.open_saturday,
        "open_sunday": hours.open_sunday,
        "open_after_18": hours.open_after_18,
        "date_maj": placed["date_maj"],
        "date_maj_precision": placed["date_maj_precision"],
        "flags": placed["flags"],
        "siret": draft["siret"],
        "telephone": draft["telephone"],
        "courriel": draft["courriel"],
        "site_web": draft["site_web"],
        "type_lieu": draft["type_lieu"],
        "itinerant": bool(draft["itinerant"]),
    }
