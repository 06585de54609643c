"""Paths, constants and the resolution of the sources folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "data" / "rhinocc.duckdb"
SOURCES_ENV = "RHINOCC_SOURCES"
DB_ENV = "RHINOCC_DB"
REFERENCE_ENV = "RHINOCC_REFERENCE"
OVERRIDES_ENV = "RHINOCC_OVERRIDES"
DEFAULT_OVERRIDES = PROJECT_ROOT / "data" / "overrides" / "paires.json"
DEFAULT_REFERENCE = PROJECT_ROOT / "data" / "reference"

# Bumped whenever the warehouse layout or the build logic changes, so that a stale warehouse is
# rebuilt.
SCHEMA_VERSION = "5"


@dataclass(frozen=True)
class Region:
    """The territory a warehouse covers: its INSEE code, name, départements and a generous lon/lat box."""

    code: str
    name: str
    departements: tuple[str, ...]
    # West, south, east, north (lon/lat): used to detect swapped or foreign coordinates.
    bbox: tuple[float, float, float, float]


REGION = Region(
    code="76",
    name="Occitanie",
    departements=("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"),
    bbox=(-0.5, 42.2, 5.0, 45.2),
)
LAMBERT93 = "EPSG:2154"
WGS84 = "EPSG:4326"


def resolve_sources(explicit: str | os.PathLike | None = None) -> Path:
    """Sources folder: explicit argument, else $RHINOCC_SOURCES, else ../shared/data, else data/sources."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(SOURCES_ENV)
    if env:
        return Path(env).expanduser().resolve()
    shared = PROJECT_ROOT.parent / "shared" / "data"
    if shared.is_dir():
        return shared.resolve()
    return (PROJECT_ROOT / "data" / "sources").resolve()


def resolve_db(explicit: str | os.PathLike | None = None) -> Path:
    """Warehouse path: explicit argument, else $RHINOCC_DB, else data/rhinocc.duckdb."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DB_ENV)
    return Path(env).expanduser().resolve() if env else DEFAULT_DB


def resolve_reference(explicit: str | os.PathLike | None = None) -> Path:
    """Folder of the downloaded reference lists: explicit, else $RHINOCC_REFERENCE, else data/reference."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(REFERENCE_ENV)
    return Path(env).expanduser().resolve() if env else DEFAULT_REFERENCE


def resolve_overrides(explicit: str | os.PathLike | None = None) -> Path:
    """The coordinators' decisions on record pairs: explicit, else $RHINOCC_OVERRIDES, else
    data/overrides/paires.json (kept outside the warehouse, so that they survive every rebuild)."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(OVERRIDES_ENV)
    return Path(env).expanduser().resolve() if env else DEFAULT_OVERRIDES
