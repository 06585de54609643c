"""Streamlit side, sources in two steps: one short line under each figure (producers and vintages), the
full paragraph (titles, licences, method) one click away, given once per page run."""

from __future__ import annotations

import html

import streamlit as st

from ..texts.accessibilite import SOURCES_DETAIL

SHOWN = "_rhinocc_sources_shown"


class SourceNote(str):
    """The full « Sources : … Licence : … » paragraph (the string itself) with its one-line form."""

    short: str

    def __new__(cls, full: str, short: str) -> SourceNote:
        note = super().__new__(cls, full)
        note.short = short or full
        return note

    def __reduce__(self):
        return SourceNote, (str(self), self.short)


def with_note(source: str, note: str) -> str:
    """The source followed by a method note (the short line is unchanged)."""
    if isinstance(source, SourceNote):
        return SourceNote(f"{source} {note}", source.short)
    return f"{source} {note}"


def new_run() -> None:
    """Forget which full paragraphs were given (called by the router at the start of every run)."""
    st.session_state[SHOWN] = set()


def source_note(source: str, where=None) -> None:
    """The short line; the first time a paragraph appears in this run, the line opens onto it."""
    where = where or st
    if not isinstance(source, SourceNote) or source.short == str(source):
        where.html(f'<p class="rhinocc-source">{html.escape(str(source))}</p>')
        return
    shown = st.session_state.get(SHOWN)
    if shown is not None and str(source) in shown:
        where.html(f'<p class="rhinocc-source">{html.escape(source.short)}</p>')
        return
    if shown is not None:
        shown.add(str(source))
    where.html(
        f'<details class="rhinocc-source"><summary>{html.escape(source.short)} '
        f'<span class="rhinocc-more">{html.escape(SOURCES_DETAIL)}</span></summary>'
        f"<p>{html.escape(str(source))}</p></details>"
    )
