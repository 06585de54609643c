"""The region is configuration: a settings file says which départements a build keeps and how the
texts speak of the territory; nothing in the code assumes Occitanie."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb

from rhinocc_dash.config import PROJECT_ROOT, REGION, load_region


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


def test_texts_follow_the_region(tmp_path):
    settings = tmp_path / "bretagne.toml"
    settings.write_text(
        'code = "53"\nname = "Bretagne"\nin_name = "en Bretagne"\nhub = "Hub breton"\n'
        'departements = ["22", "29", "35", "56"]\nbbox = [-5.3, 47.2, -1.0, 49.0]\n',
        encoding="utf-8",
    )
    shown = python(
        "from rhinocc_dash import texts; from rhinocc_dash.analysis import gap;"
        "print(texts.HOME_TITLE); print(texts.APP_TITLE); print(gap.ILLECTRONISM_TOTAL);"
        "print(texts.A_ACCOMPAGNER_PERSONNES)",
        RHINOCC_REGION=str(settings),
    ).splitlines()
    assert shown == [
        "Lieux d'inclusion numérique en Bretagne",
        "Hub breton · tableau de bord de l'inclusion numérique",
        "None",
        "None",
    ]


def test_a_build_keeps_the_regions_departements(sources, tmp_path):
    settings = tmp_path / "causses.toml"
    settings.write_text(
        'code = "76"\nname = "Lot et Lozère"\ndepartements = ["46", "48"]\n'
        "bbox = [-0.5, 42.2, 5.0, 45.2]\n",
        encoding="utf-8",
    )
    db = tmp_path / "causses.duckdb"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rhinocc_dash.cli",
            "build",
            "--sources",
            str(sources),
            "--db",
            str(db),
            "--allow-partial",
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, "RHINOCC_REGION": str(settings)},
        capture_output=True,
        check=True,
    )
    con = duckdb.connect(str(db), read_only=True)
    departements = {
        d for (d,) in con.execute("SELECT DISTINCT departement FROM communes").fetchall()
    }
    lieux = {d for (d,) in con.execute("SELECT DISTINCT departement FROM lieux").fetchall()}
    con.close()
    assert departements == lieux == {"46", "48"}
