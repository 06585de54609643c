"""Hand-made bad input: every row is either accepted (with a flag) or quarantined with a reason; nothing raises."""

from __future__ import annotations

import json

import pytest

from rhinocc_dash.ingest.catalog import BY_KEY
from rhinocc_dash.ingest.venues import read_venue_source

RHINOCC_HEADER = (
    "n_ref,departement,ville,code_commune,nom,code_postal,adresse,lat,lon,date_maj,samedi"
)


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


def read(path, territory, key="rhinocc"):
    result = read_venue_source(BY_KEY[key], path, territory)
    assert result.rows_read == len(result.records) + len(result.quarantine)
    return result


def by_id(result):
    return {r["source_id"]: r for r in result.records}


def test_cp1252_file(tmp_path, territory):
    body = (
        RHINOCC_HEADER
        + "\nRef_1,34,Montpellier,34172,Médiathèque Émile Zola,34000,218 bd de l'Aéroport,"
        "43.6083,3.8861,Octobre 2020,10h-12h\n"
    )
    result = read(write(tmp_path, "a.csv", body, "cp1252"), territory)
    assert result.encoding == "cp1252"
    assert by_id(result)["Ref_1"]["nom"] == "Médiathèque Émile Zola"


def test_bom_and_semicolon(tmp_path, territory):
    body = (
        "\ufeff"
        + RHINOCC_HEADER.replace(",", ";")
        + "\nRef_2;31;Toulouse;31555;Espace « Bellefontaine »;31100;3 impasse Foulquier;43.5660;1.4040;juil-22;\n"
    )
    result = read(write(tmp_path, "b.csv", body), territory)
    record = by_id(result)["Ref_2"]
    assert record["code_insee"] == "31555" and record["commune_method"] == "given"
    assert str(record["date_maj"]) == "2022-07-01" and record["date_maj_precision"] == "month"


def test_missing_columns_are_reported_and_rows_kept(tmp_path, territory):
    result = read(
        write(tmp_path, "c.csv", "n_ref,nom,ville\nRef_3,Lieu sans position,Foix\n"), territory
    )
    assert result.problems == [
        "colonnes attendues absentes : « code_postal », « lat » ou « BAN_latitude », « lon » ou « BAN_longitude »"
    ]
    assert [q["reason_code"] for q in result.quarantine] == ["localisation_impossible"]


def test_non_numeric_and_swapped_coordinates(tmp_path, territory):
    body = RHINOCC_HEADER + (
        "\nRef_4,09,Foix,09122,Mairie,09000,Place,quarante-trois,1.6,,"
        "\nRef_5,09,Foix,09122,Médiathèque,09000,Rue,1.6056,42.9653,,"
    )
    records = by_id(read(write(tmp_path, "d.csv", body), territory))
    assert "coordonnees_non_numeriques" in records["Ref_4"]["flags"]
    assert records["Ref_4"]["location_precision"] == "commune"
    assert "coordonnees_inversees" in records["Ref_5"]["flags"]
    assert records["Ref_5"]["latitude"] == pytest.approx(42.9653)
    assert records["Ref_5"]["commune"] == "Foix"


def test_points_outside_occitanie(tmp_path, territory):
    body = (
        RHINOCC_HEADER
        + (
            "\nRef_6,32,Lectoure,,Mairie de Lectoure,32700,Place,49.49,0.11,,"  # Normandy, commune in Gers
            "\nRef_7,75,Paris,,Lieu parisien,75001,Rue,48.86,2.35,,"  # nothing in Occitanie
        )
    )
    result = read(write(tmp_path, "e.csv", body), territory)
    records = by_id(result)
    assert (
        records["Ref_6"]["commune"] == "Lectoure"
        and "point_hors_region" in records["Ref_6"]["flags"]
    )
    assert [(q["source_row"], q["reason_code"]) for q in result.quarantine] == [(2, "hors_region")]


def test_empty_files(tmp_path, territory):
    for content in ("", RHINOCC_HEADER + "\n"):
        result = read(write(tmp_path, "f.csv", content), territory)
        assert result.rows_read == 0 and not result.quarantine
    result = read(write(tmp_path, "g.json", ""), territory, key="cnfs")
    assert result.rows_read == 0 and result.notes


def test_broken_json_is_reported_not_raised(tmp_path, territory):
    result = read(write(tmp_path, "h.json", '[{"nom": "x"'), territory, key="cnfs")
    assert result.rows_read == 0 and "JSON invalide à la ligne 1" in result.problems[0]


def test_duplicated_rows(tmp_path, territory):
    line = "\nRef_8,81,Albi,81004,Tiers-lieu,81000,Rue,43.9289,2.1464,,"
    result = read(write(tmp_path, "i.csv", RHINOCC_HEADER + line + line), territory)
    assert len(result.records) == 1
    assert [(q["source_row"], q["reason_code"]) for q in result.quarantine] == [
        (2, "doublon_exact")
    ]


def test_html_in_names_is_kept_verbatim_and_flagged(tmp_path, territory):
    records = [
        {
            "id": "x1",
            "nom": "<img src=x onerror=alert(1)>",
            "code_postal": "46100",
            "commune": "Figeac",
            "adresse": "1 rue",
            "latitude": 44.6086,
            "longitude": 2.0317,
            "date_maj": "2022-05-01",
        }
    ]
    result = read(write(tmp_path, "j.json", json.dumps(records)), territory, key="cnfs")
    record = result.records[0]
    assert record["nom"] == "<img src=x onerror=alert(1)>"
    assert "html_dans_le_texte" in record["flags"]


def test_national_file_keeps_occitanie_rows(tmp_path, territory):
    rows = [
        {
            "id": "a" * 24,
            "nom": "Lieu à Lyon",
            "code_postal": "69001",
            "latitude": 45.76,
            "longitude": 4.83,
            "aidants": [{"nom": "Personne"}],
        },
        {
            "id": "b" * 24,
            "nom": "Lieu à Rodez",
            "code_postal": "12000",
            "latitude": 44.35,
            "longitude": 2.575,
            "aidants": [{"nom": "A"}, {"nom": "B"}],
        },
    ]
    result = read(write(tmp_path, "cnfs.json", json.dumps(rows)), territory, key="cnfs")
    assert result.rows_in_file == 2 and result.rows_outside_region == 1 and result.rows_read == 1
    raw = json.loads(result.records[0]["raw"])
    assert raw["nb_aidants"] == 2 and "aidants" not in raw  # advisers' names are not stored


def test_unparseable_date_and_hours_are_flagged(tmp_path, territory):
    body = (
        RHINOCC_HEADER
        + "\nRef_9,12,Rodez,12202,Espace,12000,Rue,44.35,2.575,un jour,sur rendez-vous"
    )
    record = by_id(read(write(tmp_path, "k.csv", body), territory))["Ref_9"]
    assert record["date_maj"] is None and "date_illisible" in record["flags"]
    assert record["horaires"] is None and "horaires_non_reconnus" in record["flags"]
    assert record["horaires_original"] == "Sa sur rendez-vous"
