"""Streamlit side, the history of the offer across published versions (Couverture)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import texts
from ..views import charts
from .tables import table


def history_block(history: pd.DataFrame, dep_names: dict[str, str]) -> None:
    """Lieux per version stacked by label, then per département (one column per version)."""
    versions = list(dict.fromkeys(history["version"]))
    if len(versions) < 2:
        st.info(texts.mise_a_jour.HISTORY_ONE)
    st.plotly_chart(
        charts.history_bars(history, texts.mise_a_jour.HISTORY_TITLE),
        width="stretch",
        config={"displaylogo": False, "locale": "fr"},
        key="cov_history",
    )
    st.caption(texts.mise_a_jour.HISTORY_NOTE)
    st.markdown(f"**{texts.mise_a_jour.HISTORY_DEP_TITLE}**")
    wide = (
        history.groupby(["departement", "version"])["lieux"]
        .sum()
        .unstack(fill_value=0)
        .reindex(columns=versions)
        .reset_index()
    )
    wide.columns.name = None
    wide.insert(1, "nom", wide["departement"].map(dep_names))
    names = {
        "departement": "Code",
        "nom": "Département",
        **{v: texts.common.version_label(v) for v in versions},
    }
    table(wide, names, dict.fromkeys(versions, "int"), download=("historique.csv", "cov_hist"))
