"""Streamlit side, the partner reports: the document of a département or of the région, as blocks
drawn to PDF and to HTML (`views.report_blocks`), from the one read model (`service.region_data`)."""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..analysis import service
from ..shared.config import resolve_snapshots
from ..views import report_blocks, report_dispositifs, report_pdf, report_region
from .data import query, service_frame, today
from .store import history, pin_warehouse


def report_document(departement: str | None) -> dict:
    """The report of a département (its code) or of the whole région (None), as blocks."""
    data = service_frame(service.region_data)
    programmes = service_frame(service.dispositifs)
    edition = report_blocks.edition(
        Path(pin_warehouse()[0]), query("build_info"), resolve_snapshots(), __version__
    )
    if departement is None:
        figures = service_frame(service.report_figures, service.ReportQuery(None))
        return report_region.region_document(
            data,
            service_frame(service.report_comparison),
            figures,
            today(),
            edition,
            report_dispositifs.region_blocks(programmes),
        )
    return report_pdf.departement_document(
        departement,
        data,
        today(),
        edition,
        history(),
        report_dispositifs.departement_blocks(programmes, departement),
    )


def report_pdf_file(departement: str | None) -> bytes:
    return report_pdf.to_pdf(report_document(departement))


def report_html_file(departement: str | None) -> bytes:
    return report_blocks.to_html(report_document(departement)).encode("utf-8")
