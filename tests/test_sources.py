"""Captions come from the warehouse's own metadata: a new vintage changes them everywhere by itself."""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd
from streamlit.testing.v1 import AppTest

from rhinocc_dash.analysis import sources

CATALOGUE = pd.DataFrame(
    [
        ("rhinocc", "lieux", True, "Annuaire RhinOcc", "RhinOcc", "2022-12", "non précisée"),
        ("fs_old", "lieux", False, "France Services", "ANCT", "2022-12-01", "LO 2.0"),
        ("fs", "lieux", True, "France Services", "ANCT", "2024-08-01", "LO 2.0"),
        ("population", "indicateurs", True, "Populations légales", "Insee", "PL 2023", "LO 2.0"),
    ],
    columns=["key", "kind", "current", "name", "producer", "vintage", "licence"],
).assign(title=lambda f: f["name"] + " (titre)")


def test_lieux_expands_to_current_venue_sources_only():
    assert sources.lieux_sources(CATALOGUE) == ["rhinocc", "fs"]
    assert sources.lieux_sources(CATALOGUE, current=False) == ["rhinocc", "fs_old", "fs"]
    text = sources.caption(CATALOGUE, ["lieux", "population"], "Méthode.")
    assert text == (
        "Sources : Annuaire RhinOcc, RhinOcc, 2022-12 ; France Services, ANCT, 2024-08-01 ; "
        "Populations légales, Insee, PL 2023. Licences : non précisée (Annuaire RhinOcc) ; "
        "LO 2.0 (France Services, Populations légales). Méthode."
    )


def test_single_source_and_unknown_key():
    assert sources.caption(CATALOGUE, ["population"]) == (
        "Source : Populations légales, Insee, PL 2023. Licence : LO 2.0."
    )
    assert sources.label(CATALOGUE, "fs") == "France Services (01/08/2024)"
    assert sources.label(CATALOGUE, "inconnue") == "inconnue"


def test_a_new_vintage_shows_on_every_page_by_itself(warehouse, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    shutil.copy(warehouse, db)
    con = duckdb.connect(str(db))
    con.execute(
        "UPDATE sources SET vintage = ? WHERE key = ?", ["2031-02-03", "france_services_2024"]
    )
    con.execute("UPDATE sources SET vintage = ? WHERE key = ?", ["PL 2031", "population"])
    con.close()
    monkeypatch.setenv("RHINOCC_DB", str(db))
    for page in ("accueil", "couverture", "ecarts", "rapport", "dispositifs"):
        at = AppTest.from_file(f"../pages/{page}.py", default_timeout=120).run()
        assert not at.exception, page
        captions = " ".join([c.value for c in at.caption] + [h.proto.body for h in at.get("html")])
        assert "2031-02-03" in captions and "PL 2031" in captions, page
