"""The Streamlit layer: the only part of the package (with pages/) that imports streamlit.

Split by role: `data` (warehouse guard, connection, cached queries), `controls` (sidebar widgets, URL seeding,
chart selections), `widgets` (legends, tables with downloads, cards, the router guard).
"""

from .controls import (
    clicked_feature,
    filter_sidebar,
    gap_sidebar,
    map_allowed,
    map_options_sidebar,
    picked_lieu,
    whatif_block,
)
from .data import choropleth, connection, gap_base, geometries, lieux, query, report_inputs, today
from .widgets import (
    chart_block,
    clicked_code,
    coverage_column_config,
    coverage_table,
    download,
    frame_with_total,
    html_legend,
    lieu_detail,
    lieux_table,
    readable_records,
    sidebar,
    source_label,
    source_with_vintage,
    standard_exports,
    through_router,
)

__all__ = [
    "choropleth",
    "chart_block",
    "clicked_code",
    "clicked_feature",
    "connection",
    "coverage_column_config",
    "coverage_table",
    "download",
    "filter_sidebar",
    "frame_with_total",
    "gap_base",
    "gap_sidebar",
    "geometries",
    "html_legend",
    "lieu_detail",
    "lieux",
    "lieux_table",
    "map_allowed",
    "map_options_sidebar",
    "picked_lieu",
    "query",
    "readable_records",
    "report_inputs",
    "sidebar",
    "source_label",
    "source_with_vintage",
    "standard_exports",
    "through_router",
    "today",
    "whatif_block",
]
