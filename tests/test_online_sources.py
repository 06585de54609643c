"""`rhinocc-dash fetch --en-ligne`: the stable addresses of the living sources (national dataset in the
standard, RhinOcc's copy on data.gouv.fr, RhinOcc's GoGoCarto API), tried against a local mirror;
offline, one French line."""

from __future__ import annotations

import csv
import functools
import io
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from rhinocc_dash import cli
from rhinocc_dash.ingest import online

pytestmark = pytest.mark.network

GOGOCARTO = Path(__file__).parent / "data" / "gogocarto_elements.json"
NATIONAL_PATH = "/api/1/datasets/r/398edc71-0d51-4cb6-9cbe-2540a4db573c"
RHINOCC_PATH = (
    "/api/1/datasets/lieux-de-mediation-numerique-sur-le-territoire-occitanie-fournis-par-rhinocc/"
)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _standard_rows(sources: Path) -> tuple[list[str], list[dict]]:
    """The schema's valid example (one lieu in Reims) and two copies moved by hand to Figeac (Lot)
    and to Toulouse: a national file with 1 row outside the region and 2 inside."""
    example = sources / "venues" / "schemas" / "standard-mediation-num_exemple-valide_v1.csv"
    reader = csv.DictReader(io.StringIO(example.read_text(encoding="utf-8-sig")))
    reims = next(reader)
    figeac = {**reims, "id": "essai-figeac", "nom": "Médiathèque de Figeac (essai)",
              "commune": "Figeac", "code_postal": "46100", "code_insee": "46102",
              "adresse": "2 boulevard Pasteur", "latitude": "44.6086", "longitude": "2.0317"}
    toulouse = {**reims, "id": "essai-toulouse", "nom": "Espace numérique (essai)",
                "commune": "Toulouse", "code_postal": "31000", "code_insee": "31555",
                "adresse": "1 place du Capitole", "latitude": "43.6045", "longitude": "1.4442"}
    return list(reader.fieldnames or []), [reims, figeac, toulouse]


def _write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture
def mirror(tmp_path, sources, monkeypatch):
    """A local server with the three origins at their real paths."""
    root = tmp_path / "mirror"
    columns, rows = _standard_rows(sources)
    _write_csv(root / NATIONAL_PATH.lstrip("/"), columns, rows)
    _write_csv(root / "fichiers" / "rhinocc-ancien.csv", columns, rows[:1])
    _write_csv(root / "fichiers" / "rhinocc-recent.csv", columns, rows[1:])
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}"
    dataset = {
        "resources": [
            {"format": "csv", "url": "https://static.data.gouv.fr/fichiers/rhinocc-ancien.csv",
             "last_modified": "2025-01-01T00:00:00"},
            {"format": "csv", "url": "https://static.data.gouv.fr/fichiers/rhinocc-recent.csv",
             "last_modified": "2026-11-30T00:00:00"},
            {"format": "json", "url": "https://static.data.gouv.fr/fichiers/autre.json",
             "last_modified": "2026-12-01T00:00:00"},
        ]
    }
    (root / RHINOCC_PATH.lstrip("/")).mkdir(parents=True, exist_ok=True)
    (root / RHINOCC_PATH.lstrip("/") / "index.html").write_text(json.dumps(dataset))
    (root / "api" / "elements.json").write_bytes(GOGOCARTO.read_bytes())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv(online.BASE_ENV, base)
    monkeypatch.setenv("RHINOCC_GOGOCARTO_URL", "https://carte.example/api/elements.json")
    yield base
    server.shutdown()
    server.server_close()


def test_the_manifest_declares_the_living_sources():
    found = {o.key: o for o in online.origins()}
    assert set(found) == {"cartographie_nationale", "rhinocc_standard", "rhinocc_gogocarto"}
    assert found["cartographie_nationale"].url.startswith("https://www.data.gouv.fr/api/1/datasets/r/")
    assert found["cartographie_nationale"].regional_cut and found["rhinocc_standard"].resolve == "datagouv"
    assert found["rhinocc_gogocarto"].format == "gogocarto"


def test_fetch_online_from_a_mirror(mirror, tmp_path, capsys):
    dest = tmp_path / "telechargements"
    assert cli.main(["fetch", "--en-ligne", "--dest", str(dest)]) == 0
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3 and all("reconnu :" in line for line in lines), lines
    national = list(csv.DictReader(open(dest / "lieux-mediation-numerique-cartographie-nationale.csv",
                                        encoding="utf-8")))
    assert [r["code_insee"] for r in national] == ["46102", "31555"]  # Reims left out
    assert "2 ligne(s) en Occitanie sur 3" in lines[0]
    rhinocc = list(csv.DictReader(open(dest / "lieux-mediation-numerique-rhinocc.csv", encoding="utf-8")))
    assert [r["id"] for r in rhinocc] == ["essai-figeac", "essai-toulouse"]  # the newest resource
    assert (dest / "rhinocc-gogocarto-elements.json").read_bytes() == GOGOCARTO.read_bytes()


def test_one_origin_and_an_unset_gogocarto_address(mirror, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("RHINOCC_GOGOCARTO_URL")
    args = ["fetch", "--en-ligne", "--dest", str(tmp_path), "--origine", "rhinocc_gogocarto"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "RHINOCC_GOGOCARTO_URL" in err and "à renseigner" in err


def test_offline_says_so_in_one_french_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(online.BASE_ENV, "http://hors-ligne.invalid")
    assert cli.main(["fetch", "--en-ligne", "--dest", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("Hors ligne : hors-ligne.invalid injoignable")
    assert list(tmp_path.iterdir()) == []
