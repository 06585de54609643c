"""The declared venue sources of the region (`regions/<region>_sources.toml`): what each file is, who
produces it, its vintage, licence, format and role.

Shared by the build (catalogue, readers) and the measures (which sources are official lists, which are
kept for the evolution only); imports neither side.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from .config import REGION_ENV, REGIONS_DIR

ROLE_OFFICIAL = "liste_officielle"
ROLE_HISTORICAL = "historique"
ROLE_VENUES = "lieux"
ROLES = {
    ROLE_OFFICIAL: "liste officielle d'un programme national",
    ROLE_HISTORICAL: "millésime historique (évolution seulement, jamais compté)",
    ROLE_VENUES: "source de lieux",
}
FORMATS = (
    "rhinocc",
    "france_services",
    "cnfs",
    "data_inclusion_v01",
    "aidants_connect",
    "standard_v1",
    "gogocarto",
)
REQUIRED = ("key", "path", "title", "producer", "vintage", "licence", "format", "role")


class ManifestError(ValueError):
    """A sources manifest that cannot be used (French message naming the file and the entry)."""


def manifest_path() -> Path:
    """The manifest beside the region's settings (`<region>_sources.toml`), else Occitanie's."""
    region = os.environ.get(REGION_ENV) or "occitanie"
    settings = Path(region) if Path(region).suffix == ".toml" else REGIONS_DIR / f"{region}.toml"
    beside = settings.with_name(f"{settings.stem}_sources.toml")
    return beside if beside.is_file() else REGIONS_DIR / "occitanie_sources.toml"


def check_entry(entry: dict, where: str) -> dict:
    """The entry itself when complete and coherent; else a `ManifestError` saying what is wrong."""
    missing = [f for f in REQUIRED if not str(entry.get(f) or "").strip()]
    if missing:
        raise ManifestError(f"{where} : champs manquants : {', '.join(missing)}.")
    if entry["format"] not in FORMATS:
        raise ManifestError(
            f"{where} : format « {entry['format']} » inconnu (formats : {', '.join(FORMATS)})."
        )
    if entry["role"] not in ROLES:
        raise ManifestError(
            f"{where} : rôle « {entry['role']} » inconnu (rôles : {', '.join(ROLES)})."
        )
    if entry["role"] == ROLE_OFFICIAL and not entry.get("programme"):
        raise ManifestError(f"{where} : une liste officielle nomme son programme (`programme`).")
    return entry


def load(path: Path | None = None) -> list[dict]:
    """The declared sources, in build order, each checked; keys are unique."""
    path = Path(path or manifest_path())
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ManifestError(f"Manifeste des sources illisible ({path.name}) : {exc}.") from exc
    entries = [
        check_entry(dict(e), f"{path.name}, source n° {i}")
        for i, e in enumerate(data.get("source", []), start=1)
    ]
    keys = [e["key"] for e in entries]
    doubles = sorted({k for k in keys if keys.count(k) > 1})
    if doubles:
        raise ManifestError(f"{path.name} : clé déclarée deux fois : {', '.join(doubles)}.")
    return entries


DECLARED = load()
HISTORICAL = tuple(e["key"] for e in DECLARED if e["role"] == ROLE_HISTORICAL)
OFFICIAL = {
    programme: tuple(
        e["key"] for e in DECLARED if e["role"] == ROLE_OFFICIAL and e["programme"] == programme
    )
    for programme in dict.fromkeys(e.get("programme") for e in DECLARED if e.get("programme"))
}
PRIORITY = {e["key"]: int(e["priority"]) for e in DECLARED if "priority" in e}
