"""Mode atelier: the dashboard as a presentation for a room (large type, one idea per screen, offline
maps, ← → keys, the position in the URL so that a reload resumes)."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.shared.formatting import md_text
from rhinocc_dash.ui import workshop as screens_ui

ui.through_router()
screens_ui.setup()

screens, titles, notices = screens_ui.sequence()
index, understood = screens_ui.position(screens, st.query_params.get("ecran"))
if not understood:
    notices.append(texts.atelier.WORKSHOP_UNKNOWN_SCREEN.format(value=st.query_params.get("ecran")))
screen = screens[index]
st.query_params["ecran"] = screen.key
for notice in notices:
    st.warning(md_text(notice))

screens_ui.navigation(
    screens, titles, index
)  # on top: always in view, whatever the screen's height
main, side = st.columns([6, 1])
with main:
    title = titles[screen.key]
    if screen.kind == "contexte":
        screens_ui.context_screen(title)
    elif screen.kind == "offre":
        screens_ui.offer_screen(title)
    elif screen.kind == "carte":
        screens_ui.map_screen(title)
    elif screen.kind == "departement":
        screens_ui.departement_screen(title, screen.departement)
    else:
        screens_ui.whatif_screen(title)
with side:
    screens_ui.qr_code()
