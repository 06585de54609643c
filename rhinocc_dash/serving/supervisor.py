"""Production serving: nginx in front of N Streamlit processes, supervised.

`rhinocc-dash serve --workers N --port P` writes nginx's configuration from
`deploy/nginx.conf.template` (sticky sessions by a cookie nginx sets, WebSocket proxying, gzip,
timeouts, security headers, the upload limit of the update page), starts the workers on loopback ports,
then nginx, all in the foreground; checks every worker's health endpoint and restarts one that died or
stopped answering; stops everything cleanly on Ctrl-C (SIGINT) or SIGTERM.

Each worker reads the published warehouse read-only (one connection per process, a cursor per query).
The state of the running set (ports, process ids) is written to `<runtime>/workers.json` for tests and
operators.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .. import opendata
from ..shared.config import HOME_ENV, home
from .launcher import HEALTH_PATH, start_streamlit

TEMPLATE = Path(__file__).parents[1] / "deploy" / "nginx.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHECK_EVERY_S = 2.0
# A worker busy with a room of sessions may answer its health check late: it is restarted only when it
# exited, or after this many failed checks in a row (about a minute without an answer).
UNHEALTHY_AFTER = 6
HEALTH_TIMEOUT_S = 8.0
STARTUP_GRACE_CHECKS = (
    15  # failed checks forgiven after a restart (Streamlit starts in a few seconds)
)


# The sites allowed to show the app in a frame, as the workers see them (« Intégrer cette vue »).
FRAME_ORIGINS_ENV = "RHINOCC_INTEGRER_DEPUIS"
ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:\d{1,5})?")


def parse_origins(text: str | None) -> tuple[str, ...]:
    """« https://rhinocc.fr, https://www.exemple.org » → the origins; anything else than a scheme, a
    host and a port (a path, a quote, a wildcard) is refused with a French message naming it."""
    origins = []
    for item in (text or "").replace(" ", ",").split(","):
        origin = item.strip().rstrip("/")
        if not origin:
            continue
        if not ORIGIN.fullmatch(origin):
            raise ValueError(
                f"Site d'intégration refusé : « {origin[:80]} » (attendu : https://nom.de.domaine, "
                "sans chemin)"
            )
        origins.append(origin)
    return tuple(dict.fromkeys(origins))


def render(
    runtime: Path,
    host: str,
    port: int,
    worker_ports: list[int],
    static: Path,
    frame_origins: tuple[str, ...] = (),
    snapshots: Path | None = None,
) -> str:
    """nginx's configuration for these workers."""
    upstreams = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in worker_ports
    )
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in (
        ("RUNTIME", str(runtime)),
        ("UPSTREAMS", upstreams),
        ("LISTEN_HOST", host),
        ("PORT", str(port)),
        ("STATIC", str(static)),
        ("FRAME_ANCESTORS", " ".join(("'self'", *frame_origins))),
        ("SNAPSHOTS", str(snapshots or runtime / "sans-versions")),
    ):
        text = text.replace(f"@@{name}@@", value)
    return text


@dataclass
class Worker:
    port: int
    process: subprocess.Popen | None = None
    failures: int = 0
    restarts: int = 0


