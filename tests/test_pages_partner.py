"""Annuaire, Qualité des données and Rapport: AppTest, standard export validation, report content."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Resource, Schema
from streamlit.testing.v1 import AppTest

from rhinocc_dash import texts
from rhinocc_dash import warehouse as queries
from rhinocc_dash.analysis import quality, service
from rhinocc_dash.shared.formatting import fmt_decimal, fmt_int, fmt_percent
from rhinocc_dash.views import report_blocks, report_pdf, standard

TODAY = dt.date(2026, 11, 22)


def page(name: str) -> AppTest:
    return AppTest.from_file(f"../pages/{name}.py", default_timeout=120).run()


@pytest.fixture(scope="module")
def standard_frame(con):
    lieux = queries.run(con, "map_lieux")
    postcodes = {
        c: list(p)
        for c, p in con.execute("SELECT code_insee, codes_postaux FROM communes").fetchall()
    }
    sirets = dict(
        con.execute("SELECT lieu_id, siret FROM (" + queries.sql("lieu_sirets") + ")").fetchall()
    )
    return lieux, standard.to_standard(lieux, postcodes, sirets)


def validate(sources, tmp_path, payload: bytes):
    (tmp_path / "export.csv").write_bytes(payload)
    schema_path = Path(sources, "venues/schemas/standard-mediation-num_schema_v1.0.2.json")
    schema = Schema.from_descriptor(json.loads(schema_path.read_text(encoding="utf-8")))
    return Resource(path="export.csv", basepath=str(tmp_path), schema=schema).validate()


def test_standard_export_is_valid_with_frictionless(sources, standard_frame, tmp_path):
    lieux, (frame, left_out) = standard_frame
    assert len(frame) + len(left_out) == len(lieux)
    assert set(left_out["raison"]) <= {
        "adresse manquante",
        "date de mise à jour manquante",
        "adresse manquante, date de mise à jour manquante",
    }
    report_ = validate(sources, tmp_path, standard.to_standard_csv(frame))
    assert report_.valid, report_.flatten(["rowNumber", "fieldName", "type"])[:5]
    assert report_.tasks[0].stats["rows"] == len(frame)


def test_validation_catches_a_broken_export(sources, standard_frame, tmp_path):
    _, (frame, _) = standard_frame
    broken = frame.head(3).copy()
    broken.loc[broken.index[0], "code_postal"] = "3100"
    broken.loc[broken.index[1], "services"] = "Cours de cuisine"
    report_ = validate(sources, tmp_path, standard.to_standard_csv(broken))
    assert not report_.valid
    assert {e[1] for e in report_.flatten(["rowNumber", "fieldName"])} == {
        "code_postal",
        "services",
    }


def test_standard_export_neutralises_formulas(sources, tmp_path):
    lieux = pd.DataFrame(
        [
            {
                "lieu_id": "x",
                "nom": '=HYPERLINK("http://evil","clic")',
                "commune": "Foix",
                "code_insee": "09122",
                "code_postal": "09000",
                "adresse": "@SUM(A1:A9)",
                "latitude": 42.96,
                "longitude": 1.6,
                "telephone": "",
                "courriel": "",
                "site_web": "",
                "horaires": None,
                "sources": ["rhinocc"],
                "itinerant": False,
                "date_maj": dt.date(2022, 7, 1),
                "services": [],
                "publics": [],
                "labels": [],
            }
        ]
    )
    frame, _ = standard.to_standard(lieux, {}, {})
    text = standard.to_standard_csv(frame).decode("utf-8")
    assert "\"'=HYPERLINK(" in text and '"\'@SUM(A1:A9)"' in text
    assert standard.phone("05 34 09 20 09") == "+33534092009" and standard.phone("12") == ""


def test_annuaire_filters_and_detail(app_env, con):
    at = page("annuaire")
    assert not at.exception
    at.sidebar.multiselect(key="annuaire_dep").select("09").run()
    expected = con.execute("SELECT count(*) FROM lieux WHERE departement = '09'").fetchone()[0]
    assert at.metric[0].value.startswith(f"{fmt_int(expected)} /")
    lieu_id = con.execute(
        "SELECT lieu_id FROM lieux WHERE departement = '09' AND n_records > 1 "
        "ORDER BY lieu_id LIMIT 1"
    ).fetchone()[0]
    at.selectbox(key="dir_pick").set_value(lieu_id).run()
    records = at.dataframe[-1].value
    n_records = con.execute("SELECT n_records FROM lieux WHERE lieu_id = ?", [lieu_id]).fetchone()[
        0
    ]
    assert len(records) == n_records > 1
    assert "Millésime" in records.columns
    assert len(at.get("download_button")) == 3
    at.sidebar.text_input(key="annuaire_q").input("zzzz introuvable").run()
    assert at.info[0].value == texts.carte.MAP_EMPTY


def test_quality_page_counts(app_env, con):
    at = page("qualite")
    assert not at.exception
    completeness = at.dataframe[0].value
    assert len(completeness) == 6
    at.segmented_control(key="q_section").set_value(texts.qualite.QUALITY_TABS[3]).run()
    quarantine = next(
        d.value for d in at.dataframe if "Code" in d.value.columns and "Raison" in d.value.columns
    )
    assert len(quarantine) == con.execute("SELECT count(*) FROM quarantine").fetchone()[0]
    at.segmented_control(key="q_section").set_value(texts.qualite.QUALITY_TABS[2]).run()
    rules = next(
        d.value for d in at.dataframe if list(d.value.columns) == ["Règle", "Issue", "Paires"]
    )
    assert rules["Paires"].sum() == con.execute("SELECT count(*) FROM dedup_pairs").fetchone()[0]
    at.segmented_control(key="q_section").set_value(texts.qualite.QUALITY_TABS[6]).run()
    total = con.execute("SELECT count(*) FROM lieux").fetchone()[0]
    options = at.selectbox(key="q_update_years").options
    counts = []
    for years in options:
        at.selectbox(key="q_update_years").set_value(int(years)).run()
        metric = next(m.value for m in at.metric if m.label == texts.qualite.QUALITY_TABS[6])
        assert metric.endswith(f"/ {fmt_int(total)}")
        counts.append(metric.split(" / ")[0])
    # every age offered splits the directory: the list is never the whole of it, and differs per age
    assert fmt_int(total) not in counts and len(set(counts)) == len(counts) > 1


def test_completeness_matches_sql(con):
    records = queries.run(con, "quality_records")
    table = quality.completeness(records).set_index("source")
    phone = con.execute(
        "SELECT avg(CASE WHEN telephone <> '' THEN 1 ELSE 0 END) FROM venue_records "
        "WHERE source = 'rhinocc'"
    ).fetchone()[0]
    assert table.loc["rhinocc", "telephone"] == pytest.approx(phone)
    undated = con.execute(
        "SELECT avg(CASE WHEN date_maj IS NULL THEN 1 ELSE 0 END) FROM venue_records "
        "WHERE source = 'rhinocc'"
    ).fetchone()[0]
    assert quality.freshness(records, TODAY).set_index("source").loc[
        "rhinocc", "part_sans_date"
    ] == pytest.approx(undated)


class FigureParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.figures, self.current, self.tables, self.table = {}, None, {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-figure" in attrs:
            self.current = attrs["data-figure"]
        if tag == "table":
            self.table = attrs.get("id")
            self.tables[self.table] = []
        if tag == "tr" and self.table:
            self.tables[self.table].append([])

    def handle_endtag(self, tag):
        if tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.current:
            self.figures[self.current] = data
            self.current = None
        elif self.table and self.tables[self.table]:
            self.tables[self.table][-1].append(data)


def html_report(dep: str, data) -> str:
    """The département report as one HTML file (the blocks of the PDF, drawn to HTML)."""
    edition = report_blocks.Edition(None, "rhinocc.duckdb", None, "test")
    return report_blocks.to_html(report_pdf.departement_document(dep, data, TODAY, edition))


def test_report_figures_match_the_warehouse(con):
    document = html_report("46", service.region_data(con))
    parser = FigureParser()
    parser.feed(document)
    lieux, population = con.execute("""SELECT (SELECT count(*) FROM lieux WHERE departement = '46'),
                                       (SELECT sum(population) FROM communes WHERE departement = '46')""").fetchone()
    assert parser.figures["lieux"] == fmt_int(lieux)
    assert parser.figures["population"] == fmt_int(population)
    assert parser.figures["lieux_pour_10000"] == fmt_decimal(lieux / population * 10_000, 2)
    share = con.execute("""SELECT sum(p.population) FILTER (WHERE p.nearest_lieu_km <= 10)
                                  / sum(p.population)
                           FROM population_points p JOIN communes c USING (code_insee)
                           WHERE c.departement = '46'""").fetchone()[0]
    assert parser.figures["part_population_10km"] == fmt_percent(share)
    assert parser.figures["taux_pauvrete"] == fmt_percent(14.8, ratio=False)
    assert len(parser.tables["classement"]) == 21  # header + top 20
    assert (
        len(parser.tables["sources"]) - 1
        == con.execute("SELECT count(*) FROM sources").fetchone()[0]
    )
    # Self-contained: no external script or stylesheet.
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=\"http", document)
    assert "<svg" in document and "@media print" in document


def test_report_escapes_names(con):
    inputs = dataclasses.replace(
        service.region_data(con),
        departements=queries.run(con, "departement_published").assign(
            nom=lambda f: f["nom"].where(f["code"] != "48", "<script>alert(1)</script>")
        ),
    )
    document = html_report("48", inputs)
    assert (
        "<script>alert(1)</script>" not in document
        and "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    )


def test_report_page(app_env):
    at = page("rapport")
    assert not at.exception
    at.selectbox(key="report_dep").set_value("48").run()
    assert next(m.value for m in at.metric if m.label == texts.accueil.METRIC_POPULATION) == "76\u202f486"
    assert {b.key for b in at.get("download_button")} == {"report_pdf", "report_download"}


def test_source_labels_read_the_catalogue_once_per_column(monkeypatch):
    """3,000 pairs named their sources with 3,000 catalogue reads (4.5 s per rerun of the « Doublons »
    tab): a column is now worded with one read."""
    from rhinocc_dash.ui import lieux_display

    reads = []
    known = pd.DataFrame({"key": ["cnfs"], "name": ["Conseillers numériques"], "vintage": ["2021-06"]})
    monkeypatch.setattr(lieux_display, "catalogue", lambda: reads.append(1) or known)
    labels = lieux_display.source_labels(pd.Series(["cnfs"] * 3000 + ["inconnue"]))
    assert reads == [1]
    assert labels.iloc[0] == "Conseillers numériques (06/2021)" and labels.iloc[-1] == "inconnue"
