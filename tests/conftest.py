"""Shared fixtures: the real sources folder, one canonical warehouse built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from rhinocc_dash.ingest import build
from rhinocc_dash.ingest.catalog import missing_files
from rhinocc_dash.ingest.territory import build_territory
from rhinocc_dash.serving.launcher import CHROMIUM, free_port, start_streamlit, wait_healthy
from rhinocc_dash.shared.config import resolve_sources

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


@pytest.fixture(scope="session")
def home_page(warehouse):
    """The home page (app.py) run once with AppTest on the test warehouse, shared by the tests that only
    read what it shows."""
    from streamlit.testing.v1 import AppTest

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RHINOCC_DB", str(warehouse))
        yield AppTest.from_file("../app.py", default_timeout=60).run()


@pytest.fixture
def app_env(warehouse, monkeypatch):
    """Point the app at the test warehouse."""
    monkeypatch.setenv("RHINOCC_DB", str(warehouse))
    return warehouse


def _require_chromium() -> None:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("/usr/bin/chromium is missing (apt-get install chromium)")
        pytest.skip("/usr/bin/chromium is missing")


def _serve(env: dict, options: tuple = ()):
    port = free_port()
    process = start_streamlit(port, env, options=options)
    url = f"http://127.0.0.1:{port}"
    if not wait_healthy(url, 60, process):
        process.kill()
        pytest.fail("streamlit did not start within 60 s")
    return url, process


@pytest.fixture(scope="session")
def server(warehouse):
    """The app served on a free port, one server shared by every browser test that needs no special settings
    (the Debian chromium must be there). The machine is offline: the Base Adresse Nationale's URL points at
    a closed local port (the Orienter page then falls back on the commune's centre)."""
    _require_chromium()
    closed = free_port()  # bound then released: nothing listens there
    env = {"RHINOCC_DB": str(warehouse), "RHINOCC_BAN_URL": f"http://127.0.0.1:{closed}/search/"}
    url, process = _serve(env)
    yield url
    process.terminate()
    process.wait(timeout=10)


MAINTAINER, MAINTAINER_PASSWORD = "coord", "un-mot-de-passe-long"


@pytest.fixture(scope="session")
def maintainer_server(sources, tmp_path_factory):
    """One server for the browser tests that write (update flow, corrections): a maintainer in its secrets,
    and its own snapshots folder, state and home in a private temporary folder, so that what they publish
    never reaches the shared `server` nor the checkout. Yields (url, snapshots folder, private root)."""
    from rhinocc_dash.ingest import publication
    from rhinocc_dash.maintainers import hash_password

    _require_chromium()
    root = tmp_path_factory.mktemp("maintainer")
    folder = root / "snapshots"
    publication.ensure_current(folder, sources)
    secrets = root / "secrets.toml"
    secrets.write_text(
        f'[maintainers]\n{MAINTAINER} = "{hash_password(MAINTAINER_PASSWORD)}"\n', encoding="utf-8"
    )
    env = {"RHINOCC_SNAPSHOTS": str(folder), "RHINOCC_STATE": str(root / "state"),
           "RHINOCC_HOME": str(root / "home"), "RHINOCC_SOURCES": str(sources), "RHINOCC_DB": "",
           "RHINOCC_DATABASE_URL": ""}
    url, process = _serve(env, ("--secrets.files", str(secrets)))
    yield url, folder, root
    process.terminate()
    process.wait(timeout=10)


# Fixtures that need the full build of the real data: tests using them are marked `build` (the fast lane,
# `make check`, leaves them out).
BUILD_FIXTURES = {"warehouse", "con", "app_env", "home_page", "server", "maintainer_server"}
BROWSER_FIXTURES = {"server", "maintainer_server"}


def pytest_collection_modifyitems(items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if BUILD_FIXTURES & names:
            item.add_marker(pytest.mark.build)
        if BROWSER_FIXTURES & names:
            item.add_marker(pytest.mark.browser)
