"""AppTest of the home page: it runs without exception and shows the warehouse's own figures."""

from __future__ import annotations

import duckdb
from streamlit.testing.v1 import AppTest

from rhinocc_dash import texts
from rhinocc_dash.shared.formatting import fmt_int, fmt_percent


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def test_home_page_shows_live_figures(home_page, warehouse):
    at = home_page
    assert not at.exception
    con = duckdb.connect(str(warehouse), read_only=True)
    lieux = con.execute("SELECT count(*) FROM lieux").fetchone()[0]
    records = con.execute(
        "SELECT count(*) FROM venue_records WHERE source <> 'france_services_2022'"
    ).fetchone()[0]
    covered = con.execute("SELECT count(DISTINCT code_insee) FROM lieux").fetchone()[0]
    con.close()
    assert metric(at, texts.accueil.METRIC_LIEUX) == fmt_int(lieux)
    assert metric(at, texts.accueil.METRIC_RECORDS) == fmt_int(records)
    assert metric(at, texts.accueil.METRIC_COMMUNES) == f"{fmt_int(covered)} / {fmt_int(4446)}"
    assert metric(at, texts.accueil.METRIC_POPULATION) == "6\u202f124\u202f653"
    assert metric(at, texts.accueil.METRIC_SOURCES) == "5"


def test_home_page_regional_context_with_sources(home_page):
    at = home_page
    assert metric(at, texts.accueil.CONTEXT_ILLECTRONISME) == "1,16 million"
    assert metric(at, texts.accueil.CONTEXT_USAGE_FAIBLE) == "1,66 million"
    assert metric(at, texts.accueil.CONTEXT_A_ACCOMPAGNER) == "2,82 millions"
    assert metric(at, texts.accueil.CONTEXT_PAUVRETE) == fmt_percent(16.8, ratio=False)
    captions = " ".join([c.value for c in at.caption] + [h.proto.body for h in at.get("html")])
    assert "Filosofi 2019" in captions and "Insee 2019" in captions and "RhinOcc" in captions
    table = at.dataframe[-1].value  # the sources' table, after the chart's
    assert sorted(table["Lignes lues"].tolist()) == sorted([845, 373, 352, 591, 381, 351])


def test_app_builds_missing_warehouse_with_status(sources, tmp_path, monkeypatch):
    db = tmp_path / "fresh.duckdb"
    monkeypatch.setenv("RHINOCC_DB", str(db))
    monkeypatch.setenv("RHINOCC_SOURCES", str(sources))
    at = AppTest.from_file("../app.py", default_timeout=120).run()
    assert not at.exception
    assert db.is_file()
    assert any(s.label == texts.common.BUILD_DONE for s in at.status)


def test_app_explains_missing_sources(tmp_path, monkeypatch):
    monkeypatch.setenv("RHINOCC_DB", str(tmp_path / "none.duckdb"))
    monkeypatch.setenv("RHINOCC_SOURCES", str(tmp_path / "empty"))
    at = AppTest.from_file("../app.py", default_timeout=60).run()
    assert not at.exception
    assert at.error[0].value == texts.common.NO_SOURCES_TITLE
    assert "Fichiers attendus et introuvables" in at.code[0].value


def test_home_chart_is_drawn_on_the_server(home_page):
    """Accueil's chart is an SVG image drawn on the server, its text alternative in French: no chart library to
    start in each new tab (about 0.65 s of the browser's time here)."""
    figures = [h.proto.body for h in home_page.get("html") if "data:image/svg+xml" in h.proto.body]
    assert len(figures) == 1
    alt = figures[0].split('alt="', 1)[1].split('"', 1)[0]
    assert alt.startswith(f"{texts.accueil.LIEUX_BY_DEP_CHART} (barres) : ")
    shown = home_page.expander[0].dataframe[0].value  # the chart's table, on the page
    assert len(shown) == 13
    assert all(f"{name} {fmt_int(n)}" in alt for name, n in zip(shown["Département"], shown["Lieux"], strict=True))
    assert not home_page.get("plotly_chart")
