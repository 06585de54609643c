"""Command line: `rhinocc-dash build`, `fetch`, `references`, `maintainer`, and the snapshot commands
(`warehouse`, `publish`, `snapshots`, `rollback`, `prune`: see `cli/snapshots.py`)."""

from __future__ import annotations

import argparse
import getpass
import sys
import time

from .. import maintainers
from ..ingest import BuildError, build, is_stale, references
from ..ingest.fetch import fetch_all
from ..ingest.online import fetch_online
from ..ingest.status import recorded_incomplete
from ..shared import audit
from ..shared.config import resolve_db, resolve_sources
from . import corrections as cli_corrections
from . import report as cli_report
from . import serve as cli_serve
from . import snapshots as cli_snapshots


def _progress_line(stream=sys.stderr):
    started = time.perf_counter()

    def report(step: int, total: int, label: str) -> None:
        print(
            f"[{step}/{total}] {label} ({time.perf_counter() - started:.1f} s)",
            file=stream,
            flush=True,
        )

    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="rhinocc-dash", description="Entrepôt de données RhinOcc."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="construire l'entrepôt DuckDB depuis les sources")
    build_cmd.add_argument(
        "--sources", help="dossier des sources (défaut : $RHINOCC_SOURCES ou ../shared/data)"
    )
    build_cmd.add_argument("--db", help="fichier DuckDB à écrire (défaut : data/rhinocc.duckdb)")
    build_cmd.add_argument(
        "--if-needed",
        action="store_true",
        help="ne reconstruire que si l'entrepôt manque ou est plus ancien que ses sources",
    )
    build_cmd.add_argument(
        "--allow-partial",
        action="store_true",
        help="construire même si une source de lieux est absente ou a perdu la plupart de ses lignes "
        "(l'entrepôt et les pages le signalent)",
    )
    fetch_cmd = commands.add_parser(
        "fetch", help="télécharger les sources depuis leur origine publique"
    )
    fetch_cmd.add_argument("--dest", required=True, help="dossier où écrire les fichiers")
    fetch_cmd.add_argument(
        "--base-url", help="remplace l'adresse des dépôts d'origine (miroir local, tests)"
    )
    fetch_cmd.add_argument(
        "--en-ligne",
        action="store_true",
        help="télécharger les sources vivantes (jeu national au standard, RhinOcc, carte GoGoCarto) "
        "déclarées dans le manifeste des sources, au lieu des fichiers de référence",
    )
    fetch_cmd.add_argument(
        "--origine", action="append", help="avec --en-ligne : seulement cette origine (répétable)"
    )
    commands.add_parser(
        "references",
        help="télécharger les listes d'abréviations d'adresses (FANTOIR, NF Z10-011) du registre npm",
    )
    maintainer_cmd = commands.add_parser("maintainer", help="gérer les comptes de mainteneurs")
    maintainer_actions = maintainer_cmd.add_subparsers(dest="action", required=True)
    add_cmd = maintainer_actions.add_parser("add", help="créer ou remplacer un compte")
    add_cmd.add_argument("name", help="identifiant du mainteneur")
    add_cmd.add_argument(
        "--password-stdin",
        action="store_true",
        help="lire le mot de passe sur l'entrée standard (scripts) au lieu de le demander",
    )
    snapshot_handlers = cli_snapshots.register(commands, _progress_line)
    report_handlers = cli_report.register(commands)
    serve_handlers = cli_serve.register(commands)
    corrections_handlers = cli_corrections.register(commands)
    args = parser.parse_args(argv)
    handlers = {
        **snapshot_handlers,
        **report_handlers,
        **serve_handlers,
        **corrections_handlers,
        "build": _build,
        "fetch": _fetch,
        "references": _references,
        "maintainer": _maintainer,
    }
    return handlers[args.command](args)


def _build(args) -> int:
    sources, db = resolve_sources(args.sources), resolve_db(args.db)
    try:
        if args.if_needed and not is_stale(db, sources):
            print(f"Entrepôt à jour : {db}", file=sys.stderr)
            return 0
        figures = build(sources, db, progress=_progress_line(), allow_partial=args.allow_partial)
    except BuildError as exc:
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    seconds = figures.pop("seconds")
    print(f"Entrepôt écrit : {db} en {seconds:.1f} s", file=sys.stderr)
    for line in recorded_incomplete(db):
        print(line, file=sys.stderr)
    for name, rows in sorted(figures.items()):
        print(f"  {name:<24} {rows:>7} lignes", file=sys.stderr)
    return 0


def _references(args) -> int:
    try:
        for path in references.ensure_all():
            print(f"Liste de référence : {path}", file=sys.stderr)
    except references.ReferenceMissing as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


def _maintainer(args) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Mot de passe pour {args.name} : ")
        if getpass.getpass("Confirmez : ") != password:
            print("Les deux saisies diffèrent : compte non créé.", file=sys.stderr)
            return 1
    try:
        maintainers.add_maintainer(args.name, password)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    audit.record("compte_cree", "ligne de commande", compte=args.name)
    print(f"Compte « {args.name} » enregistré dans {maintainers.secrets_path()}", file=sys.stderr)
    return 0


def _fetch(args) -> int:
    if args.en_ligne:
        return 0 if fetch_online(args.dest, args.origine, stream=sys.stderr) else 1
    ok = fetch_all(args.dest, base_url=args.base_url, stream=sys.stderr)
    return 0 if ok else 1
