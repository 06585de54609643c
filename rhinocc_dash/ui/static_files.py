"""Large, rarely changing map data served as files, from the data directory (`RHINOCC_HOME`).

A choropleth of the 4,446 communes weighs about 2 MB. Inlined in the map, it would travel again over
the WebSocket on every rerun (a filter change, a click). Published here instead, the map only names its
URL: the browser fetches it once, and deck.gl does not fetch again while the URL stays the same.

Files are content-addressed (a hash of their bytes), so a URL always means the same data, several
server processes can publish the same file safely, and a new warehouse gets new URLs.

They live in `<RHINOCC_HOME>/static/cartes/`, with everything else the app writes. Streamlit's own static
serving only reads `static/` beside `app.py` (inside the checkout, or `site-packages`); the folder is
declared instead as the file folder of a component (`components.declare_component(path=…)`, whose files
Streamlit serves at `component/<name>/<file>` with `Cache-Control: public`), and nginx serves the same
folder at the same URL in production (`rhinocc-dash serve`).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from streamlit.components import v1 as components

from ..shared.config import home

SUBDIR = "cartes"
# The component's full name (Streamlit prefixes the declaring module's): the URL's folder.
URL_FOLDER = f"component/{__name__}.{SUBDIR}"
KEEP = 400  # files kept (most recently used first); about 2 MB each at most


def static_dir() -> Path:
    """Where the map files are written: `static/` of the data directory."""
    return home() / "static"


def serve_folder() -> Path:
    """Create the map files' folder and have the running Streamlit serve it (registering the same
    component again is a dictionary write: done on every call, so a new runtime has it too)."""
    folder = static_dir() / SUBDIR
    folder.mkdir(parents=True, exist_ok=True)
    component = components.declare_component(SUBDIR, path=folder)
    assert component.name == URL_FOLDER.removeprefix("component/"), component.name
    return folder


def publish_json(payload: dict) -> str:
    """Write `payload` once under its hash; return its URL relative to the page."""
    return publish_bytes(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())


def publish_bytes(data: bytes, suffix: str = ".json") -> str:
    """Write `data` (JSON, or a PNG with `suffix` « .png ») once under its hash; return its URL."""
    name = hashlib.sha256(data).hexdigest()[:32] + suffix
    folder = serve_folder()
    path = folder / name
    if path.exists():
        os.utime(path)  # recently used: pruned last
    else:
        temporary = folder / f".{name}.{os.getpid()}.tmp"
        temporary.write_bytes(data)
        os.replace(temporary, path)
        prune(folder)
    return f"{URL_FOLDER}/{name}"


def prune(folder: Path, keep: int = KEEP) -> int:
    """Delete all but the `keep` most recently used files; return how many were deleted."""
    files = [*folder.glob("*.json"), *folder.glob("*.png")]
    files.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)
    return max(0, len(files) - keep)


def still_published(url: str) -> bool:
    """Whether the file behind a URL is still there (marked recently used if so): another process may
    have pruned it while this one kept its URL in a cache."""
    path = local_path(url)
    try:
        os.utime(path)
    except FileNotFoundError:
        return False
    return True


def local_path(url: str) -> Path:
    """The file behind a URL returned by `publish_json` (for tests and exports)."""
    return static_dir() / SUBDIR / url.removeprefix(f"{URL_FOLDER}/")
