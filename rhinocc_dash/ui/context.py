"""Streamlit side, the home page's regional context (figures quoted from the region's settings)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import texts
from ..shared.config import REGION
from ..shared.formatting import fmt_int, fmt_millions, fmt_percent
from .data import caption


def regional_context(population: int, poverty: pd.Series) -> None:
    """People to accompany (the source's share and ours), poverty, illectronism, weak uses."""
    context = st.columns(2) + st.columns(2)
    context[0].metric(
        texts.accueil.CONTEXT_A_ACCOMPAGNER,
        fmt_millions(REGION.quoted("a_accompagner")),
        help=texts.accueil.CONTEXT_A_ACCOMPAGNER_HELP,
    )
    context[0].caption(
        texts.accueil.CONTEXT_A_ACCOMPAGNER_SHARE.format(
            share=fmt_percent(REGION.quoted("a_accompagner_part"), ratio=False),
            population=fmt_int(population),
            people=fmt_millions(REGION.quoted("a_accompagner")),
            ours=fmt_percent(REGION.quoted("a_accompagner") / population),
        )
    )
    context[1].metric(texts.accueil.CONTEXT_PAUVRETE, fmt_percent(poverty["taux_pauvrete"], ratio=False))
    context[2].metric(texts.accueil.CONTEXT_ILLECTRONISME, fmt_millions(REGION.quoted("illectronisme")))
    context[3].metric(texts.accueil.CONTEXT_USAGE_FAIBLE, fmt_millions(REGION.quoted("usages_faibles")))
    st.caption(
        f"Illectronisme et usages faibles : {REGION.context_source}. "
        f"Pauvreté : {caption(['filosofi_departement'])}"
    )
