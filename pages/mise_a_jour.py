"""Mise à jour des données (maintainers): bring in files, check them, compare, publish, roll back."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.ui import admin, admin_report

ui.through_router()

st.title(texts.mise_a_jour.UPDATE_TITLE)
st.caption(texts.mise_a_jour.UPDATE_INTRO)
who = ui.sign_in()
if not who:
    st.info(texts.mise_a_jour.UPDATE_SIGN_IN_FIRST)
    st.stop()

job = admin.current_job()
if job is None:
    st.header(texts.mise_a_jour.UPDATE_STEP_FILES)
    accepted = admin.recognition_table(admin.files_step())
    wanted = accepted or st.session_state.get("update_retire")
    if st.button(texts.mise_a_jour.UPDATE_CHECK, type="primary", disabled=not wanted, key="update_check"):
        admin.start_build(accepted)
        st.rerun()
elif not job["done"]:
    st.header(texts.mise_a_jour.UPDATE_STEP_BUILD)
    admin.build_progress()
elif job["error"]:
    st.error(texts.mise_a_jour.UPDATE_BUILD_FAILED.format(error=job["error"]))
    if st.button(texts.mise_a_jour.UPDATE_RESTART, key="update_restart"):
        admin.forget_job(discard=True)
        st.rerun()
else:
    staged = job["staged"]
    st.header(texts.mise_a_jour.UPDATE_STEP_REPORT)
    admin_report.validation(staged)
    st.header(texts.mise_a_jour.UPDATE_STEP_COMPARE)
    admin_report.comparison(staged)
    st.header(texts.mise_a_jour.UPDATE_STEP_PUBLISH)
    comment = st.text_area(texts.mise_a_jour.UPDATE_COMMENT, key="update_comment", max_chars=500)
    left, right = st.columns(2)
    if left.button(texts.mise_a_jour.UPDATE_PUBLISH, type="primary", disabled=not comment.strip()):
        admin.publish_candidate(staged, who, comment.strip())
    if right.button(texts.mise_a_jour.UPDATE_DISCARD):
        admin.forget_job(discard=True)
        st.rerun()

if published := st.session_state.pop("update_published", None):
    st.success(texts.mise_a_jour.UPDATE_PUBLISHED.format(version=published))
st.divider()
st.header(texts.mise_a_jour.UPDATE_STEP_SNAPSHOTS)
admin_report.snapshot_list(who)
