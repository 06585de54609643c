"""Open data with every published version: the files validate against the national schema
(frictionless), the counts per département are the warehouse's exportable lieux, a failed export is
recorded without undoing the publication; the embed helpers (iframe code, origins) are safe."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest
from embed_support import publish_copy
from frictionless import validate

from rhinocc_dash import opendata
from rhinocc_dash.serving.supervisor import parse_origins
from rhinocc_dash.shared.config import REGION
from rhinocc_dash.views import embed
from rhinocc_dash.views.legend import LegendEntry, mark_need


@pytest.fixture(scope="module")
def published(warehouse, tmp_path_factory):
    folder = tmp_path_factory.mktemp("snapshots")
    record = publish_copy(warehouse, folder)
    assert opendata.sync(folder) == record["version"]
    return folder, record["version"]


def exportable_per_departement(warehouse) -> dict[str, int]:
    """Counted apart from the export's code: a lieu with an address, an update date and a postcode
    (its own or one of its commune's)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            """
            SELECT l.departement, count(*)
            FROM lieux l LEFT JOIN communes c ON c.code_insee = l.code_insee
            WHERE coalesce(l.adresse, '') <> '' AND l.date_maj IS NOT NULL
              AND (coalesce(l.code_postal, '') <> '' OR len(coalesce(c.codes_postaux, [])) > 0)
            GROUP BY 1
            """
        ).fetchall()
    finally:
        con.close()
    return {str(dep): int(n) for dep, n in rows}


def test_every_file_validates_and_counts_match_the_warehouse(published, warehouse):
    folder, version = published
    target = folder / "donnees"  # the link to the current version's files
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == version and package["created"]
    assert package["licenses"] and package["sources"]
    assert all("millésime" in s["title"] for s in package["sources"])
    report = validate(target / "datapackage.json")
    assert report.valid, [(t.name, [e.message for e in t.errors[:3]]) for t in report.tasks]
    assert len(report.tasks) == len(package["resources"])

    rows = {r["path"]: r for r in package["resources"]}
    expected = exportable_per_departement(warehouse)
    assert sum(expected.values()) > 1000
    checked = 0
    for dep in REGION.departements:
        csv = rows[f"lieux-mediation-numerique-{dep}.csv"]
        geo = rows[f"lieux-mediation-numerique-{dep}.geojson"]
        assert csv["rows"] == geo["features"] == expected.get(dep, 0), dep
        features = json.loads((target / geo["path"]).read_text(encoding="utf-8"))["features"]
        assert len(features) == geo["features"]
        assert all(f["properties"]["code_insee"] for f in features)
        checked += 1
    assert checked == 13
    region = rows["lieux-mediation-numerique-occitanie.csv"]
    assert region["rows"] == sum(expected.values())
    left_out = rows["lieux-non-exportes-occitanie.csv"]
    with open(folder / "donnees" / left_out["path"], encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert len(lines) - 1 == left_out["rows"] > 0
    assert "raison" in lines[0]


def test_earlier_versions_keep_their_files_and_a_failure_is_recorded(
    published, warehouse, tmp_path
):
    folder, first = published
    assert (folder / first / "donnees" / "datapackage.json").is_file()
    # A second publication whose export fails: published all the same, the failure recorded.
    broken_sources = tmp_path / "sources"
    broken_sources.mkdir()
    second = publish_copy(warehouse, folder)["version"]
    assert opendata.sync(folder, sources=broken_sources) == second
    found = opendata.status(folder, second)
    assert found["package"] is None
    assert "Schéma du standard national illisible" in found["failure"]["raison"]
    assert (folder / first / "donnees" / "datapackage.json").is_file()  # the earlier one stays
    # No retry on every check; a retry (serve's start) writes the files and clears the failure.
    opendata.sync(folder, sources=broken_sources)
    assert opendata.status(folder, second)["package"] is None
    opendata.sync(folder, retry=True)
    found = opendata.status(folder, second)
    assert found["failure"] is None and found["package"]["version"] == second
    assert (folder / "donnees").resolve() == (folder / second / "donnees").resolve()
    shutil.rmtree(folder / second)  # leave the module's folder as the first test expects
    (folder / "CURRENT").write_text(first, encoding="utf-8")
    opendata.sync(folder)


def test_iframe_code_is_escaped_and_carries_the_view():
    params = {"dep": "31|46", "niv": "epci", "integrer": "1", "q": '"><script>'}
    code = embed.iframe_snippet("https://tableau.rhinocc.fr/", "carte", params, 'Carte "x"', 600)
    assert code.startswith('<iframe src="https://tableau.rhinocc.fr/carte?dep=31%7C46&amp;niv=epci')
    assert "integrer=1" in code and code.count("integrer") == 1
    assert (
        'loading="lazy"' in code
        and 'height="600"' in code
        and 'title="Carte &quot;x&quot;"' in code
    )
    assert "<script>" not in code
    assert (
        embed.full_view_url("carte", params) == "/carte?dep=31%7C46&niv=epci&q=%22%3E%3Cscript%3E"
    )
    assert embed.origin("https://tableau.rhinocc.fr/carte") == "https://tableau.rhinocc.fr"
    assert embed.origin(None) is None and embed.origin("javascript:alert(1)") is None


def test_allowed_origins_are_checked():
    assert parse_origins("https://rhinocc.fr, http://127.0.0.1:8000/") == (
        "https://rhinocc.fr",
        "http://127.0.0.1:8000",
    )
    assert parse_origins("") == ()
    for bad in ("*", "https://rhinocc.fr/carte", "rhinocc.fr", "https://a.fr;script-src"):
        with pytest.raises(ValueError, match="Site d'intégration refusé"):
            parse_origins(bad)


def test_legend_ends_say_where_the_need_is():
    entries = [LegendEntry((0, 0, 0), f"{i}", 1) for i in range(5)]
    entries.append(LegendEntry((9, 9, 9), "Donnée manquante", 0))
    dark = mark_need(entries, "dark")
    assert dark[4].label.endswith("plus de besoin") and dark[0].label.endswith("moins de besoin")
    light = mark_need(entries, "light")
    assert light[0].label.endswith("plus de besoin") and light[4].label.endswith("moins de besoin")
    assert light[5].label == "Donnée manquante" and [e.label for e in light[1:4]] == ["1", "2", "3"]


def test_framed_page_shows_its_content_and_the_open_data_section(published, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from rhinocc_dash import texts
    from rhinocc_dash.texts import integrer as texts_integrer

    folder, version = published
    monkeypatch.setenv("RHINOCC_DB", str(folder / version / "rhinocc.duckdb"))
    at = AppTest.from_file("../app.py", default_timeout=120)
    at.query_params["integrer"] = "1"
    at.switch_page("pages/carte.py").run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert texts_integrer.EMBED_OPEN_FULL in shown and 'target="_blank"' in shown
    assert not any(texts.common.DATA_AGE[:20] in c.value for c in at.caption)  # no banner
    assert at.query_params["integrer"] in ("1", ["1"])  # kept through the page's own URL rewrite
    at.switch_page("pages/mise_a_jour.py").run()
    assert [i.value for i in at.info] == [texts_integrer.EMBED_REFUSED]

    full = AppTest.from_file("../app.py", default_timeout=120)
    full.switch_page("pages/annuaire.py").run()
    assert not full.exception
    assert texts_integrer.OPEN_DATA_TITLE in [h.value for h in full.header]
    files = full.dataframe[-1].value
    assert len(files) == 30 and "lieux-mediation-numerique-46.csv" in set(files["fichier"])
    assert files["lien"].iloc[0] == "/donnees/datapackage.json"
