"""Coverage figures on the real data, checked against values computed here in SQL from the warehouse."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest

from rhinocc_dash import warehouse as queries
from rhinocc_dash.analysis import coverage, service
from rhinocc_dash.shared.measures import weighted_median
from rhinocc_dash.views.exports import neutralise, to_csv_bytes


@pytest.fixture(scope="module")
def inputs(con):
    return (
        queries.run(con, "communes_base"),
        queries.run(con, "commune_access"),
        queries.run(con, "population_points"),
        queries.run(con, "coverage_lieux"),
        queries.run(con, "departement_list"),
    )


@pytest.fixture(scope="module")
def deps(con):
    table, _ = service.departement_coverage(con)
    return table.set_index("code")


def test_counts_and_shares_match_sql(con, deps):
    rows = con.execute("""
        WITH reach AS (
            SELECT c.departement,
                   sum(p.population) FILTER (WHERE p.nearest_lieu_km <= 5) / sum(p.population) AS pop5,
                   sum(p.population) FILTER (WHERE p.nearest_lieu_km <= 10) / sum(p.population) AS pop10,
                   sum(p.population) FILTER (WHERE p.nearest_lieu_km <= 20) / sum(p.population) AS pop20
            FROM population_points p JOIN communes c USING (code_insee) GROUP BY 1)
        SELECT c.departement,
               (SELECT count(*) FROM lieux l WHERE l.departement = c.departement) AS lieux,
               sum(c.population) AS population,
               count(*) FILTER (WHERE a.lieux_in_commune > 0) / count(*) AS share_communes,
               any_value(r.pop5), any_value(r.pop10), any_value(r.pop20)
        FROM communes c JOIN commune_access a USING (code_insee) JOIN reach r USING (departement)
        GROUP BY c.departement
    """).fetchall()
    assert len(rows) == 13
    for dep, lieux, population, share, pop5, pop10, pop20 in rows:
        row = deps.loc[dep]
        assert row["lieux"] == lieux and row["population"] == population
        assert row["lieux_pour_10000"] == pytest.approx(lieux / population * 10_000)
        assert row["part_communes_avec_lieu"] == pytest.approx(share)
        assert row["part_population_5km"] == pytest.approx(pop5 or 0)
        assert row["part_population_10km"] == pytest.approx(pop10 or 0)
        assert row["part_population_20km"] == pytest.approx(pop20 or 0)


def test_weighted_median_distance_matches_sql(con, deps):
    # The first distance at which the cumulated inhabitants reach half of the département's, in SQL.
    medians = dict(
        con.execute("""
        WITH ranked AS (
            SELECT c.departement, p.nearest_lieu_km,
                   sum(p.population) OVER (PARTITION BY c.departement ORDER BY p.nearest_lieu_km
                                           ROWS UNBOUNDED PRECEDING) AS cumulated,
                   sum(p.population) OVER (PARTITION BY c.departement) AS total
            FROM population_points p JOIN communes c USING (code_insee) WHERE p.population > 0)
        SELECT departement, min(nearest_lieu_km) FILTER (WHERE cumulated >= total / 2)
        FROM ranked GROUP BY 1""").fetchall()
    )
    for dep, median in medians.items():
        assert deps.loc[dep, "distance_mediane_km"] == pytest.approx(median, abs=0.002)
    # No artificial zero: every département's inhabitants live, at the median, away from a lieu.
    assert min(medians.values()) > 0.5


def test_weighted_median_small_cases():
    assert weighted_median([1, 2, 3], [1, 1, 1]) == 2
    assert weighted_median([1, 10], [1, 100]) == 10
    assert weighted_median([5, np.nan], [1, 1]) == 5
    assert np.isnan(weighted_median([], []))


def test_region_row(con):
    _, region = service.departement_coverage(con)
    assert region["lieux"] == con.execute("SELECT count(*) FROM lieux").fetchone()[0]
    assert region["population"] == 6_124_653 and region["communes"] == 4446


def test_epci_drill_down(con, inputs):
    communes, access, points, lieux, _ = inputs
    names = queries.run(con, "epci_published")[["code", "nom"]]
    epci = coverage.coverage_table(communes, access, points, lieux, "epci_siren", names)
    epci = epci.set_index("code")
    assert len(epci) == 164
    expected = dict(
        con.execute("""SELECT c.epci_siren, count(*) FROM lieux l JOIN communes c USING (code_insee)
                                   GROUP BY 1""").fetchall()
    )
    for code, row in epci.iterrows():
        assert row["lieux"] == expected.get(code, 0)


def test_composition_and_families(con, inputs):
    lieux = inputs[3]
    labels = coverage.label_composition(lieux).set_index("departement")
    assert labels.sum(axis=1).sum() == len(lieux)
    fs_31 = con.execute(
        "SELECT count(*) FROM lieux WHERE departement = '31' AND "
        "list_contains(labels, 'France Services')"
    ).fetchone()[0]
    assert labels.loc["31", "France Services"] == fs_31
    offer = coverage.family_offer(lieux).set_index("departement")
    admin_34 = con.execute("""SELECT avg(CASE WHEN list_contains(services, 'Aide aux démarches administratives')
                              OR list_contains(services, 'Insertion professionnelle via le numérique') THEN 1 ELSE 0
                              END) FROM lieux WHERE departement = '34'""").fetchone()[0]
    assert offer.loc["34", "Accès aux droits"] == pytest.approx(admin_34)


def test_farthest_communes(con):
    farthest = service.farthest_communes(con, "65", limit=5)
    expected = con.execute("""SELECT c.code_insee FROM communes c JOIN commune_access a USING (code_insee)
                              WHERE c.departement = '65'
                              ORDER BY a.distance_mediane_km DESC, c.population DESC LIMIT 5""").fetchall()
    assert list(farthest["code_insee"]) == [r[0] for r in expected]


def test_france_services_evolution(con):
    records = queries.run(con, "coverage_records")
    evolution = coverage.france_services_evolution(records).set_index("departement")
    counts = dict(
        con.execute("""SELECT departement || source, count(*) FROM venue_records
                                 WHERE source LIKE 'france_services%' GROUP BY 1""").fetchall()
    )
    for dep, row in evolution.iterrows():
        assert row["sites_2022"] == counts.get(dep + "france_services_2022", 0)
        assert row["sites_2024"] == counts.get(dep + "france_services_2024", 0)
    assert evolution["sites_2024"].sum() == 373


@pytest.mark.parametrize("cell", ["=1+1", "+33 5 61", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell
    text = to_csv_bytes(pd.DataFrame({"nom": [cell], "n": [-3]})).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[1] == ["'" + cell, "-3"]


def test_plain_cells_are_untouched():
    assert neutralise("Médiathèque") == "Médiathèque" and neutralise(-3) == -3


def test_departement_communes_include_whole_epci(con, inputs):
    communes = inputs[0]
    in_dep, epci_communes = coverage.departement_communes(communes, "32")
    assert len(in_dep) == 458  # Gers, COG 2026 (geo/SOURCES.md)
    expected = con.execute("""SELECT count(*) FROM communes WHERE epci_siren IN
                              (SELECT epci_siren FROM communes WHERE departement = '32')""").fetchone()[
        0
    ]
    assert (
        len(epci_communes) == expected > len(in_dep)
    )  # an EPCI shared with Tarn-et-Garonne (248200016)
