"""Checked readers for the territory and indicator files: a file that is not what the build expects
stops it with one French line naming the file, the row or key at fault, and what was expected.

Join codes are read as text; a code that lost its leading zero in a spreadsheet (« 9001 » for the
commune 09001) is completed, since it cannot stand for anything else. Numbers accept a decimal comma;
an empty cell stays missing. Every table read is counted per file, for the build's source status.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import numpy as np
import pandas as pd
from shapely.errors import GEOSException
from shapely.geometry import shape

from .errors import BuildError, SourceInvalid, shown_path
from .readers import BAD_BYTE, decode, json_error, sniff_separator

POLYGONS = ("Polygon", "MultiPolygon")
KIND_WORDS = {
    "number": "un nombre (virgule ou point décimal)",
    "integer": "un nombre entier",
}
_ROWS: ContextVar[dict[str, int] | None] = ContextVar("rows_read", default=None)


def start_counting() -> dict[str, int]:
    """A fresh count of the rows read per file (resolved path → rows), filled by the checked readers
    from now on in this thread (a build starts one; the next build starts its own)."""
    rows: dict[str, int] = {}
    _ROWS.set(rows)
    return rows


def _count(path: Path, rows: int) -> None:
    ledger = _ROWS.get()
    if ledger is not None:
        ledger[str(Path(path).resolve())] = rows


@contextmanager
def reading(path: Path | None) -> Iterator[None]:
    """Any unforeseen failure while reading `path` becomes one French line naming the file."""
    try:
        yield
    except BuildError:
        raise
    except (
        KeyError,
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        zipfile.BadZipFile,
        GEOSException,
    ) as exc:
        name = shown_path(path) if path is not None else "fichier source"
        detail = f"{type(exc).__name__} : {exc}"
        raise SourceInvalid(
            f"{name} : contenu inattendu, lecture impossible ({detail[:200]})"
        ) from exc


def read_json(path: Path) -> object:
    """A JSON document; an empty or invalid file names the line and column at fault."""
    text, _ = decode(Path(path).read_bytes())
    if not text.strip():
        raise SourceInvalid(f"{shown_path(path)} : fichier vide (un document JSON est attendu)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceInvalid(f"{shown_path(path)} : {json_error(exc)}") from exc


def geojson_features(
    path: Path, properties: tuple[str, ...] = ("code",), geometries: tuple[str, ...] = POLYGONS
) -> list[tuple[dict, object]]:
    """(properties, shapely geometry) of every feature, each checked: the properties named are
    present, the geometry is of an expected type and readable."""
    data = read_json(path)
    name = shown_path(path)
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    elif isinstance(data, dict) and isinstance(data.get("features"), list):
        features = data["features"]
    else:
        raise SourceInvalid(f"{name} : ni FeatureCollection ni Feature : du GeoJSON est attendu")
    if not features:
        raise SourceInvalid(f"{name} : aucune entité (au moins un contour est attendu)")
    expected = " ou ".join(geometries)
    out = []
    for number, feature in enumerate(features, start=1):
        where = f"{name}, entité n° {number}"
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            raise SourceInvalid(f"{where} : sans propriétés (attendu : un objet « properties »)")
        for key in properties:
            if props.get(key) in (None, ""):
                raise SourceInvalid(
                    f"{where} : propriété « {key} » absente (attendue sur chaque entité)"
                )
        where += f" (« {props[properties[0]]} »)" if properties else ""
        geometry = feature.get("geometry")
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        if kind not in geometries:
            raise SourceInvalid(f"{where} : géométrie {kind or 'absente'} ; attendu : {expected}")
        try:
            geom = shape(geometry)
        except (GEOSException, ValueError, TypeError, IndexError, KeyError) as exc:
            raise SourceInvalid(f"{where} : géométrie {kind} illisible ({exc})") from exc
        if geom.is_empty:
            raise SourceInvalid(f"{where} : géométrie {kind} vide ; attendu : un contour")
        out.append((props, geom))
    _count(path, len(out))
    return out


def pad_code(value: str, width: int) -> str:
    """« 09001 » for « 9001 » (width 5): a code that lost its one leading zero."""
    return value.zfill(width) if value.isdigit() and len(value) == width - 1 else value


def _csv_rows(text: str, name: str, sep: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        header = [h.strip() for h in next(reader)]
        seen: set[str] = set()
        for column in header:
            if column and column in seen:
                raise SourceInvalid(
                    f"{name} : la colonne « {column} » figure deux fois dans l'en-tête "
                    "(chaque nom de colonne ne doit apparaître qu'une fois)"
                )
            seen.add(column)
        rows = []
        for values in reader:
            if not values:
                continue
            if len(values) != len(header):
                raise SourceInvalid(
                    f"{name}, ligne {reader.line_num} : {len(values)} champs au lieu de "
                    f"{len(header)} (ligne tronquée ou colonnes décalées)"
                )
            rows.append((reader.line_num, values))
    except csv.Error as exc:
        raise SourceInvalid(f"{name}, ligne {reader.line_num} : CSV illisible ({exc})") from exc
    return header, rows


def _convert(values: list[str], kind: str, lines: list[int], column: str, name: str) -> object:
    """A column's cells in their type; the first bad cell names its line."""
    if kind.startswith("code"):
        width = int(kind.split(":")[1])
        return [pad_code(v.strip(), width) for v in values]
    if kind == "text":
        return values
    cells = (
        pd.Series(values, dtype=object)
        .str.strip()
        .str.replace("\u202f", "", regex=False)
        .str.replace("\u00a0", "", regex=False)
    )
    # A decimal comma (« 20750,5 »), never a thousands separator: one comma at most.
    decimal = cells.where(cells.str.count(",") != 1, cells.str.replace(",", ".", regex=False))
    numbers = pd.to_numeric(decimal.where(decimal != ""), errors="coerce").astype("float64")
    bad = (numbers.isna() | ~np.isfinite(numbers)) & (cells != "")
    if kind == "integer":
        bad |= (cells == "") | (numbers % 1 != 0).fillna(False)
    if bad.any():
        first = int(np.flatnonzero(bad.to_numpy())[0])
        value = values[first]
        what = (
            f"« {value.strip()[:40]} » n'est pas" if value.strip() else "cellule vide ; attendu :"
        )
        raise SourceInvalid(
            f"{name}, ligne {lines[first]}, colonne « {column} » : {what} {KIND_WORDS[kind]}"
        )
    # Whole numbers in a full column are integers, as pandas reads them (the warehouse keeps its types).
    whole = numbers.notna().all() and (numbers % 1 == 0).all()
    return numbers.astype("int64") if kind == "integer" or whole else numbers