@dataclass
class Server:
    """N workers and nginx, supervised."""

    workers: int
    port: int
    host: str = "127.0.0.1"
    base_port: int = 0
    runtime: Path = field(default_factory=lambda: home() / "serve")
    frame_origins: tuple[str, ...] = ()
    snapshots: Path | None = None  # the published versions, whose open data nginx serves
    env: dict = field(default_factory=dict)
    pool: list[Worker] = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    stopping: bool = False

    def __post_init__(self) -> None:
        base = self.base_port or self.port + 1
        self.pool = [Worker(base + i) for i in range(self.workers)]
        self.runtime = Path(self.runtime)

    def start(self) -> None:
        self.runtime.mkdir(parents=True, exist_ok=True)
        for worker in self.pool:
            self._spawn(worker)
        for worker in self.pool:
            if not _wait_health(worker.port, 120):
                raise RuntimeError(f"le processus Streamlit du port {worker.port} ne répond pas")
        config = self.runtime / "nginx.conf"
        config.write_text(
            render(
                self.runtime,
                self.host,
                self.port,
                [w.port for w in self.pool],
                home() / "static" / "cartes",
                self.frame_origins,
                self.snapshots,
            ),
            encoding="utf-8",
        )
        self.nginx = subprocess.Popen(
            [NGINX, "-c", str(config), "-p", str(self.runtime), "-g", "daemon off;"],
            stderr=open(self.runtime / "nginx-stderr.log", "ab"),  # noqa: SIM115
        )
        self._write_state()

    def _spawn(self, worker: Worker) -> None:
        log = open(self.runtime / f"worker-{worker.port}.log", "ab")  # noqa: SIM115
        # No file watcher in production: nothing reloads the code under the workers, and N watchers
        # of the project tree cost CPU (and overflow inotify) while a room is using the app.
        worker.process = start_streamlit(
            worker.port, self.worker_env(), log=log, options=("--server.fileWatcherType", "none")
        )
        worker.failures = 0

    def worker_env(self) -> dict[str, str]:
        """The environment a worker starts with."""
        # Two malloc arenas: a multi-threaded Python process then gives memory back after the
        # sessions close instead of keeping one arena per thread that ever ran a script; blocks of
        # 128 kB and more (frames, JSON of maps) are mapped apart and go back to the system when freed
        # (glibc's threshold otherwise rises to 32 MB and they stay in the heap).
        return {
            "MALLOC_ARENA_MAX": "2",
            "MALLOC_MMAP_THRESHOLD_": "131072",
            FRAME_ORIGINS_ENV: ",".join(self.frame_origins),
            # The workers run from the checkout: they write and read the data directory this supervisor
            # resolved (and gave nginx), wherever it was started from.
            HOME_ENV: str(home()),
            **self.env,
        }

    def _write_state(self) -> None:
        state = {
            "port": self.port,
            "nginx_pid": self.nginx.pid if self.nginx else None,
            "workers": [
                {
                    "port": w.port,
                    "pid": w.process.pid if w.process else None,
                    "restarts": w.restarts,
                }
                for w in self.pool
            ],
        }
        (self.runtime / "workers.json").write_text(json.dumps(state), encoding="utf-8")

    def check(self) -> None:
        """Restart a worker that exited or failed its health check several times in a row; keep
        /donnees/ on the current version (a publication or a rollback from the update page)."""
        if self.snapshots is not None:
            opendata.sync(self.snapshots)
        for worker in self.pool:
            alive = worker.process is not None and worker.process.poll() is None
            healthy = alive and _healthy(worker.port)
            worker.failures = 0 if healthy else worker.failures + 1
            if not alive or worker.failures >= UNHEALTHY_AFTER:
                if alive:
                    worker.process.kill()
                    worker.process.wait(timeout=10)
                print(
                    f"Redémarrage du processus du port {worker.port}", file=sys.stderr, flush=True
                )
                worker.restarts += 1
                worker.failures = -STARTUP_GRACE_CHECKS  # a fresh process needs time to start
                self._spawn(worker)
                self._write_state()
        if self.nginx is not None and self.nginx.poll() is not None and not self.stopping:
            print("nginx s'est arrêté : redémarrage", file=sys.stderr, flush=True)
            self.nginx = subprocess.Popen(
                [
                    NGINX,
                    "-c",
                    str(self.runtime / "nginx.conf"),
                    "-p",
                    str(self.runtime),
                    "-g",
                    "daemon off;",
                ]
            )
            self._write_state()

    def stop(self) -> None:
        self.stopping = True
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)  # graceful: finish the requests in flight
        for worker in self.pool:
            if worker.process is not None and worker.process.poll() is None:
                worker.process.terminate()
        for process in [self.nginx, *(w.process for w in self.pool)]:
            if process is not None:
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()

    def run_forever(self) -> None:
        def stop_on_signal(signum, _frame):
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop_on_signal)
        try:
            self.start()
        except BaseException:
            self.stop()  # no worker left behind when nginx or a worker cannot start
            raise
        print(
            f"rhinocc-dash : http://{self.host}:{self.port} ({self.workers} processus Streamlit "
            f"derrière nginx ; Ctrl-C pour arrêter)",
            file=sys.stderr,
            flush=True,
        )
        try:
            while True:
                time.sleep(CHECK_EVERY_S)
                self.check()
        except KeyboardInterrupt:
            print("Arrêt…", file=sys.stderr, flush=True)
        finally:
            self.stop()


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}{HEALTH_PATH}", timeout=HEALTH_TIMEOUT_S
        ) as reply:
            return reply.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _wait_health(port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _healthy(port):
            return True
        time.sleep(0.3)
    return False


def default_workers() -> int:
    """One worker per core."""
    return max(1, os.cpu_count() or 1)
