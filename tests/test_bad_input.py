"""Bad input never crashes and never passes in silence (issue 15).

Every case of `bad_input_cases.CASES` (a damaged copy of the real sources folder) is run where the
defect is handled: a venue file through the build's venue stage (read, quarantine, source status and
the refusal message the build raises), anything else through a whole build. A representative case of
each kind of outcome is also run as a whole build. With RHINOCC_FULL_CORPUS=1 every case is run as a
whole build (about 4 minutes).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from bad_input_cases import CASES, Refused, case_folder, copy_sources

from rhinocc_dash import cli
from rhinocc_dash.analysis import source_status
from rhinocc_dash.ingest import BuildError, build, status
from rhinocc_dash.ingest import pipeline as build_module
from rhinocc_dash.ingest.catalog import BY_KEY
from rhinocc_dash.ingest.errors import WarehouseUnwritable
from rhinocc_dash.ingest.venues import read_venue_source

FULL_CORPUS = os.environ.get("RHINOCC_FULL_CORPUS") == "1"
# Whole builds in the default run: one of each kind of outcome on a venue file (every case on the
# other files is a whole build anyway).
WHOLE_BUILD = {
    "utf8_invalide_une_ligne",
    "tronque_de_moitie",
    "tronque_de_moitie_accepte",
    "deux_colonnes_nom",
    "json_invalide_cnfs",
}


def at_venue_stage(case) -> bool:
    return case.key in status.VENUE_KEYS and case.id not in ("dossier", "fifo", "fichiers_inconnus")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def pristine(sources, tmp_path_factory) -> Path:
    """One copy of the real files per session; each case links to it and rewrites one file."""
    return copy_sources(sources, tmp_path_factory.mktemp("pristine") / "sources")


@pytest.fixture(scope="session")
def real(warehouse, con):
    """The real build's figures per venue source: accepted rows, quarantine reasons, previous counts."""
    accepted = dict(con.execute("SELECT source, rows_accepted FROM source_stats").fetchall())
    quarantined = Counter(
        {
            (s, c): n
            for s, c, n in con.execute(
                "SELECT source, reason_code, count(*) FROM quarantine GROUP BY ALL"
            ).fetchall()
        }
    )
    return accepted, quarantined, status.previous_counts(warehouse), warehouse


def venue_stage(case, folder: Path, territory, previous):
    """What the build does with the damaged venue file: its result, status row and refusal text."""
    entry = BY_KEY[case.key]
    result = read_venue_source(entry, entry.locate(folder), territory)
    frame = status.source_status(folder, [result], {}, previous)
    row = frame[frame["key"] == case.key]
    return result, row, status.refusal(status.incomplete(row))


def assert_fragments(message: str, fragments) -> None:
    assert fragments, message  # a refusal case names what its message must say
    for fragment in fragments:
        assert fragment.lower() in message.lower(), (fragment, message)


def stage_records(result) -> duckdb.DuckDBPyConnection:
    """The accepted records of one source, queryable as the warehouse's `venue_records`."""
    frame = pd.DataFrame(result.records)
    frame["date_maj"] = pd.to_datetime(frame["date_maj"])
    con = duckdb.connect()
    con.register(
        "venue_records", frame[["source", "source_row", "nom", "latitude", "longitude", "date_maj"]]
    )
    return con


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case(case, pristine, territory, real, tmp_path, con):
    """Each case: a clear French message, or rows that all add up with the expected reasons."""
    folder = case_folder(pristine, tmp_path / "sources", case)
    if not at_venue_stage(case):
        run_whole_build(case, folder, tmp_path, real, con)
        return
    accepted, _, previous, _ = real
    result, row, refusal = venue_stage(case, folder, territory, previous)
    assert result.rows_in_file == (
        result.rows_outside_region + len(result.records) + len(result.quarantine)
    )
    if isinstance(case.expect, Refused):
        assert row.iloc[0]["status"] != "present"
        assert_fragments(refusal, case.expect.fragments)
        assert len(refusal.splitlines()) == 1
        return
    expect = case.expect
    assert row.iloc[0]["status"] == expect.status, row.iloc[0]["reason"]
    if expect.accepted is not None:
        assert len(result.records) == accepted[case.key] * expect.scale + expect.accepted
    reasons = Counter(q["reason_code"] for q in result.quarantine)
    for code, rows in expect.quarantined.items():
        assert reasons[code] == rows, code
    for flag, at_least in expect.flags.items():
        assert sum(flag in r["flags"] for r in result.records) >= at_least, flag
    if expect.check:
        expect.check(stage_records(result), con)


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if at_venue_stage(c) and (FULL_CORPUS or c.id in WHOLE_BUILD)],
    ids=lambda c: c.id,
)
def test_whole_build(case, pristine, real, tmp_path, con):
    run_whole_build(case, case_folder(pristine, tmp_path / "sources", case), tmp_path, real, con)


