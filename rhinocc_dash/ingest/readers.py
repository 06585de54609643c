"""Tolerant readers for the venue files: encoding, separator and broken files never raise past here.

A file that cannot be read at all raises `SourceFileError` (French message: where, and what was
expected). A row that cannot be trusted is still returned, with its defect in `ReadResult.defects`, so
that the caller sets it aside with a reason and the counts add up: a byte that is not UTF-8 in a UTF-8
file, a control character, a field count different from the header's (a truncated or shifted row),
a field too long to be a real value.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..shared.formatting import fmt_int

# The longest field of the real files is 2,836 characters; a field this long is not a value.
MAX_FIELD_CHARS = 32_768
# Bytes that are not UTF-8, kept by `surrogateescape` as U+DC80–U+DCFF (never valid text).
BAD_BYTE = re.compile(r"[\udc80-\udcff]")
# Control characters (NUL…) other than tab and line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
JSON_MESSAGES = {
    "Expecting value": "valeur attendue",
    "Expecting ',' delimiter": "virgule attendue",
    "Expecting ':' delimiter": "deux-points attendus",
    "Unterminated string starting at": "texte entre guillemets non terminé",
    "Expecting property name enclosed in double quotes": "nom de clé entre guillemets attendu",
    "Extra data": "contenu après la fin du document",
    "Invalid control character at": "caractère de contrôle dans un texte",
}


class SourceFileError(Exception):
    """A source file that cannot be read at all (reported to the user, never a crash)."""


@dataclass
class ReadResult:
    rows: list[tuple[int, dict]]  # (row number in the file, record)
    encoding: str = "utf-8"
    separator: str | None = None
    notes: list[str] = field(default_factory=list)
    # Rows that cannot be trusted: row number → (reason code, French reason).
    defects: dict[int, tuple[str, str]] = field(default_factory=dict)


def decode(data: bytes) -> tuple[str, str]:
    """Text of a file, and its encoding.

    UTF-8 (with or without BOM), or UTF-16 with its BOM. A file mostly written in UTF-8 keeps its few
    undecodable bytes as U+DC80–U+DCFF, so that only the rows holding them are set aside (decoding
    the whole file as Windows-1252 instead would garble every accented letter of every other row); a
    file whose accented lines are not UTF-8 is Windows-1252.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    valid = invalid = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            invalid += 1
    if valid > invalid:
        return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape"), "utf-8"
    return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_separator(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


def text_defect(values: list[str]) -> tuple[str, str] | None:
    """Why a row's texts cannot be trusted, or None."""
    joined = "".join(values)
    if BAD_BYTE.search(joined):
        return "encodage_invalide", "Octets qui ne sont pas de l'UTF-8 valide : texte illisible"
    if _CONTROL.search(joined):
        return "caracteres_interdits", "Caractère de contrôle (octet nul…) dans le texte"
    longest = max(map(len, values), default=0)
    if longest > MAX_FIELD_CHARS:
        return (
            "champ_trop_long",
            f"Champ de {fmt_int(longest)} caractères (au plus {fmt_int(MAX_FIELD_CHARS)} attendus)",
        )
    return None


def _header(names: list[str]) -> list[str]:
    header = [(name or "").strip() for name in names]
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if name and name in seen:
            raise SourceFileError(
                f"la colonne « {name} » figure deux fois dans l'en-tête (colonnes {seen[name]} et "
                f"{position}) : chaque nom de colonne ne doit apparaître qu'une fois"
            )
        seen.setdefault(name, position)
    return header


def read_csv(path: Path) -> ReadResult:
    """Rows of a delimited text file as dicts; the row number is the data row's 1-based index."""
    text, encoding = decode(Path(path).read_bytes())
    if not text.strip():
        return ReadResult([], encoding, None, ["fichier vide"])
    first_line = text.splitlines()[0]
    sep = sniff_separator(first_line)
    # A field can never be longer than the file: no row is lost to csv's own size limit.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    check_text = bool(BAD_BYTE.search(text) or _CONTROL.search(text))
    check_length = len(text) > MAX_FIELD_CHARS
    rows, defects = [], {}
    try:
        header = _header(next(reader))
        width = len(header)
        index = 0
        for values in reader:
            if not values:
                continue
            index += 1
            row = dict(zip(header, values, strict=False))
            if len(values) < width:
                row.update(dict.fromkeys(header[len(values) :]))
                defects[index] = (
                    "ligne_incomplete",
                    f"{len(values)} champs sur {width} : ligne tronquée",
                )
            elif len(values) > width:
                row["__extra_fields__"] = values[width:]
                defects[index] = (
                    "champs_en_trop",
                    f"{len(values)} champs au lieu de {width} : colonnes décalées",
                )
            if (check_text or check_length) and (defect := text_defect(values)):
                defects[index] = defect
            rows.append((index, row))
    except csv.Error as exc:
        raise SourceFileError(f"CSV illisible à la ligne {reader.line_num} : {exc}") from exc
    return ReadResult(rows, encoding, sep, defects=defects)


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def json_error(exc: json.JSONDecodeError) -> str:
    """« JSON invalide à la ligne 12, colonne 4 (virgule attendue) » for a decoding error."""
    reason = JSON_MESSAGES.get(exc.msg, exc.msg)
    return (
        f"JSON invalide à la ligne {exc.lineno}, colonne {exc.colno} ({reason}) : "
        "un document JSON complet est attendu"
    )


def read_json_records(path: Path) -> ReadResult:
    """Objects of a JSON array (or of a {"features"/"data": [...]} wrapper)."""
    text, encoding = decode(Path(path).read_bytes())
    if not text.strip():
        return ReadResult([], encoding, None, ["fichier vide"])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceFileError(json_error(exc)) from exc
    if isinstance(data, dict):
        wrapped = next(
            (data[k] for k in ("data", "features") if isinstance(data.get(k), list)), None
        )
        if wrapped is None:
            keys = ", ".join(list(map(str, data))[:5])
            raise SourceFileError(
                f"le fichier contient un objet JSON (clés : {keys}) et non une liste "
                "d'enregistrements [ {…}, {…} ] comme attendu"
            )
        data = wrapped
    if not isinstance(data, list):
        raise SourceFileError(
            f"JSON inattendu ({type(data).__name__}) : une liste d'enregistrements est attendue"
        )
    rows = list(enumerate(data, start=1))
    defects = {}
    if "\\u00" in text or BAD_BYTE.search(text) or len(text) > MAX_FIELD_CHARS:
        for index, record in rows:
            if defect := text_defect(list(_strings(record))):
                defects[index] = defect
    return ReadResult(rows, encoding, defects=defects)


def read_records(path: Path) -> ReadResult:
    suffix = Path(path).suffix.lower()
    return read_json_records(path) if suffix == ".json" else read_csv(path)
