"""Streamlit side, sign-in: maintainers only may change data (reading stays public).

Two ways, documented in the README: accounts of the secrets file (`[maintainers]`, Argon2 hashes, see
`rhinocc_dash.maintainers`), or, when `[auth]` is configured in the secrets, Streamlit's OpenID Connect
sign-in (`st.login`) with the allowed e-mail addresses listed under `[maintainers_oidc] emails`.
"""

from __future__ import annotations

import streamlit as st

from .. import maintainers, texts
from ..texts import integrer as texts_integrer

SESSION_KEY = "maintainer"


def _secrets_section(name: str) -> dict:
    try:
        return dict(st.secrets.get(name, {}))
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return {}


def _oidc_configured() -> bool:
    return bool(_secrets_section("auth"))


def maintainer() -> str | None:
    """The signed-in maintainer's name (or e-mail with OIDC), None for everyone else."""
    if _oidc_configured():
        allowed = set(_secrets_section("maintainers_oidc").get("emails", []))
        email = st.user.get("email") if st.user.is_logged_in else None
        return email if email in allowed else None
    return st.session_state.get(SESSION_KEY)


def sign_in(container=None) -> str | None:
    """The sign-in form (or the signed-in name with a sign-out button); returns the maintainer."""
    where = container or st
    if st.session_state.get("_integrer"):  # never inside another site's frame (clickjacking)
        where.warning(texts_integrer.EMBED_SIGN_IN_REFUSED)
        return None
    name = maintainer()
    if name:
        where.caption(texts.connexion.SIGNED_IN.format(name=name))
        if where.button(texts.connexion.SIGN_OUT, key="signout"):
            if _oidc_configured():
                st.logout()
            st.session_state.pop(SESSION_KEY, None)
            st.rerun()
        return name
    if _oidc_configured():
        where.button(texts.connexion.SIGN_IN_OIDC, key="signin_oidc", on_click=st.login)
        return None
    accounts = _secrets_section("maintainers")
    if not accounts:
        where.info(texts.connexion.NO_MAINTAINERS)
        return None
    with where.form("signin", clear_on_submit=True):
        user = st.text_input(texts.connexion.SIGN_IN_NAME, max_chars=64, autocomplete="username")
        password = st.text_input(
            texts.connexion.SIGN_IN_PASSWORD, type="password", max_chars=256, autocomplete="current-password"
        )
        submitted = st.form_submit_button(texts.connexion.SIGN_IN)
    if submitted:
        if locked := maintainers.seconds_locked(user):
            where.error(texts.connexion.SIGN_IN_LOCKED.format(minutes=max(1, locked // 60)))
        elif maintainers.verify(accounts, user, password):
            st.session_state[SESSION_KEY] = user
            st.rerun()
        else:
            where.error(texts.connexion.SIGN_IN_FAILED)
    return None
