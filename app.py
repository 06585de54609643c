"""rhinocc-dash: router (page config, shared sidebar, navigation)."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.texts import accessibilite as texts_a11y
from rhinocc_dash.texts import corrections as texts_corrections
from rhinocc_dash.texts import orienter as texts_orienter
from rhinocc_dash.texts.dispositifs import PAGE_TITLE as PAGE_PROGRAMMES

st.set_page_config(page_title=texts.common.APP_TITLE, page_icon="📍", layout="wide")
# Each page's address is its file name (/carte, /ecarts…).
PAGES = [
    st.Page("pages/accueil.py", title=texts.common.PAGE_HOME, icon=":material/home:", default=True),
    st.Page("pages/carte.py", title=texts.common.PAGE_MAP, icon=":material/map:"),
    st.Page("pages/couverture.py", title=texts.common.PAGE_COVERAGE, icon=":material/bar_chart:"),
    st.Page("pages/ecarts.py", title=texts.common.PAGE_GAP, icon=":material/target:"),
    st.Page("pages/orienter.py", title=texts_orienter.PAGE_TITLE, icon=":material/near_me:"),
    st.Page("pages/dispositifs.py", title=PAGE_PROGRAMMES, icon=":material/account_balance:"),
    st.Page("pages/annuaire.py", title=texts.common.PAGE_DIRECTORY, icon=":material/list:"),
    st.Page("pages/qualite.py", title=texts.common.PAGE_QUALITY, icon=":material/fact_check:"),
    st.Page("pages/rapport.py", title=texts.common.PAGE_REPORT, icon=":material/description:"),
    st.Page("pages/mise_a_jour.py", title=texts.common.PAGE_UPDATE, icon=":material/upload_file:"),
    st.Page("pages/atelier.py", title=texts.common.PAGE_WORKSHOP, icon=":material/co_present:"),
    st.Page("pages/signalements.py", title=texts_corrections.PAGE_CORRECTIONS, icon=":material/flag:"),
    st.Page("pages/accessibilite.py", title=texts_a11y.PAGE_TITLE, icon=":material/accessibility:"),
]
navigation = st.navigation(PAGES)
ui.start_memory_trim()
ui.pin_warehouse()
framed = ui.embed.start(navigation)  # ?integrer=1: the page's content only (ui/embed.py)
if not framed:
    ui.sidebar(PAGES)
ui.french_accessibility(navigation.title)
if not framed:
    ui.data_age_banner()
    ui.source_status_banner()
with ui.embed.links(navigation, framed):
    navigation.run()
