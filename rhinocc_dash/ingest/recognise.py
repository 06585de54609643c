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

from .catalog import VENUE_FILES
from .readers import SourceFileError, decode, read_csv, read_json_records, sniff_separator

MAX_BYTES = 20 * 1024 * 1024  # the largest venue file today is 0.5 MB
# Layouts that can be brought in: the source slot they fill, the columns that identify them, and the
# renaming onto the layout the build reads (empty for today's layout).
LAYOUTS = (
    ("rhinocc", "export RhinOcc (colonnes actuelles)", {"n_ref", "nom", "lat", "lon"}, {}),
    (
        "rhinocc",
        "export RhinOcc ancien (rh_id, geo_lat, geo_lon)",
        {"rh_id", "nom", "geo_lat", "geo_lon"},
        {"rh_id": "n_ref", "geo_lat": "lat", "geo_lon": "lon"},
    ),
    ("france_services_2024", "liste France Services (CSV)", {"id_fs", "lib_fs", "insee_dep"}, {}),
    ("cnfs", "lieux des Conseillers numériques", {"id", "pivot", "structureId", "nom"}, {}),
    ("data_inclusion", "structures data·inclusion", {"id", "typologie", "code_insee", "nom"}, {}),
    ("aidants_connect", "structures Aidants Connect", {"Data pass ID", "Name", "Département"}, {}),
)
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

    @property
    def ok(self) -> bool:
        return self.key is not None and not self.problems

    @property
    def title(self) -> str:
        entry = next((e for e in VENUE_FILES if e.key == self.key), None)
        return entry.title if entry else "source inconnue"

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
    columns = sorted(
        set().union(*(r.keys() for r in rows if isinstance(r, dict))) if rows else _header(found)
    )
    found.columns = columns
    candidates = [
        (key, layout, renames)
        for key, layout, signature, renames in LAYOUTS
        if signature <= set(columns) and (forced_key is None or key == forced_key)
    ]
    if not candidates:
        expected = "; ".join(
            f"{layout} : {', '.join(sorted(sig))}" for _, layout, sig, _ in LAYOUTS
        )
        found.problems.append(
            "Colonnes non reconnues ("
            + ", ".join(columns[:12])
            + ("…" if len(columns) > 12 else "")
            + "). Colonnes attendues selon la source — "
            + expected
            + "."
        )
        return found
    found.key, found.layout, found.renames = candidates[0]
    if found.geojson:
        found.layout += " (GeoJSON)"
    if not rows:
        found.problems.append("Aucune ligne de données (seulement l'en-tête).")
    found.vintage, found.vintage_from = vintage_of(name, rows)
    return found


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
    entry = next(e for e in VENUE_FILES if e.key == found.key)
    wanted = "json" if entry.path.endswith(".json") else "csv"
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
