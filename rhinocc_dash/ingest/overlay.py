"""A sources folder made of a base folder and replacement files (uploads), without copying the base.

A snapshot keeps only the files a maintainer brought in (`sources/` in the snapshot, at their catalogue
path); the build reads a merged folder of symbolic links: each replacement where there is one, the
base file elsewhere. A replacement may declare its own vintage (a new France Services list is dated
by its edition), recorded beside the files in `VINTAGES_FILE` and read by the build.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from .catalog import VENUE_FILES, SourceFile, venue_entry

VINTAGES_FILE = ".millesimes.json"
# Sources added beside the declared ones, and declared sources retired, for this folder's build.
SOURCES_FILE = ".sources.json"
ADDED_FOLDER = "venues/ajouts"


def declared_vintages(sources: Path) -> dict[str, str]:
    """Vintages declared for replaced files ({source key: vintage}); empty for a plain folder."""
    path = Path(sources) / VINTAGES_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def with_vintages(entries: Iterable[SourceFile], vintages: dict[str, str]) -> list[SourceFile]:
    """The catalogue entries, each with the vintage declared for its replacement, if any."""
    return [
        dataclasses.replace(e, vintage=vintages[e.key]) if e.key in vintages else e for e in entries
    ]


def source_changes(sources: Path) -> tuple[list[dict], list[str]]:
    """(sources added, keys of declared sources retired) for the build of `sources`."""
    path = Path(sources) / SOURCES_FILE
    if not path.is_file():
        return [], []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [], []
    return list(data.get("added", [])), list(data.get("retired", []))


def venue_files(sources: Path) -> list[SourceFile]:
    """The venue sources a build of `sources` reads: the declared ones not retired, then the added."""
    added, retired = source_changes(sources)
    kept = [e for e in VENUE_FILES if e.key not in retired]
    return kept + [venue_entry(a) for a in added if a["key"] not in retired]


def added_entry(
    key: str,
    source_format: str,
    vintage: str,
    title: str = "",
    producer: str = "",
    licence: str = "",
    origin_url: str = "",
    taken: Iterable[str] = (),
) -> dict:
    """The manifest entry of a source added from the update page or the CLI (an ordinary venue
    source; its file kept with the published versions). Raises `ValueError` (French) on a bad key."""
    if not re.fullmatch(r"[a-z0-9_]{3,40}", key or ""):
        raise ValueError(
            f"Clé de source « {key} » invalide : 3 à 40 caractères, minuscules, chiffres ou « _ »."
        )
    if key in {e.key for e in VENUE_FILES} | set(taken):
        raise ValueError(f"La clé « {key} » est déjà celle d'une source : choisissez-en une autre.")
    return {
        "key": key,
        "path": f"{ADDED_FOLDER}/{key}.json",
        "title": title.strip() or key,
        "name": title.strip() or key,
        "producer": producer.strip() or "non précisé",
        "vintage": vintage,
        "licence": licence.strip() or "non précisée par l'origine",
        "format": source_format,
        "role": "lieux",
        "origin_url": origin_url.strip(),
    }


def merge(
    base: Path,
    replacements: Path | None,
    target: Path,
    vintages: dict[str, str],
    added: list[dict] | None = None,
    retired: list[str] | None = None,
) -> Path:
    """Fill `target` with links to `base`, replaced file by file by those under `replacements`."""
    base, target = Path(base).resolve(), Path(target)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    replaced = (
        {p.relative_to(replacements) for p in Path(replacements).rglob("*") if p.is_file()}
        if replacements and Path(replacements).is_dir()
        else set()
    )
    replaced = {p for p in replaced if not p.name.startswith(".")}
    _link_tree(base, target, Path("."), replaced)
    for relative in replaced:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if destination.is_symlink() or destination.exists():
            destination.unlink()
        destination.symlink_to((Path(replacements) / relative).resolve())
    if vintages:
        (target / VINTAGES_FILE).write_text(json.dumps(vintages, ensure_ascii=False), "utf-8")
    if added or retired:
        changes = {"added": added or [], "retired": retired or []}
        (target / SOURCES_FILE).write_text(json.dumps(changes, ensure_ascii=False), "utf-8")
    return target


def _link_tree(base: Path, target: Path, relative: Path, replaced: set[Path]) -> None:
    """Link whole folders where nothing inside is replaced, descend where something is."""
    for item in sorted((base / relative).iterdir()):
        inner = relative / item.name
        touched = any(inner == r or inner in r.parents for r in replaced)
        if not touched:
            (target / inner).symlink_to(item)
        elif item.is_dir():
            (target / inner).mkdir()
            _link_tree(base, target, inner, replaced)
