"""Signalements (maintainers): the queue of correction requests, its decisions, the update campaigns."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.texts import corrections as T
from rhinocc_dash.ui import corrections

ui.through_router()

st.title(T.MODERATION_PAGE_TITLE)
st.caption(T.MODERATION_PAGE_INTRO)
who = ui.sign_in()
if not who:
    st.info(texts.mise_a_jour.UPDATE_SIGN_IN_FIRST)
    st.stop()

section = st.segmented_control(
    T.MODERATION_PAGE_TITLE, T.MODERATION_SECTIONS, key="corr_section",
    default=T.MODERATION_SECTIONS[0], label_visibility="collapsed",
) or T.MODERATION_SECTIONS[0]
if section == T.MODERATION_SECTIONS[0]:
    st.subheader(T.MODERATION_TITLE)
    corrections.moderation(who)
    st.divider()
    corrections.publish_corrections(who)
else:
    st.subheader(T.CAMPAIGN_TITLE)
    base_url = (st.context.url or "").rsplit("/", 1)[0]
    corrections.campaigns_panel(who, base_url)
