"""Streamlit side, the coverage page's drill-down and tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import texts
from ..analysis import service
from ..analysis.coverage import frame_with_total, reference
from ..views import charts
from .chart_with_table import chart_block
from .data import service_frame
from .source_notes import source_note, with_note
from .tables import table


@st.fragment
def epci_drill_down(dep: str, dep_name: str, metric: str, measure, source: str) -> None:
    """The EPCI of a département: chart, table and the communes farthest from a lieu (reruns alone)."""
    epci, dep_row = service_frame(service.epci_coverage, dep)
    st.header(f"{texts.couverture.COVERAGE_EPCI_TITLE} · {dep} {dep_name}")
    chart_block(
        charts.territory_bar(
            epci["nom"],
            epci["code"],
            epci[metric],
            measure,
            f"{measure.label}, par EPCI",
            *reference(measure, epci[metric], dep_row, dep_name),
        ),
        epci[["code", "nom", metric]],
        f"graphique_epci_{dep}_{metric}.csv",
        with_note(source, texts.couverture.COVERAGE_EPCI_NOTE),
        "cov_epci_bar",
        names=texts.couverture.COVERAGE_COLUMNS,
        kinds=texts.couverture.COVERAGE_KINDS,
    )
    coverage_table(frame_with_total(epci, dep_row), f"couverture_epci_{dep}.csv", "cov_epci_table")
    st.header(f"{texts.couverture.COVERAGE_FARTHEST_TITLE} · {dep} {dep_name}")
    farthest = service_frame(service.farthest_communes, dep)
    table(
        farthest,
        texts.couverture.COVERAGE_FARTHEST_COLUMNS,
        {"distance_mediane_km": "decimal1", "part_population_10km": "percent"},
        download=(f"communes_eloignees_{dep}.csv", "cov_farthest"),
    )
    source_note(source)


def coverage_table(frame: pd.DataFrame, filename: str, key: str) -> None:
    """A sortable coverage table in French, and its CSV download."""
    columns = [c for c in texts.couverture.COVERAGE_COLUMNS if c in frame.columns]
    table(
        frame[columns],
        texts.couverture.COVERAGE_COLUMNS,
        texts.couverture.COVERAGE_KINDS,
        download=(filename, key),
    )
