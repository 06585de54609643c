"""`rhinocc-dash serve`: nginx in front of N Streamlit processes (see `serve`)."""

from __future__ import annotations

import os
import shutil
import sys

from .. import opendata
from ..ingest import SourcesMissing, publication
from ..serving.supervisor import FRAME_ORIGINS_ENV, NGINX, Server, default_workers, parse_origins
from ..shared.config import pinned_db, resolve_snapshots, resolve_sources


def register(commands) -> dict:
    serve = commands.add_parser(
        "serve",
        help="servir l'application derrière nginx (plusieurs processus, sessions collantes)",
    )
    serve.add_argument("--workers", type=int, default=default_workers(), help="processus Streamlit")
    serve.add_argument("--port", type=int, default=8080, help="port public de nginx")
    serve.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (0.0.0.0 : toutes)")
    serve.add_argument("--base-port", type=int, default=0, help="premier port des processus")
    serve.add_argument(
        "--runtime", default=None, help="dossier de la configuration et des journaux"
    )
    serve.add_argument(
        "--integrer-depuis",
        default=os.environ.get(FRAME_ORIGINS_ENV, ""),
        metavar="SITES",
        help="sites autorisés à intégrer l'application dans une iframe, séparés par des virgules "
        f"(https://rhinocc.fr,https://…) ; défaut : ${FRAME_ORIGINS_ENV}",
    )
    return {"serve": _serve}


def _serve(args) -> int:
    if not shutil.which(NGINX) and not os.path.exists(NGINX):
        print(
            "nginx est introuvable : `make serve` l'installe (paquet Debian nginx).",
            file=sys.stderr,
        )
        return 2
    try:
        origins = parse_origins(args.integrer_depuis)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:  # publish first, once: the workers then only read
        if pinned_db() is None:
            publication.ensure_current(resolve_snapshots(), resolve_sources())
    except (SourcesMissing, publication.SnapshotError) as exc:
        print(f"Aucune version publiée et publication impossible : {exc}", file=sys.stderr)
        return 2
    snapshots = None if pinned_db() else resolve_snapshots()  # a pinned warehouse: no versions
    if snapshots is not None:
        opendata.sync(snapshots, retry=True)  # a version published before, or a failed export
    options = {
        "workers": args.workers,
        "port": args.port,
        "host": args.host,
        "frame_origins": origins,
        "snapshots": snapshots,
    }
    if args.base_port:
        options["base_port"] = args.base_port
    if args.runtime:
        options["runtime"] = args.runtime
    Server(**options).run_forever()
    return 0
