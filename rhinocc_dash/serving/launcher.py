"""Start the app's Streamlit server as a child process and wait until it answers (tests, scripts, serve)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ..shared.config import PROJECT_ROOT

HEALTH_PATH = "/_stcore/health"
# Headless Chromium for the project's own browser checks: no sandbox (root in CI), no background network
# (the machine is offline), WebGL in software so that deck.gl draws without a GPU.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_streamlit(
    port: int, env: dict | None = None, log=subprocess.DEVNULL, options: tuple[str, ...] = ()
) -> subprocess.Popen:
    """`streamlit run app.py` on 127.0.0.1:`port`, headless, with the given extra environment and
    Streamlit options (such as ("--secrets.files", path))."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            *options,
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        stdout=log,
        stderr=log,
    )


def wait_healthy(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> bool:
    """True once `url`'s health endpoint answers 200; False on timeout or when `process` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url + HEALTH_PATH, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False
