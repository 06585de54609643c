"""Streamlit side, embed mode: any page opened with `?integrer=1` (or Streamlit's `embed=true`) shows
only its content, a source line and « Ouvrir le tableau de bord complet »; « Intégrer cette vue » gives
the `<iframe>` code of the current view; the « Données ouvertes » section of the Annuaire."""

from __future__ import annotations

import contextlib
import html
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import opendata
from ..shared.formatting import fmt_date, fmt_int
from ..texts import integrer as tx
from ..views import embed as embed_view
from .data import data_age
from .store import _key

FLAG = "_integrer"
# Pages built for a 600 px high / 360 px wide frame; every page obeys ?integrer=1 except these.
EMBEDDABLE = ("carte", "annuaire", "orienter")
NEVER_FRAMED = ("mise_a_jour",)

HIDE_CHROME = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 0.4rem 0.8rem 0.8rem !important; }
h1 { font-size: 1.3rem !important; padding: 0 0 0.2rem !important; }
</style>"""


def embedded() -> bool:
    """Whether this session runs in a frame: `?integrer=1` or `embed=true` once is enough (the pages
    rewrite their URL on every rerun)."""
    if st.query_params.get(embed_view.PARAM) == "1" or st.context.is_embedded:
        st.session_state[FLAG] = True
    return bool(st.session_state.get(FLAG))


def page_path(navigation) -> str:
    return getattr(navigation, "url_path", "") or ""


def start(navigation) -> bool:
    """In a frame: hide the sidebar, menu and header; refuse the pages that are never framed."""
    if not embedded():
        return False
    st.markdown(HIDE_CHROME, unsafe_allow_html=True)
    if page_path(navigation) in NEVER_FRAMED:
        st.info(tx.EMBED_REFUSED)
        st.markdown(_open_link(page_path(navigation), {}), unsafe_allow_html=True)
        st.stop()
    return True


@contextlib.contextmanager
def links(navigation, framed: bool):
    """Around the page: in a frame, the source line and the link to the full view above it; outside,
    « Intégrer cette vue » in the sidebar. Both are filled once the page has set its URL."""
    path = page_path(navigation)
    slot = st.container() if framed else (st.sidebar.container() if path in EMBEDDABLE else None)
    try:
        yield
    finally:
        if slot is not None:
            params = embed_view.view_params(st.query_params.to_dict())
            if framed:
                _frame_header(slot, path, params)
                st.query_params[embed_view.PARAM] = "1"  # a reload of the frame stays framed
            else:
                with slot:
                    _offer(navigation, path, params)


def _open_link(path: str, params: dict) -> str:
    return (
        f'<a href="{html.escape(embed_view.full_view_url(path, params))}" target="_blank" '
        f'rel="noopener" aria-label="{html.escape(tx.EMBED_OPEN_FULL_LABEL)}">'
        f"{html.escape(tx.EMBED_OPEN_FULL)} ↗</a>"
    )


def _frame_header(slot, path: str, params: dict) -> None:
    oldest, newest = data_age()
    source = tx.EMBED_SOURCE.format(hub=tx.HUB, oldest=oldest, newest=newest)
    slot.markdown(
        f'<p style="font-size:0.85rem;margin:0">{html.escape(source)} · {_open_link(path, params)}</p>',
        unsafe_allow_html=True,
    )


def _offer(navigation, path: str, params: dict) -> None:
    with st.popover(tx.OFFER_BUTTON, help=tx.OFFER_HELP, icon=":material/code:"):
        st.caption(tx.OFFER_INTRO)
        height = st.select_slider(tx.OFFER_SIZE, options=(400, 500, 600, 700, 800), value=600)
        origin = embed_view.origin(st.context.url)
        if origin is None:
            st.caption(tx.OFFER_NO_ADDRESS)
        title = tx.IFRAME_TITLE.format(page=getattr(navigation, "title", path), hub=tx.HUB)
        st.code(
            embed_view.iframe_snippet(origin or "https://…", path, params, title, height),
            language="html",
            wrap_lines=True,
        )
        sites = allowed_sites()
        st.caption(
            tx.OFFER_ALLOWED.format(sites=", ".join(sites)) if sites else tx.OFFER_NONE_ALLOWED
        )


def allowed_sites() -> tuple[str, ...]:
    """The sites `rhinocc-dash serve --integrer-depuis` allows (given to the workers it starts)."""
    raw = os.environ.get("RHINOCC_INTEGRER_DEPUIS", "")
    return tuple(s.strip() for s in raw.split(",") if s.strip())


def open_data_section() -> None:
    """« Données ouvertes »: the files of the version on screen, with their size and date."""
    st.header(tx.OPEN_DATA_TITLE)
    st.caption(tx.OPEN_DATA_INTRO)
    db = Path(_key()[0])
    snapshots, version = db.parent.parent, db.parent.name
    if not (snapshots / version / "manifest.json").is_file():
        st.info(tx.OPEN_DATA_NONE)
        return
    found = opendata.status(snapshots, version)
    if found["failure"]:
        st.warning(
            tx.OPEN_DATA_FAILED.format(
                date=fmt_date(found["failure"]["le"][:10]), reason=found["failure"]["raison"]
            )
        )
    package = found["package"]
    if package is None:
        if not found["failure"]:
            st.info(tx.OPEN_DATA_NONE)
        return
    files = embed_view.open_data_files(package)
    st.caption(
        tx.OPEN_DATA_VERSION.format(
            date=fmt_date(package["created"][:10]),
            version=version,
            n=fmt_int(len(files)),
            size=embed_view.fmt_size(sum(r["bytes"] for r in package["resources"])),
        )
    )
    st.dataframe(
        pd.DataFrame(files)[list(tx.OPEN_DATA_COLUMNS)],
        hide_index=True,
        column_config={
            **{k: st.column_config.TextColumn(v) for k, v in tx.OPEN_DATA_COLUMNS.items()},
            "lien": st.column_config.LinkColumn(
                tx.OPEN_DATA_COLUMNS["lien"], display_text="Télécharger"
            ),
        },
    )
    st.caption(tx.OPEN_DATA_EARLIER.format(example=f"/donnees/{version}/datapackage.json"))
