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
