"""Figures a prefecture can check: France Services counted from the official list, honest locations,
deduplication measured on the labelled pairs, distances without artificial zeros, coordinator overrides."""

from __future__ import annotations

import csv
import itertools
import json
import shutil
from collections import Counter

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from rhinocc_dash import texts
from rhinocc_dash.ingest import build, dedup_eval, overrides
from rhinocc_dash.ingest.matching import parse_address, same_address, street_within
from rhinocc_dash.shared.formatting import fmt_int
from rhinocc_dash.shared.measures import SPREAD_M


def rows(con, sql, params=()):
    return con.execute(sql, list(params)).fetchall()


def one(con, sql, params=()):
    return con.execute(sql, list(params)).fetchone()


def test_france_services_label_equals_the_official_list(con, sources):
    with open(sources / "venues/france-services_2024-08-01_occitanie.csv", encoding="utf-8") as f:
        official = Counter(row["insee_dep"].zfill(2) for row in csv.DictReader(f))
    assert sum(official.values()) == 373
    labelled = dict(
        rows(
            con,
            "SELECT departement, count(*) FROM lieux WHERE list_contains(labels, 'France Services') "
            "GROUP BY 1",
        )
    )
    assert labelled == dict(official)
    holding = one(
        con,
        "SELECT count(DISTINCT lr.lieu_id) FROM lieu_records lr JOIN venue_records r USING (record_id) "
        "WHERE r.source = 'france_services_2024'",
    )[0]
    assert holding == 373
    # Other sources' claims stay visible as declared, never counted.
    declared = one(
        con,
        "SELECT count(*) FROM lieux WHERE NOT list_contains(labels, 'France Services') AND "
        "list_contains([d.label FOR d IN declared_labels], 'France Services')",
    )[0]
    assert declared > 0


def test_no_lieu_spreads_over_distinct_places(con):
    """Records located at their address lie within SPREAD_M of each other in a lieu, unless they give
    the very same address (one geocode is wrong) or one gives no house number on a street the other
    names (its point locates the street only)."""
    spread = rows(con, "SELECT lieu_id FROM lieux WHERE etendue_m > ?", [SPREAD_M])
    for (lieu_id,) in spread:
        addresses = [
            parse_address(a)
            for (a,) in rows(
                con,
                "SELECT adresse FROM lieu_records JOIN venue_records USING (record_id) "
                "WHERE lieu_id = ? AND location_precision = 'address'",
                [lieu_id],
            )
        ]
        assert all(
            same_address(a, b) or (not (a.number and b.number) and street_within(a, b))
            for a, b in itertools.combinations(addresses, 2)
        ), lieu_id
    assert len(spread) <= 20  # 14 on the 2022-2024 sources: see the issue note


def test_locations_are_honest(con):
    # Every key of Ref_0781 (INSEE 52062, its point, its address's postcode) says Haute-Marne.
    assert one(
        con,
        "SELECT reason_code FROM quarantine WHERE source = 'rhinocc' "
        "AND json_extract_string(raw, '$.n_ref') = 'Ref_0781'",
    ) == ("hors_region",)
    # Ref_0317 (Cologne, 32430) was geocoded in Sarrant, outside its postcode: back to Cologne.
    commune, precision, flags = one(
        con,
        "SELECT commune, location_precision, flags FROM venue_records "
        "WHERE source = 'rhinocc' AND source_id = 'Ref_0317'",
    )
    assert commune == "Cologne" and precision == "commune" and "point_hors_code_postal" in flags
    # A postcode shared by several communes: the name says Portet-sur-Garonne.
    assert one(
        con,
        "SELECT commune FROM venue_records WHERE source = 'aidants_connect' AND source_id = '7741'",
    ) == ("Portet-sur-Garonne",)
    # Geocoded to the town only: never « address » precision.
    town_level = rows(
        con,
        "SELECT location_precision FROM venue_records WHERE source = 'rhinocc' AND "
        "json_extract_string(raw, '$.BAN_adress') <> '' AND "
        "lower(json_extract_string(raw, '$.BAN_adress')) = lower(json_extract_string(raw, '$.BAN_city'))",
    )
    assert len(town_level) == 36 and {p for (p,) in town_level} == {"commune"}
    # Filed under the wrong département: the flag fires.
    filed = dict(
        rows(
            con,
            "SELECT source_id, list_contains(flags, 'point_hors_departement_declare') "
            "FROM venue_records WHERE source = 'rhinocc' AND "
            "source_id IN ('Ref_0720', 'Ref_0778', 'Ref_0803', 'Ref_0838')",
        )
    )
    assert filed == dict.fromkeys(("Ref_0720", "Ref_0778", "Ref_0803", "Ref_0838"), True)
    # Identifiers are text as their digits: no spreadsheet grouping left.
    ids = [
        i
        for (i,) in rows(
            con, "SELECT source_id FROM venue_records WHERE source = 'aidants_connect'"
        )
    ]
    assert len(ids) == 350 and all(i.isdigit() for i in ids if i)
    assert not any("\u202f" in i or "\xa0" in i for i in ids)


