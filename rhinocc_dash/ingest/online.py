"""The field's living sources online (`[[online]]` of the sources manifest): the national dataset in the
standard « lieux de médiation numérique » (consolidated every night by the national cartography) and
RhinOcc's census (its GoGoCarto map, and the national pipeline's copy of it in the standard).

`rhinocc-dash fetch --en-ligne --dest DOSSIER` downloads each origin on a machine with Internet,
keeps the region's rows of a national file, and says what the file was recognised as; the maintainer
then brings it in with `publish --add` or the update page. Offline, one French line says so and
nothing else is tried. Tests point the origins at a local server (`RHINOCC_ONLINE_BASE`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..shared.config import REGION
from ..shared.sources_manifest import ManifestError, manifest_path
from .fetch import Offline, is_offline
from .readers import sniff_separator
from .recognise import recognise

TIMEOUT_S = 60
BASE_ENV = "RHINOCC_ONLINE_BASE"  # replaces scheme and host of every origin (local mirror, tests)
RESOLVES = ("fichier", "datagouv")


@dataclass(frozen=True)
class Origin:
    key: str
    title: str
    producer: str
    format: str
    file: str  # name written in the destination folder
    url: str = ""  # the file itself, or the data.gouv.fr dataset's API address (resolve = "datagouv")
    resolve: str = "fichier"
    page: str = ""  # where a person reads about it
    url_env: str = ""  # an environment variable that gives (or replaces) the address
    regional_cut: bool = False  # a national file: keep the region's rows only


def origins(path: Path | None = None) -> list[Origin]:
    """The online origins declared beside the region's sources, each checked."""
    import tomllib

    path = Path(path or manifest_path())
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    found = []
    for i, entry in enumerate(data.get("online", []), start=1):
        where = f"{path.name}, origine en ligne n° {i}"
        missing = [f for f in ("key", "title", "producer", "format", "file") if not entry.get(f)]
        if missing:
            raise ManifestError(f"{where} : champs manquants : {', '.join(missing)}.")
        if entry.get("resolve", "fichier") not in RESOLVES:
            raise ManifestError(f"{where} : `resolve` vaut « fichier » ou « datagouv ».")
        if not entry.get("url") and not entry.get("url_env"):
            raise ManifestError(f"{where} : ni `url` ni `url_env`.")
        found.append(Origin(**{k: entry[k] for k in Origin.__dataclass_fields__ if k in entry}))
    return found


def address(origin: Origin) -> str:
    """The origin's address: its environment variable when set, else the manifest's; a local mirror
    (`RHINOCC_ONLINE_BASE`) replaces scheme and host."""
    url = (os.environ.get(origin.url_env) if origin.url_env else "") or origin.url
    base = os.environ.get(BASE_ENV)
    if url and base:
        parts = urllib.parse.urlsplit(url)
        url = base.rstrip("/") + urllib.parse.urlunsplit(("", "", parts.path, parts.query, ""))
    return url


def _get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "rhinocc-dash"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return response.read()
    except (urllib.error.URLError, OSError) as exc:
        if is_offline(exc):
            raise Offline(urllib.parse.urlsplit(url).hostname or url) from exc
        raise


def datagouv_resource(dataset: dict, wanted: str) -> str:
    """The address of a data.gouv.fr dataset's newest resource of the wanted kind (csv or json)."""
    resources = [
        r
        for r in dataset.get("resources", [])
        if str(r.get("format", "")).lower() == wanted and r.get("url")
    ]
    if not resources:
        raise ValueError(f"aucune ressource {wanted.upper()} dans le jeu de données")
    newest = max(resources, key=lambda r: str(r.get("last_modified") or r.get("created_at") or ""))
    return newest["url"]


def regional_rows(content: bytes, departements: tuple[str, ...]) -> tuple[bytes, int, int]:
    """The rows of a national CSV in the standard whose `code_insee` (else `code_postal`) falls in
    the region's départements; the header kept. Returns (CSV, rows read, rows kept)."""
    text = content.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text), delimiter=sniff_separator(text.split("\n", 1)[0]))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [], lineterminator="\n")
    writer.writeheader()
    read = kept = 0
    for row in reader:
        read += 1
        code = (row.get("code_insee") or row.get("code_postal") or "").strip()
        dep = code[:3] if code.startswith("97") else code[:2]
        if dep in departements:
            writer.writerow(row)
            kept += 1
    return out.getvalue().encode("utf-8"), read, kept


def fetch_one(origin: Origin, dest: Path, stream) -> bool:
    """Download one origin into `dest` and say what it was recognised as."""
    url = address(origin)
    if not url:
        print(
            f"{origin.title} — adresse à renseigner : définissez {origin.url_env} "
            "(l'adresse de l'API, …/api/elements.json).",
            file=stream,
        )
        return False
    try:
        if origin.resolve == "datagouv":
            dataset = json.loads(_get(url))
            wanted = "json" if origin.file.endswith(".json") else "csv"
            url = address(Origin(**{**origin.__dict__, "url": datagouv_resource(dataset, wanted),
                                    "url_env": ""}))
        content = _get(url)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        if isinstance(exc, Offline):
            raise
        print(f"{origin.title} — échec du téléchargement ({url}) : {exc}", file=stream)
        return False
    detail = ""
    if origin.regional_cut:
        content, read, kept = regional_rows(content, REGION.departements)
        detail = f", {kept} ligne(s) {REGION.in_name or 'dans la région'} sur {read}"
    target = dest / origin.file
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(content)
    partial.replace(target)
    found = recognise(target, target.name)
    verdict = (
        f"reconnu : {found.summary}" if found.ok else "non reconnu : " + found.message
    )
    print(f"{origin.title} — {target} ({len(content) / 1e3:.0f} ko{detail}) ; {verdict}", file=stream)
    return found.ok


def fetch_online(dest: str | Path, keys: list[str] | None = None, stream=None) -> bool:
    """Every online origin (or those of `keys`); True when each arrived and was recognised."""
    stream = stream or sys.stderr
    chosen = [o for o in origins() if not keys or o.key in keys]
    results = []
    for origin in chosen:
        try:
            results.append(fetch_one(origin, Path(dest), stream))
        except Offline as exc:
            print(
                f"Hors ligne : {exc} injoignable, origines en ligne non téléchargées "
                f"({', '.join(o.title for o in chosen)}) ; les fichiers locaux restent utilisés.",
                file=stream,
            )
            return False
    return bool(results) and all(results)
