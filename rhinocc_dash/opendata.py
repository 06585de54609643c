"""Open data with every published version: the lieux in the national standard v1.0.2, described by a
Frictionless `datapackage.json`, written beside the version's warehouse (`<snapshots>/<version>/donnees/`).

For the region and for each of its départements: a CSV and a GeoJSON in the standard; the lieux the
standard cannot carry (no address, no update date…) with their reason; one `datapackage.json` listing every
file with its title, licence, sources and their vintages, schema, row count, size, sha256 and the version's
date. `<snapshots>/donnees` is a link to the current version's folder (what `rhinocc-dash serve` serves at
`/donnees/`); earlier versions stay at `<snapshots>/<version>/donnees/`.

An export that fails does not undo the publication (the figures of the warehouse are right; the files
are a derived product that can be written again from it): the failure is recorded in
`<version>/donnees-echec.json` with its reason, shown on the Annuaire, and retried at the next
`rhinocc-dash serve` start.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import unicodedata
import uuid
from pathlib import Path

import duckdb
import pandas as pd

from .analysis import service
from .shared.config import REGION, resolve_sources
from .views.standard import to_standard, to_standard_csv, to_standard_geojson

FOLDER = "donnees"
FAILURE = "donnees-echec.json"
PACKAGE = "datapackage.json"
SCHEMA_FILE = Path("venues") / "schemas" / "standard-mediation-num_schema_v1.0.2.json"
LEFT_OUT_COLUMNS = ["lieu_id", "nom", "commune", "departement", "raison"]
SCHEMA_NAME = "schema-standard-mediation-num-v1.0.2.json"


class ExportError(RuntimeError):
    """An open-data export that could not be written (French reason)."""


def slug(text: str) -> str:
    """« Occitanie » → « occitanie », « Provence-Alpes-Côte d'Azur » → « provence-alpes-cote-d-azur »."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


def file_names(scope: str) -> dict[str, str]:
    """The files of one scope (the region's slug or a département's code)."""
    return {
        "csv": f"lieux-mediation-numerique-{scope}.csv",
        "geojson": f"lieux-mediation-numerique-{scope}.geojson",
    }


def national_schema(sources: Path | None = None) -> dict:
    """The Table Schema of the national standard v1.0.2 (from the sources folder): fields and key."""
    path = (sources or resolve_sources()) / SCHEMA_FILE
    try:
        full = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(f"Schéma du standard national illisible : {path} ({exc})") from exc
    return {k: full[k] for k in ("fields", "primaryKey", "uri", "version") if k in full}


def _licences(catalogue: pd.DataFrame) -> list[dict]:
    """The distinct licences of today's venue sources, as declared by each source (none invented)."""
    current = catalogue[(catalogue["kind"] == "lieux") & catalogue["current"]]
    titles = sorted({str(t) for t in current["licence"].dropna()})
    return [{"name": slug(t), "title": t} for t in titles]


def _sources(catalogue: pd.DataFrame) -> list[dict]:
    current = catalogue[(catalogue["kind"] == "lieux") & catalogue["current"]]
    return [
        {
            "title": f"{row['title']} — {row['producer']}, millésime {row['vintage']}",
            **({"path": row["origin_url"]} if isinstance(row["origin_url"], str) else {}),
        }
        for row in current.to_dict("records")
    ]


def _resource(folder: Path, name: str, title: str, kind: str, rows: int, schema) -> dict:
    path = folder / name
    data = path.read_bytes()
    described = {
        "name": name.rsplit(".", 1)[0].replace(".", "-") + "-" + kind,
        "title": title,
        "path": name,
        "format": kind,
        "mediatype": {"csv": "text/csv", "geojson": "application/geo+json"}[kind],
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        # frictionless checks `rows` of tabular files; a GeoJSON counts features
        ("rows" if kind == "csv" else "features"): rows,
    }
    if kind == "csv" and schema is not None:
        described["profile"] = "tabular-data-resource"
        described["schema"] = SCHEMA_NAME
    return described


