"""Published snapshots on the real sources: first publication, an update in another column layout
(rows added, removed, changed), the exact comparison, roll-back to identical figures, refusals, a
killed publication, serialised publications, and a running app that sees each switch."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest
from support.update_flow import old_layout_rhinocc

from rhinocc_dash import texts, warehouse
from rhinocc_dash.analysis import service
from rhinocc_dash.ingest import publication, recognise, snapshots
from rhinocc_dash.shared import audit
from rhinocc_dash.shared.config import PROJECT_ROOT
from rhinocc_dash.shared.formatting import fmt_int

RHINOCC = "venues/rhinocc_2022-12_lieux_occitanie_geocoded.csv"
FRANCE_SERVICES = "venues/france-services_2024-08-01_occitanie.csv"


def figures(db: Path) -> dict:
    """Every figure a page shows from a warehouse, as plain values (to compare two versions)."""
    con = warehouse.connect_read_only(db)
    try:
        table, region = service.departement_coverage(con)
        return {
            "home": service.home_figures(con),
            "coverage": table.round(9).to_dict("records"),
            "region": {k: round(v, 9) if isinstance(v, float) else v for k, v in region.items()},
            "lieux": sorted(warehouse.run(con, "map_lieux")["lieu_id"]),
        }
    finally:
        con.close()


def france_services_geojson(sources: Path, target: Path) -> None:
    """The France Services list as GeoJSON, two sites fewer and one renamed."""
    with open(sources / FRANCE_SERVICES, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[2:]
    rows[0]["lib_fs"] = "France services renommée pour l'essai"
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(r.pop("longitude")), float(r.pop("latitude"))],
            },
            "properties": r,
        }
        for r in rows
    ]
    target.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")


@pytest.fixture(scope="module")
def published(sources, tmp_path_factory):
    folder = tmp_path_factory.mktemp("snapshots")
    first_db = publication.ensure_current(folder, sources)
    first = snapshots.current_version(folder)
    work = tmp_path_factory.mktemp("uploads")
    old_layout_rhinocc(sources, work / "rhinocc_2023-06_export.csv")
    france_services_geojson(sources, work / "france-services_2025-03-01.geojson")
    uploads, vintages = {}, {}
    for path in sorted(work.iterdir()):
        found = recognise.recognise(path, path.name)
        assert found.ok, found.message
        uploads[found.key] = (recognise.normalise(found, work), path.name)
        vintages[found.key] = found.vintage
    staged = publication.stage(folder, sources, uploads, vintages)
    con_old, con_new = (warehouse.connect_read_only(db) for db in (first_db, staged.db))
    comparison = service.compare_warehouses(con_old, con_new)
    con_old.close()
    con_new.close()
    record = publication.publish(folder, staged, "essai", "Mise à jour d'essai", sources)
    return {
        "folder": folder,
        "first": first,
        "first_db": first_db,
        "second": record,
        "comparison": comparison,
        "work": work,
    }


def test_first_publication_from_the_sources_folder(published):
    record = snapshots.manifest(published["folder"], published["first"])
    assert record["published_by"] == "système" and record["parent"] is None
    assert len(record["files"]) == 20 and all(f["sha256"] for f in record["files"])
    assert record["lieux"] == sum(record["lieux_par_departement"].values())


def test_update_in_other_layouts_is_recognised_and_versioned(published):
    record = published["second"]
    assert snapshots.current_version(published["folder"]) == record["version"]
    assert record["parent"] == published["first"]
    assert set(record["replacements"]) == {"rhinocc", "france_services_2024"}
    assert record["vintages"] == {"rhinocc": "2023-06", "france_services_2024": "2025-03-01"}
    files = {f["key"]: f for f in record["files"]}
    assert files["rhinocc"]["vintage"] == "2023-06" and files["rhinocc"]["origin"] == "remplacé"
    assert files["rhinocc"]["rows_read"] == 838
    assert files["france_services_2024"]["rows_read"] == 371
    # the previous snapshot is untouched
    assert (
        snapshots.manifest(published["folder"], published["first"])["lieux"]
        == figures(published["first_db"])["home"]["lieux"]
    )


def test_comparison_counts_are_exact(published):
    by_source = published["comparison"].by_source.set_index("source")
    assert by_source.loc["rhinocc", ["ajoutees", "retirees", "modifiees"]].tolist() == [3, 10, 5]
    assert by_source.loc[
        "france_services_2024", ["ajoutees", "retirees", "modifiees"]
    ].tolist() == [
        0,
        2,
        1,
    ]
    assert (
        by_source.drop(["rhinocc", "france_services_2024"])[["ajoutees", "retirees", "modifiees"]]
        .sum()
        .sum()
        == 0
    )
    changed = published["comparison"].changed_records
    assert set(changed["champs"]) == {"nom"}
    comparison = published["comparison"]
    lieux = comparison.figures.set_index("indicateur").loc["lieux"]
    assert lieux["apres"] - lieux["avant"] == len(comparison.added) - len(comparison.removed)
    per_dep = comparison.per_departement
    assert (per_dep["lieux_apres"] - per_dep["lieux_avant"]).sum() == lieux["apres"] - lieux[
        "avant"
    ]


def test_roll_back_restores_every_figure(published):
    folder = published["folder"]
    before = figures(published["first_db"])
    snapshots.rollback(folder, published["first"], "essai")
    assert snapshots.current_db(folder) == published["first_db"]
    assert figures(snapshots.current_db(folder)) == before
    log = audit.events(folder)
    assert [e["action"] for e in log][-2:] == ["publication", "retour_arriere"]
    snapshots.rollback(folder, published["second"]["version"], "essai")
    with pytest.raises(snapshots.SnapshotError):
        snapshots.rollback(folder, "2000-01-01T00-00-00Z", "essai")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image PNG"),
        ("vide.csv", b"", "vide"),
        ("autre.csv", b"a;b;c\n1;2;3\n", "Colonnes non reconnues"),
        ("entete.csv", b"n_ref,nom,lat,lon\n", "Aucune ligne"),
        ("objet.json", b'{"nom": "x"}', "ni une liste"),
        ("casse.json", b'[{"nom": ', "JSON invalide"),
    ],
)
def test_wrong_files_are_refused_with_a_reason(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    found = recognise.recognise(path, name)
    assert not found.ok and expected in found.message


def test_a_50_mb_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "enorme.csv"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    found = recognise.recognise(path, path.name)
    assert not found.ok and "trop gros" in found.message


def test_cp1252_export_is_read(tmp_path, sources):
    text = (sources / RHINOCC).read_text(encoding="utf-8")
    path = tmp_path / "rhinocc.csv"
    path.write_bytes(text.encode("cp1252", errors="replace"))
    found = recognise.recognise(path, path.name)
    assert found.ok and found.key == "rhinocc" and found.encoding != "utf-8"


def test_another_regions_list_is_refused_and_current_untouched(published, sources, tmp_path):
    folder = published["folder"]
    current = snapshots.current_version(folder)
    with open(sources / FRANCE_SERVICES, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    path = tmp_path / "france-services_2025-01-01_bretagne.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow(dict(row, insee_dep="29", insee_com="29019", code_postal="29200"))
    found = recognise.recognise(path, path.name)
    with pytest.raises(snapshots.SnapshotError, match="hors de la région|aucune des 373 lignes"):
        publication.stage(folder, sources, {found.key: (path, path.name)}, {})
    assert snapshots.current_version(folder) == current
    assert not list((folder / snapshots.STAGING).glob("2*"))


def test_an_update_that_loses_most_rows_is_refused(published, sources, tmp_path):
    """Compared with the published version (not with an empty candidate): a RhinOcc export cut to 40
    rows would drop most of the directory."""
    folder = published["folder"]
    current = snapshots.current_version(folder)
    full = published["work"] / "rhinocc_2023-06_export.csv"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "rhinocc_2023-07_export.csv"
    path.write_text("".join(lines[:41]), encoding="utf-8")
    found = recognise.recognise(path, path.name)
    assert found.ok, found.message
    upload = recognise.normalise(found, tmp_path)
    with pytest.raises(snapshots.SnapshotError, match="la plupart des lignes ont disparu"):
        publication.stage(folder, sources, {found.key: (upload, path.name)}, {})
    assert snapshots.current_version(folder) == current


def test_concurrent_publications_are_serialised(published, sources):
    """Two candidates from the same version: the first published wins, the second is refused
    (never interleaved); builds wait for each other behind the lock."""
    folder = published["folder"]
    first = publication.stage(folder, sources)
    second = publication.stage(folder, sources)
    publication.publish(folder, first, "a", "premier", sources)
    with pytest.raises(snapshots.SnapshotError, match="a changé"):
        publication.publish(folder, second, "b", "second", sources)
    publication.discard(second)


def test_killed_publication_leaves_current_serving(published, sources):
    folder = published["folder"]
    current, listed = snapshots.current_version(folder), snapshots.list_snapshots(folder)
    env = {**os.environ, "RHINOCC_SNAPSHOTS": str(folder), "RHINOCC_SOURCES": str(sources)}
    process = subprocess.Popen(
        [sys.executable, "-m", "rhinocc_dash.cli", "publish", "--comment", "tuée"],
        cwd=PROJECT_ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait for the build to write its staging folder
        line = process.stderr.readline()
        if "Lieux" in line:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert snapshots.current_version(folder) == current
    assert snapshots.list_snapshots(folder) == listed
    con = duckdb.connect(str(snapshots.current_db(folder)), read_only=True)
    assert con.execute("SELECT count(*) FROM lieux").fetchone()[0] > 0
    con.close()
    with snapshots.lock(folder):
        removed = snapshots.clean_orphans(folder)
    assert removed and not list((folder / snapshots.STAGING).glob("2*"))


def test_running_app_sees_each_switch(published, monkeypatch):
    folder = published["folder"]
    monkeypatch.delenv("RHINOCC_DB", raising=False)
    monkeypatch.setenv("RHINOCC_SNAPSHOTS", str(folder))
    versions = [m["version"] for m in snapshots.list_snapshots(folder)]
    for version in (published["first"], versions[-1]):
        snapshots.rollback(folder, version, "essai")
        at = AppTest.from_file("../pages/accueil.py", default_timeout=120).run()
        lieux = next(m.value for m in at.metric if m.label == texts.accueil.METRIC_LIEUX)
        assert lieux == fmt_int(snapshots.manifest(folder, version)["lieux"])


def test_cli_lists_and_rolls_back(published):
    env = {**os.environ, "RHINOCC_SNAPSHOTS": str(published["folder"])}
    listing = subprocess.run(
        [sys.executable, "-m", "rhinocc_dash.cli", "snapshots"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert published["first"] in listing and "Mise à jour d'essai" in listing
    refused = subprocess.run(
        [sys.executable, "-m", "rhinocc_dash.cli", "rollback", "inconnue"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 2 and "Version inconnue" in refused.stderr