def test_abbreviated_and_town_hall_addresses_merge(con):
    lieux = {
        key: one(
            con,
            "SELECT lieu_id FROM lieu_records JOIN venue_records USING (record_id) "
            "WHERE source || ':' || source_id = ?",
            [key],
        )[0]
        for key in (
            "rhinocc:Ref_0690",  # 1 CHE DE LA MESTRISE
            "france_services_2024:56",  # 1 Chemin de la Mestrise
            "aidants_connect:16223",
        )
    }
    assert len(set(lieux.values())) == 1


def test_no_artificial_zero_distance(con):
    assert one(con, "SELECT count(*) FROM commune_access WHERE distance_mediane_km = 0")[0] == 0
    commune_located = one(
        con, "SELECT count(*) FROM lieux WHERE location_precision IN ('commune', 'postcode')"
    )[0]
    assert commune_located > 100  # they still exist, marked « position approximative » on the map


def test_deduplication_meets_the_measured_bar(con):
    quality = one(con, "SELECT evaluated, precision, recall FROM dedup_quality")
    assert quality[0] >= 300
    assert quality[1] >= 0.99 and quality[2] >= 0.96
    # The same figures, recomputed here from the warehouse's lieux and the labels file.
    records = con.execute("SELECT record_id, source, source_id FROM venue_records").df()
    links = con.execute("SELECT * FROM lieu_records").df()
    score = dedup_eval.score(
        dedup_eval.judged(dedup_eval.load_labels(), dedup_eval.lieu_by_key(records, links))
    )
    assert (score.precision, score.recall) == pytest.approx(quality[1:])


def test_labelled_set_is_large_and_drawn_from_every_rule():
    labels = dedup_eval.load_labels()
    assert len(labels) >= 200 and labels["same"].sum() >= 100 and (~labels["same"]).sum() >= 100
    categories = set(labels["category"])
    for rule in ("adresse", "commune_nom", "identifiant", "proximite_nom", "siret"):
        assert f"fusion:{rule}" in categories
    assert {
        "proche_non_fusionne",
        "meme_lieu_eloigne",
        "deux_france_services_meme_lieu",
    } <= categories
    assert not labels.duplicated(["key_a", "key_b"]).any()


def test_coordinator_decisions_apply_and_survive_rebuilds(sources, warehouse, tmp_path):
    con = duckdb.connect(str(warehouse), read_only=True)
    key_a, key_b = one(
        con,
        "SELECT a.source || ':' || a.source_id, b.source || ':' || b.source_id FROM dedup_pairs p "
        "JOIN venue_records a ON a.record_id = p.record_id_a "
        "JOIN venue_records b ON b.record_id = p.record_id_b "
        "WHERE p.rule = 'adresse' AND p.status = 'fusion' ORDER BY 1, 2 LIMIT 1",
    )
    con.close()
    log = tmp_path / "paires.json"
    overrides.record(log, key_a, key_b, False, "test", "deux services distincts")

    def lieu_of(db, key):
        c = duckdb.connect(str(db), read_only=True)
        try:
            return one(
                c,
                "SELECT lieu_id FROM lieu_records JOIN venue_records USING (record_id) "
                "WHERE source || ':' || source_id = ?",
                [key],
            )[0]
        finally:
            c.close()

    for attempt in (1, 2):  # a decision stays applied build after build
        db = tmp_path / f"w{attempt}.duckdb"
        build(sources, db, overrides_path=log)
        assert lieu_of(db, key_a) != lieu_of(db, key_b)
    assert overrides.load(log)[0].by == "test"
    assert json.loads(log.read_text().splitlines()[0])["same"] is False


