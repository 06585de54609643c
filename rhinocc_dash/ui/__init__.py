"""The Streamlit layer: the only part of the package (with pages/) that imports streamlit.

Split by role: `data` (the one cached accessor `service_frame` to the functions of `analysis.service`,
re-exported here as `service` so that pages name a figure without importing `analysis`),
`controls` (sidebar widgets, URL seeding, chart selections), `page_frame` (the router guard, the menu),
`tables` and `chart_with_table` (French tables and charts with their downloads), `legends`, `lieux_display`
(the lieux table, the card, the standard's exports), and one module per page's sections.
"""

from ..analysis import service
from ..analysis.coverage import (
    FAMILY_ORDER,
    FRANCE_SERVICES_EDITIONS,
    frame_with_total,
    reference,
)
from ..analysis.gap import SOURCES as GAP_SOURCES
from ..analysis.lieux import LieuFilters
from ..analysis.quality import COMPLETENESS_FIELDS
from ..serving.memory import start_memory_trim
from ..shared.config import REGION
from . import embed
from .a11y import french_accessibility
from .auth import maintainer, sign_in
from .banners import data_age_banner, source_status_banner
from .basemap import UNREACHABLE as TILES_UNREACHABLE
from .basemap import base_layers, tile_fallback, unreachable_notice
from .chart_with_table import chart_block, clicked_code, static_chart_block
from .context import regional_context
from .controls import (
    clicked_feature,
    filter_sidebar,
    gap_sidebar,
    map_allowed,
    map_options_sidebar,
    picked_lieu,
    whatif_block,
)
from .coverage import coverage_table, epci_drill_down
from .data import (
    caption,
    catalogue,
    current_sources,
    filtered_lieux,
    geometries,
    lieux,
    map_layer,
    query,
    service_frame,
    source_names,
    today,
)
from .dedup import decisions_section as dedup_decisions_section
from .dedup import pairs_section as dedup_pairs_section
from .dedup import quality_figures as dedup_quality_figures
from .gap import focus_departement, gap_map, gap_table, hypotheses_table, picked_explanation
from .history import history_block
from .keyboard import lieu_picker
from .legends import html_legend, map_legends
from .lieux_display import (
    lieu_detail,
    lieu_dialog,
    lieux_table,
    readable_records,
    source_labels,
    source_with_vintage,
    standard_exports,
)
from .page_frame import is_phone, sidebar, through_router, url_notices
from .reports import report_html_file, report_pdf_file
from .source_notes import source_note, with_note
from .store import history, pin_warehouse
from .tables import csv_button, table

REGION_NAME = REGION.name

__all__ = [
    "REGION",
    "REGION_NAME",
    "report_html_file",
    "report_pdf_file",
    "service",
    "COMPLETENESS_FIELDS",
    "FAMILY_ORDER",
    "FRANCE_SERVICES_EDITIONS",
    "GAP_SOURCES",
    "LieuFilters",
    "filtered_lieux",
    "map_layer",
    "picked_explanation",
    "embed",
    "lieu_picker",
    "source_note",
    "with_note",
    "french_accessibility",
    "regional_context",
    "caption",
    "catalogue",
    "chart_block",
    "static_chart_block",
    "clicked_code",
    "clicked_feature",
    "coverage_table",
    "csv_button",
    "current_sources",
    "data_age_banner",
    "source_status_banner",
    "start_memory_trim",
    "TILES_UNREACHABLE",
    "base_layers",
    "tile_fallback",
    "unreachable_notice",
    "dedup_decisions_section",
    "dedup_pairs_section",
    "dedup_quality_figures",
    "epci_drill_down",
    "filter_sidebar",
    "focus_departement",
    "frame_with_total",
    "gap_map",
    "gap_sidebar",
    "gap_table",
    "geometries",
    "history",
    "history_block",
    "html_legend",
    "hypotheses_table",
    "is_phone",
    "lieu_detail",
    "lieu_dialog",
    "lieux",
    "lieux_table",
    "maintainer",
    "map_allowed",
    "map_legends",
    "map_options_sidebar",
    "picked_lieu",
    "pin_warehouse",
    "query",
    "readable_records",
    "reference",
    "service_frame",
    "sidebar",
    "sign_in",
    "source_labels",
    "source_names",
    "source_with_vintage",
    "standard_exports",
    "table",
    "through_router",
    "today",
    "url_notices",
    "whatif_block",
]