def csv_table(path: Path, columns: dict[str, str], sep: str | None = None) -> pd.DataFrame:
    """The named columns of a CSV file, checked and typed.

    `columns`: column → kind, one of « text », « code:N » (a code of N characters, leading zero
    completed), « number » (empty = missing), « integer » (always filled).
    """
    name = shown_path(path)
    text, _ = decode(Path(path).read_bytes())
    if not text.strip():
        raise SourceInvalid(
            f"{name} : fichier vide (un tableau avec une ligne d'en-tête est attendu)"
        )
    if bad := BAD_BYTE.search(text):
        line = text.count("\n", 0, bad.start()) + 1
        raise SourceInvalid(f"{name}, ligne {line} : octets qui ne sont pas de l'UTF-8 valide")
    header, rows = _csv_rows(text, name, sep or sniff_separator(text.split("\n", 1)[0]))
    missing = [c for c in columns if c not in header]
    if missing:
        raise SourceInvalid(
            f"{name} : colonne(s) attendue(s) absente(s) : "
            + ", ".join(f"« {c} »" for c in missing)
            + f" (colonnes lues : {', '.join(header[:12])})"
        )
    if not rows:
        raise SourceInvalid(f"{name} : aucune ligne de données sous l'en-tête")
    lines = [line for line, _ in rows]
    frame = pd.DataFrame(
        {
            column: _convert(
                [values[header.index(column)] for _, values in rows], kind, lines, column, name
            )
            for column, kind in columns.items()
        }
    )
    _count(path, len(frame))
    return frame
