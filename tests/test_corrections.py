"""Freshness levels on the real data, hub corrections applied by the build, the report form and the
Qualité sections through AppTest, the `corrections` command line."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from rhinocc_dash import cli, texts
from rhinocc_dash.analysis import campaigns as campaign_analysis
from rhinocc_dash.analysis import freshness
from rhinocc_dash.ingest import hub_corrections
from rhinocc_dash.shared.formatting import fmt_int
from rhinocc_dash.store import Store, corrections, default_store
from rhinocc_dash.texts import corrections as T
from rhinocc_dash.views.exports import to_csv_bytes

TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def store_env(app_env, tmp_path, monkeypatch) -> Store:
    """The app on the test warehouse, with a fresh SQLite store and audit log."""
    monkeypatch.setenv("RHINOCC_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RHINOCC_STATE", str(tmp_path / "state"))
    monkeypatch.delenv("RHINOCC_DATABASE_URL", raising=False)
    return default_store()


@pytest.fixture(scope="module")
def real_lieux(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM lieux").df()


def test_levels_at_their_boundaries():
    dates = {"2026-06-07": "a_jour", "2026-06-06": "a_surveiller", "2025-12-07": "a_surveiller",
             "2025-12-06": "a_verifier", "2025-06-07": "a_verifier", "2025-06-06": "a_mettre_a_jour",
             "2019-01-01": "a_mettre_a_jour"}
    assert [freshness.level(d, TODAY) for d in dates] == list(dates.values())
    assert freshness.level(None, TODAY) == freshness.level(pd.NaT, TODAY) == "a_mettre_a_jour"
    vector = freshness.levels(pd.Series([*dates, None]), TODAY)
    assert list(vector) == [*dates.values(), "a_mettre_a_jour"]


def test_freshness_per_departement_adds_up_on_the_real_data(con, real_lieux):
    names = dict(con.execute("SELECT code, nom FROM departements").fetchall())
    frame = freshness.by_departement(real_lieux, names, TODAY)
    per_dep = dict(con.execute("SELECT departement, COUNT(*) FROM lieux GROUP BY 1").fetchall())
    assert len(frame) == len(names) == 13
    for row in frame.itertuples(index=False):
        assert row.lieux == per_dep.get(row.departement, 0)
        assert sum(getattr(row, k) for k in freshness.LEVELS) == row.lieux
        assert sum(getattr(row, f"part_{k}") for k in freshness.LEVELS) == pytest.approx(100, abs=0.3)
    assert frame["lieux"].sum() == len(real_lieux)
    # independently: undated lieux are all « à mettre à jour »
    undated = con.execute("SELECT COUNT(*) FROM lieux WHERE date_maj IS NULL").fetchone()[0]
    assert undated > 0 and frame["a_mettre_a_jour"].sum() >= undated


def test_build_applies_accepted_corrections(real_lieux):
    phone, closed, renamed = real_lieux.iloc[0], real_lieux.iloc[1], real_lieux.iloc[2]
    accepted = [
        {"id": 1, "lieu_id": phone["lieu_id"], "lieu_nom": phone["nom"], "field": "telephone",
         "proposed": "05 61 00 00 01", "decided_at": "2026-12-01T10:00:00+00:00"},
        {"id": 2, "lieu_id": closed["lieu_id"], "lieu_nom": closed["nom"], "field": "ferme",
         "proposed": "", "decided_at": "2026-12-02T10:00:00+00:00"},
        {"id": 3, "lieu_id": renamed["lieu_id"], "lieu_nom": "Un autre nom", "field": "telephone",
         "proposed": "05 61 00 00 02", "decided_at": "2026-12-02T10:00:00+00:00"},
    ]
    lieux, tables = hub_corrections.apply(real_lieux, accepted)
    assert len(lieux) == len(real_lieux) - 1
    corrected = lieux[lieux["lieu_id"] == phone["lieu_id"]].iloc[0]
    assert corrected["telephone"] == "05 61 00 00 01" and corrected["corrige_le"] == "2026-12-01"
    assert freshness.level(corrected["date_maj"], TODAY) == "a_jour"  # the correction dates it
    untouched = lieux[lieux["lieu_id"] == renamed["lieu_id"]].iloc[0]
    assert untouched["telephone"] == renamed["telephone"] and pd.isna(untouched["corrige_le"])
    assert list(tables["hub_corrections"]["applied"]) == [True, True, False]
    assert list(tables["lieux_fermes"]["lieu_id"]) == [closed["lieu_id"]]
    assert hub_corrections.apply(real_lieux, [])[0]["telephone"].equals(real_lieux["telephone"])


def test_mailmerge_csv_is_french_and_neutralises_formulas(real_lieux):
    selected = campaign_analysis.select(real_lieux, TODAY, departements=["46"],
                                        freshness=["a_mettre_a_jour"])
    assert 0 < len(selected) <= (real_lieux["departement"] == "46").sum()
    hostile = selected.head(2).assign(nom=["=HYPERLINK(\"http://x\")", "+1+1"])
    merge = campaign_analysis.mailmerge(hostile, 7, "https://hub.example/", TODAY)
    assert merge["lien_correction"].iloc[0] == (
        f"https://hub.example/carte?lieu={hostile['lieu_id'].iloc[0]}&campagne=7")
    text = to_csv_bytes(merge).decode("utf-8-sig")
    assert ";" in text.splitlines()[0] and "'=HYPERLINK" in text and "'+1+1" in text


def _annuaire_with_card(lieu_id: str) -> AppTest:
    at = AppTest.from_file("../pages/annuaire.py", default_timeout=120).run()
    at.selectbox(key="dir_pick").set_value(lieu_id).run()
    return at


def _fill_and_send(at: AppTest, proposed: str, email: str = "") -> AppTest:
    at.text_area[0].input(proposed)
    fields = {t.label: t for t in at.text_input}
    fields[T.REPORT_EMAIL].input(email)
    next(b for b in at.button if b.label == T.REPORT_SEND).click().run()
    return at


def test_report_form_stores_a_request_and_the_card_shows_freshness(store_env, con):
    lieu_id, nom, telephone = con.execute(
        "SELECT lieu_id, nom, telephone FROM lieux WHERE telephone <> '' ORDER BY lieu_id LIMIT 1"
    ).fetchone()
    at = _annuaire_with_card(lieu_id)
    assert not at.exception
    card = " ".join(m.value for m in at.markdown)
    assert T.FRESHNESS_CARD in card
    at.selectbox(key=f"report_field_{lieu_id}").set_value("telephone").run()
    assert at.text_area[0].value == telephone  # pre-filled with the current value
    at = _fill_and_send(at, "<b>05 61 99 99 99</b>", "aidant@example.org")
    assert not at.exception
    assert at.success[0].value.startswith("Signalement n° 1 enregistré")
    stored = corrections.queue(store_env)
    assert [(r["lieu_id"], r["lieu_nom"], r["proposed"], r["email"]) for r in stored] == [
        (lieu_id, nom, "<b>05 61 99 99 99</b>", "aidant@example.org")]


def test_report_form_says_not_saved_when_the_store_is_down(store_env, monkeypatch, con):
    monkeypatch.setenv("RHINOCC_DATABASE_URL", "postgresql://rhinocc@127.0.0.1:9/absente")
    lieu_id = con.execute("SELECT lieu_id FROM lieux ORDER BY lieu_id LIMIT 1").fetchone()[0]
    at = _fill_and_send(_annuaire_with_card(lieu_id), "Fermé le lundi")
    assert not at.exception
    assert at.error[0].value == T.REPORT_NOT_SAVED.format(reason=T.REPORT_STORE_DOWN)
    assert at.metric  # the page keeps working


def test_quality_shows_freshness_per_departement(store_env, con):
    at = AppTest.from_file("../pages/qualite.py", default_timeout=120).run()
    at.segmented_control(key="q_section").set_value(texts.qualite.QUALITY_TABS[1]).run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if T.FRESHNESS_DEP_COLUMNS["lieux"] in d.value.columns)
    assert table[T.FRESHNESS_DEP_COLUMNS["lieux"]].sum() == con.execute(
        "SELECT COUNT(*) FROM lieux").fetchone()[0]
    assert T.CAMPAIGN_NONE in [c.value for c in at.caption]


def test_command_line_lists_accepts_and_rejects(store_env, capsys):
    sub = corrections.Submission("lieu-x-00001", "Médiathèque", "46", "telephone", "", "05 65 00 00 01")
    first = corrections.submit(store_env, sub, "10.0.0.1")
    second = corrections.submit(store_env, sub, "10.0.0.2")
    assert cli.main(["corrections", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in listed] == [str(first), str(second)]
    assert cli.main(["corrections", "accept", str(first), "--by", "coord"]) == 0
    assert cli.main(["corrections", "accept", str(first), "--by", "autre"]) == 1
    assert "déjà été traité" in capsys.readouterr().err
    assert cli.main(["corrections", "reject", str(second), "--reason", "doublon"]) == 0
    assert [r["status"] for r in corrections.queue(store_env, None)] == ["acceptee", "rejetee"]


def test_departement_report_has_its_points_de_vigilance(con):
    from rhinocc_dash.analysis import service
    from rhinocc_dash.views import report_blocks, report_pdf

    edition = report_blocks.Edition(None, "rhinocc.duckdb", None, "test")
    data = service.region_data(con)
    document = report_blocks.to_html(report_pdf.departement_document("46", data, TODAY, edition))
    block = document.split('id="vigilance-niveaux"')[1].split("</table>")[0]
    cells = re.findall(r"<td>[^<]*</td><td class=\"n\">([^<]*)</td>", block)
    lieux = con.execute("SELECT count(*) FROM lieux WHERE departement = '46'").fetchone()[0]
    assert len(cells) == 4 and sum(int(c.replace("\u202f", "")) for c in cells) == lieux
    assert T.VIGILANCE_TITLE in document


def test_map_filters_and_colours_by_freshness(store_env, real_lieux):
    # The newest record of the real data is from August 2024: today every lieu is « à mettre à jour ».
    found = freshness.levels(real_lieux["date_maj"], dt.date.today())
    stale = int((found == "a_mettre_a_jour").sum())
    at = AppTest.from_file("../pages/carte.py", default_timeout=120).run()
    at.sidebar.multiselect(key="carte_fresh").select("a_jour").run()
    assert at.metric[0].value.startswith(f"{fmt_int(len(real_lieux) - stale)} /")
    at.sidebar.multiselect(key="carte_fresh").select("a_mettre_a_jour").run()
    assert at.metric[0].value.startswith(f"{fmt_int(len(real_lieux))} /")
    at.sidebar.radio(key="carte_map_couleur").set_value("fraicheur").run()
    assert not at.exception
    assert at.query_params["fraicheur"] == "a_jour|a_mettre_a_jour"
    legend = " ".join(m.value for m in at.markdown)
    assert T.FRESHNESS_LABELS["a_mettre_a_jour"] in legend


def test_campaign_created_on_the_page_shows_its_progress_on_quality(store_env, con):
    at = AppTest.from_file("../pages/signalements.py", default_timeout=120)
    at.session_state["maintainer"] = "coord"
    at.run()
    assert not at.exception and at.info[0].value == T.MODERATION_EMPTY
    at.segmented_control(key="corr_section").set_value(T.MODERATION_SECTIONS[1]).run()
    at.text_input[0].input("Lot, hiver 2026")
    at.multiselect[0].select("46")
    next(b for b in at.button if b.label == T.CAMPAIGN_CREATE).click().run()
    lot = con.execute("SELECT COUNT(*) FROM lieux WHERE departement = '46'").fetchone()[0]
    assert at.success[0].value == T.CAMPAIGN_CREATED.format(id=1, n=fmt_int(lot))
    quality = AppTest.from_file("../pages/qualite.py", default_timeout=120).run()
    quality.segmented_control(key="q_section").set_value(texts.qualite.QUALITY_TABS[1]).run()
    progress = next(d.value for d in quality.dataframe if "Campagne" in d.value.columns)
    assert progress["Lieux"].tolist() == [lot]
    assert progress[T.CAMPAIGN_STATUSES["a_contacter"]].tolist() == [lot]


def test_quality_lists_the_lieux_closed_for_good(store_env, con):
    """Qualité › fraîcheur: the closed lieux (none accepted in the real data) and the table's columns."""
    closed = con.execute("SELECT * FROM lieux_fermes").df()
    assert list(closed.columns) == list(hub_corrections.CLOSED_COLUMNS) and closed.empty
    at = AppTest.from_file("../pages/qualite.py", default_timeout=120).run()
    at.segmented_control(key="q_section").set_value(texts.qualite.QUALITY_TABS[1]).run()
    assert not at.exception
    assert T.CLOSED_TITLE in [h.value for h in at.header]
    assert T.CLOSED_NONE in [c.value for c in at.caption]
