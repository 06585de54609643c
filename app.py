"""rhinocc-dash: router (page config, shared sidebar, navigation)."""

import streamlit as st

from rhinocc_dash import texts, ui

st.set_page_config(page_title=texts.APP_TITLE, page_icon=":material/location_on:", layout="wide")
navigation = st.navigation(
    [
        st.Page("pages/accueil.py", title=texts.PAGE_HOME, icon=":material/home:", default=True),
        st.Page("pages/carte.py", title=texts.PAGE_MAP, icon=":material/map:", url_path="carte"),
        st.Page(
            "pages/couverture.py",
            title=texts.PAGE_COVERAGE,
            icon=":material/bar_chart:",
            url_path="couverture",
        ),
    ]
)
ui.sidebar()
navigation.run()
