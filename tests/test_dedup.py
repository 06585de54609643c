"""The matcher on hand-made tricky cases (the real data's precision and recall: test_trusted_figures.py::
test_deduplication_meets_the_measured_bar and benchmarks/bench_dedup.py)."""

import pandas as pd

from rhinocc_dash.ingest.dedup import Override
from rhinocc_dash.ingest.lieux import build_lieux, labels_of
from rhinocc_dash.ingest.matching import (
    normalise_address,
    normalise_name,
    parse_address,
    street_within,
)

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
    return pd.DataFrame(
        [
            {**BASE, "record_id": f"r{i:02d}", "source_id": f"id{i}", **row}
            for i, row in enumerate(rows)
        ]
    )


def groups(frame, overrides=()):
    lieux, links, _ = build_lieux(frame, list(overrides))
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
    # The national lists: FANTOIR street types (CHE = chemin), NF Z10-011 titles (MAL = maréchal).
    assert normalise_address("1 CHE DE LA MESTRISE BP 36 09500 MIREPOIX") == normalise_address(
        "1 Chemin de la Mestrise"
    )
    assert normalise_address("12 AV DU MAL FOCH") == normalise_address("12 avenue du Maréchal Foch")
    assert normalise_address("Route de Sarrant") == ""  # no street number: not an address key
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


def place(**row):
    return {"code_insee": "31555", "commune": "Toulouse", "source": "rhinocc", **row}


def test_two_sites_of_the_official_list_are_never_one_lieu():
    frame = records(
        place(
            source="france_services_2024",
            nom="France services de Mende",
            adresse="1 rue du Faubourg",
            latitude=44.5180,
            longitude=3.5000,
        ),
        place(
            source="france_services_2024",
            nom="France services itinérante de Lozère",
            adresse="1 rue du Faubourg",
            latitude=44.5180,
            longitude=3.5001,
        ),
    )
    assert groups(frame) == [["r00"], ["r01"]]


def test_a_chain_never_joins_places_far_apart():
    """Two social centres 7 km apart, a record naming both at one of the addresses, and a commune-level
    record close in name to the other: the lieu cannot stretch over both centres."""
    frame = records(
        place(
            nom="Centre social Bellefontaine",
            adresse="3 impasse Foulquier",
            latitude=43.5654,
            longitude=1.4022,
        ),
        place(
            nom="Centre social Jolimont",
            adresse="11 avenue de l'Observatoire",
            latitude=43.6135,
            longitude=1.4625,
        ),
        place(
            source="cnfs",
            nom="Centre social Bellefontaine et Jolimont",
            adresse="11 avenue de l'Observatoire",
            latitude=43.6135,
            longitude=1.4625,
        ),
        place(
            source="aidants_connect",
            nom="Centre social Bellefontaine et Jolimont",
            adresse="3 impasse Foulquier",
            latitude=43.60,
            longitude=1.43,
            location_precision="postcode",
        ),
    )
    result = groups(frame)
    assert not any({"r00", "r01"} <= set(g) for g in result)
    assert ["r01", "r02"] in result  # same address: the bridging record joins one centre


def test_name_similarity_ignores_the_commune_name():
    frame = records(
        place(
            code_insee="81065",
            commune="Castres",
            nom="CCAS de Castres",
            siret="21810065400012",
            latitude=43.6060,
            longitude=2.2400,
        ),
        place(
            code_insee="81065",
            commune="Castres",
            nom="PIJ / Cyber-base de Castres",
            siret="21810065400012",
            latitude=43.6000,
            longitude=2.2500,
        ),
    )
    assert groups(frame) == [["r00"], ["r01"]]


def test_town_hall_under_two_names_at_one_address():
    frame = records(
        place(
            code_insee="09193",
            commune="Mirepoix",
            nom="Mairie de Mirepoix",
            adresse="1 CHE DE LA MESTRISE",
            latitude=43.0880,
            longitude=1.8740,
        ),
        place(
            source="cnfs",
            code_insee="09193",
            commune="Mirepoix",
            nom="Commune de Mirepoix",
            adresse="1 Chemin de la Mestrise",
            latitude=43.0884,
            longitude=1.8745,
        ),
    )
    assert groups(frame) == [["r00", "r01"]]


