"""« Dispositifs nationaux »: programme totals against independent sums of the raw files, the
population beyond 10 / 20 km of a France Services against a brute-force computation, malformed counts
(hand-made files), the page and the reports' section."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer
from streamlit.testing.v1 import AppTest

from rhinocc_dash.analysis import dispositifs as programmes
from rhinocc_dash.analysis import service
from rhinocc_dash.ingest.pipeline import is_stale
from rhinocc_dash.ingest.programmes import parse_count, programme_tables
from rhinocc_dash.views import report_blocks, report_dispositifs, report_pdf

AC_FILE = "venues/aidants-connect-structures_2021-03_occitanie.json"
CNFS_FILE = "venues/cnfs-structures-validees_2021_occitanie.json"
FS_FILES = {
    "sites_2024": "venues/france-services_2024-08-01_occitanie.csv",
    "sites_2022": "venues/france-services_2022-12-01_occitanie.csv",
}


@pytest.fixture(scope="module")
def figures(con):
    return service.dispositifs(con)


def _fs_rows(sources: Path, key: str) -> list[dict]:
    with open(sources / FS_FILES[key], encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_totals_equal_independent_sums_of_the_raw_files(sources, con, figures):
    ac = json.loads((sources / AC_FILE).read_text(encoding="utf-8"))
    cnfs = json.loads((sources / CNFS_FILE).read_text(encoding="utf-8"))
    region = {
        "aidants_connect": figures.aidants_connect.iloc[-1],
        "cnfs": figures.cnfs.iloc[-1],
        "france_services": figures.france_services.iloc[-1],
    }
    raw = {
        ("aidants_connect", "mandats"): sum(int(r["Nombre de mandats"]) for r in ac),
        ("aidants_connect", "usagers"): sum(int(r["Nombre d'usagers accompagnés"]) for r in ac),
        ("aidants_connect", "agents_formes"): sum(int(r["Nombre d'agents formés"]) for r in ac),
        ("aidants_connect", "structures"): len(ac),
        ("aidants_connect", "structures_sans_mandat"): sum(
            int(r["Nombre de mandats"]) == 0 for r in ac
        ),
        ("cnfs", "postes"): sum(r["nb_cnfs"] for r in cnfs),
        ("cnfs", "structures"): len(cnfs),
        ("france_services", "sites_2024"): len(_fs_rows(sources, "sites_2024")),
        ("france_services", "sites_2022"): len(_fs_rows(sources, "sites_2022")),
    }
    # The figures, recounted from the raw files above.
    assert list(raw.values()) == [3099, 2493, 937, 351, 216, 208, 146, 373, 352]
    for (programme, column), expected in raw.items():
        assert int(region[programme][column]) == expected, (programme, column)


def test_per_departement_counts_match_the_raw_files_and_add_up(sources, con, figures):
    names = dict(con.execute("SELECT nom, code FROM departements").fetchall())
    ac = json.loads((sources / AC_FILE).read_text(encoding="utf-8"))
    mandates = Counter()
    for record in ac:
        mandates[names[record["Département"]]] += int(record["Nombre de mandats"])
    posts = Counter()
    for record in json.loads((sources / CNFS_FILE).read_text(encoding="utf-8")):
        dep = record.get("insee_dep") or str(record["code_département"]).zfill(2)
        posts[dep] += record["nb_cnfs"]
    fs = Counter(r["insee_dep"] for r in _fs_rows(sources, "sites_2024"))
    checked = 0
    for table, column, expected in (
        (figures.aidants_connect, "mandats", mandates),
        (figures.cnfs, "postes", posts),
        (figures.france_services, "sites_2024", fs),
    ):
        deps = table.iloc[:-1].set_index("code")[column]
        assert len(deps) == 13
        assert deps.to_dict() == {code: expected.get(code, 0) for code in deps.index}
        checked += 1
    assert checked == 3
    count_columns = {
        "aidants_connect": ["structures", "structures_sans_mandat", "mandats", "usagers"],
        "cnfs": ["structures", "postes", "postes_publics", "postes_prives", "investissement_eur"],
        "france_services": ["sites_2022", "sites_2024", "evolution", "population_au_dela_10km"],
    }
    for programme, columns in count_columns.items():
        table = getattr(figures, programme)
        for column in columns:
            assert table.iloc[:-1][column].sum() == table.iloc[-1][column], (programme, column)
    cnfs_region = figures.cnfs.iloc[-1]
    assert cnfs_region["postes_publics"] + cnfs_region["postes_prives"] == 208


def test_population_beyond_france_services_checked_by_brute_force(sources, con, figures):
    """Every population point against every France Services site of the raw 2024 list, projected
    here with pyproj: the inhabitants farther than 10 and 20 km per département."""
    points = con.execute(
        "SELECT p.x, p.y, p.population, c.departement FROM population_points AS p "
        "JOIN communes AS c USING (code_insee)"
    ).df()
    rows = _fs_rows(sources, "sites_2024")
    project = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
    sx, sy = project.transform(
        [float(r["longitude"]) for r in rows], [float(r["latitude"]) for r in rows]
    )
    sites = np.column_stack([sx, sy])
    xy = points[["x", "y"]].to_numpy(float)
    nearest = np.empty(len(xy))
    for start in range(0, len(xy), 8000):
        chunk = xy[start : start + 8000]
        squared = ((chunk[:, None, :] - sites[None, :, :]) ** 2).sum(axis=2)
        nearest[start : start + 8000] = np.sqrt(squared.min(axis=1)) / 1000.0
    points["km"] = nearest
    table = figures.france_services.set_index("code")
    checked = 0
    for km in (10, 20):
        for dep, part in points.groupby("departement"):
            expected = part.loc[part["km"] > km, "population"].sum()
            # The warehouse rounds distances to the metre: points within a metre of the radius may
            # fall either side.
            edge = part.loc[(part["km"] - km).abs() < 0.001, "population"].sum()
            got = table.at[dep, f"population_au_dela_{km}km"]
            assert abs(got - expected) <= edge + 1, (km, dep, got, expected)
            share = table.at[dep, f"part_au_dela_{km}km"]
            assert share == pytest.approx(expected / part["population"].sum(), abs=1e-3)
            checked += 1
        region = table.at["76", f"population_au_dela_{km}km"]
        edge = points.loc[(points["km"] - km).abs() < 0.001, "population"].sum()
        assert abs(region - points.loc[points["km"] > km, "population"].sum()) <= edge + 1
    assert checked == 26
    # Distance to a France Services, not to any lieu: fewer sites, so more people beyond 10 km.
    any_lieu = con.execute(
        "SELECT sum(population) FROM population_points WHERE nearest_lieu_km > 10"
    ).fetchone()[0]
    assert table.at["76", "population_au_dela_10km"] > any_lieu


def test_farthest_communes_are_ranked_by_distance_to_france_services(figures):
    farthest = figures.farthest
    assert len(farthest) > 4000
    top = farthest["distance_mediane_km"].head(20).to_numpy()
    assert (np.diff(top) <= 0).all() and top[0] > 20


@pytest.mark.parametrize(
    ("value", "count", "reason"),
    [
        ("12", 12, None),
        (7, 7, None),
        (0, 0, None),
        ("douze", None, "texte"),
        ("-3", None, "négatif"),
        (-2, None, "négatif"),
        ("1\u202f234", None, "milliers"),
        ("1 234", None, "milliers"),
        ("1,234", None, "milliers"),
        ("", None, "vide"),
        (None, None, "vide"),
        ("2.5", None, "décimal"),
        (True, None, "logique"),
    ],
)
def test_parse_count(value, count, reason):
    got, why = parse_count(value)
    assert got == count
    assert (why is None) if reason is None else (reason in why)


def _write(folder: Path, name: str, data) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


def _ac(ident: str, dep: str, mandats, usagers="1", agents=1) -> dict:
    return {
        "Data pass ID": ident,
        "Name": f"Structure {ident}",
        "Département": dep,
        "Région": "Occitanie",
        "Code postal": 48000,
        "Nombre de mandats": mandats,
        "Nombre d'usagers accompagnés": usagers,
        "Nombre d'agents formés": agents,
        "date_maj": "15/03/2021",
    }


def test_malformed_counts_are_rejected_never_zero(tmp_path, territory):
    records = [
        _ac("1", "Lozère", "12"),
        _ac("2", "Lozère", "douze"),
        _ac("3", "Lozère", "-3"),
        _ac("4", "Gard", "1\u202f234", usagers="-1"),
        _ac("5", "Gard", "0", agents="beaucoup"),
        _ac("6", "Ain", "5"),  # outside the région: not counted, not rejected
        "pas un objet",
    ]
    _write(tmp_path, AC_FILE, records)
    cnfs = [
        {
            "id": 1,
            "raison_sociale": "A",
            "insee_dep": "48",
            "insee_com": "48095",
            "nb_cnfs": 2,
            "type": "publique",
            "zrr": "oui",
            "investissement_financier_estimatif_total_de_l.etat": 1,
        },
        {
            "id": 2,
            "raison_sociale": "B",
            "insee_dep": "48",
            "nb_cnfs": "deux",
            "type": "associative",
            "zrr": "peut-être",
            "investissement_financier_estimatif_total_de_l.etat": "-5",
        },
    ]
    _write(tmp_path, CNFS_FILE, cnfs)
    tables = programme_tables(tmp_path, territory)
    ac = tables["programme_aidants_connect"].set_index("data_pass_id")
    assert list(ac.index) == ["1", "2", "3", "4", "5"]
    assert ac.at["1", "mandats"] == 12
    for ident in ("2", "3", "4"):
        assert pd.isna(ac.at[ident, "mandats"]), ident
    assert pd.isna(ac.at["4", "usagers"]) and pd.isna(ac.at["5", "agents_formes"])
    rejects = tables["programme_rejects"]
    reasons = {(r.source, r.identifiant, r.champ): r.raison for r in rejects.itertuples()}
    assert "texte" in reasons[("aidants_connect_compteurs", "2", "Nombre de mandats")]
    assert "négatif" in reasons[("aidants_connect_compteurs", "3", "Nombre de mandats")]
    assert "milliers" in reasons[("aidants_connect_compteurs", "4", "Nombre de mandats")]
    assert "négatif" in reasons[("aidants_connect_compteurs", "4", "Nombre d'usagers accompagnés")]
    assert "texte" in reasons[("aidants_connect_compteurs", "5", "Nombre d'agents formés")]
    assert ("aidants_connect_compteurs", "", "(ligne)") in reasons
    assert "texte" in reasons[("cnfs_structures", "2", "nb_cnfs")]
    assert (
        "négatif"
        in reasons[("cnfs_structures", "2", "investissement_financier_estimatif_total_de_l.etat")]
    )
    assert {("cnfs_structures", "2", "type"), ("cnfs_structures", "2", "zrr")} <= set(reasons)
    assert len(rejects) == 10
    meta = tables["programme_sources"].set_index("key")
    assert meta.at["aidants_connect_compteurs", "rows_outside_region"] == 1
    assert meta.at["aidants_connect_compteurs", "rejected_cells"] == 6
    # The figures skip the rejected cells and say how many: never a zero standing for them.
    need = pd.DataFrame(
        {
            "code": ["30", "48"],
            "nom": ["Gard", "Lozère"],
            "population": [10.0, 10.0],
            "illectronisme_estime": [1.0, 1.0],
        }
    )
    region = programmes.region_need(need, "76", "Occitanie")
    table = programmes.aidants_connect_table(
        tables["programme_aidants_connect"], need, region
    ).set_index("code")
    assert table.at["48", "mandats"] == 12 and table.at["48", "valeurs_manquantes"] == 2
    assert table.at["30", "structures_sans_mandat"] == 1  # « 0 » only, not the unreadable « 1 234 »
    assert table.at["76", "valeurs_manquantes"] == 5
    posts = tables["programme_cnfs_postes"]
    assert posts["postes"].isna().sum() == 1 and posts["postes"].sum() == 2
    assert posts.set_index("structure_id").at["1", "epci_siren"]


def test_missing_or_broken_files_give_empty_tables_and_a_note(tmp_path, territory):
    tables = programme_tables(tmp_path, territory)
    assert tables["programme_aidants_connect"].empty and tables["programme_cnfs_postes"].empty
    assert tables["programme_sources"]["note"].str.contains("fichier absent").all()
    _write(tmp_path, AC_FILE, '[{"Name": "A",')
    tables = programme_tables(tmp_path, territory)
    note = tables["programme_sources"].set_index("key").at["aidants_connect_compteurs", "note"]
    assert "illisible" in note and "JSON invalide" in note


def test_need_and_coverage_ranks_and_correlation():
    need = pd.DataFrame({"code": list("abcd"), "nom": list("ABCD"), "besoin": [4.0, 3, 2, 1]})
    cover = pd.DataFrame({"code": list("abcd"), "couverture": [1.0, 2, 3, 4]})
    frame = programmes.need_and_coverage(need, cover, "besoin", "couverture")
    assert list(frame["nom"]) == list("ABCD")
    assert list(frame["rang_besoin"]) == [1, 2, 3, 4] and list(frame["rang_couverture"]) == [
        4,
        3,
        2,
        1,
    ]
    assert programmes.rank_correlation(frame, "besoin", "couverture") == pytest.approx(-1.0)


def test_page_shows_the_programmes(app_env, figures):
    at = AppTest.from_file("../pages/dispositifs.py", default_timeout=120).run()
    assert not at.exception
    assert [h.value for h in at.title] == ["Dispositifs nationaux en Occitanie"]
    headers = [h.value for h in at.header]
    assert headers[:3] == [
        "France Services",
        "Conseillers numériques France Services",
        "Aidants Connect",
    ]
    tables = [e.value for e in at.dataframe]
    ac = next(t for t in tables if "Mandats (03/2021)" in t.columns)
    assert (
        int(ac["Mandats (03/2021)"].iloc[-1]) == 3099 and ac["Département"].iloc[-1] == "Occitanie"
    )
    shown = " ".join(str(m.value) for m in [*at.markdown, *at.caption])
    assert "2021" in shown and "Haute-Garonne, Lozère, Hérault, Aveyron, Albi" in shown
    assert "216 structures habilitées sur 351" in shown
    assert [m.value for m in at.metric] == ["1\u202f311", "103"]
    at.selectbox(key="disp_cmp_prog").set_value("cnfs").run()
    at.selectbox(key="disp_epci_dep").set_value("48").run()
    assert not at.exception
    epci = next(e.value for e in at.dataframe if "EPCI" in e.value.columns)
    assert epci["Postes de Conseiller numérique (2021)"].sum() >= 7


def test_reports_carry_the_programmes_section(con, warehouse, figures):
    inputs = service.region_data(con)
    edition = report_blocks.Edition(None, "rhinocc.duckdb", None, "test")
    blocks = report_dispositifs.departement_blocks(figures, "48")
    document = report_pdf.departement_document(
        "48", inputs, dt.date(2026, 11, 22), edition, None, blocks
    )
    table = next(b for b in document["blocks"] if b.get("id") == "dispositifs")
    rows = {row[0]: row[1:] for row in table["rows"]}
    assert rows["Aidants Connect : Mandats (03/2021)"] == ["166", "3\u202f099"]
    assert rows["Conseillers numériques : Postes accordés (2021)"][1] == "208"
    assert report_pdf.to_pdf(document).startswith(b"%PDF")
    region = report_dispositifs.region_blocks(figures)
    ids = {b.get("id") for b in region}
    assert {
        "dispositifs_france_services",
        "dispositifs_conseillers",
        "dispositifs_aidants_connect",
    } <= ids
    html = report_blocks.to_html({"title": "t", "blocks": region, "edition": "e", "sources": "s"})
    assert "1\u202f311" in html and "La Mêlée" in html


def test_page_lists_rejected_cells_and_leaves_them_out(warehouse, tmp_path, monkeypatch):
    """A warehouse whose Aidants Connect file had an unreadable count: flagged, listed, not counted."""
    db = tmp_path / "w.duckdb"
    shutil.copy(warehouse, db)
    con = duckdb.connect(str(db))
    lost = con.execute(
        "SELECT mandats FROM programme_aidants_connect WHERE data_pass_id = '4499'"
    ).fetchone()[0]
    con.execute("UPDATE programme_aidants_connect SET mandats = NULL WHERE data_pass_id = '4499'")
    con.execute(
        "INSERT INTO programme_rejects VALUES (?, 2, '4499', 'Structure', ?, '1 234', ?)",
        ["aidants_connect_compteurs", "Nombre de mandats", "chiffres groupés (valeur ambiguë)"],
    )
    con.close()
    monkeypatch.setenv("RHINOCC_DB", str(db))
    at = AppTest.from_file("../pages/dispositifs.py", default_timeout=120).run()
    assert not at.exception
    assert any("1 valeurs n'ont pas pu être lues" in w.value for w in at.warning)
    tables = [e.value for e in at.dataframe]
    rejects = next(t for t in tables if "Raison" in t.columns)
    assert list(rejects["Fichier"]) == [AC_FILE] and list(rejects["Valeur lue"]) == ["1 234"]
    ac = next(t for t in tables if "Mandats (03/2021)" in t.columns)
    assert int(ac["Mandats (03/2021)"].iloc[-1]) == 3099 - lost
    assert int(ac["Valeurs rejetées (non comptées)"].iloc[-1]) == 1


def test_epci_sums_keep_rejected_values_missing():
    communes = pd.DataFrame(
        {
            "code_insee": ["48001", "48002", "48003"],
            "departement": ["48"] * 3,
            "epci_siren": ["A", "A", "B"],
            "population": [10, 20, 30],
        }
    )
    names = pd.DataFrame({"code": ["A", "B"], "nom": ["CC A", "CC B"]})
    sites = pd.DataFrame({"source": ["france_services_2024"], "code_insee": ["48003"]})
    posts = pd.DataFrame({"code_insee": ["48001", "48003"], "postes": pd.array([2, None], "Int64")})
    ac = pd.DataFrame({"code_insee": ["48002"], "mandats": pd.array([None], "Int64")})
    table = programmes.by_epci(names, communes, "48", sites, posts, ac).set_index("code")
    assert table.at["A", "population"] == 30 and table.at["B", "sites_france_services_2024"] == 1
    assert table.at["A", "postes_conseillers_2021"] == 2
    assert pd.isna(table.at["B", "postes_conseillers_2021"])  # its only value was rejected
    assert pd.isna(table.at["A", "mandats_aidants_connect_2021"])
    assert table.at["B", "mandats_aidants_connect_2021"] == 0  # no structure at all
    assert table.at["A", "structures_aidants_connect_2021"] == 1


def test_a_newer_programme_file_makes_the_warehouse_stale(warehouse, sources, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(warehouse, db)
    folder = tmp_path / "sources"
    (folder / "venues").mkdir(parents=True)
    cnfs = folder / CNFS_FILE
    shutil.copy(sources / CNFS_FILE, cnfs)
    os.utime(cnfs, (1_000, 1_000))
    assert not is_stale(db, folder)
    os.utime(db, (500, 500))
    assert is_stale(db, folder)
