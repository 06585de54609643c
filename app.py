"""rhinocc-dash: router (page config, shared sidebar, navigation)."""

import streamlit as st

from rhinocc_dash import texts, ui

st.set_page_config(page_title=texts.APP_TITLE, page_icon="📍", layout="wide")
PAGES = [
    st.Page("pages/accueil.py", title=texts.PAGE_HOME, icon=":material/home:", default=True),
    st.Page("pages/carte.py", title=texts.PAGE_MAP, icon=":material/map:", url_path="carte"),
    st.Page(
        "pages/couverture.py",
        title=texts.PAGE_COVERAGE,
        icon=":material/bar_chart:",
        url_path="couverture",
    ),
    st.Page("pages/ecarts.py", title=texts.PAGE_GAP, icon=":material/target:", url_path="ecarts"),
    st.Page(
        "pages/annuaire.py", title=texts.PAGE_DIRECTORY, icon=":material/list:", url_path="annuaire"
    ),
    st.Page(
        "pages/qualite.py",
        title=texts.PAGE_QUALITY,
        icon=":material/fact_check:",
        url_path="qualite",
    ),
    st.Page(
        "pages/rapport.py",
        title=texts.PAGE_REPORT,
        icon=":material/description:",
        url_path="rapport",
    ),
]
navigation = st.navigation(PAGES)
ui.sidebar(PAGES)
ui.data_age_banner()
navigation.run()
