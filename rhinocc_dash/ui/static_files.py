"""Large, rarely changing map data served as static files (Streamlit's `server.enableStaticServing`).

A choropleth of the 4,446 communes weighs about 2 MB. Inlined in the map, it would travel again over
the WebSocket on every rerun (a filter change, a click). Published here instead, the map only names its
URL: the browser fetches it once, and deck.gl does not fetch again while the URL stays the same.

Files are content-addressed (a hash of their bytes), so a URL always means the same data, several
server processes can publish the same file safely, and a new warehouse gets new URLs.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..config import PROJECT_ROOT

# Streamlit serves <folder of app.py>/static at app/static/.
STATIC_DIR = Path(os.environ.get("RHINOCC_STATIC", PROJECT_ROOT / "static"))
SUBDIR = "cartes"
KEEP = 400  # files kept (most recently used first); about 2 MB each at most


def publish_json(payload: dict) -> str:
    """Write `payload` once under its hash; return its URL relative to the page."""
    return publish_bytes(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())


def publish_bytes(data: bytes, suffix: str = ".json") -> str:
    """Write `data` (JSON, or a PNG with `suffix` « .png ») once under its hash; return its URL."""
    name = hashlib.sha256(data).hexdigest()[:32] + suffix
    folder = STATIC_DIR / SUBDIR
    path = folder / name
    if path.exists():
        os.utime(path)  # recently used: pruned last
    else:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{name}.{os.getpid()}.tmp"
        temporary.write_bytes(data)
        os.replace(temporary, path)
        prune(folder)
    return f"app/static/{SUBDIR}/{name}"


def prune(folder: Path, keep: int = KEEP) -> int:
    """Delete all but the `keep` most recently used files; return how many were deleted."""
    files = [*folder.glob("*.json"), *folder.glob("*.png")]
    files.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)
    return max(0, len(files) - keep)


def local_path(url: str) -> Path:
    """The file behind a URL returned by `publish_json` (for tests and exports)."""
    return STATIC_DIR / url.removeprefix("app/static/")
