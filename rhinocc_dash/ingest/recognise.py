"""Recognise a file a maintainer brings in: which source, which layout, which vintage; then write it in
the layout the build reads.

Recognition reads the content, never trusts the extension: an image renamed `.csv`, a 50 MB file, a file
with no known columns are refused with a French message. Known variants of a source are mapped onto
today's layout (an older RhinOcc export with `rh_id`, `geo_lat`, `geo_lon`; a France Services list as
GeoJSON instead of CSV). The vintage comes from the file name (a date in it), else the latest update
date inside, else the upload date (said so, to be corrected).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..shared import vocab_v1
from ..shared.config import REGION
from . import formats
from .catalog import VENUE_FILES
from .readers import SourceFileError, decode, read_csv, read_json_records, sniff_separator

MAX_BYTES = 20 * 1024 * 1024  # the largest venue file today is 0.5 MB
# A file's format is told by the fields that distinguish it (`formats.FORMATS`), never by columns
# that several formats share.
LAYOUTS = formats.FORMATS
MAGIC = {
    b"\x89PNG": "une image PNG",
    b"\xff\xd8\xff": "une image JPEG",
    b"GIF8": "une image GIF",
    b"%PDF": "un document PDF",
    b"PK\x03\x04": "une archive ZIP (ou un classeur Excel)",
    b"\xd0\xcf\x11\xe0": "un document Office ancien",
}
_DATE_IN_NAME = re.compile(r"(20\d{2})[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?")
_ISO_DATE = re.compile(r"(20\d{2})-(0[1-9]|1[0-2])-(\d{2})")


@dataclass
class Recognition:
    path: Path
    name: str
    key: str | None = None
    layout: str = ""
    renames: dict[str, str] = field(default_factory=dict)
    geojson: bool = False
    format: str = ""  # "csv", "json" or "geojson": what the content is, whatever its name
    vintage: str = ""
    vintage_from: str = ""
    encoding: str = ""
    rows: int = 0
    columns: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    source_format: str = ""  # the reader (`formats.FORMATS`): standard_v1, gogocarto, rhinocc…
    candidates: list[str] = field(default_factory=list)  # formats a file matches, when several do
    # Every column of the file: (column, « lue » / « ignorée », into what or why).
    report: list[tuple[str, str, str]] = field(default_factory=list)
    rows_in_region: int = 0

    @property
    def ok(self) -> bool:
        return (self.key is not None or self.is_new) and not self.problems

    @property
    def is_new(self) -> bool:
        """A file of a format no declared source has: brought in as a new source."""
        return bool(self.source_format) and self.key is None

    @property
    def title(self) -> str:
        entry = next((e for e in VENUE_FILES if e.key == self.key), None)
        if entry:
            return entry.title
        return "nouvelle source" if self.is_new else "source inconnue"

    @property
    def message(self) -> str:
        return " ".join(self.problems) or "Fichier reconnu."

    @property
    def summary(self) -> str:
        return (
            f"{self.title} — {self.layout}, {self.rows} lignes, encodage {self.encoding}, "
            f"millésime {self.vintage} ({self.vintage_from})"
        )


def recognise(path: Path, name: str, forced_key: str | None = None) -> Recognition:
    """What the file is (or why it is refused); `forced_key` when the maintainer picks the source."""
    found = Recognition(Path(path), name)
    size = found.path.stat().st_size
    if size > MAX_BYTES:
        found.problems.append(
            f"Fichier trop gros ({size / 1e6:.0f} Mo ; au plus {MAX_BYTES / 1e6:.0f} Mo pour une "
            "source de lieux).".replace(".", ",", 1)
        )
        return found
    if size == 0:
        found.problems.append("Fichier vide.")
        return found
    head = found.path.read_bytes()[:8]
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            found.problems.append(f"Ce fichier est {what}, pas un tableau CSV ni un fichier JSON.")
            return found
    rows = _rows(found)
    if found.problems:
        return found
    found.rows = len(rows)
    columns = formats.columns_of(rows) if rows else sorted(_header(found))
    found.columns = columns
    _identify(found, set(columns), forced_key)
    if found.problems:
        return found
    if not rows:
        found.problems.append("Aucune ligne de données (seulement l'en-tête).")
        return found
    _check_content(found, rows)
    found.vintage, found.vintage_from = vintage_of(name, rows)
    return found


def _declared_for(source_format: str) -> str | None:
    """The declared source a file of this format replaces: the current one first (never a historical
    vintage when a current one exists); None when no declared source has the format."""
    entries = [e for e in VENUE_FILES if e.format == source_format]
    entries.sort(key=lambda e: e.role == "historique")
    return entries[0].key if entries else None


def _identify(found: Recognition, columns: set[str], forced: str | None) -> None:
    """The file's format (and the source it replaces), or why it cannot be told."""
    matching = formats.candidates(columns)
    by_key = {e.key: e.format for e in VENUE_FILES}
    if forced:
        wanted = by_key.get(forced, forced)
        matching = [f for f in matching if f.key == wanted]
    kinds = list(dict.fromkeys(f.key for f in matching))
    if not matching:
        found.problems.append(_unknown_message(found.name, sorted(columns), forced))
        return
    if len(kinds) > 1:
        found.candidates = kinds
        labels = " ; ".join(f"« {f.label} »" for f in matching)
        found.problems.append(
            f"{found.name} : fichier ambigu, ses colonnes correspondent à plusieurs formats "
            f"({labels}). Choisissez le format ; rien n'est publié d'ici là."
        )
        return
    chosen = matching[0]
    found.source_format, found.layout, found.renames = chosen.key, chosen.label, chosen.renames
    found.key = forced if forced in by_key else _declared_for(chosen.key)
    if found.geojson:
        found.layout += " (GeoJSON)"
    found.report = [(c, *chosen.account(c)) for c in sorted(columns)]


