"""The warehouse built from the real sources: contract, counts from SOURCES.md, known defects handled."""

from __future__ import annotations

import hashlib
import math

import duckdb
import numpy as np
import pytest
from pyproj import Transformer

from rhinocc_dash.ingest import pipeline as build_module
from rhinocc_dash.ingest.pipeline import SourcesMissing, build, is_stale
from rhinocc_dash.shared.config import REGION

CONTRACT = {
    "departements": {"code", "nom", "population", "geometry"},
    "epci": {"siren", "nom", "population", "geometry"},
    "communes": {
        "code_insee",
        "nom",
        "departement",
        "epci_siren",
        "population",
        "longitude",
        "latitude",
        "geometry",
    },
    "venue_records": {
        "record_id",
        "source",
        "source_vintage",
        "source_row",
        "raw",
        "nom",
        "adresse",
        "code_postal",
        "code_insee",
        "commune",
        "departement",
        "latitude",
        "longitude",
        "location_precision",
        "commune_method",
        "services",
        "publics",
        "labels",
        "horaires",
        "date_maj",
        "date_maj_precision",
        "flags",
    },
    "lieux": {
        "lieu_id",
        "nom",
        "adresse",
        "code_insee",
        "commune",
        "departement",
        "latitude",
        "longitude",
        "services",
        "publics",
        "labels",
        "sources",
        "n_records",
        "date_maj",
    },
    "lieu_records": {"lieu_id", "record_id"},
    "commune_indicators": {
        "code_insee",
        "ifn2020_global",
        "ifn2020_acces_interfaces",
        "ifn2020_acces_information",
        "ifn2020_competences_administratives",
        "ifn2020_competences_numeriques",
        "revenu_median",
        "taux_pauvrete",
    },
    "departement_indicators": {"code", "population", "taux_pauvrete", "revenu_median"},
    "commune_access": {
        "code_insee",
        "lieux_in_commune",
        "distance_mediane_km",
        "part_population_5km",
        "part_population_10km",
        "part_population_20km",
        "lieux_within_10km",
    },
    "population_points": {"code_insee", "x", "y", "population", "nearest_lieu_km"},
    "quarantine": {"source", "source_row", "reason_code", "reason", "raw"},
    "source_stats": {"source", "file", "rows_read", "rows_accepted", "rows_quarantined"},
    "build_info": {"kind", "name", "value"},
    "sources": {
        "key",
        "kind",
        "current",
        "name",
        "producer",
        "vintage",
        "licence",
        "path",
        "sha256",
    },
}
# Record counts stated in venues/SOURCES.md.
ROWS_PER_SOURCE = {
    "rhinocc": 845,
    "france_services_2024": 373,
    "france_services_2022": 352,
    "cnfs": 591,
    "data_inclusion": 381,
    "aidants_connect": 351,
}


def scalar(con, sql, params=()):
    return con.execute(sql, list(params)).fetchone()[0]


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_contract_columns(con, table):
    columns = {
        row[0]
        for row in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
    }
    assert CONTRACT[table] <= columns


def test_territories(con):
    codes = [r[0] for r in con.execute("SELECT code FROM departements ORDER BY code").fetchall()]
    assert codes == list(REGION.departements)
    assert scalar(con, "SELECT count(*) FROM communes") == 4446
    assert scalar(con, "SELECT count(*) FROM epci") == 164
    # Legal population PL 2023 total, as stated in indicators/SOURCES.md.
    assert scalar(con, "SELECT sum(population) FROM communes") == 6_124_653
    assert scalar(con, "SELECT population FROM communes WHERE code_insee = '31555'") == 514_819
    assert (
        scalar(con, "SELECT count(*) FROM communes WHERE geometry IS NULL OR longitude IS NULL")
        == 0
    )


def test_representative_point_inside_commune(con):
    shapely = pytest.importorskip("shapely")
    from shapely.geometry import shape

    rows = con.execute(
        "SELECT geometry, longitude, latitude FROM communes USING SAMPLE 200 ROWS (reservoir, 7)"
    ).fetchall()
    import json

    inside = sum(
        shape(json.loads(g)).buffer(0.005).contains(shapely.Point(x, y)) for g, x, y in rows
    )
    assert inside == len(rows)


def test_source_counts_add_up(con):
    rows = con.execute(
        "SELECT source, rows_read, rows_accepted, rows_quarantined, rows_in_file FROM source_stats"
    ).fetchall()
    assert {r[0]: r[4] for r in rows} == ROWS_PER_SOURCE
    for source, read, accepted, quarantined, _ in rows:
        assert read == accepted + quarantined, source
        assert accepted == scalar(
            con, "SELECT count(*) FROM venue_records WHERE source = ?", [source]
        )
        assert quarantined == scalar(
            con, "SELECT count(*) FROM quarantine WHERE source = ?", [source]
        )


