"""Command line for the partner reports, for scheduled mailings (cron, systemd timers):

    rhinocc-dash report --departement 46 --format pdf --out rapport-46.pdf
    rhinocc-dash report --region --format pdf --out rapport-occitanie.pdf

`--format html` writes the same report as one self-contained HTML file. The warehouse is the current
published snapshot (or $RHINOCC_DB, or --db).
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

from .. import __version__, texts
from ..analysis import service
from ..shared.config import resolve_db, resolve_snapshots
from ..shared.formatting import fmt_decimal, fmt_int
from ..views import report_blocks, report_dispositifs, report_pdf, report_region
from ..warehouse import connect_read_only, run


def register(commands) -> dict:
    """Add the `report` subcommand to the CLI's parser; returns its handler."""
    command = commands.add_parser(
        "report", help="écrire le rapport d'un département ou de la région (PDF ou HTML)"
    )
    scope = command.add_mutually_exclusive_group(required=True)
    scope.add_argument("--departement", metavar="CODE", help="code du département (ex. 46)")
    scope.add_argument(
        "--region", action="store_true", help="rapport régional (départements comparés)"
    )
    command.add_argument(
        "--format", choices=("pdf", "html"), default="pdf", help="pdf (défaut) ou html"
    )
    command.add_argument("--out", required=True, metavar="FICHIER", help="fichier à écrire")
    command.add_argument("--db", help="entrepôt à lire (défaut : la version publiée courante)")
    command.add_argument(
        "--date",
        type=_date,
        help="date du rapport, AAAA-MM-JJ (défaut : aujourd'hui)",
    )
    return {"report": _report}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date « {text} » illisible : attendu AAAA-MM-JJ"
        ) from None


def _report(args) -> int:
    out = Path(args.out)
    if not out.parent.is_dir():  # a typo in a path must not create folders anywhere
        print(f"Dossier introuvable pour --out : {out.parent}", file=sys.stderr)
        return 2
    db = resolve_db(args.db)
    if not db.is_file():
        print(texts.rapport.REPORT_CLI_NO_WAREHOUSE.format(db=db), file=sys.stderr)
        return 2
    started = time.perf_counter()
    con = connect_read_only(db)
    try:
        payload = _render(con, db, args)
    finally:
        con.close()
    if payload is None:
        return 2
    out.write_bytes(payload)
    pages = _pages(out) if args.format == "pdf" else None
    print(
        texts.rapport.REPORT_CLI_WRITTEN.format(
            path=out,
            pages=texts.rapport.REPORT_CLI_PAGES.format(n=pages) if pages else "",
            size=fmt_int(len(payload) / 1000),
            seconds=fmt_decimal(time.perf_counter() - started, 1),
        ),
        file=sys.stderr,
    )
    return 0


def _render(con, db: Path, args) -> bytes | None:
    inputs = service.region_data(con)
    today = args.date or dt.date.today()
    edition = report_blocks.edition(db, run(con, "build_info"), resolve_snapshots(), __version__)
    if args.region:
        comparison = service.report_comparison(con)
        figures = service.report_figures(con, service.ReportQuery(None))
        programmes = report_dispositifs.region_blocks(service.dispositifs(con))
        document = report_region.region_document(
            inputs, comparison, figures, today, edition, programmes
        )
        if args.format == "html":
            return report_blocks.to_html(document).encode("utf-8")
        return report_pdf.to_pdf(document)
    codes = list(inputs.departements["code"])
    if args.departement not in codes:
        print(
            texts.rapport.REPORT_CLI_UNKNOWN.format(dep=args.departement, codes=", ".join(codes)),
            file=sys.stderr,
        )
        return None
    # The history table: this warehouse as one version (the page lists every published snapshot).
    history = service.history([({"version": edition.snapshot or db.stem}, con)])
    programmes = report_dispositifs.departement_blocks(service.dispositifs(con), args.departement)
    document = report_pdf.departement_document(
        args.departement, inputs, today, edition, history, programmes
    )
    if args.format == "html":
        return report_blocks.to_html(document).encode("utf-8")
    return report_pdf.to_pdf(document)


def _pages(pdf: Path) -> int | None:
    """Page count, from pdfinfo when poppler is installed (only said on the terminal)."""
    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False)
    except OSError:
        return None
    line = next((x for x in info.stdout.splitlines() if x.startswith("Pages:")), "")
    return int(line.split()[-1]) if line else None
