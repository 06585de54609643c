"""A synthetic France-sized sources folder, made from the real Occitanie files by replication and offset.

    .venv/bin/python benchmarks/make_national.py OUT_DIR [--copies 7] [--departements 46 48]

Copy 0 is Occitanie where it is; copy k ≥ 1 is the same territory moved on a grid (5.4° of longitude,
2.9° of latitude a step: copies never overlap, and all stay between 6° W and 11° E, 42° and 51° N, so
Lambert-93 still applies) and re-coded with real numeric département codes not used by Occitanie (01, 02,
03…: 13 new codes a copy, so at most 7 copies, 91 départements). Every INSEE code (communes, former
codes, IRIS), postcode, EPCI SIREN, point and polygon is rewritten the same way in every file, so the
normal build (`RHINOCC_REGION=france rhinocc-dash build --sources OUT_DIR`) joins them as it joins the
real ones. Every territory name gets « (synthétique) »; venue identifiers get « -S<k> » (k ≥ 1);
OUT_DIR/SYNTHETIC.md says what the folder is. No figure is invented: indicators, populations and venues
are the real Occitanie ones, repeated. Only the files the build reads are written (same names and
layout as the real folder); the others (derived files, 2019 populations, Eurostat) are left out.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rhinocc_dash.ingest.catalog import BY_KEY, SCHEMA_FILE
from rhinocc_dash.ingest.departements import DEPARTEMENTS, code_of
from rhinocc_dash.shared.config import load_region, resolve_sources

ROOT = Path(__file__).resolve().parent.parent

SUFFIX = " (synthétique)"
SYNTHETIC_REGION = "France (synthétique)"
# Where copy k goes: (column, row) steps of the grid, copy 0 (the real Occitanie) at the origin.
GRID = ((0, 0), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1), (0, 2), (-1, 2), (1, 2))
STEP_LON, STEP_LAT = 5.4, 2.9
SOURCE_BBOX = load_region(
    "occitanie"
).bbox  # the real files' points (swapped pairs detected with it)
FIVE_DIGITS = re.compile(r"(?<!\d)\d{5}(?!\d)")
TWO_DIGITS = re.compile(r"(?<![\dAB])\d{2}(?![\dAB])")


@dataclass(frozen=True)
class Copy:
    """One replica: its number, its département codes (real → synthetic) and its offset."""

    index: int
    deps: dict[str, str]
    dlon: float
    dlat: float

    def dep(self, code: str) -> str:
        return self.deps.get(code, code)

    def insee(self, code: str) -> str:
        """A commune code (or the first five characters of an IRIS code) in this copy."""
        code = str(code or "")
        return self.deps[code[:2]] + code[2:] if code[:2] in self.deps else code

    def postcode(self, value):
        """A postcode in this copy; an integer stays an integer (as in the Aidants Connect file)."""
        digits = re.sub(r"\s", "", str(value if value is not None else ""))
        if not (digits.isdigit() and len(digits) in (4, 5)):
            return value
        new = self.insee(digits.zfill(5))
        return int(new) if isinstance(value, int) else new

    def codes(self, joined: str, convert: Callable[[str], str]) -> str:
        return "|".join(convert(c) for c in joined.split("|")) if joined else joined

    def siren(self, value: str) -> str:
        """An EPCI (or commune) SIREN: its first digit moved by k (every real one starts with 2)."""
        value = str(value or "")
        if not (value.isdigit() and len(value) == 9) or self.index == 0:
            return value
        return str((int(value[0]) + self.index) % 10) + value[1:]

    def ident(self, value):
        return value if self.index == 0 or value in (None, "") else f"{value}-S{self.index}"

    def name(self, value: str) -> str:
        return f"{value}{SUFFIX}" if value else value

    def in_text(self, text: str) -> str:
        """Postcodes written inside an address moved to this copy."""
        return FIVE_DIGITS.sub(lambda m: self.insee(m.group()), text) if text else text

    def dep_name(self, name: str) -> str:
        code = code_of(name)
        return DEPARTEMENTS[self.dep(code)] if code else name

    def point(self, lat, lon):
        """(lat, lon) moved by the copy's offset, as numbers or as text like the input; a pair
        written the wrong way round stays the wrong way round, a point elsewhere is left as it is."""

        def number(v):
            try:
                return float(str(v).replace(",", "."))
            except (TypeError, ValueError):
                return None

        y, x = number(lat), number(lon)
        if y is None or x is None:
            return lat, lon
        west, south, east, north = SOURCE_BBOX
        if west <= x <= east and south <= y <= north:
            y, x = y + self.dlat, x + self.dlon
        elif west <= y <= east and south <= x <= north:
            y, x = y + self.dlon, x + self.dlat
        if isinstance(lat, str):
            return f"{y:.6f}", f"{x:.6f}"
        return round(y, 6), round(x, 6)

    def shape(self, coordinates):
        """GeoJSON coordinates (any nesting) moved by the offset."""
        if coordinates and isinstance(coordinates[0], (int, float)):
            return [round(coordinates[0] + self.dlon, 5), round(coordinates[1] + self.dlat, 5)]
        return [self.shape(part) for part in coordinates]

    def geometry(self, geometry: dict) -> dict:
        return {**geometry, "coordinates": self.shape(geometry["coordinates"])}


def make_copies(originals: list[str], count: int) -> list[Copy]:
    free = [f"{n:02d}" for n in range(1, 96) if n != 20 and f"{n:02d}" not in originals]
    if count < 1 or (count - 1) * len(originals) > len(free) or count > len(GRID):
        raise SystemExit(f"--copies : entre 1 et {min(len(GRID), 1 + len(free) // len(originals))}")
    copies = [Copy(0, {d: d for d in originals}, 0.0, 0.0)]
    for k in range(1, count):
        codes = free[(k - 1) * len(originals) : k * len(originals)]
        col, row = GRID[k]
        copies.append(
            Copy(k, dict(zip(originals, codes, strict=True)), col * STEP_LON, row * STEP_LAT)
        )
    return copies


# Per CSV source: what each column holds (how it is rewritten), the (lat, lon) pairs, the column that
# gives a row's département (to keep a subset), and whether a row holds a name to mark synthetic.
ROLES: dict[str, Callable[[Copy, str], str]] = {
    "insee": Copy.insee,
    "dep": Copy.dep,
    "postcode": Copy.postcode,
    "postcodes": lambda c, v: c.codes(v, c.postcode),
    "insees": lambda c, v: c.codes(v, c.insee),
    "siren": Copy.siren,
    "name": Copy.name,
    "ident": Copy.ident,
    "text": Copy.in_text,
    "arrondissement": lambda c, v: c.dep(v[:2]) + v[2:] if v else v,
    "dep_upper": lambda c, v: DEPARTEMENTS[c.dep(code_of(v))].upper() if code_of(v) else v,
    "dep_list": lambda c, v: TWO_DIGITS.sub(lambda m: c.dep(m.group()), v or ""),
}
CSV_FILES = {
    "communes_ref": (
        {"code_insee": "insee", "nom": "name", "departement": "dep"}
        | {"arrondissement": "arrondissement", "siren_commune": "siren"}
        | {"codes_postaux": "postcodes", "code_epci": "siren", "nom_epci": "name"}
        | {"anciens_codes": "insees"},
        (),
        "departement",
    ),
    "population": (
        {
            "code_commune": "insee",
            "nom_commune": "name",
            "code_departement": "dep",
            "siren": "siren",
        },
        (),
        "code_departement",
    ),
    "filosofi_commune": ({"CODGEO": "insee", "LIBGEO": "name", "DEP": "dep"}, (), "DEP"),
    "filosofi_epci": ({"CODGEO": "siren"}, (), None),
    "filosofi_departement": ({"CODGEO": "dep", "LIBGEO": "name"}, (), "CODGEO"),
    "ifn2020_iris": (
        {"code_iris": "insee", "code_commune": "insee", "nom_commune": "name", "code_epci": "siren"}
        | {"nom_epci": "name", "code_departement": "dep", "nom_departement": "dep_upper"},
        (),
        "code_departement",
    ),
    "ifn2020_tableau": (
        {"code_iris": "insee", "code_commune": "insee", "code_departement": "dep"}
        | {"nom_commune": "name"},
        (),
        "code_departement",
    ),
    "ifn2023_commune": (
        {"nom_commune": "name", "code_commune": "insee", "code_departement": "dep"},
        (),
        "code_departement",
    ),
    "ifn2023_epci": (
        {"nom_epci": "name", "code_epci": "siren", "member_departements": "dep_list"},
        (),
        None,
    ),
    "rhinocc": (
        {"n_ref": "ident", "departement": "dep", "ville": "name", "code_commune": "insee"}
        | {"code_postal": "postcode", "adresse": "text", "adresse_suite": "text"}
        | {"adresse_full": "text", "BAN_adress_full": "text", "BAN_city": "name"}
        | {"BAN_postcode": "postcode", "BAN_depcode": "dep"},
        (("lat", "lon"), ("BAN_latitude", "BAN_longitude")),
        "departement",
    ),
    "france_services_2024": (
        {"id_fs": "ident", "insee_dep": "dep", "insee_com": "insee", "code_postal": "postcode"}
        | {"lib_com": "name", "adresse": "text"},
        (("latitude", "longitude"),),
        "insee_dep",
    ),
}
CSV_FILES["france_services_2022"] = CSV_FILES["france_services_2024"]
JSON_VENUES = {
    "cnfs": {"id": "ident", "structureId": "ident", "commune": "name", "code_postal": "postcode"}
    | {"adresse": "text"},
    "data_inclusion": {"id": "ident", "code_insee": "insee", "code_postal": "postcode"}
    | {"commune": "name", "adresse": "text"},
    "aidants_connect": {"Data pass ID": "ident", "Code postal": "postcode", "commune": "name"}
    | {"Adresse": "text"},
}


def _kept(row_dep: str, subset: set[str] | None) -> bool:
    return subset is None or str(row_dep or "")[:2] in subset


def _rewrite(row: dict, copy: Copy, columns: dict[str, str], points) -> dict:
    out = dict(row)
    for column, role in columns.items():
        if column in out and out[column] not in (None, ""):
            out[column] = ROLES[role](copy, out[column])
    for lat, lon in points:
        if lat in out:
            out[lat], out[lon] = copy.point(out[lat], out[lon])
    if "BAN_adress" in out and row.get("BAN_adress") and row["BAN_adress"] == row.get("BAN_city"):
        out["BAN_adress"] = out["BAN_city"]  # a match on the town itself names the (renamed) town
    return out


def write_csv(key: str, real: Path, out: Path, copies: list[Copy], subset) -> int:
    columns, points, dep_column = CSV_FILES[key]
    raw = (real / BY_KEY[key].path).read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    rows = list(reader)
    buffer = io.StringIO(newline="")
    ending = "\r\n" if "\r\n" in raw.split("\n", 1)[0] + "\n" else "\n"
    writer = csv.DictWriter(buffer, fieldnames=reader.fieldnames, lineterminator=ending)
    writer.writeheader()
    count = 0
    for copy in copies:
        for row in rows:
            if key == "filosofi_departement" and row["NIVEAU"] != "departement":
                # France's row once; Occitanie's région row (code 76) is not this France's, and its
                # code is a synthetic département's.
                if copy.index or row["NIVEAU"] == "region":
                    continue
            elif dep_column and not _kept(row[dep_column], subset):
                continue
            else:
                row = _rewrite(row, copy, columns, points)
            writer.writerow(row)
            count += 1
    _write(out / BY_KEY[key].path, buffer.getvalue())
    return count


def write_json_venues(key: str, real: Path, out: Path, copies: list[Copy], subset) -> int:
    records = json.loads((real / BY_KEY[key].path).read_text(encoding="utf-8"))
    result = []
    for copy in copies:
        for record in records:
            cp = str(record.get("code_postal") or record.get("Code postal") or "").zfill(5)
            dep = code_of(str(record.get("Département", ""))) if key == "aidants_connect" else ""
            if not _kept(dep or cp, subset):
                continue
            new = _rewrite(record, copy, JSON_VENUES[key], (("latitude", "longitude"),))
            if key == "aidants_connect":
                new["Département"] = copy.dep_name(record["Département"])
                new["Région"] = record["Région"] if copy.index == 0 else SYNTHETIC_REGION
            result.append(new)
    _write(out / BY_KEY[key].path, json.dumps(result, ensure_ascii=False, indent=1))
    return len(result)


def _features(key: str, real: Path, copies, subset, properties: Callable[[Copy, dict], dict]):
    data = json.loads((real / BY_KEY[key].path).read_text(encoding="utf-8"))
    features = []
    for copy in copies:
        for feature in data["features"]:
            props = feature["properties"]
            code = str(props.get("code_departement") or props.get("code") or "")
            if _kept(code, subset):
                features.append(
                    {
                        "type": "Feature",
                        "properties": properties(copy, props),
                        "geometry": copy.geometry(feature["geometry"]),
                    }
                )
    return {**data, "features": features}


GEOJSON_FILES = {
    "communes_2018": lambda c, p: {"code": c.insee(p["code"]), "nom": c.name(p["nom"])},
    "departements": lambda c, p: {
        "code": c.dep(p["code"]),
        "nom": DEPARTEMENTS[c.dep(p["code"])] + SUFFIX,
    },
    "qpv": lambda c, p: {
        **p,
        "code_qp": "QP" + c.dep(p["code_qp"][3:5]).zfill(3) + p["code_qp"][5:],
        "code_commune": c.insee(p["code_commune"]),
        "nom_commune": c.name(p["nom_commune"]),
        "commune_qp": c.name(p["commune_qp"]),
        "code_departement": c.dep(p["code_departement"]),
    },
}


def write_geojson(key: str, real: Path, out: Path, copies, subset) -> int:
    collection = _features(key, real, copies, subset, GEOJSON_FILES[key])
    _write(out / BY_KEY[key].path, json.dumps(collection, ensure_ascii=False))
    return len(collection["features"])


def write_region(real: Path, out: Path, copies, subset) -> int:
    feature = json.loads((real / BY_KEY["region"].path).read_text(encoding="utf-8"))
    geometry = feature["geometry"]
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    moved = [copy.shape(polygon) for copy in copies for polygon in polygons]
    region = {
        "type": "Feature",
        "properties": {"code": "FR", "nom": SYNTHETIC_REGION},
        "geometry": {"type": "MultiPolygon", "coordinates": moved},
    }
    _write(out / BY_KEY["region"].path, json.dumps(region))
    return len(moved)


def write_epci_ref(real: Path, out: Path, copies, subset) -> int:
    epcis = json.loads((real / BY_KEY["epci_ref"].path).read_text(encoding="utf-8"))
    result = []
    for copy in copies:
        for epci in epcis:
            members = [m for m in epci["membres"] if _kept(m["code"], subset)]
            if not members:
                continue
            result.append(
                {
                    **epci,
                    "code": copy.siren(epci["code"]),
                    "nom": copy.name(epci["nom"]),
                    "membres": [
                        {**m, "code": copy.insee(m["code"]), "siren": copy.siren(m["siren"])}
                        | {"nom": copy.name(m["nom"])}
                        for m in members
                    ],
                    "membres_hors_occitanie": [] if copy.index else epci["membres_hors_occitanie"],
                }
            )
    _write(out / BY_KEY["epci_ref"].path, json.dumps(result, ensure_ascii=False))
    return len(result)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


NOTICE = """# Données SYNTHÉTIQUES — ne pas publier, ne pas citer

