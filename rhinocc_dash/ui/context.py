"""Streamlit side, the home page's regional context (figures quoted from the region's settings)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import texts
from ..formatting import fmt_int, fmt_millions, fmt_percent
from .data import caption


def regional_context(population: int, poverty: pd.Series) -> None:
    """People to accompany (the source's share and ours), poverty, illectronism, weak uses."""
    context = st.columns(2) + st.columns(2)
    context[0].metric(
        texts.CONTEXT_A_ACCOMPAGNER,
        fmt_millions(texts.A_ACCOMPAGNER_PERSONNES),
        help=texts.CONTEXT_A_ACCOMPAGNER_HELP,
    )
    context[0].caption(
        texts.CONTEXT_A_ACCOMPAGNER_SHARE.format(
            share=fmt_percent(texts.A_ACCOMPAGNER_PART, ratio=False),
            population=fmt_int(population),
            people=fmt_millions(texts.A_ACCOMPAGNER_PERSONNES),
            ours=fmt_percent(texts.A_ACCOMPAGNER_PERSONNES / population),
        )
    )
    context[1].metric(texts.CONTEXT_PAUVRETE, fmt_percent(poverty["taux_pauvrete"], ratio=False))
    context[2].metric(texts.CONTEXT_ILLECTRONISME, fmt_millions(texts.ILLECTRONISME_PERSONNES))
    context[3].metric(texts.CONTEXT_USAGE_FAIBLE, fmt_millions(texts.USAGE_FAIBLE_PERSONNES))
    st.caption(
        f"Illectronisme et usages faibles : {texts.SOURCE_ILLECTRONISME}. "
        f"Pauvreté : {caption(['filosofi_departement'])}"
    )