def _unknown_message(name: str, columns: list[str], forced: str | None) -> str:
    near = [
        (f, sorted(f.distinguishing - set(columns)))
        for f in formats.FORMATS
        if len(f.distinguishing & set(columns)) >= 2 and not f.excluded & set(columns)
    ]
    near = [(f, missing) for f, missing in near if len(missing) == 1]
    listed = ", ".join(columns) or "aucune"
    if near:
        fmt, missing = near[0]
        return (
            f"{name} : ressemble à « {fmt.label} » mais la colonne « {missing[0]} » manque "
            f"(colonnes du fichier : {listed}). Rien n'est publié."
        )
    expected = "; ".join(f"{f.label} : {', '.join(sorted(f.distinguishing))}" for f in LAYOUTS)
    what = f" pour la source « {forced} »" if forced else ""
    return (
        f"{name} : Colonnes non reconnues{what} (colonnes du fichier : {listed}). "
        f"Colonnes attendues selon le format — {expected}."
    )


def _check_content(found: Recognition, rows: list[dict]) -> None:
    """Values outside the standard's vocabularies, and a file with no row in the région."""
    if found.source_format == "standard_v1":
        for number, row in enumerate(rows, start=1):
            for column in vocab_v1.ENUMS:
                bad = vocab_v1.unknown_values(column, row.get(column))
                if bad:
                    found.problems.append(
                        f"{found.name}, ligne {number} : valeur inconnue du standard v1 dans "
                        f"« {column} » : « {bad[0]} ». Corrigez le fichier ; rien n'est publié."
                    )
                    return
    reader = formats.READERS[found.source_format]
    renamed = ({found.renames.get(k, k): v for k, v in r.items()} for r in rows)
    found.rows_in_region = sum(1 for r in renamed if reader(r) is not None)
    if found.rows_in_region == 0:
        found.problems.append(
            f"{found.name} : aucune de ses lignes ({len(rows)}) n'est dans la région "
            f"{REGION.name} (fichier entièrement hors région). Rien n'est publié."
        )


def _rows(found: Recognition) -> list[dict]:
    text_start = found.path.read_bytes()[:4096].lstrip(b"\xef\xbb\xbf \r\n\t")
    if text_start.startswith(b"{"):
        try:
            data = json.loads(found.path.read_text(encoding="utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            found.problems.append(f"JSON invalide : {exc}.")
            return []
        found.encoding = "utf-8"
        if isinstance(data, dict) and data.get("type") == "FeatureCollection":
            found.geojson, found.format = True, "geojson"
            return [_feature_row(f) for f in data.get("features") or [] if isinstance(f, dict)]
        if isinstance(data, dict) and isinstance(data.get("data"), list):  # GoGoCarto's API
            found.format = "json"
            return [r for r in data["data"] if isinstance(r, dict)]
        found.problems.append("Objet JSON qui n'est ni une liste d'enregistrements ni du GeoJSON.")
        return []
    found.format = "json" if text_start.startswith(b"[") else "csv"
    try:
        read = read_json_records(found.path) if found.format == "json" else read_csv(found.path)
    except (SourceFileError, OSError, ValueError) as exc:
        found.problems.append(f"Fichier illisible : {exc}.")
        return []
    found.encoding = read.encoding
    return [r for _, r in read.rows if isinstance(r, dict)]


def _header(found: Recognition) -> set[str]:
    """The column names of a CSV file without data rows (a header alone)."""
    if found.format != "csv":
        return set()
    text, _ = decode(found.path.read_bytes()[:65536])
    first = text.splitlines()[0] if text.strip() else ""
    return {c.strip() for c in next(csv.reader([first], delimiter=sniff_separator(first)), [])}


def _feature_row(feature: dict) -> dict:
    row = dict(feature.get("properties") or {})
    geometry = feature.get("geometry") or {}
    if geometry.get("type") == "Point" and len(geometry.get("coordinates") or []) >= 2:
        row.setdefault("longitude", geometry["coordinates"][0])
        row.setdefault("latitude", geometry["coordinates"][1])
    return row


def vintage_of(name: str, rows: list[dict]) -> tuple[str, str]:
    """(vintage, where it comes from): a date in the file name, else the latest update date inside
    (`date_maj`), else today (to be checked)."""
    match = _DATE_IN_NAME.search(name)
    if match:
        return "-".join(p for p in match.groups() if p), "date dans le nom du fichier"
    dates = [
        m.group(0)
        for r in rows
        if isinstance(r, dict) and (m := _ISO_DATE.search(str(r.get("date_maj") or "")))
    ]
    if dates:
        return max(dates)[:7], "mise à jour la plus récente dans le fichier"
    return dt.date.today().isoformat(), "date du dépôt, à vérifier"


def normalise(found: Recognition, folder: Path) -> Path:
    """The file in the layout and format the build reads (the original itself when it already is)."""
    entry = next((e for e in VENUE_FILES if e.key == found.key), None)
    wanted = "json" if entry is None or entry.path.endswith(".json") else "csv"
    if not found.renames and found.format == wanted:
        return found.path
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f".import-{uuid.uuid4().hex}.{wanted}"
    rows = _rows(Recognition(found.path, found.name))
    renamed = [{found.renames.get(k, k): v for k, v in r.items()} for r in rows]
    if wanted == "json":
        target.write_text(json.dumps(renamed, ensure_ascii=False), encoding="utf-8")
        return target
    columns = list(dict.fromkeys(k for r in renamed for k in r))
    with open(target, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in renamed:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return target
