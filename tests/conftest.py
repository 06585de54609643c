"""Shared fixtures: the real sources folder, one canonical warehouse built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from rhinocc_dash.config import resolve_sources
from rhinocc_dash.ingest import build
from rhinocc_dash.ingest.catalog import missing_files
from rhinocc_dash.ingest.territory import build_territory
from rhinocc_dash.serving import CHROMIUM, free_port, start_streamlit, wait_healthy

IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def sources() -> Path:
    """The real open-data folder; in CI its absence is a failure, elsewhere the real-data tests skip."""
    path = resolve_sources()
    if not path.is_dir() or missing_files(path):
        message = f"sources folder missing or incomplete: {path}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def warehouse(sources, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("warehouse") / "rhinocc.duckdb"
    build(sources, db)
    return db


@pytest.fixture(scope="session")
def con(warehouse):
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def territory(sources):
    return build_territory(sources)


@pytest.fixture
def app_env(warehouse, monkeypatch):
    """Point the app at the test warehouse."""
    monkeypatch.setenv("RHINOCC_DB", str(warehouse))
    return warehouse


@pytest.fixture(scope="session")
def server(warehouse):
    """The app served on a free port, one server shared by every browser test that needs no special settings
    (the Debian chromium must be there)."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("/usr/bin/chromium is missing (apt-get install chromium)")
        pytest.skip("/usr/bin/chromium is missing")
    port = free_port()
    process = start_streamlit(port, {"RHINOCC_DB": str(warehouse)})
    url = f"http://127.0.0.1:{port}"
    if not wait_healthy(url, 60, process):
        process.kill()
        pytest.fail("streamlit did not start within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=10)


# Fixtures that need the full build of the real data: tests using them are marked `build` (the fast lane,
# `make check`, leaves them out).
BUILD_FIXTURES = {"warehouse", "con", "app_env", "server"}


def pytest_collection_modifyitems(items):
    for item in items:
        if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
        if "server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