def test_known_defects_are_handled(con):
    # Ref_0328 (Mairie de Lectoure) is geocoded in Normandy: flagged and placed on its commune.
    lectoure = con.execute(
        "SELECT commune, flags, location_precision FROM venue_records "
        "WHERE source = 'rhinocc' AND source_id = 'Ref_0328'"
    ).fetchone()
    assert (
        lectoure[0] == "Lectoure"
        and "point_hors_region" in lectoure[1]
        and lectoure[2] != "address"
    )
    # Ariège codes lost their leading zero: « 9122 » is read as 09122.
    padded = con.execute(
        "SELECT code_insee, flags FROM venue_records WHERE source = 'rhinocc' "
        "AND json_extract_string(raw, '$.code_commune') = '9122'"
    ).fetchall()
    assert padded and all(
        code == "09122" and "code_insee_complete" in flags for code, flags in padded
    )
    # 52062 is not an Occitanie commune, and Ref_0781's point and address are in Haute-Marne too:
    # quarantined with its reason, whatever its stray postcode field says.
    assert (
        scalar(
            con,
            "SELECT count(*) FROM quarantine WHERE json_extract_string(raw, '$.code_commune') "
            "= '52062' AND reason_code = 'hors_region'",
        )
        == 1
    )
    # France Services 2022 id_fs 2900-2905 have no coordinates, INSEE code nor postcode.
    rows = con.execute(
        "SELECT source_id, location_precision FROM venue_records WHERE source = "
        "'france_services_2022' AND source_id IN ('2900','2901','2902','2903','2904','2905')"
    ).fetchall()
    assert (
        len(rows)
        + scalar(
            con,
            "SELECT count(*) FROM quarantine WHERE source = 'france_services_2022' AND "
            "json_extract_string(raw, '$.id_fs') BETWEEN '2900' AND '2905'",
        )
        == 6
    )
    assert all(precision != "address" for _, precision in rows)
    # Aidants Connect has no coordinates: nothing of it is located at address precision.
    assert (
        scalar(
            con,
            "SELECT count(*) FROM venue_records WHERE source = 'aidants_connect' "
            "AND location_precision = 'address'",
        )
        == 0
    )
    # The Ain postcode 1110 filed under Aude cannot be placed in Occitanie.
    assert (
        scalar(
            con,
            "SELECT count(*) FROM quarantine WHERE source = 'aidants_connect' "
            "AND raw LIKE '%Haut Bugey%'",
        )
        == 1
    )
    # The CNFS placeholder SIRET is not an identifier.
    assert scalar(con, "SELECT count(*) FROM venue_records WHERE siret = '00000000000000'") == 0


def test_cnfs_records_of_data_inclusion_are_merged(con):
    # The 325 conseiller-numerique records of data·inclusion are CNFS lieux with the same id.
    pairs = con.execute("""
        SELECT count(*) FILTER (WHERE lc.lieu_id = ld.lieu_id), count(*)
        FROM venue_records AS d
        JOIN venue_records AS c ON c.source = 'cnfs' AND c.source_id = d.source_id
        JOIN lieu_records AS ld ON ld.record_id = d.record_id
        JOIN lieu_records AS lc ON lc.record_id = c.record_id
        WHERE d.source = 'data_inclusion' AND json_extract_string(d.raw, '$.source') =
        'conseiller-numerique'
    """).fetchone()
    assert pairs == (325, 325)


def test_lieux_count_current_sources_once(con):
    # Every record of the current sources belongs to exactly one lieu; the 2022 France
    # Services list to none.
    assert scalar(con, "SELECT count(*) FROM lieu_records") == scalar(
        con, "SELECT count(*) FROM venue_records WHERE source <> 'france_services_2022'"
    )
    assert scalar(con, "SELECT count(DISTINCT record_id) FROM lieu_records") == scalar(
        con, "SELECT count(*) FROM lieu_records"
    )
    assert scalar(con, "SELECT sum(n_records) FROM lieux") == scalar(
        con, "SELECT count(*) FROM lieu_records"
    )
    lieux = scalar(con, "SELECT count(*) FROM lieux")
    assert 373 < lieux < scalar(con, "SELECT count(*) FROM lieu_records")