def test_coordinator_decisions_win_and_survive():
    frame = records(
        place(nom="Espace numérique", adresse="5 rue Alsace", latitude=43.60, longitude=1.44),
        place(
            source="cnfs",
            nom="Espace numérique",
            adresse="5 rue Alsace",
            latitude=43.60,
            longitude=1.44,
        ),
        place(
            source="cnfs",
            nom="Tiers-lieu du quartier",
            adresse="9 rue Bayard",
            latitude=43.62,
            longitude=1.46,
        ),
    )
    assert groups(frame) == [["r00", "r01"], ["r02"]]
    apart = Override(("rhinocc", "id0"), ("cnfs", "id1"), same=False)
    together = Override(("rhinocc", "id0"), ("cnfs", "id2"), same=True)
    assert groups(frame, [apart, together]) == [["r00", "r02"], ["r01"]]


def test_official_label_only_from_the_official_list():
    labels, declared = labels_of(
        [
            {"source": "cnfs", "labels": ["Conseillers numériques", "France Services"]},
            {"source": "rhinocc", "labels": ["France Services", "APTIC"]},
        ]
    )
    assert labels == ["Conseillers numériques", "APTIC"]
    assert declared == [
        {"label": "France Services", "source": "cnfs"},
        {"label": "France Services", "source": "rhinocc"},
    ]
    labels, declared = labels_of(
        [
            {"source": "france_services_2024", "labels": ["France Services"]},
            {"source": "rhinocc", "labels": ["France Services"]},
        ]
    )
    assert labels == ["France Services"] and declared == []


def test_street_written_inside_another_address():
    """Street-type codes expanded wherever they stand; the street typed and of two words at least."""
    inside = parse_address("Espace Paulhan av de la résistance")
    assert street_within(parse_address("AV DE LA RESISTANCE"), inside)
    assert street_within(parse_address("RTE D'UZES"), parse_address("120 Route d'Uzès Prolongée"))
    assert not street_within(parse_address("rue de la Résistance"), inside)
    assert not street_within(parse_address("Paulhan"), inside)


def test_building_and_street_in_another_order_with_codes_expanded():
    """One address written « building, av street » and « AV street building »: one lieu whatever the
    names; the words of a street alone in another order need names alike."""
    frame = records(
        place(
            source="france_services_2024",
            nom="France services l'Oustal",
            adresse="Espace Paulhan av de la résistance",
            latitude=43.6000,
            longitude=1.4400,
        ),
        place(
            nom="Centre social et socioculturel",
            adresse="AV DE LA RESISTANCE ESPACE PAULHAN",
            latitude=43.6003,
            longitude=1.4405,
            location_precision="street",
        ),
        place(
            nom="CCAS",
            adresse="rue Juliette et Edouard Massal",
            latitude=43.6200,
            longitude=1.4600,
            location_precision="street",
        ),
        place(
            source="cnfs",
            nom="Relais numérique itinérant APIJE",
            adresse="rue Edouard et Juliette Massal",
            latitude=43.6200,
            longitude=1.4600,
            location_precision="street",
        ),
    )
    assert groups(frame) == [["r00", "r01"], ["r02"], ["r03"]]


def test_an_address_without_number_explains_a_distance_along_its_street():
    """Two points 700 m apart, both « address », one without a house number on the street the other
    names: its point locates the street only, so one lieu; beyond STREET_SPREAD_M, never."""
    near = records(
        place(
            source="france_services_2024",
            nom="France services Pyrénées catalanes",
            adresse="Col de la Quillane",
            latitude=43.6000,
            longitude=1.4400,
        ),
        place(
            source="cnfs",
            nom="France services Pyrénées catalanes",
            adresse="COL DE LA QUILLANE",
            latitude=43.6063,
            longitude=1.4400,
        ),
    )
    assert groups(near) == [["r00", "r01"]]
    far = near.copy()
    far.loc[1, "latitude"] = 43.6200  # 2.2 km
    assert groups(far) == [["r00"], ["r01"]]
