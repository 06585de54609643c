"""One data directory: installed without `-e` and run from elsewhere, the app writes only under RHINOCC_HOME."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rhinocc_dash.shared import audit, config

ROOT = Path(__file__).resolve().parent.parent


def tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under a folder with its size and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_home_defaults_to_the_working_directory(monkeypatch, tmp_path):
    monkeypatch.delenv(config.HOME_ENV, raising=False)
    for name in (config.SNAPSHOTS_ENV, config.REFERENCE_ENV, config.OVERRIDES_ENV, config.DB_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    assert config.home() == (tmp_path / "data").resolve()
    assert config.resolve_snapshots() == config.home() / "snapshots"
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path / "ailleurs"))
    for path in (
        config.resolve_snapshots(),
        config.resolve_reference(),
        config.resolve_overrides(),
    ):
        assert path.is_relative_to(tmp_path / "ailleurs")


@pytest.mark.build
def test_installed_package_publishes_only_under_home(sources, tmp_path):
    """pip install (not editable) into a folder, publish from another directory: every file written is under
    RHINOCC_HOME; the checkout, the installed package and the working directory are untouched."""
    src = tmp_path / "src"
    shutil.copytree(
        ROOT / "rhinocc_dash", src / "rhinocc_dash", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(src),
        ],
        check=True,
        capture_output=True,
    )
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    shutil.copytree(config.resolve_reference(), home / "reference")  # no download in tests
    env = {k: v for k, v in os.environ.items() if not k.startswith("RHINOCC_")}
    env |= {"PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1", "RHINOCC_HOME": str(home)}
    before = {"checkout": tree(ROOT / "data"), "site": tree(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import rhinocc_dash; print(rhinocc_dash.__file__)"],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(site)
    done = subprocess.run(
        [sys.executable, "-m", "rhinocc_dash.cli", "warehouse", "--sources", str(sources)],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (home / "snapshots" / "CURRENT").is_file()
    assert any((home / "snapshots").glob("*/rhinocc.duckdb"))
    assert [e["action"] for e in audit.events(home / "snapshots")] == ["publication"]
    assert list(work.iterdir()) == []
    assert tree(site) == before["site"]
    assert tree(ROOT / "data") == before["checkout"]
