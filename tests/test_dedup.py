"""The matcher on hand-made tricky cases."""

import pandas as pd

from rhinocc_dash.ingest.dedup import build_lieux, normalise_address, normalise_name

BASE = {
    "adresse": "",
    "code_postal": "",
    "siret": None,
    "source_id": "",
    "labels": [],
    "services": [],
    "publics": [],
    "location_precision": "address",
    "horaires": None,
    "horaires_original": None,
    "open_saturday": None,
    "open_sunday": None,
    "open_after_18": None,
    "date_maj": None,
    "telephone": "",
    "courriel": "",
    "site_web": "",
    "type_lieu": "",
    "itinerant": False,
    "departement": "46",
}


def records(*rows):
    return pd.DataFrame([{**BASE, "record_id": f"r{i:02d}", **row} for i, row in enumerate(rows)])


def groups(frame):
    lieux, links, _ = build_lieux(frame)
    return sorted(sorted(g) for g in links.groupby("lieu_id")["record_id"].apply(list))


def test_same_name_in_two_towns_stays_apart():
    frame = records(
        {
            "source": "rhinocc",
            "nom": "Médiathèque municipale",
            "code_insee": "46102",
            "commune": "Figeac",
            "latitude": 44.6086,
            "longitude": 2.0317,
        },
        {
            "source": "cnfs",
            "nom": "Médiathèque municipale",
            "code_insee": "46042",
            "commune": "Cahors",
            "latitude": 44.4475,
            "longitude": 1.4419,
        },
    )
    assert groups(frame) == [["r00"], ["r01"]]


def test_three_mediatheques_in_one_town_stay_apart():
    frame = records(
        *[
            {
                "source": "rhinocc",
                "nom": "Médiathèque",
                "code_insee": "31555",
                "commune": "Toulouse",
                "latitude": lat,
                "longitude": lon,
                "adresse": addr,
            }
            for lat, lon, addr in (
                (43.6045, 1.4440, "1 allée Chaban"),
                (43.5800, 1.4020, "5 rue Vestrepain"),
                (43.6300, 1.4700, "12 av. de Lyon"),
            )
        ]
    )
    assert groups(frame) == [["r00"], ["r01"], ["r02"]]


def test_accents_case_and_punctuation_match():
    assert normalise_name("MÉDIATHÈQUE L'ARSENAL") == normalise_name("Mediatheque  l arsenal")
    assert normalise_address("2 Bd. de la Liberté") == normalise_address(
        "2 BOULEVARD DE LA LIBERTE"
    )
    frame = records(
        {
            "source": "rhinocc",
            "nom": "MÉDIATHÈQUE L'ARSENAL",
            "code_insee": "46102",
            "commune": "Figeac",
            "latitude": 44.60860,
            "longitude": 2.03170,
        },
        {
            "source": "cnfs",
            "nom": "Mediatheque - l arsenal",
            "code_insee": "46102",
            "commune": "Figeac",
            "latitude": 44.60900,
            "longitude": 2.03200,
        },
    )
    assert groups(frame) == [["r00", "r01"]]


def test_france_services_and_conseiller_numerique_in_one_building():
    frame = records(
        {
            "source": "france_services_2024",
            "nom": "France services de Figeac",
            "code_insee": "46102",
            "commune": "Figeac",
            "latitude": 44.6086,
            "longitude": 2.0317,
            "labels": ["France Services"],
        },
        {
            "source": "cnfs",
            "nom": "Maison des services publics du Grand-Figeac",
            "code_insee": "46102",
            "commune": "Figeac",
            "latitude": 44.6088,
            "longitude": 2.0319,
            "labels": ["Conseillers numériques", "France Services"],
        },
        # Another host in the same street, neither France Services nor a similar name: a
        # different place.
        {
            "source": "cnfs",
            "nom": "Association Regain",
            "code_insee": "46102",
            "commune": "Figeac",
            "latitude": 44.6089,
            "longitude": 2.0320,
            "labels": ["Conseillers numériques"],
        },
    )
    assert groups(frame) == [["r00", "r01"], ["r02"]]


def test_shared_identifier_and_siret_rules():
    frame = records(
        {
            "source": "cnfs",
            "source_id": "6259891c05457b0790817590",
            "nom": "Harmonie",
            "code_insee": "09122",
            "commune": "Foix",
            "latitude": 42.9638,
            "longitude": 1.6060,
        },
        {
            "source": "data_inclusion",
            "source_id": "6259891c05457b0790817590",
            "nom": "HARMONIE MUTUELLE",
            "code_insee": "09122",
            "commune": "Foix",
            "latitude": 42.9700,
            "longitude": 1.6100,
        },
        # Same SIRET, same town, unrelated names and far apart: two sites of one organisation.
        {
            "source": "rhinocc",
            "siret": "21090122900011",
            "nom": "Mairie de Foix",
            "code_insee": "09122",
            "commune": "Foix",
            "latitude": 42.9650,
            "longitude": 1.6050,
        },
        {
            "source": "rhinocc",
            "siret": "21090122900011",
            "nom": "Espace jeunes",
            "code_insee": "09122",
            "commune": "Foix",
            "latitude": 42.9500,
            "longitude": 1.6200,
        },
    )
    assert groups(frame) == [["r00", "r01"], ["r02"], ["r03"]]


def test_commune_level_record_joins_a_namesake_in_its_commune():
    frame = records(
        {
            "source": "rhinocc",
            "nom": "CCAS de Rodez",
            "code_insee": "12202",
            "commune": "Rodez",
            "latitude": 44.3506,
            "longitude": 2.5750,
        },
        {
            "source": "aidants_connect",
            "nom": "CCAS DE RODEZ",
            "code_insee": "12202",
            "commune": "Rodez",
            "latitude": 44.36,
            "longitude": 2.56,
            "location_precision": "postcode",
        },
        {
            "source": "aidants_connect",
            "nom": "CCAS de Millau",
            "code_insee": "12145",
            "commune": "Millau",
            "latitude": 44.10,
            "longitude": 3.08,
            "location_precision": "postcode",
        },
    )
    assert groups(frame) == [["r00", "r01"], ["r02"]]
