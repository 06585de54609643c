"""Streamlit side, the keyboard's way to what a pointer does on the map: a lieu's card opened by
choosing the lieu by name among those shown (the map canvas only answers clicks)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..texts import accessibilite as texts_a11y


def lieu_picker(shown: pd.DataFrame, key: str) -> str | None:
    """A list of the lieux shown (type to search) and a button; the chosen lieu once the button is
    pressed, else None."""
    ordered = shown.sort_values(["nom", "commune"], key=lambda s: s.fillna("").str.lower())
    labels = dict(
        zip(
            ordered["lieu_id"],
            ordered["nom"].fillna("—") + " · " + ordered["commune"].fillna("—"),
            strict=True,
        )
    )
    choice = st.selectbox(
        texts_a11y.PICK_LIEU,
        list(labels),
        index=None,
        format_func=labels.get,
        placeholder=texts_a11y.PICK_LIEU_PLACEHOLDER,
        key=f"{key}_lieu",
    )
    pressed = st.button(texts_a11y.OPEN_CARD, key=f"{key}_open", disabled=choice is None)
    return choice if pressed and choice is not None else None
