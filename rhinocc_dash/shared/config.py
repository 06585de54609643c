"""Paths, constants and the resolution of the sources folder."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SOURCES_ENV = "RHINOCC_SOURCES"
DB_ENV = "RHINOCC_DB"
REFERENCE_ENV = "RHINOCC_REFERENCE"
OVERRIDES_ENV = "RHINOCC_OVERRIDES"
SNAPSHOTS_ENV = "RHINOCC_SNAPSHOTS"
HOME_ENV = "RHINOCC_HOME"



def home() -> Path:
    """The one data directory for everything the app writes at run time (snapshots, staging, overrides,
    audit log, sign-in attempts, references, corrections, map files, the server's runtime folder):
    $RHINOCC_HOME, else `data/` of the working directory (the checkout the app is run from), never the
    package's own location."""
    explicit = os.environ.get(HOME_ENV)
    folder = Path(explicit).expanduser() if explicit else Path.cwd() / "data"
    return folder.resolve()


# Bumped whenever the warehouse layout or the build logic changes, so that a stale warehouse is
# rebuilt.
SCHEMA_VERSION = "9"


@dataclass(frozen=True)
class Region:
    """The territory a warehouse covers: its INSEE code, name, départements and a generous lon/lat box,
    and what belongs to it in the texts (how to say « in <region> », the hub, context figures)."""

    code: str
    name: str
    departements: tuple[str, ...]
    # West, south, east, north (lon/lat): used to detect swapped or foreign coordinates.
    bbox: tuple[float, float, float, float]
    in_name: str = ""
    # What the map frames when it opens (the bbox when not set): France's bbox spans the overseas
    # départements, its map opens on the mainland.
    view: tuple[float, float, float, float] | None = None
    hub: str = ""
    context: dict = field(default_factory=dict)
    programmes: dict = field(default_factory=dict)  # quoted figures on the national programmes

    def quoted(self, name: str):
        """A figure of the region's quoted context (`[context]` of its settings), None when it has none."""
        return self.context.get(name)

    @property
    def context_source(self) -> str:
        """Where the quoted context figures come from (« » when the settings have none)."""
        return self.context.get("source", "")

    def illectronism_words(self) -> dict[str, str]:
        """The regional illectronism total and its source, as the method notes say them."""
        total = self.quoted("illectronisme")
        return {
            "total": f"{total:,}".replace(",", "\u202f") if total else "—",
            "source": self.context_source,
        }


REGION_ENV = "RHINOCC_REGION"
REGIONS_DIR = Path(__file__).parents[1] / "regions"


def load_region(name: str | os.PathLike) -> Region:
    """A region's settings: a file of `regions/` by name (« occitanie »), or a TOML file's path."""
    path = Path(name)
    if path.suffix != ".toml":
        path = REGIONS_DIR / f"{name}.toml"
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return Region(
        code=str(data["code"]),
        name=data["name"],
        departements=tuple(str(d) for d in data["departements"]),
        bbox=tuple(float(v) for v in data["bbox"]),
        view=tuple(float(v) for v in data["view"]) if "view" in data else None,
        in_name=data.get("in_name", f"en {data['name']}"),
        hub=data.get("hub", ""),
        context=dict(data.get("context", {})),
        programmes=dict(data.get("programmes", {})),
    )


# Occitanie unless RHINOCC_REGION names another settings file (a build setting: the build keeps these
# départements, the texts speak of this region).
REGION = load_region(os.environ.get(REGION_ENV) or "occitanie")
LAMBERT93 = "EPSG:2154"
WGS84 = "EPSG:4326"


def resolve_sources(explicit: str | os.PathLike | None = None) -> Path:
    """Sources folder: explicit argument, else $RHINOCC_SOURCES, else ../shared/data, else data/sources."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(SOURCES_ENV)
    if env:
        return Path(env).expanduser().resolve()
    shared = Path.cwd().parent / "shared" / "data"
    if shared.is_dir():
        return shared.resolve()
    return home() / "sources"


def resolve_snapshots(explicit: str | os.PathLike | None = None) -> Path:
    """Folder of the published snapshots: explicit, else $RHINOCC_SNAPSHOTS, else data/snapshots."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(SNAPSHOTS_ENV)
    return Path(env).expanduser().resolve() if env else home() / "snapshots"


def current_snapshot_db(snapshots: Path | None = None) -> Path | None:
    """The current snapshot's warehouse (named by the CURRENT pointer), None when none is published."""
    folder = snapshots or resolve_snapshots()
    try:
        version = (folder / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    db = folder / version / "rhinocc.duckdb"
    return db if version and db.is_file() else None


def pinned_db() -> Path | None:
    """A warehouse file named explicitly by $RHINOCC_DB (tests, benchmarks): no snapshots then."""
    env = os.environ.get(DB_ENV)
    return Path(env).expanduser().resolve() if env else None


def resolve_db(explicit: str | os.PathLike | None = None) -> Path:
    """Warehouse path: explicit argument, else $RHINOCC_DB, else the current snapshot's, else
    data/rhinocc.duckdb."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    return pinned_db() or current_snapshot_db() or home() / "rhinocc.duckdb"


def resolve_reference(explicit: str | os.PathLike | None = None) -> Path:
    """Folder of the downloaded reference lists: explicit, else $RHINOCC_REFERENCE, else data/reference."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(REFERENCE_ENV)
    return Path(env).expanduser().resolve() if env else home() / "reference"


def resolve_overrides(explicit: str | os.PathLike | None = None) -> Path:
    """The coordinators' decisions on record pairs: explicit, else $RHINOCC_OVERRIDES, else
    data/overrides/paires.json (kept outside the warehouse, so that they survive every rebuild)."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(OVERRIDES_ENV)
    return Path(env).expanduser().resolve() if env else home() / "overrides" / "paires.json"
