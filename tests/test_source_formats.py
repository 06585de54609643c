"""Declared sources, readers by format, recognition by schema, the national standard in and out."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from rhinocc_dash.analysis import service
from rhinocc_dash.ingest import build, formats, overlay, recognise, snapshots
from rhinocc_dash.ingest.catalog import VENUE_FILES
from rhinocc_dash.ingest.matching import parse_address, same_address, similar_address
from rhinocc_dash.shared import sources_manifest, vocab
from rhinocc_dash.views.standard import to_standard, to_standard_csv

DATA = Path(__file__).parent / "data"
GOGOCARTO = DATA / "gogocarto_elements.json"
EXAMPLE_V1 = "venues/schemas/standard-mediation-num_exemple-valide_v1.csv"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
NATIONAL = {"France Services", "Conseillers numériques", "Aidants Connect"}


def test_manifest_declares_the_six_sources_with_their_roles():
    declared = {e.key: e for e in VENUE_FILES}
    assert list(declared) == [
        "rhinocc",
        "france_services_2024",
        "france_services_2022",
        "cnfs",
        "data_inclusion",
        "aidants_connect",
    ]
    assert declared["france_services_2022"].role == sources_manifest.ROLE_HISTORICAL
    assert sources_manifest.OFFICIAL["France Services"] == ("france_services_2024",)
    assert all(e.format in formats.READERS and e.producer and e.licence for e in VENUE_FILES)


def test_a_bad_manifest_is_refused_in_french(tmp_path):
    path = tmp_path / "region_sources.toml"
    path.write_text(
        '[[source]]\nkey = "x"\npath = "a.csv"\ntitle = "X"\nproducer = "P"\n'
        'vintage = "2025"\nlicence = "L"\nformat = "tableur"\nrole = "lieux"\n'
    )
    with pytest.raises(sources_manifest.ManifestError, match="format « tableur » inconnu"):
        sources_manifest.load(path)


def _samples(sources: Path) -> list[tuple[Path, str]]:
    files = [(e.locate(sources), e.format) for e in VENUE_FILES]
    return [*files, (sources / EXAMPLE_V1, "standard_v1"), (GOGOCARTO, "gogocarto")]


def test_every_non_empty_column_is_read_or_explicitly_ignored(sources):
    """For every reader, each non-empty column of its sample files is read, or ignored with a
    reason of its own (never « colonne inconnue »)."""
    checked = 0
    for path, source_format in _samples(sources):
        found = recognise.recognise(path, path.name)
        assert found.source_format == source_format, (path.name, found.message)
        rows = recognise._rows(recognise.Recognition(path, path.name))
        accounted = {column: (status, why) for column, status, why in found.report}
        for column in formats.columns_of(rows):
            if not formats.non_empty(rows, column):
                continue
            status, why = accounted[column]
            assert why != "colonne inconnue du format", (path.name, column)
            checked += 1
    assert checked > 150


def test_v1_files_are_recognised_as_v1_and_v01_as_v01(sources):
    v01 = recognise.recognise(sources / VENUE_FILES[4].path, "data-inclusion.json")
    assert v01.source_format == "data_inclusion_v01" and v01.key == "data_inclusion"
    example = recognise.recognise(sources / EXAMPLE_V1, "exemple.csv")
    assert example.source_format == "standard_v1" and example.key is None
    report = {column: status for column, status, _ in example.report}
    assert len(report) == 32 and report["services"] == "lue" and report["prise_rdv"] == "ignorée"


def test_gogocarto_elements_are_read_with_the_national_mapping():
    rows = recognise._rows(recognise.Recognition(GOGOCARTO, GOGOCARTO.name))
    drafts = [formats.READERS["gogocarto"](row) for row in rows]
    assert len(drafts) == 2
    first, second = drafts
    assert first["services"] == [vocab.S_ADMIN, vocab.S_OUTILS, vocab.S_ACCES]
    assert first["publics"] == [vocab.P_JEUNES, vocab.P_SENIORS]
    assert first["labels"] == ["Point d'accès numérique CAF"]
    assert first["adresse"] == "12 rue de l'Essai" and first["siret"] == "12345678900011"
    assert first["hours"].osm == "Mo,Sa 09:00-12:00; We 14:00-18:00"
    assert first["date_text"] == "2025-11-03" and first["type_lieu"] == "ASSO, CAF"
    assert second["services"] == [vocab.S_LOISIRS] and second["labels"] == [vocab.L_TIERS_LIEU]


def _refused_by_publish(path: Path, snapshots: Path) -> str:
    """The CLI's answer to `publish --file path` (must refuse, publish nothing)."""
    env = {"RHINOCC_SNAPSHOTS": str(snapshots), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "rhinocc_dash.cli",
            "publish",
            "--file",
            str(path),
            "--comment",
            "x",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert not snapshots.exists() or not any(p.name[0].isdigit() for p in snapshots.iterdir())
    return done.stderr


def _v1_rows(sources: Path) -> tuple[list[str], dict]:
    with open(sources / EXAMPLE_V1, encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), next(reader)


def _write_csv(path: Path, fields: list[str], rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_bad_inputs_are_refused_naming_the_file_and_nothing_is_published(sources, tmp_path):
    fields, example = _v1_rows(sources)
    occitanie = dict(example, commune="Toulouse", code_postal="31000", code_insee="31555")
    cases = {
        "service_inconnu.csv": (
            [dict(occitanie, services="Aide aux démarches administratives|Cours de cuisine")],
            fields,
            "valeur inconnue du standard v1 dans « services » : « Cours de cuisine »",
        ),
        "autre_region.csv": ([example], fields, "aucune de ses lignes (1) n'est dans la région"),
        "deux_formats.csv": (
            [dict(occitanie, structureId="x")],
            ["id", "pivot", "nom", "adresse", "date_maj", "structureId", "code_postal"],
            "fichier ambigu",
        ),
    }
    messages = {}
    for name, (rows, columns, expected) in cases.items():
        path = _write_csv(
            tmp_path / name, columns, [{c: r.get(c, "") for c in columns} for r in rows]
        )
        found = recognise.recognise(path, name)
        assert not found.ok and expected in found.message and name in found.message
        messages[name] = found
    assert messages["deux_formats.csv"].candidates == ["standard_v1", "cnfs"]
    data = json.loads(GOGOCARTO.read_text(encoding="utf-8"))
    for element in data["data"]:
        element.pop("geo")
    no_geo = tmp_path / "sans_geo.json"
    no_geo.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    found = recognise.recognise(no_geo, no_geo.name)
    assert not found.ok and "sans_geo.json" in found.message and "« geo » manque" in found.message
    stderr = _refused_by_publish(no_geo, tmp_path / "versions")
    assert "sans_geo.json" in stderr and "« geo » manque" in stderr


def test_round_trip_of_the_national_standard_export(warehouse, sources, tmp_path):
    """The Annuaire's export in the standard, brought back as a new source: no lieu added, every
    lieu keeps its identifier and its fields; each row read back as it was written."""
    before = duckdb.connect(str(warehouse), read_only=True)
    try:
        lieux = service.lieux(before)
        frame, _ = to_standard(lieux, *service.standard_inputs(before))
        columns = "lieu_id, services, publics, labels, courriel, horaires, nom"
        old = before.execute(f"SELECT {columns} FROM lieux ORDER BY lieu_id").df()
    finally:
        before.close()
    exported = tmp_path / "lieux-mediation-numerique-occitanie.csv"
    exported.write_bytes(to_standard_csv(frame))
    found = recognise.recognise(exported, exported.name)
    assert found.ok and found.is_new and found.source_format == "standard_v1", found.message
    entry = overlay.added_entry("annuaire_standard", found.source_format, found.vintage, "Annuaire")
    added = tmp_path / "ajouts"
    (added / overlay.ADDED_FOLDER).mkdir(parents=True)
    shutil.copyfile(recognise.normalise(found, tmp_path), added / entry["path"])
    merged = overlay.merge(sources, added, tmp_path / "merged", {}, [entry], [])
    db = tmp_path / "aller-retour.duckdb"
    build(merged, db)
    after = duckdb.connect(str(db), read_only=True)
    try:
        new = after.execute(f"SELECT {columns} FROM lieux ORDER BY lieu_id").df()
        records = after.execute(
            "SELECT source_id, services, publics, labels, coalesce(courriel, '') AS courriel, "
            "coalesce(horaires, '') AS horaires FROM venue_records "
            "WHERE source = 'annuaire_standard'"
        ).df()
    finally:
        after.close()
    assert len(frame) > 1400 and len(records) == len(frame)
    assert len(new) == len(old) and new["lieu_id"].tolist() == old["lieu_id"].tolist()
    for column in ("services", "publics", "labels"):
        assert new[column].map(list).tolist() == old[column].map(list).tolist(), column
    for column in ("courriel", "horaires", "nom"):
        assert new[column].fillna("").tolist() == old[column].fillna("").tolist(), column
    written = frame.set_index("id")
    for record in records.to_dict("records"):
        row = written.loc[record["source_id"]]
        assert "|".join(record["services"]) == row["services"]
        assert "|".join(record["publics"]) == row["publics_specifiquement_adresses"]
        dispositifs = [x for x in record["labels"] if x in NATIONAL]
        assert "|".join(dispositifs) == row["dispositif_programmes_nationaux"]
        assert record["courriel"] == row["courriels"]
        assert record["horaires"] == row["horaires"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("15, place dAstarac", "15 place d’Astarac", "same"),
        ("8 GRAND RUE", "8 Grande Rue", "same"),
        ("4 Boulevard Bergougnan", "4 boulevard Raymond Bergougnan", "variante"),
        ("5 RUE DES PELERINS", "5 Chemin des Pèlerins", "variante"),
        ("104 Esplanade Hélios", "104 place Helios", "variante"),
        ("27 bis allée Maurice Sarraut", "27 bis Allées Maurice Sarraut", "orthographe"),
        ("9 rue françois faugère", "9 Rue François Faugères", "orthographe"),
        ("32 RUE DE LISIEUX", "32 RUE DES JUMEAUX", None),
        ("3 impasse Foulquier", "3 rue du faubourg bonnefoy", None),
        ("4 rue de la Gare", "5 rue de la Gare", None),
    ],
)
def test_one_address_written_two_ways(a, b, expected):
    first, second = parse_address(a), parse_address(b)
    if expected == "same":
        assert same_address(first, second)
    else:
        assert not same_address(first, second)
        assert similar_address(first, second) == expected


def test_a_source_is_added_and_another_retired_from_the_cli(sources, tmp_path):
    """`publish --add` brings a GoGoCarto file in as a new source and `--retire` stops reading one;
    the published version records both and `sources` lists them."""
    folder = tmp_path / "versions"
    env = {**os.environ, "RHINOCC_SNAPSHOTS": str(folder), "RHINOCC_SOURCES": str(sources)}
    command = [sys.executable, "-m", "rhinocc_dash.cli"]
    published = subprocess.run(
        [
            *command,
            "publish",
            "--file",
            str(GOGOCARTO),
            "--add",
            "carte_hub",
            "--title",
            "Carte du hub",
            "--retire",
            "aidants_connect",
            "--comment",
            "essai",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert published.returncode == 0, published.stderr
    version = snapshots.current_version(folder)
    record = snapshots.manifest(folder, version)
    assert list(record["added_sources"]) == ["carte_hub"]
    assert record["retired_sources"] == ["aidants_connect"]
    keys = {f["key"]: f for f in record["files"]}
    assert keys["carte_hub"]["rows_accepted"] == 2 and keys["carte_hub"]["origin"] == "ajouté"
    assert "aidants_connect" not in keys
    listing = subprocess.run(
        [*command, "sources"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    ).stdout
    assert "carte_hub" in listing and "Carte du hub" in listing and "retirée" in listing
    refused = subprocess.run(
        [*command, "publish", "--retire", "inconnue", "--comment", "x"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 2 and "Source « inconnue » inconnue" in refused.stderr
    assert snapshots.current_version(folder) == version
