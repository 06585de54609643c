import json
from pathlib import Path

from rhinocc_dash.ingest.venue_sources import rhinocc
from rhinocc_dash.shared import vocab


def test_rhinocc_codes_map_onto_national_services():
    draft = rhinocc(
        {
            "nom": "x",
            "codes_types_mediations": "ORDM-ACCDA-W",
            "code_label": "TL-APTIC",
            "codes_publics": "J-SEN",
        }
    )
    assert draft["services"] == [vocab.S_ADMIN, vocab.S_OUTILS, vocab.S_ACCES]
    assert draft["labels"] == [vocab.L_APTIC, vocab.L_TIERS_LIEU]
    assert draft["publics"] == [vocab.P_JEUNES, vocab.P_SENIORS]


def test_unknown_codes_are_reported():
    terms, unknown = vocab.map_terms(
        ["ORD", "ZZZ"], vocab.RHINOCC_SERVICES, key=vocab.rhinocc_code_key
    )
    assert terms == [vocab.S_ACCES] and unknown == ["ZZZ"]


def test_services_are_the_standard_values(sources):
    schema = json.loads(
        Path(sources, "venues/schemas/standard-mediation-num_schema_v1.0.2.json").read_text()
    )
    field = next(f for f in schema["fields"] if f["name"] == "services")
    assert len(vocab.SERVICES) >= 5
    for service in vocab.SERVICES:
        assert service in field["constraints"]["pattern"]
