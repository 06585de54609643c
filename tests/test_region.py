"""The region is configuration: a settings file says which départements a build keeps and how the
texts speak of the territory; nothing in the code assumes Occitanie."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
from support import benchmark_module

from rhinocc_dash.shared.config import PROJECT_ROOT, REGION, load_region


def python(code: str, **env) -> str:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_occitanie_is_the_default_and_france_is_available():
    assert REGION.name == "Occitanie" and len(REGION.departements) == 13
    france = load_region("france")
    assert len(france.departements) == 101 and {"2A", "2B", "974"} <= set(france.departements)
    assert france.context == {}
    # Its bbox spans the overseas départements (coordinates are checked against it); the map opens
    # on the mainland.
    west, south, east, north = france.view
    assert -6 < west < east < 10 and 41 < south < north < 52 and france.bbox[0] < -60
    assert REGION.view is None


def test_texts_follow_the_region(tmp_path):
    settings = tmp_path / "bretagne.toml"
    settings.write_text(
        'code = "53"\nname = "Bretagne"\nin_name = "en Bretagne"\nhub = "Hub breton"\n'
        'departements = ["22", "29", "35", "56"]\nbbox = [-5.3, 47.2, -1.0, 49.0]\n',
        encoding="utf-8",
    )
    shown = python(
        "from rhinocc_dash import texts; from rhinocc_dash.analysis import gap;"
        "print(texts.accueil.HOME_TITLE); print(texts.common.APP_TITLE); print(gap.ILLECTRONISM_TOTAL);"
        "from rhinocc_dash.shared.config import REGION; print(REGION.quoted('a_accompagner'))",
        RHINOCC_REGION=str(settings),
    ).splitlines()
    assert shown == [
        "Lieux d'inclusion numérique en Bretagne",
        "Hub breton · tableau de bord de l'inclusion numérique",
        "None",
        "None",
    ]


def cli_build(sources, db, region: str, *options: str) -> None:
    """`rhinocc-dash build` in its own process, with the region settings `region`."""
    subprocess.run(
        [sys.executable, "-m", "rhinocc_dash.cli", "build", "--sources", str(sources)]
        + ["--db", str(db), *options],
        cwd=PROJECT_ROOT,
        env={**os.environ, "RHINOCC_REGION": region},
        capture_output=True,
        check=True,
    )


def test_a_build_keeps_the_regions_departements(sources, tmp_path):
    settings = tmp_path / "causses.toml"
    settings.write_text(
        'code = "76"\nname = "Lot et Lozère"\ndepartements = ["46", "48"]\n'
        "bbox = [-0.5, 42.2, 5.0, 45.2]\n",
        encoding="utf-8",
    )
    db = tmp_path / "causses.duckdb"
    cli_build(sources, db, str(settings), "--allow-partial")
    con = duckdb.connect(str(db), read_only=True)
    departements = {
        d for (d,) in con.execute("SELECT DISTINCT departement FROM communes").fetchall()
    }
    lieux = {d for (d,) in con.execute("SELECT DISTINCT departement FROM lieux").fetchall()}
    con.close()
    assert departements == lieux == {"46", "48"}


def test_synthetic_france_builds_with_consistent_codes(sources, tmp_path):
    """The national benchmark's generator at small scale (Lot and Lozère, twice): the copy re-coded
    into two other départements builds exactly like the original, under the France settings."""
    make_national = benchmark_module("make_national")

    folder = tmp_path / "france"
    copies = make_national.generate(sources, folder, 2, {"46", "48"})
    assert "SYNTHÉTIQUES" in (folder / "SYNTHETIC.md").read_text(encoding="utf-8")
    db = tmp_path / "france.duckdb"
    cli_build(folder, db, "france")
    con = duckdb.connect(str(db), read_only=True)

    def by_departement(sql: str) -> dict:
        return dict(con.execute(sql).fetchall())

    communes = by_departement("SELECT departement, count(*) FROM communes GROUP BY 1")
    lieux = by_departement("SELECT departement, count(*) FROM lieux GROUP BY 1")
    records = by_departement("SELECT departement, count(*) FROM venue_records GROUP BY 1")
    indicators = by_departement(
        "SELECT c.departement, count(i.ifn2020_global) + count(i.ifn2023_total) "
        "+ count(i.revenu_median) FROM communes c JOIN commune_indicators i USING (code_insee) "
        "GROUP BY 1"
    )
    misplaced = con.execute(
        "SELECT count(*) FROM venue_records WHERE substr(code_insee, 1, 2) <> departement"
    ).fetchone()[0]
    names = {n for (n,) in con.execute("SELECT nom FROM departements").fetchall()}
    con.close()
    moved = {d: copies[1].dep(d) for d in ("46", "48")}
    assert set(communes) == {"46", "48", *moved.values()} and "46" not in moved.values()
    for original, synthetic in moved.items():
        assert communes[synthetic] == communes[original] > 100
        assert lieux[synthetic] == lieux[original] > 10
        assert records[synthetic] == records[original]
        assert indicators[synthetic] == indicators[original] > 0
    assert misplaced == 0
    assert all(name.endswith("(synthétique)") for name in names)
