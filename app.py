"""rhinocc-dash: router (page config, shared sidebar, navigation)."""

import streamlit as st

from rhinocc_dash import texts, ui

st.set_page_config(page_title=texts.APP_TITLE, page_icon="📍", layout="wide")
navigation = st.navigation(
    [
        st.Page("pages/accueil.py", title=texts.PAGE_HOME, icon="🏠", default=True),
    ]
)
ui.sidebar()
navigation.run()
