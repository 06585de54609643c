"""AppTest of the « Couverture » page: département selection, drill-down, tables and downloads."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from rhinocc_dash import texts

PAGE = "../pages/couverture.py"


def run() -> AppTest:
    return AppTest.from_file(PAGE, default_timeout=90).run()


def test_page_shows_departement_table_with_region_row(app_env, con):
    at = run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 14 and table.iloc[-1]["Nom"] == "Occitanie"
    lieux_31 = con.execute("SELECT count(*) FROM lieux WHERE departement = '31'").fetchone()[0]
    assert int(table.set_index("Code").loc["31", "Lieux"]) == lieux_31


def test_drill_down_to_epci(app_env, con):
    at = run()
    at.selectbox(key="cov_dep").set_value("48").run()
    assert not at.exception
    epci_table = at.dataframe[1].value
    expected = con.execute(
        """SELECT count(DISTINCT epci_siren) FROM communes WHERE departement = '48'"""
    ).fetchone()[0]
    assert len(epci_table) == expected + 1 and epci_table.iloc[-1]["Nom"] == "Lozère"
    farthest = at.dataframe[2].value
    top = con.execute("""SELECT c.nom FROM communes c JOIN commune_access a USING (code_insee)
                         WHERE c.departement = '48'
                         ORDER BY a.distance_mediane_km DESC, c.population DESC LIMIT 1""").fetchone()[
        0
    ]
    assert farthest.iloc[0]["Commune"] == top
    assert any(h.value.endswith("48 Lozère") for h in at.header)


def test_metric_change_and_downloads(app_env, con):
    at = run()
    at.radio(key="cov_metric").set_value("distance_mediane_km").run()
    assert not at.exception
    assert len(at.get("download_button")) == 5  # chart, table, EPCI chart, EPCI table, farthest
    # the other tabs are computed only once opened, each with its own download
    files = {b.key for b in at.get("download_button")}
    for tab in texts.couverture.COVERAGE_TABS[1:]:
        at.session_state["cov_tab"] = tab
        at.run()
        assert not at.exception
        shown = at.get("download_button")
        assert len(shown) == 3, tab  # chart and table of départements, and the tab's own
        files |= {b.key for b in shown}
    assert len(files) == 10
    captions = " ".join([c.value for c in at.caption] + [h.proto.body for h in at.get("html")])
    venues = con.execute(
        "SELECT name, vintage FROM sources WHERE kind = 'lieux' AND current"
    ).fetchall()
    assert len(venues) == 5
    for name, vintage in venues:
        assert f"{name}, " in captions and vintage in captions
    assert "Licence Ouverte / Open Licence 2.0" in captions
