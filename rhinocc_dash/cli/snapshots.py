"""Command line for published snapshots: `warehouse`, `publish`, `snapshots`, `rollback`, `prune`.

For scheduled updates (cron, systemd timers): `rhinocc-dash publish --file nouveau.csv --comment …`
recognises the file, builds, publishes and logs it; a failure leaves the current snapshot serving.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from .. import opendata
from ..ingest import SourcesMissing, overlay, publication, recognise, snapshots
from ..ingest.catalog import VENUE_FILES
from ..shared.config import resolve_snapshots, resolve_sources
from ..shared.formatting import fmt_int
from ..texts import sources as texts_sources


def register(commands, progress_line) -> dict:
    """Add the subcommands to the CLI's parser; returns their handlers."""
    global _progress_line
    _progress_line = progress_line
    ensure = commands.add_parser(
        "warehouse",
        help="s'assurer qu'une version publiée et à jour existe (la publier sinon)",
    )
    ensure.add_argument("--sources", help="dossier des sources de base")
    publish = commands.add_parser("publish", help="construire et publier une nouvelle version")
    publish.add_argument("--sources", help="dossier de sources complet (remplace la base)")
    publish.add_argument(
        "--file",
        action="append",
        default=[],
        metavar="FICHIER",
        help="fichier source à apporter (reconnu automatiquement ; répétable)",
    )
    publish.add_argument(
        "--as",
        dest="as_source",
        action="append",
        default=[],
        metavar="CLÉ",
        help="clé de la source de chaque --file, si la reconnaissance échoue (dans l'ordre)",
    )
    publish.add_argument("--vintage", action="append", default=[], metavar="CLÉ=MILLÉSIME")
    publish.add_argument(
        "--add",
        action="append",
        default=[],
        metavar="CLÉ",
        help="ajouter chaque --file comme NOUVELLE source de cette clé (dans l'ordre), au lieu de "
        "remplacer une source déclarée",
    )
    publish.add_argument("--title", default="", help="titre de la source ajoutée")
    publish.add_argument("--producer", default="", help="producteur de la source ajoutée")
    publish.add_argument("--licence", default="", help="licence de la source ajoutée")
    publish.add_argument("--origin", default="", help="adresse d'origine de la source ajoutée")
    publish.add_argument(
        "--retire",
        action="append",
        default=[],
        metavar="CLÉ",
        help="ne plus lire cette source (déclarée ou ajoutée) ; répétable",
    )
    publish.add_argument("--comment", required=True, help="pourquoi cette publication")
    publish.add_argument("--by", default=None, help="qui publie (défaut : l'utilisateur système)")
    commands.add_parser("snapshots", help="lister les versions publiées")
    commands.add_parser("sources", help="lister les sources de lieux de la version courante")
    rollback = commands.add_parser("rollback", help="revenir à une version publiée")
    rollback.add_argument("version")
    rollback.add_argument("--by", default=None)
    prune = commands.add_parser("prune", help="supprimer les plus anciennes versions")
    prune.add_argument("--keep", type=int, default=snapshots.KEEP_DEFAULT)
    return {
        "warehouse": _ensure,
        "publish": _publish,
        "snapshots": _list,
        "sources": _sources,
        "rollback": _rollback,
        "prune": _prune,
    }


def _progress_line(stream=sys.stderr):  # replaced by the CLI's own at registration
    return None


def _folder() -> Path:
    return resolve_snapshots()


def _ensure(args) -> int:
    try:
        db = publication.ensure_current(_folder(), resolve_sources(args.sources), _progress_line())
    except (SourcesMissing, snapshots.SnapshotError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    opendata.sync(_folder(), retry=True)
    print(f"Version courante : {db.parent.name} ({db})", file=sys.stderr)
    return 0


def _publish(args) -> int:
    folder, who = _folder(), args.by or getpass.getuser()
    base = resolve_sources(args.sources)
    uploads, vintages = {}, dict(v.split("=", 1) for v in args.vintage if "=" in v)
    added: dict[str, dict] = {}
    for position, name in enumerate(args.file):
        path = Path(name)
        forced = args.as_source[position] if position < len(args.as_source) else None
        new_key = args.add[position] if position < len(args.add) else None
        found = recognise.recognise(path, path.name, forced)
        if new_key and found.source_format and not found.problems:
            found.key = new_key
        if not found.ok:
            print(f"{path.name} : {found.message}", file=sys.stderr)
            return 2
        if new_key or found.is_new:
            if not new_key:
                print(f"{path.name} : {texts_sources.CLI_NEW_NEEDS_KEY}", file=sys.stderr)
                return 2
            try:
                added[new_key] = overlay.added_entry(
                    new_key,
                    found.source_format,
                    found.vintage,
                    args.title,
                    args.producer,
                    args.licence,
                    args.origin,
                    taken=added,
                )
            except ValueError as exc:
                print(f"{path.name} : {exc}", file=sys.stderr)
                return 2
        prepared = recognise.normalise(found, folder / snapshots.STAGING)
        uploads[found.key] = (prepared, path.name)
        vintages.setdefault(found.key, found.vintage)
        print(f"{path.name} : {found.summary}", file=sys.stderr)
    try:
        staged = publication.stage(
            folder,
            base,
            uploads,
            vintages,
            _progress_line(),
            carry=not args.sources,
            added=added,
            retired=args.retire,
        )
        record = publication.publish(folder, staged, who, args.comment, base)
    except (SourcesMissing, snapshots.SnapshotError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    opendata.sync(folder)
    failure = opendata.status(folder, record["version"])["failure"]
    if failure:
        print(f"Données ouvertes non écrites : {failure['raison']}", file=sys.stderr)
    print(
        f"Publié : {record['version']} ({fmt_int(record['lieux'])} lieux, "
        f"{record['size_bytes'] / 1e6:.1f} Mo, {record['build_seconds']} s)".replace(".", ","),
        file=sys.stderr,
    )
    return 0


def _list(_args) -> int:
    folder = _folder()
    current = snapshots.current_version(folder)
    for record in snapshots.list_snapshots(folder):
        mark = "*" if record["version"] == current else " "
        print(
            f"{mark} {record['version']}  {fmt_int(record.get('lieux', 0)):>6} lieux  "
            f"{record.get('published_by', '?'):<12} {record.get('comment', '')}"
        )
    return 0


def _sources(_args) -> int:
    """The venue sources of the current version: declared, added, retired."""
    folder = _folder()
    version = snapshots.current_version(folder)
    record = snapshots.manifest(folder, version) if version else {}
    for line in texts_sources.source_lines(VENUE_FILES, record):
        print(line)
    return 0


def _rollback(args) -> int:
    try:
        snapshots.rollback(_folder(), args.version, args.by or getpass.getuser())
    except snapshots.SnapshotError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"Version courante : {args.version}", file=sys.stderr)
    return 0


def _prune(args) -> int:
    removed = snapshots.prune(_folder(), args.keep)
    print(f"{len(removed)} version(s) supprimée(s)", file=sys.stderr)
    return 0
