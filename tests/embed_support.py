"""Shared by the embed test and benchmark: a published version made from a built warehouse (no second
build), `rhinocc-dash serve` started on it, and a host page on another local port that frames the app."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from rhinocc_dash.ingest import publication
from rhinocc_dash.ingest.snapshots import DB_NAME, STAGING, current_version
from rhinocc_dash.serving.launcher import free_port
from rhinocc_dash.shared.config import PROJECT_ROOT, resolve_sources


def publish_copy(warehouse: Path, folder: Path) -> dict:
    """Publish a copy of an already built warehouse as the first version of `folder`."""
    work = folder / STAGING / uuid.uuid4().hex[:8]
    work.mkdir(parents=True)
    shutil.copyfile(warehouse, work / DB_NAME)
    staged = publication.Staged(work.name, work, work / DB_NAME, parent=current_version(folder))
    return publication.publish(folder, staged, "essai", "Version d'essai", resolve_sources())


def start_serve(runtime: Path, env: dict, allowed: str = "", workers: int = 1, timeout_s: float = 180):
    """`rhinocc-dash serve` on a free port (`allowed`: the sites that may embed it); returns (url, process)
    once nginx is up."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rhinocc_dash.cli",
            "serve",
            "--workers",
            str(workers),
            "--port",
            str(port),
            "--base-port",
            str(free_port()),
            "--runtime",
            str(runtime),
            *(["--integrer-depuis", allowed] if allowed else []),
        ],
        cwd=PROJECT_ROOT,
        env={k: v for k, v in {**os.environ, **env}.items() if v is not None},
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout_s
    while not (runtime / "workers.json").exists():
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise RuntimeError("rhinocc-dash serve did not start")
        time.sleep(0.5)
    return f"http://127.0.0.1:{port}", process


def host_page(frames: dict[str, str]) -> str:
    """An HTML page (as a hub's WordPress page would be) with one titled iframe per (id: src)."""
    iframes = "\n".join(
        f'<iframe id="{name}" src="{src}" title="{name}" width="100%" height="600" '
        'loading="lazy" style="border:0"></iframe>'
        for name, src in frames.items()
    )
    head = '<head><meta charset="utf-8"><title>Page hôte</title></head>'
    return f'<!doctype html><html lang="fr">{head}<body>{iframes}</body></html>'


class HostServer:
    """A static page served on its own local port (another origin than the app)."""

    def __init__(self, html: str, port: int | None = None):
        body = html.encode("utf-8")

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.port = port or free_port()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
