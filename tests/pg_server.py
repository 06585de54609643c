"""A throwaway PostgreSQL server (the Debian package's binaries) for the store tests: initdb in a fresh
folder, started on a free local port, as the `postgres` user when the tests run as root (PostgreSQL
refuses to run as root)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from rhinocc_dash.serving.launcher import free_port

PG_ROOT = Path("/usr/lib/postgresql")


def binaries() -> Path | None:
    """The newest installed server's bin folder (None when the Debian package is missing)."""
    found = sorted(PG_ROOT.glob("*/bin/pg_ctl")) if PG_ROOT.is_dir() else []
    return found[-1].parent if found else None


class Server:
    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="rhinocc-pg-"))
        self.port = free_port()
        self.prefix: list[str] = []
        if os.getuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        data = self.folder / "data"
        self._run(str(self.bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "rhinocc",
                  "-E", "UTF8", "--no-sync", "--locale=C.UTF-8")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"),
                  "-o", options, "-w", "-t", "60", "start")
        return self.url("postgres")

    def url(self, database: str) -> str:
        return f"postgresql://rhinocc@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')  # name made here, never from input
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"), "-m",
                      "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
