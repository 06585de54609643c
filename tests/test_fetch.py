"""`rhinocc-dash fetch` against a local mirror of the origins, then a build from what it downloaded.

There is no internet here: a local http.server on 127.0.0.1 serves, at each origin's path, the file
of the sources folder (national origins: the regional subset stands in, the adapters read both; the
per-département commune files and the Etalab package files are cut from the regional copies in their
original layout).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from rhinocc_dash.ingest import build
from rhinocc_dash.ingest.catalog import BY_KEY, DEPT_FOLDERS
from rhinocc_dash.ingest.fetch import fetch_all, plan

pytestmark = pytest.mark.network


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def mirror_server(tmp_path):
    root = tmp_path / "mirror"
    root.mkdir()
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _national_communes(sources: Path) -> list[dict]:
    rows = csv.DictReader(
        io.StringIO((sources / BY_KEY["communes_ref"].path).read_text(encoding="utf-8"))
    )
    communes = [
        {
            "code": r["code_insee"],
            "nom": r["nom"],
            "type": "commune-actuelle",
            "departement": r["departement"],
            "region": "76",
            "codesPostaux": [c for c in r["codes_postaux"].split("|") if c],
            "population": int(r["population"]),
            "anciensCodes": [c for c in r["anciens_codes"].split("|") if c],
        }
        for r in rows
    ]
    communes.append(
        {
            "code": "69123",
            "nom": "Lyon",
            "type": "commune-actuelle",
            "departement": "69",
            "region": "84",
            "codesPostaux": ["69001"],
            "population": 520774,
        }
    )
    return communes


def fill_mirror(root: Path, base: str, sources: Path) -> None:
    communes_2018 = json.loads((sources / BY_KEY["communes_2018"].path).read_text(encoding="utf-8"))
    for item in plan(base):
        target = root / item.url[len(base) + 1 :]
        target.parent.mkdir(parents=True, exist_ok=True)
        if (sources / item.dest).is_file():
            shutil.copyfile(sources / item.dest, target)
        elif item.dest.startswith("venues/national/"):
            shutil.copyfile(sources / BY_KEY[item.key].path, target)
        elif item.dest.startswith("geo/communes-2018/"):
            dep = next(code for code, folder in DEPT_FOLDERS.items() if folder in item.dest)
            features = [
                f for f in communes_2018["features"] if f["properties"]["code"].startswith(dep)
            ]
            target.write_text(
                json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
            )
        elif item.dest.endswith("communes.json"):
            target.write_text(json.dumps(_national_communes(sources)), encoding="utf-8")
        elif item.dest.endswith("epci.json"):
            shutil.copyfile(sources / BY_KEY["epci_ref"].path, target)
        else:
            raise AssertionError(f"no stand-in for {item.dest}")


def test_fetch_then_build(sources, warehouse, mirror_server, tmp_path, capsys):
    root, base = mirror_server
    fill_mirror(root, base, sources)
    dest = tmp_path / "fetched"
    assert fetch_all(dest, base_url=base)
    err = capsys.readouterr().err
    assert err.count("SHA-256 vérifiée") == sum(1 for item in plan(base) if item.sha256)
    assert "non téléchargeable" in err
    for item in plan(base):
        assert (dest / item.dest).is_file(), item.dest
    # The build reads the national formats (team48 raw, parquet, national IFN 2023, Filosofi
    # zip, Etalab JSON).
    db = tmp_path / "from-fetch.duckdb"
    build(dest, db)
    fetched, reference = (
        duckdb.connect(str(db), read_only=True),
        duckdb.connect(str(warehouse), read_only=True),
    )
    try:
        for sql in (
            "SELECT count(*), sum(population) FROM communes",
            "SELECT count(*) FROM lieux",
            "SELECT count(*) FROM epci",
            "SELECT count(*) FROM venue_records",
        ):
            assert fetched.execute(sql).fetchall() == reference.execute(sql).fetchall(), sql
        query = "SELECT * FROM commune_indicators ORDER BY code_insee"
        got, want = fetched.execute(query).df(), reference.execute(query).df()
        assert list(got.columns) == list(want.columns)
        for column in got.columns[1:]:
            assert ((got[column] - want[column]).abs().fillna(0) < 1e-6).all(), column
            assert (got[column].isna() == want[column].isna()).all(), column
        query = (
            "SELECT code, taux_pauvrete, revenu_median FROM departement_indicators ORDER BY code"
        )
        assert fetched.execute(query).fetchall() == reference.execute(query).fetchall()
    finally:
        fetched.close()
        reference.close()


def test_checksum_mismatch_is_rejected(sources, mirror_server, tmp_path, capsys):
    root, base = mirror_server
    fill_mirror(root, base, sources)
    item = next(i for i in plan(base) if i.dest.startswith("venues/rhinocc"))
    (root / item.url[len(base) + 1 :]).write_text(
        "n_ref,nom\nRef_0001,falsifié\n", encoding="utf-8"
    )
    assert not fetch_all(tmp_path / "fetched", base_url=base)
    assert "empreinte SHA-256 différente" in capsys.readouterr().err
    assert not (tmp_path / "fetched" / item.dest).exists()


def test_unreachable_origin_fails_cleanly(tmp_path, capsys):
    assert not fetch_all(tmp_path / "fetched", base_url="http://127.0.0.1:9")
    assert "échec du téléchargement" in capsys.readouterr().err