def test_indicators(con):
    # IFN 2020: Caubous (31127) has a single IRIS whose global score is 0, i.e. missing.
    assert (
        scalar(con, "SELECT ifn2020_global FROM commune_indicators WHERE code_insee = '31127'")
        is None
    )
    assert scalar(con, "SELECT count(*) FROM commune_indicators WHERE ifn2020_global = 0") == 0
    # Filosofi: poverty rate published for 466 communes only; never imputed.
    published = scalar(con, "SELECT count(taux_pauvrete) FROM commune_indicators")
    assert 455 <= published <= 466
    assert (
        scalar(con, "SELECT taux_pauvrete FROM commune_indicators WHERE code_insee = '30132'")
        == 41.0
    )
    assert scalar(con, "SELECT taux_pauvrete FROM departement_indicators WHERE code = '76'") == 16.8
    assert scalar(con, "SELECT taux_pauvrete FROM departement_indicators WHERE code = 'FR'") == 14.5
    assert (
        scalar(con, "SELECT revenu_median FROM departement_indicators WHERE code = '31'") == 23380
    )
    # IFN 2023 deciles lie in 1..10.
    low, high = con.execute(
        "SELECT min(ifn2023_total), max(ifn2023_total) FROM commune_indicators"
    ).fetchone()
    assert 1 <= low and high <= 10


def _haversine_km(lon1, lat1, lon2, lat2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def test_commune_access_matches_brute_force(con):
    """Per commune, from its population points: all-pairs distances on the sphere to every lieu, then the
    median and the shares within 5/10/20 km, recomputed here without the k-d tree."""
    lieux = np.array(con.execute("SELECT longitude, latitude FROM lieux").fetchall())
    to_wgs84 = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)
    sample = [
        r[0]
        for r in con.execute(
            "SELECT code_insee FROM communes USING SAMPLE 40 ROWS (reservoir, 3)"
        ).fetchall()
    ]
    checked = 0
    for code in sample:
        points = con.execute(
            "SELECT x, y, population FROM population_points WHERE code_insee = ?", [code]
        ).fetchall()
        lon, lat = to_wgs84.transform([p[0] for p in points], [p[1] for p in points])
        nearest = np.array(
            [
                min(_haversine_km(a, b, x, y) for x, y in lieux)
                for a, b in zip(lon, lat, strict=True)
            ]
        )
        weights = np.array([p[2] for p in points])
        row = con.execute(
            "SELECT distance_mediane_km, part_population_10km, lieux_in_commune FROM commune_access "
            "WHERE code_insee = ?",
            [code],
        ).fetchone()
        if weights.sum() == 0:
            continue
        order = np.argsort(nearest)
        cumulated = np.cumsum(weights[order])
        median = nearest[order][np.searchsorted(cumulated, cumulated[-1] / 2 * (1 - 1e-9))]
        assert row[0] == pytest.approx(median, abs=0.08)  # sphere vs Lambert-93
        share = weights[nearest <= 10].sum() / weights.sum()
        assert abs(row[1] - share) <= 1 / len(points) + 1e-9  # a point at the 10 km edge
        assert row[2] == scalar(con, "SELECT count(*) FROM lieux WHERE code_insee = ?", [code])
        checked += 1
    assert checked >= 30  # the sample's inhabited communes were all compared


def _table_digest(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables ORDER BY 1"
            ).fetchall()
        ]
        digest = {}
        for table in tables:
            if table == "build_info":
                continue
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            digest[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
        return digest
    finally:
        con.close()


def test_build_is_deterministic(sources, warehouse, tmp_path):
    again = tmp_path / "again.duckdb"
    build(sources, again)
    assert _table_digest(again) == _table_digest(warehouse)


def test_failed_build_keeps_previous_warehouse(sources, warehouse, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    db.write_bytes(warehouse.read_bytes())
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(build_module, "build_lieux", explode)
    with pytest.raises(RuntimeError):
        build(sources, db)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert [p.name for p in tmp_path.iterdir()] == ["w.duckdb"]


def test_missing_sources_message(tmp_path):
    with pytest.raises(SourcesMissing) as error:
        build(tmp_path, tmp_path / "x.duckdb")
    message = str(error.value)
    assert "Fichiers attendus et introuvables" in message
    assert "venues/rhinocc_2022-12_lieux_occitanie_geocoded.csv" in message
    assert "https://raw.githubusercontent.com/multi-coop/data-rhinocc-inclusion/" in message
    assert not (tmp_path / "x.duckdb").exists()


def test_staleness(sources, warehouse, tmp_path):
    assert not is_stale(warehouse, sources)
    assert is_stale(tmp_path / "none.duckdb", sources)