Ce dossier est une France **fictive**, fabriquée par `benchmarks/make_national.py` pour mesurer le
tableau de bord à l'échelle nationale. Il reprend les fichiers réels de l'Occitanie ({copies} copies),
déplacés (pas de {lon}° en longitude, {lat}° en latitude) et recodés avec d'autres codes de
département :
{deps}

Les noms de territoires portent « (synthétique) », les identifiants des lieux
« -S<k> ». Aucun chiffre n'y décrit un territoire réel autre que l'Occitanie (copie 0).

Construire : `RHINOCC_REGION=france .venv/bin/rhinocc-dash build --sources {out} --db /tmp/x.duckdb`
"""


def generate(real: Path, out: Path, count: int, subset: set[str] | None = None) -> list[Copy]:
    """Write the synthetic folder (a progress line per file); returns the copies made."""
    ref_rows = csv.DictReader(io.StringIO((real / BY_KEY["communes_ref"].path).read_text("utf-8")))
    originals = sorted({row["departement"] for row in ref_rows})
    copies = make_copies(originals, count)
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(k, write_csv) for k in CSV_FILES]
    jobs += [(k, write_json_venues) for k in JSON_VENUES] + [
        (k, write_geojson) for k in GEOJSON_FILES
    ]
    jobs += [
        ("region", lambda _k, *a: write_region(*a)),
        ("epci_ref", lambda _k, *a: write_epci_ref(*a)),
    ]
    for key, writer in jobs:
        started = time.perf_counter()
        rows = writer(key, real, out, copies, subset)
        path = BY_KEY[key].path
        size = (out / path).stat().st_size
        print(
            f"{path}: {rows} lignes, {size / 1e6:.1f} Mo, {time.perf_counter() - started:.1f} s",
            flush=True,
        )
    (out / SCHEMA_FILE.path).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(real / SCHEMA_FILE.path, out / SCHEMA_FILE.path)
    deps = "".join(
        f"\n- copie {c.index} : " + ", ".join(c.dep(d) for d in sorted(subset or c.deps))
        for c in copies
    )
    notice = NOTICE.format(
        copies=count,
        lon=f"{STEP_LON:n}".replace(".", ","),
        lat=f"{STEP_LAT:n}".replace(".", ","),
        deps=deps,
        out=out,
    )
    (out / "SYNTHETIC.md").write_text(notice, encoding="utf-8")
    return copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="dossier à écrire (hors du dépôt)")
    parser.add_argument("--copies", type=int, default=7, help="copies de l'Occitanie (1 à 7)")
    parser.add_argument("--sources", help="dossier des sources réelles (défaut : celui du projet)")
    parser.add_argument("--departements", nargs="+", help="ne garder que ces départements réels")
    args = parser.parse_args()
    real = resolve_sources(args.sources)
    generate(real, args.out.resolve(), args.copies, set(args.departements or []) or None)


if __name__ == "__main__":
    main()
