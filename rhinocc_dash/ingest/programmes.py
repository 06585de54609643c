"""The national programmes' own figures: Aidants Connect activity per habilitated structure, and the
Conseiller numérique posts granted per host structure (both 2021), as warehouse tables.

The venue pipeline reads the Aidants Connect file for its addresses only; here its counts are read.
Every count is checked: a text, a negative number, digits grouped with a thousands separator, a decimal
or an empty cell is a *rejected cell* (table `programme_rejects`, with its reason) and stays missing in
the figures, never zero. A missing or unreadable file gives empty tables and a note, never a failed
build (the page then says the figures are missing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from ..shared.config import REGION
from ..shared.vocab import fold
from .catalog import LO2, VENUE_FILES, Origin, SourceFile
from .departements import code_of
from .files import sha256
from .readers import SourceFileError, read_json_records
from .territory import Territory
from .venue_sources import identifier, text

# The venue catalogue's Aidants Connect file, under its own key here: the same file read for its counts.
AIDANTS_CONNECT = replace(
    next(e for e in VENUE_FILES if e.key == "aidants_connect"), key="aidants_connect_compteurs"
)
CNFS_STRUCTURES = SourceFile(
    "cnfs_structures",
    "venues/cnfs-structures-validees_2021_occitanie.json",
    "Structures validées par le comité de sélection Conseiller numérique",
    "ANCT",
    "2021",
    LO2,
    Origin(
        "anct-carto/conseillers-numeriques",
        "146bea3cb15c13114e6c7451efcf3bf2f634d1bd",
        "data/cnfs.json",
    ),
    name="Conseillers numériques (postes)",
)
PROGRAMME_FILES = (AIDANTS_CONNECT, CNFS_STRUCTURES)
# Column of the warehouse table ← field of the source file, for each count.
AC_COUNTS = {
    "mandats": "Nombre de mandats",
    "usagers": "Nombre d'usagers accompagnés",
    "agents_formes": "Nombre d'agents formés",
}
CNFS_COUNTS = {
    "postes": "nb_cnfs",
    "investissement_eur": "investissement_financier_estimatif_total_de_l.etat",
}
_GROUPED = re.compile(r"^\d{1,3}([\s\u202f\u00a0.,']\d{3})+$")
_SIGNED = re.compile(r"^[-−]\s*\d+([.,]\d+)?$")
NOT_AN_OBJECT = "ligne qui n'est pas un objet"
REJECT_COLUMNS = ["source", "source_row", "identifiant", "nom", "champ", "valeur", "raison"]


def parse_count(value) -> tuple[int | None, str | None]:
    """(count, None) for a non-negative whole number (an integer or a string of digits), else
    (None, French reason): the cell is rejected, never read as zero."""
    if isinstance(value, bool):
        return None, "valeur logique (vrai/faux) au lieu d'un nombre"
    if isinstance(value, int):
        return (value, None) if value >= 0 else (None, "nombre négatif")
    if isinstance(value, float):
        if value != value:
            return None, "cellule vide"
        if value < 0:
            return None, "nombre négatif"
        if not value.is_integer():
            return None, "nombre décimal au lieu d'un nombre entier"
        return int(value), None
    raw = text(value)
    if not raw:
        return None, "cellule vide"
    if raw.isascii() and raw.isdigit():
        return int(raw), None
    if _GROUPED.match(raw):
        return None, "chiffres groupés par un séparateur de milliers (valeur ambiguë)"
    if _SIGNED.match(raw):
        return None, "nombre négatif"
    if re.fullmatch(r"\d+[.,]\d+", raw):
        return None, "nombre décimal au lieu d'un nombre entier"
    return None, "texte au lieu d'un nombre"


@dataclass
class ProgrammeFile:
    """What one programme file gave: accepted rows, rejected cells, and notes on the file."""

    rows: list[dict]
    rejects: list[dict]
    rows_in_file: int | None = None
    rows_outside_region: int = 0
    note: str = ""


def _read(entry: SourceFile, sources: Path) -> tuple[list[tuple[int, dict]], str, Path | None]:
    path = entry.locate(sources)
    if path is None:
        return [], f"fichier absent : {entry.path}", None
    try:
        result = read_json_records(path)
    except (SourceFileError, OSError, UnicodeError) as exc:
        return [], f"fichier illisible ({path.name}) : {exc}", path
    return result.rows, "; ".join(result.notes), path


def _reject(where: tuple, field: str, value, reason: str) -> dict:
    """A rejected cell; `where` = (source, row number, identifier, name) of its record."""
    shown = "" if value is None else str(value)
    return dict(zip(REJECT_COLUMNS, [*where, field, shown[:200], reason], strict=True))


def _counts(where: tuple, record: dict, fields: dict, rejects: list) -> dict:
    out = {}
    for column, field in fields.items():
        value, reason = parse_count(record.get(field))
        out[column] = value
        if reason:
            rejects.append(_reject(where, field, record.get(field), reason))
    return out


def _not_an_object(source: str, row_no: int, record, rejects: list) -> bool:
    if isinstance(record, dict):
        return False
    rejects.append(_reject((source, row_no, "", ""), "(ligne)", record, NOT_AN_OBJECT))
    return True


def aidants_connect(sources: Path) -> ProgrammeFile:
    """Habilitated structures of the région with their mandates, users and agents trained."""
    rows, note, _ = _read(AIDANTS_CONNECT, sources)
    out = ProgrammeFile([], [], len(rows) if rows or not note else None, note=note)
    for row_no, record in rows:
        if _not_an_object(AIDANTS_CONNECT.key, row_no, record, out.rejects):
            continue
        ident, nom = identifier(record.get("Data pass ID")), text(record.get("Name"))
        dep = code_of(text(record.get("Département")))
        region = text(record.get("Région"))
        if (dep and dep not in REGION.departements) or (
            not dep and region and fold(region) != fold(REGION.name)
        ):
            out.rows_outside_region += 1
            continue
        where = (AIDANTS_CONNECT.key, row_no, ident, nom)
        if not dep:
            reason = "département non reconnu : structure non comptée"
            out.rejects.append(_reject(where, "Département", record.get("Département"), reason))
            continue
        counts = _counts(where, record, AC_COUNTS, out.rejects)
        out.rows.append(
            {
                "source_row": row_no,
                "data_pass_id": ident,
                "nom": nom,
                "departement": dep,
                "code_postal": text(record.get("Code postal")),
                **counts,
                "date_maj": text(record.get("date_maj")),
            }
        )
    return out


def _yes_no(value) -> bool | None:
    word = fold(text(value))
    return {"oui": True, "non": False}.get(word)


def cnfs_structures(sources: Path, territory: Territory) -> ProgrammeFile:
    """Host structures of the région granted Conseiller numérique posts, with type, ZRR, QPV, EPCI."""
    rows, note, _ = _read(CNFS_STRUCTURES, sources)
    out = ProgrammeFile([], [], len(rows) if rows or not note else None, note=note)
    for row_no, record in rows:
        if _not_an_object(CNFS_STRUCTURES.key, row_no, record, out.rejects):
            continue
        ident, nom = text(record.get("id")), text(record.get("raison_sociale"))
        dep = text(record.get("insee_dep"))
        if not dep:
            raw_dep = text(record.get("code_département"))
            dep = raw_dep.zfill(2) if raw_dep.isdigit() else raw_dep
        if dep not in REGION.departements:
            out.rows_outside_region += 1
            continue
        code = territory.current_code(text(record.get("insee_com")) or None)
        if code and territory.commune(code)["departement"] != dep:
            code = None  # a commune of another département: the département filed decides
        where = (CNFS_STRUCTURES.key, row_no, ident, nom)
        counts = _counts(where, record, CNFS_COUNTS, out.rejects)
        host_type = {"publique": "publique", "privee": "privée"}.get(fold(text(record.get("type"))))
        if host_type is None:
            reason = "type de structure inconnu (publique ou privée attendu)"
            out.rejects.append(_reject(where, "type", record.get("type"), reason))
        zrr = _yes_no(record.get("zrr"))
        if zrr is None:
            reason = "valeur ZRR inconnue (oui ou non attendu)"
            out.rejects.append(_reject(where, "zrr", record.get("zrr"), reason))
        out.rows.append(
            {
                "source_row": row_no,
                "structure_id": ident,
                "nom": nom,
                "departement": dep,
                "code_insee": code,
                "epci_siren": territory.commune(code)["code_epci"] if code else None,
                "commune": territory.names.get(code) if code else text(record.get("commune_insee")),
                "type_structure": host_type,
                **counts,
                "zrr": zrr,
                # The file writes the key only when the structure is in a QPV (« oui »).
                "qpv": _yes_no(record.get("qpv")) is True,
                "france_services": text(record.get("france_services")) or None,
                "date_comite": text(record.get("date_de_validation_en_comité_de_sélection")),
            }
        )
    return out


def _source_rows(sources: Path, results: dict[str, ProgrammeFile]) -> pd.DataFrame:
    rows = []
    for entry in PROGRAMME_FILES:
        result, path = results[entry.key], entry.locate(sources)
        rows.append(
            {
                "key": entry.key,
                "kind": "programmes",
                "current": False,
                "name": entry.short_name,
                "title": entry.title,
                "producer": entry.producer,
                "vintage": entry.vintage,
                "licence": entry.licence,
                "path": str(path.relative_to(sources)) if path else entry.path,
                "sha256": sha256(path) if path else None,
                "rows": len(result.rows),
                "rows_in_file": result.rows_in_file,
                "rows_outside_region": result.rows_outside_region,
                "rejected_cells": len(result.rejects),
                "note": result.note,
                "origin_url": entry.origin.url() if entry.origin else None,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("rows", "rows_in_file", "rows_outside_region", "rejected_cells"):
        frame[column] = frame[column].astype("Int64")
    for column in ("path", "sha256", "note", "origin_url"):
        frame[column] = frame[column].astype("string")
    return frame


AC_COLUMNS = ["source_row", "data_pass_id", "nom", "departement", "code_postal", *AC_COUNTS]
AC_COLUMNS += ["date_maj"]
CNFS_COLUMNS = "source_row structure_id nom departement code_insee epci_siren commune".split()
CNFS_COLUMNS += ["type_structure", *CNFS_COUNTS, "zrr", "qpv", "france_services", "date_comite"]


# Column types, so that an empty table (a missing file) keeps them in the warehouse.
TYPES = {
    **dict.fromkeys(["source_row", *AC_COUNTS, *CNFS_COUNTS], "Int64"),
    **dict.fromkeys(["zrr", "qpv"], "boolean"),
}


def _typed(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({c: TYPES.get(c, "string") for c in columns})


def programme_tables(sources: Path, territory: Territory) -> dict[str, pd.DataFrame]:
    """The warehouse tables of the programmes' figures: `programme_aidants_connect`,
    `programme_cnfs_postes`, `programme_rejects` (rejected cells) and `programme_sources`."""
    sources = Path(sources)
    results = {
        AIDANTS_CONNECT.key: aidants_connect(sources),
        CNFS_STRUCTURES.key: cnfs_structures(sources, territory),
    }
    ac = _typed(results[AIDANTS_CONNECT.key].rows, AC_COLUMNS)
    cnfs = _typed(results[CNFS_STRUCTURES.key].rows, CNFS_COLUMNS)
    rejects = _typed([r for res in results.values() for r in res.rejects], REJECT_COLUMNS)
    return {
        "programme_aidants_connect": ac,
        "programme_cnfs_postes": cnfs,
        "programme_rejects": rejects,
        "programme_sources": _source_rows(sources, results),
    }