def run_whole_build(case, folder: Path, tmp_path: Path, real, con) -> None:
    """The build on the damaged folder, over a copy of the real warehouse (the previous build)."""
    db = tmp_path / "rhinocc.duckdb"
    shutil.copyfile(real[3], db)
    before = sha256(db)
    if isinstance(case.expect, Refused):
        with pytest.raises(BuildError) as error:
            build(folder, db, allow_partial=case.allow_partial)
        message = str(error.value)
        assert_fragments(message, case.expect.fragments)
        assert len(message.splitlines()) == 1, message
        assert sha256(db) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["rhinocc.duckdb", "sources"]
        return
    build(folder, db, allow_partial=case.allow_partial)
    built = duckdb.connect(str(db), read_only=True)
    try:
        check_built(case, built, real, con)
    finally:
        built.close()


def check_built(case, built, real, con) -> None:
    accepted = real[0]
    stats = built.execute(
        "SELECT source, rows_in_file, rows_outside_region, rows_read, rows_accepted, "
        "rows_quarantined FROM source_stats"
    ).fetchall()
    for source, in_file, outside, read, ok, set_aside in stats:
        assert in_file == outside + read and read == ok + set_aside, source
        assert (
            ok
            == built.execute(
                "SELECT count(*) FROM venue_records WHERE source = ?", [source]
            ).fetchone()[0]
        )
        assert (
            set_aside
            == built.execute(
                "SELECT count(*) FROM quarantine WHERE source = ?", [source]
            ).fetchone()[0]
        )
    expect = case.expect
    row = built.execute(
        "SELECT status, rows_accepted, reason FROM source_status WHERE key = ?", [case.key]
    ).fetchone()
    assert row[0] == expect.status, row
    if case.key in accepted and expect.accepted is not None:
        assert row[1] == accepted[case.key] * expect.scale + expect.accepted
    reasons = dict(
        built.execute(
            "SELECT reason_code, count(*) FROM quarantine WHERE source = ? GROUP BY ALL",
            [case.key],
        ).fetchall()
    )
    for code, rows in expect.quarantined.items():
        assert reasons.get(code) == rows, code
    for flag, at_least in expect.flags.items():
        flagged = built.execute(
            "SELECT count(*) FROM venue_records WHERE source = ? AND list_contains(flags, ?)",
            [case.key, flag],
        ).fetchone()[0]
        assert flagged >= at_least, flag
    if expect.check:
        expect.check(built, con)


def test_corpus_covers_every_defect_of_the_issue():
    ids = {c.id for c in CASES}
    assert len(CASES) >= 49 and len(ids) == len(CASES)
    for needed in (
        "communes_json_invalide",
        "qpv_lignes",
        "population_non_numerique",
        "colonne_code_epci_absente",
        "json_invalide_cnfs",
        "vide",
        "entete_seul",
        "deux_colonnes_nom",
        "champ_200_ko",
        "objet_au_lieu_de_liste",
        "utf8_invalide_une_ligne",
        "tronque_en_cours_de_ligne",
        "filosofi_non_numerique",
        "date_2099",
        "date_fevrier_2030",
        "x100_lignes_dupliquees",
    ):
        assert needed in ids


@pytest.fixture(scope="module")
def partial_warehouse(pristine, tmp_path_factory, warehouse) -> Path:
    """A warehouse built with --allow-partial from a folder whose RhinOcc file is empty."""
    folder = tmp_path_factory.mktemp("partial") / "sources"
    case = next(c for c in CASES if c.id == "vide_accepte")
    case_folder(pristine, folder, case)
    db = folder.parent / "partial.duckdb"
    shutil.copyfile(warehouse, db)
    assert cli.main(["build", "--sources", str(folder), "--db", str(db), "--allow-partial"]) == 0
    return db


def test_partial_warehouse_records_the_absent_source(partial_warehouse, capsys):
    from rhinocc_dash import warehouse

    con = warehouse.connect_read_only(partial_warehouse)
    incomplete = source_status.incomplete_sources(con)
    assert list(incomplete["key"]) == ["rhinocc"]
    assert (
        incomplete.iloc[0]["status"] == "absent" and incomplete.iloc[0]["reason"] == "fichier vide"
    )
    # the next build compares with the last complete one: 844 accepted rows, not 0
    assert status.previous_counts(partial_warehouse)["rhinocc"] == 844
    assert (
        con.execute("SELECT count(*) FROM venue_records WHERE source = 'rhinocc'").fetchone()[0]
        == 0
    )
    con.close()