def test_home_counts_current_sources_only(home_page, con):
    at = home_page
    assert not at.exception
    current = one(
        con,
        "SELECT count(*) FROM venue_records WHERE source <> 'france_services_2022'",
    )[0]
    shown = {m.label: m.value for m in at.metric}
    assert shown[texts.accueil.METRIC_RECORDS] == fmt_int(current)
    assert shown[texts.accueil.METRIC_SOURCES] == "5"


def test_card_never_shows_nan(app_env, con, tmp_path, monkeypatch):
    lieu_id = one(
        con, "SELECT lieu_id FROM lieux WHERE horaires IS NULL AND adresse IS NULL LIMIT 1"
    ) or one(con, "SELECT lieu_id FROM lieux WHERE horaires IS NULL LIMIT 1")
    at = AppTest.from_file("../pages/carte.py", default_timeout=120)
    at.query_params["lieu"] = lieu_id[0]
    at.run()
    assert not at.exception
    card = " ".join(m.value for m in at.markdown)
    assert "Horaires" in card and "nan" not in card.replace("nationale", "")


def test_quality_page_shows_measure_and_refuses_unknown_keys(app_env, tmp_path, monkeypatch):
    monkeypatch.setenv("RHINOCC_OVERRIDES", str(tmp_path / "paires.json"))
    monkeypatch.setenv("RHINOCC_HOME", str(tmp_path / "home"))
    at = AppTest.from_file("../pages/qualite.py", default_timeout=120).run()
    at.segmented_control(key="q_section").set_value(texts.qualite.QUALITY_TABS[2]).run()
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert texts.qualite.DEDUP_PRECISION in labels and texts.qualite.DEDUP_RECALL in labels
    assert any(texts.connexion.NO_MAINTAINERS in i.value for i in at.info)


def test_signed_in_coordinator_records_a_decision(app_env, con, tmp_path, monkeypatch):
    from rhinocc_dash.maintainers import hash_password

    log = tmp_path / "paires.json"
    monkeypatch.setenv("RHINOCC_OVERRIDES", str(log))
    monkeypatch.setenv("RHINOCC_HOME", str(tmp_path / "home"))
    at = AppTest.from_file("../pages/qualite.py", default_timeout=120)
    at.secrets["maintainers"] = {"coord": hash_password("un-mot-de-passe-long")}
    at.run()
    at.segmented_control(key="q_section").set_value(texts.qualite.QUALITY_TABS[2]).run()
    form_inputs = [
        t for t in at.text_input if t.label in (texts.connexion.SIGN_IN_NAME, texts.connexion.SIGN_IN_PASSWORD)
    ]
    form_inputs[0].input("coord")
    form_inputs[1].input("mauvais")
    at.button[[b.label for b in at.button].index(texts.connexion.SIGN_IN)].click().run()
    assert any(texts.connexion.SIGN_IN_FAILED in e.value for e in at.error)
    form_inputs = [
        t for t in at.text_input if t.label in (texts.connexion.SIGN_IN_NAME, texts.connexion.SIGN_IN_PASSWORD)
    ]
    form_inputs[0].input("coord")
    form_inputs[1].input("un-mot-de-passe-long")
    at.button[[b.label for b in at.button].index(texts.connexion.SIGN_IN)].click().run()
    assert not at.exception
    keys = [k for (k,) in rows(con, "SELECT source || ':' || source_id FROM venue_records LIMIT 2")]
    by_label = {t.label: t for t in at.text_input}
    by_label[texts.qualite.DEDUP_KEY_A].input(keys[0])
    by_label[texts.qualite.DEDUP_KEY_B].input(keys[1])
    at.button[[b.label for b in at.button].index(texts.qualite.DEDUP_RECORD)].click().run()
    assert any(texts.qualite.DEDUP_RECORDED in s.value for s in at.success)
    decision = overrides.load(log)[0]
    assert decision.by == "coord" and {decision.key_a, decision.key_b} == set(keys)
    shutil.rmtree(tmp_path / "state", ignore_errors=True)
