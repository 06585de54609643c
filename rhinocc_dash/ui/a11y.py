"""Streamlit side, accessibility of the whole app: French names and lang="fr" in the browser, contrast
and visible focus (called once per run by the router's sidebar)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit as st

from ..texts.accessibilite import ENGLISH_NAMES, ENGLISH_PREFIXES
from ..texts.common import APP_TITLE
from .source_notes import new_run

# Captions (Streamlit fades them to 60 %: #6f7273, 4.36:1 on the sidebar's #eef4f6) drawn at 7:1; a
# focus ring every control shows, whatever Streamlit's own style (WCAG 1.4.3, 2.4.7).
STYLE = """<style>
[data-testid="stSidebar"] [data-testid="stCaptionContainer"],
[data-testid="stCaptionContainer"] { color: #4a4d4f; opacity: 1; }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible,
select:focus-visible, summary:focus-visible, [role="button"]:focus-visible, [role="tab"]:focus-visible,
[role="radio"]:focus-visible, [role="checkbox"]:focus-visible, [role="switch"]:focus-visible,
[role="slider"]:focus-visible, [role="combobox"]:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #0f6e8c !important; outline-offset: 2px;
}
/* Boundaries of fields at 3:1 at least against their background (WCAG 1.4.11) */
[data-baseweb="input"], [data-baseweb="select"] > div, [data-baseweb="textarea"] {
  border-color: #6b7075 !important;
}
/* Sources in two steps (rhinocc_dash/ui/source_notes.py): the caption's size and colour */
.rhinocc-source { font-size: 0.875rem; color: #4a4d4f; margin: 0 0 0.5rem 0; }
.rhinocc-source summary { cursor: pointer; }
.rhinocc-source .rhinocc-more { text-decoration: underline; }
.rhinocc-source p { margin: 0.25rem 0 0 0; }
/* Reflow at 320 px: long words (URLs, source titles) wrap instead of widening the page */
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stCaptionContainer"] {
  overflow-wrap: anywhere;
}
</style>"""


@cache
def _script() -> str:
    exact = {**ENGLISH_NAMES}
    template = (Path(__file__).with_name("a11y_fr.js")).read_text(encoding="utf-8")
    script = template.replace("@@EXACT@@", json.dumps(exact, ensure_ascii=False)).replace(
        "@@PREFIXES@@", json.dumps([list(p) for p in ENGLISH_PREFIXES], ensure_ascii=False)
    )
    return f"<script>{script}</script>"


def french_accessibility(page_title: str) -> None:
    """lang="fr", French names of the framework's controls, contrast and focus styles, a title per
    page (RGAA 8.6); a new page run for the source notes."""
    st.set_page_config(page_title=f"{page_title} · {APP_TITLE}")
    new_run()
    st.html(STYLE)
    st.html(_script(), unsafe_allow_javascript=True)