def test_every_page_shows_the_banner(partial_warehouse, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from rhinocc_dash import texts

    monkeypatch.setenv("RHINOCC_DB", str(partial_warehouse))
    at = AppTest.from_file("../app.py", default_timeout=120).run()
    assert not at.exception
    banner = [w.value for w in at.warning if w.value.startswith(texts.common.SOURCE_STATUS_BANNER)]
    assert len(banner) == 1
    assert "Annuaire RhinOcc" in banner[0] and texts.common.SOURCE_STATUS_ABSENT in banner[0]


def test_complete_warehouse_shows_no_banner(con):
    assert source_status.incomplete_sources(con).empty


def test_cli_refusal_is_one_line_and_non_zero(pristine, tmp_path, capsys):
    case = next(c for c in CASES if c.id == "population_non_numerique")
    folder = case_folder(pristine, tmp_path / "sources", case)
    code = cli.main(["build", "--sources", str(folder), "--db", str(tmp_path / "w.duckdb")])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert "population_communes_occitanie_pl2023_cog2026.csv, ligne 13" in last
    assert "« beaucoup » n'est pas un nombre entier" in last
    assert not (tmp_path / "w.duckdb").exists()


def test_read_only_folder(sources, capsys):
    """A warehouse path where nothing can be written (/sys refuses even root): one French line."""
    target = Path("/sys/rhinocc-test/rhinocc.duckdb")
    try:
        target.parent.mkdir()
    except OSError:
        pass  # as expected: nobody may write there
    else:
        target.parent.rmdir()
        pytest.skip("/sys is writable on this system")
    code = cli.main(["build", "--sources", str(sources), "--db", str(target)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.strip().startswith(f"Impossible d'écrire l'entrepôt {target}")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_read_only_folder_by_permissions(sources, tmp_path):
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o555)
    with pytest.raises(WarehouseUnwritable):
        build(sources, folder / "rhinocc.duckdb")


def test_write_failure_keeps_previous_warehouse(sources, warehouse, tmp_path, monkeypatch):
    """The disk refuses the final write (permission, space): a French message, the old file kept."""
    db = tmp_path / "w.duckdb"
    shutil.copyfile(warehouse, db)
    before = sha256(db)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission non accordée")

    monkeypatch.setattr(build_module.os, "replace", refuse)
    with pytest.raises(WarehouseUnwritable) as error:
        build(sources, db)
    assert "Permission non accordée" in str(error.value)
    assert sha256(db) == before


# Hand-made edge cases of the readers (the corpus above runs them on the real files).


def test_decode_keeps_a_utf8_file_with_one_bad_byte():
    from rhinocc_dash.ingest.readers import BAD_BYTE, decode

    text, encoding = decode("Médiathèque\nÉcole\n".encode() + b"Caf\xe9\n")
    assert encoding == "utf-8" and text.startswith("Médiathèque\nÉcole\n")
    assert [m.start() for m in BAD_BYTE.finditer(text)] == [len("Médiathèque\nÉcole\nCaf")]


def test_decode_windows_and_utf16_files():
    from rhinocc_dash.ingest.readers import decode

    assert decode("Médiathèque\nCafé\n".encode("cp1252")) == ("Médiathèque\nCafé\n", "cp1252")
    assert decode("nom\nCafé\n".encode("utf-16")) == ("nom\nCafé\n", "utf-16")


def test_csv_reader_flags_rows_it_cannot_trust(tmp_path):
    from rhinocc_dash.ingest.readers import MAX_FIELD_CHARS, read_csv

    path = tmp_path / "lieux.csv"
    rows = [
        "nom,ville,lat",
        "Médiathèque,Foix,42.96",
        "Décalée,Foix,42,96",  # a comma in a number: one field too many
        "Nulle,Fo\x00ix,42.9",
        "Longue," + "x" * (MAX_FIELD_CHARS + 1) + ",42.9",
        "Tronq",
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    read = read_csv(path)
    assert [n for n, _ in read.rows] == [1, 2, 3, 4, 5]
    assert {n: code for n, (code, _) in read.defects.items()} == {
        2: "champs_en_trop",
        3: "caracteres_interdits",
        4: "champ_trop_long",
        5: "ligne_incomplete",
    }
    assert read.rows[4][1] == {"nom": "Tronq", "ville": None, "lat": None}


def test_checked_table_reads_french_numbers_and_names_bad_cells(tmp_path):
    from rhinocc_dash.ingest.checked import csv_table
    from rhinocc_dash.ingest.errors import SourceInvalid

    path = tmp_path / "indicators" / "t.csv"
    path.parent.mkdir()
    path.write_text('code,n\n9001,"1,5"\n31555,2\u202f000\n81004,\n', encoding="utf-8")
    table = csv_table(path, {"code": "code:5", "n": "number"})
    assert table["code"].tolist() == ["09001", "31555", "81004"]
    assert table["n"].tolist()[:2] == [1.5, 2000.0] and pd.isna(table["n"].iloc[2])
    for cell, expected in (('"1,2,3"', "« 1,2,3 »"), ("inf", "« inf »"), ("2.5", "entier")):
        path.write_text(f"code,n\n09001,{cell}\n", encoding="utf-8")
        kind = "integer" if expected == "entier" else "number"
        with pytest.raises(SourceInvalid) as error:
            csv_table(path, {"code": "code:5", "n": kind})
        assert str(error.value).startswith("indicators/t.csv, ligne 2, colonne « n » :")
        assert expected in str(error.value)
