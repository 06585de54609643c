"""rhinocc-dash: router (page config, shared sidebar, navigation)."""

import streamlit as st

from rhinocc_dash import texts, texts_orienter, ui

st.set_page_config(page_title=texts.APP_TITLE, page_icon="📍", layout="wide")
# Each page's address is its file name (/carte, /ecarts…).
PAGES = [
    st.Page("pages/accueil.py", title=texts.PAGE_HOME, icon=":material/home:", default=True),
    st.Page("pages/carte.py", title=texts.PAGE_MAP, icon=":material/map:"),
    st.Page("pages/couverture.py", title=texts.PAGE_COVERAGE, icon=":material/bar_chart:"),
    st.Page("pages/ecarts.py", title=texts.PAGE_GAP, icon=":material/target:"),
    st.Page("pages/orienter.py", title=texts_orienter.PAGE_TITLE, icon=":material/near_me:"),
    st.Page("pages/annuaire.py", title=texts.PAGE_DIRECTORY, icon=":material/list:"),
    st.Page("pages/qualite.py", title=texts.PAGE_QUALITY, icon=":material/fact_check:"),
    st.Page("pages/rapport.py", title=texts.PAGE_REPORT, icon=":material/description:"),
    st.Page("pages/mise_a_jour.py", title=texts.PAGE_UPDATE, icon=":material/upload_file:"),
    st.Page("pages/atelier.py", title=texts.PAGE_WORKSHOP, icon=":material/co_present:"),
]
navigation = st.navigation(PAGES)
ui.start_memory_trim()
ui.pin_warehouse()
ui.sidebar(PAGES)
ui.data_age_banner()
ui.source_status_banner()
navigation.run()