def export(
    db: Path, target: Path, version: str, published_at: str, sources: Path | None = None
) -> dict:
    """Write the open-data files of the warehouse `db` into `target` (created) and return the package."""
    schema = national_schema(sources)
    con = duckdb.connect(str(db), read_only=True)
    try:
        lieux = service.lieux(con)
        postcodes, sirets = service.standard_inputs(con)
        catalogue = service.catalogue(con)
    finally:
        con.close()
    frame, left_out = to_standard(lieux, postcodes, sirets)
    departement_of = dict(zip(lieux["lieu_id"], lieux["departement"], strict=True))
    left_out = left_out.assign(departement=left_out["lieu_id"].map(departement_of))
    target.mkdir(parents=True, exist_ok=True)
    (target / SCHEMA_NAME).write_text(json.dumps(schema, ensure_ascii=False, indent=1), "utf-8")
    region = slug(REGION.name)
    resources = []
    scopes = [(region, REGION.name, frame)] + [
        (dep, f"département {dep}", frame[frame["id"].map(departement_of) == dep])
        for dep in REGION.departements
    ]
    for scope, label, rows in scopes:
        names = file_names(scope)
        (target / names["csv"]).write_bytes(to_standard_csv(rows))
        (target / names["geojson"]).write_bytes(to_standard_geojson(rows))
        title = f"Lieux de médiation numérique, {label} (standard national v1.0.2)"
        resources.append(_resource(target, names["csv"], title, "csv", len(rows), schema))
        resources.append(_resource(target, names["geojson"], title, "geojson", len(rows), None))
    left_name = f"lieux-non-exportes-{region}.csv"
    (target / left_name).write_bytes(
        to_standard_csv(left_out[LEFT_OUT_COLUMNS].astype(object).fillna(""))
    )
    resources.append(
        _resource(
            target,
            left_name,
            f"Lieux non exportables au standard national, {REGION.name}, avec leur raison",
            "csv",
            len(left_out),
            None,
        )
    )
    package = {
        "name": f"lieux-mediation-numerique-{region}",
        "title": f"Lieux de médiation numérique, {REGION.name} — version {version}",
        "description": (
            f"Lieux publiés par {REGION.hub or 'le hub'} au standard national « lieux de médiation "
            "numérique » v1.0.2, pour la région et chacun de ses départements, avec les lieux que le "
            "standard ne peut pas porter et leur raison. Licences : celles des sources, ci-dessous."
        ),
        "version": version,
        "created": published_at,
        "licenses": _licences(catalogue),
        "sources": _sources(catalogue),
        "schema_uri": schema.get("uri"),
        "resources": resources,
    }
    (target / PACKAGE).write_text(json.dumps(package, ensure_ascii=False, indent=1), "utf-8")
    return package


def version_folder(snapshots: Path, version: str) -> Path:
    return Path(snapshots) / version / FOLDER


def current_version(snapshots: Path) -> str | None:
    try:
        version = (Path(snapshots) / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return version if version and (Path(snapshots) / version / "manifest.json").is_file() else None


def export_version(snapshots: Path, version: str, sources: Path | None = None) -> dict | None:
    """Export one published version (written aside, then renamed into place); on failure the reason
    is recorded in `donnees-echec.json` and None is returned."""
    folder = Path(snapshots) / version
    record = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    work = folder / f".{FOLDER}-{uuid.uuid4().hex[:8]}"
    try:
        package = export(folder / "rhinocc.duckdb", work, version, record["published_at"], sources)
        shutil.rmtree(folder / FOLDER, ignore_errors=True)
        os.rename(work, folder / FOLDER)
    except Exception as exc:  # noqa: BLE001 - any failure is recorded, the publication stays
        shutil.rmtree(work, ignore_errors=True)
        failure = {"raison": f"{type(exc).__name__} : {exc}", "le": _now()}
        (folder / FAILURE).write_text(json.dumps(failure, ensure_ascii=False), "utf-8")
        return None
    (folder / FAILURE).unlink(missing_ok=True)
    return package


def sync(snapshots: Path, retry: bool = False, sources: Path | None = None) -> str | None:
    """Make sure the current version has its open data (exported once; again after a failure only
    when `retry`) and that `<snapshots>/donnees` points to it; returns the current version."""
    snapshots = Path(snapshots)
    version = current_version(snapshots)
    if version is None:
        return None
    done = (version_folder(snapshots, version) / PACKAGE).is_file()
    failed = (snapshots / version / FAILURE).is_file()
    if not done and (retry or not failed):
        export_version(snapshots, version, sources)
    link = snapshots / FOLDER
    wanted = f"{version}/{FOLDER}"
    if not link.is_symlink() or os.readlink(link) != wanted:
        temporary = snapshots / f".{FOLDER}.{uuid.uuid4().hex}.tmp"
        temporary.symlink_to(wanted)
        os.replace(temporary, link)  # atomic: nginx never sees a missing link
    return version


def status(snapshots: Path, version: str | None) -> dict:
    """What the « Données ouvertes » section shows: the package (or None), the failure (or None)."""
    if version is None:
        return {"package": None, "failure": None}
    folder = Path(snapshots) / version
    package = failure = None
    try:
        package = json.loads((folder / FOLDER / PACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    try:
        failure = json.loads((folder / FAILURE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    return {"package": package, "failure": failure}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
