"""AppTest of the « Carte » page: filters, URL round-trip, bad URL values, empty results, escaping."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from rhinocc_dash import texts
from rhinocc_dash.shared.formatting import fmt_int

PAGE = "../pages/carte.py"
XSS = "<img src=x onerror=alert(1)>"


def run(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def shown(at) -> str:
    return next(m.value for m in at.metric if m.label == texts.carte.MAP_COUNT)


def deck(at) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def qp(at, key):
    value = at.query_params[key]
    return value[-1] if isinstance(value, list) else value


def count(con, sql, params=()):
    return con.execute(sql, list(params)).fetchone()[0]


def test_departement_filter_gives_warehouse_count(app_env, con):
    at = run()
    assert not at.exception
    total = count(con, "SELECT count(*) FROM lieux")
    assert shown(at) == f"{fmt_int(total)} / {fmt_int(total)}"
    at.sidebar.multiselect(key="carte_dep").select("48").run()
    lozere = count(con, "SELECT count(*) FROM lieux WHERE departement = '48'")
    assert shown(at) == f"{fmt_int(lozere)} / {fmt_int(total)}"
    assert qp(at, "dep") == "48"


def test_label_and_saturday_filters(app_env, con):
    at = run({"dep": "31", "label": "France Services", "sam": "1"})
    expected = count(
        con,
        "SELECT count(*) FROM lieux WHERE departement = '31' AND "
        "list_contains(labels, 'France Services') AND open_saturday",
    )
    assert shown(at).startswith(f"{fmt_int(expected)} /")


def test_search_is_accent_and_case_insensitive(app_env, con):
    at = run({"q": "MEDIATHEQUE"})
    expected = count(
        con,
        "SELECT count(*) FROM lieux WHERE strip_accents(lower(nom || ' ' || commune)) "
        "LIKE '%mediatheque%'",
    )
    assert expected > 0 and shown(at).startswith(f"{fmt_int(expected)} /")


def test_url_round_trip(app_env):
    params = {
        "dep": "46|12",
        "label": "Conseillers numériques",
        "niv": "commune",
        "ind": "taux_pauvrete",
        "couleur": "source",
        "couches": "points|choro|qpv",
        "q": "figeac",
        "fond": "1",
    }
    at = run(params)
    assert not at.exception and not at.warning
    assert at.sidebar.multiselect(key="carte_dep").value == ["46", "12"]
    assert at.sidebar.selectbox(key="carte_map_ind").value == "taux_pauvrete"
    assert at.sidebar.radio(key="carte_map_niv").value == "commune"
    assert {k: qp(at, k) for k in params} == params
    layer_ids = [layer["id"] for layer in deck(at)["layers"]]
    assert layer_ids == ["choropleth", "qpv", "lieux"]


def test_bad_url_values_are_dropped_with_notice(app_env, con):
    at = run(
        {
            "dep": "99|46",
            "ind": "DROP TABLE lieux",
            "lieu": "nope",
            "sam": "peut-être",
            "maj": "7",
            "niv": "planete",
        }
    )
    assert not at.exception
    notice = at.warning[0].value
    assert notice.startswith(texts.carte.MAP_URL_NOTICE)
    notice = notice.replace("\\", "")  # Markdown escapes: the values are shown as plain text
    for bad in ("99", "DROP TABLE lieux", "nope", "peut-être", "7", "planete"):
        assert bad in notice
    lot = count(con, "SELECT count(*) FROM lieux WHERE departement = '46'")
    assert shown(at).startswith(f"{fmt_int(lot)} /")
    assert "ind" not in at.query_params and qp(at, "dep") == "46"


def test_empty_result_says_so(app_env):
    at = run({"q": "zzzz introuvable zzzz"})
    assert not at.exception
    assert shown(at).startswith("0 /")
    assert at.info[0].value == texts.carte.MAP_EMPTY


def test_table_view_lists_the_same_lieux(app_env, con):
    at = run({"dep": "09"})
    at.toggle(key="carte_table").set_value(True).run()
    table = at.dataframe[0].value
    assert len(table) == count(con, "SELECT count(*) FROM lieux WHERE departement = '09'")
    assert list(table.columns) == list(texts.carte.MAP_TABLE_COLUMNS.values())


def test_commune_choropleth_counts_missing_values(app_env, con):
    at = run({"niv": "commune", "ind": "taux_pauvrete"})
    legend_html = " ".join(m.value for m in at.markdown)
    missing = count(con, "SELECT count(*) FROM commune_indicators WHERE taux_pauvrete IS NULL")
    assert f'Donnée manquante <span style="color:#555">({fmt_int(missing)})' in legend_html
    size = len(at.get("deck_gl_json_chart")[0].proto.json.encode())
    assert size <= 3_000_000


@pytest.fixture
def hostile_warehouse(warehouse, tmp_path, monkeypatch):
    """A copy of the test warehouse where one lieu carries a script in its name and address."""
    db = tmp_path / "hostile.duckdb"
    shutil.copyfile(warehouse, db)
    con = duckdb.connect(str(db))
    lieu_id = con.execute("SELECT min(lieu_id) FROM lieux").fetchone()[0]
    con.execute(
        "UPDATE lieux SET nom = ?, adresse = ? WHERE lieu_id = ?",
        [XSS, "[lien](javascript:alert(1))", lieu_id],
    )
    con.close()
    monkeypatch.setenv("RHINOCC_DB", str(db))
    return lieu_id


def test_data_is_escaped_in_card_and_tooltips(hostile_warehouse):
    at = run({"lieu": hostile_warehouse})
    assert not at.exception
    card = " ".join(m.value for m in at.markdown)
    assert "\\<img src\\=x onerror\\=alert\\(1\\)\\>" in card
    assert XSS not in card and "](javascript" not in card
    spec = deck(at)
    assert "html" not in at.get("deck_gl_json_chart")[0].proto.tooltip
    points = next(layer for layer in spec["layers"] if layer["id"] == "lieux")["data"]
    assert any(XSS in row["tip"] for row in points)


def test_commune_shapes_travel_once_as_a_static_file(app_env, con):
    """At commune level the choropleth is a static file the map names by URL: a filter change that
    leaves the indicator alone sends the same URL (the browser fetches nothing again), and the deck
    itself stays small."""
    from rhinocc_dash.ui.static_files import local_path

    at = run({"niv": "commune", "couches": "points|choro"})
    layer = next(layer for layer in deck(at)["layers"] if layer["id"] == "choropleth")
    url = layer["data"]
    assert isinstance(url, str) and url.startswith("component/rhinocc_dash.ui.static_files.cartes/")
    shapes = json.loads(local_path(url).read_text(encoding="utf-8"))
    assert len(shapes["features"]) == count(con, "SELECT count(*) FROM communes")
    assert all(len(f["properties"]["fill"]) == 4 for f in shapes["features"])
    at.sidebar.multiselect(key="carte_dep").select("48").run()
    again = next(layer for layer in deck(at)["layers"] if layer["id"] == "choropleth")
    assert again["data"] == url
    assert len(at.get("deck_gl_json_chart")[0].proto.json) < 300_000
    # an access indicator depends on the lieux shown: new values, a new file
    at.sidebar.selectbox(key="carte_map_ind").set_value("lieux_pour_10000").run()
    first = next(layer for layer in deck(at)["layers"] if layer["id"] == "choropleth")["data"]
    at.sidebar.multiselect(key="carte_dep").select("12").run()
    second = next(layer for layer in deck(at)["layers"] if layer["id"] == "choropleth")["data"]
    assert first != second and local_path(second).exists()


def test_static_files_are_content_addressed_and_pruned(tmp_path, monkeypatch):
    from rhinocc_dash.ui import static_files

    monkeypatch.setenv("RHINOCC_HOME", str(tmp_path))
    tmp_path = tmp_path / "static"
    first = static_files.publish_json({"type": "FeatureCollection", "features": []})
    assert static_files.publish_json({"type": "FeatureCollection", "features": []}) == first
    for i in range(5):
        static_files.publish_json({"n": i})
    assert static_files.prune(tmp_path / static_files.SUBDIR, keep=3) == 3
    assert len(list((tmp_path / static_files.SUBDIR).glob("*.json"))) == 3
    assert not list((tmp_path / static_files.SUBDIR).glob("*.tmp"))
    assert static_files.local_path(first) == tmp_path / static_files.SUBDIR / first.rsplit("/", 1)[1]


def test_map_files_are_served_from_the_data_directory(tmp_path, monkeypatch):
    """Map files are written under RHINOCC_HOME (not beside app.py), and nginx serves that folder at the
    URL Streamlit serves it at."""
    from rhinocc_dash.serving import supervisor
    from rhinocc_dash.ui import static_files

    monkeypatch.setenv("RHINOCC_HOME", str(tmp_path))
    url = static_files.publish_json({"n": 1})
    assert static_files.local_path(url).is_file()
    assert static_files.local_path(url).is_relative_to(tmp_path / "static" / "cartes")
    conf = supervisor.render(tmp_path, "127.0.0.1", 8080, [8501], tmp_path / "static" / "cartes")
    assert f"location /{static_files.URL_FOLDER}/ {{\n            alias {tmp_path}/static/cartes/;" in conf
    # Started from elsewhere without RHINOCC_HOME, the supervisor hands its data directory to the
    # workers (which run from the checkout), so they write where nginx reads.
    monkeypatch.delenv("RHINOCC_HOME")
    monkeypatch.chdir(tmp_path)
    env = supervisor.Server(workers=1, port=8080, runtime=tmp_path / "serve").worker_env()
    assert env["RHINOCC_HOME"] == str(tmp_path / "data")


def test_a_map_file_pruned_by_another_process_is_published_again(app_env):
    """The URL stays in this process's cache; when another process pruned its file, the next run writes
    it again instead of naming a missing file (an empty map)."""
    from rhinocc_dash.ui.static_files import local_path

    at = run({"niv": "commune", "couches": "points|choro"})
    url = next(layer for layer in deck(at)["layers"] if layer["id"] == "choropleth")["data"]
    local_path(url).unlink()
    at.run()
    again = next(layer for layer in deck(at)["layers"] if layer["id"] == "choropleth")["data"]
    assert again == url and local_path(url).is_file()
