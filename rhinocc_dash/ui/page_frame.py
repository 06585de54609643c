"""Streamlit side, the frame of every page: the router guard, the sidebar menu, the phone check, the URL's notices."""

from __future__ import annotations

import runpy

import streamlit as st

from .. import texts
from ..shared.config import PROJECT_ROOT
from ..shared.formatting import md_text


def is_phone() -> bool:
    """Whether the browser says it is a phone (its User-Agent): the map then starts zoomed out so that
    the whole région fits a 390-pixel-wide screen."""
    agent = (st.context.headers or {}).get("User-Agent", "")
    return "Mobi" in agent or "Android" in agent


def sidebar(pages: list | None = None) -> None:
    """The menu (our own page links: Streamlit's automatic menu would first flash the raw file names
    of `pages/` on a freshly started server, so it is hidden in .streamlit/config.toml), then a note."""
    menu = st.sidebar.container(key="rhinocc_menu")  # a navigation list (ui/a11y_fr.js)
    for page in pages or []:
        menu.page_link(page)
    if pages:
        st.sidebar.divider()
    st.sidebar.caption(texts.common.SIDEBAR_NOTE)


def through_router() -> None:
    """Run the app's router when Streamlit runs a page file directly.

    With a `pages/` folder beside app.py, Streamlit's first run on a fresh server follows the old
    multipage convention: a shared link such as /carte runs pages/carte.py without app.py, so the
    page would lose the navigation and page settings. The router then takes over and this run stops.
    """
    try:  # an internal module of Streamlit: absent from versions without the old convention
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:
        return
    if PagesManager.uses_pages_directory:
        runpy.run_path(str(PROJECT_ROOT / "app.py"), run_name="__main__")
        st.stop()


def url_notices(notices: list[str]) -> None:
    """The link's values that were ignored, shown as plain text (never Markdown from the URL)."""
    if notices:
        st.warning(
            texts.carte.MAP_URL_NOTICE + "\n" + "\n".join(f"- {md_text(n)}" for n in notices)
        )
