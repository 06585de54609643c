"""Streamlit side, the « Doublons » tab: measured precision and recall, pairs and their outcome, and the
coordinators' decisions (« même lieu » / « pas le même lieu »), which the next build applies."""

from __future__ import annotations

import streamlit as st

from .. import texts
from ..shared.formatting import fmt_int, fmt_percent
from ..shared.measures import SPREAD_M
from .auth import sign_in
from .data import decisions_log, query, record_decision
from .lieux_display import source_labels
from .tables import table


def quality_figures() -> None:
    quality = query("dedup_quality")
    if quality.empty or not quality.iloc[0]["labelled"]:
        st.info(texts.qualite.DEDUP_NOT_MEASURED)
        return
    row = quality.iloc[0]
    cols = st.columns(3)
    cols[0].metric(
        texts.qualite.DEDUP_PRECISION, fmt_percent(row["precision"]), help=texts.qualite.DEDUP_PRECISION_HELP
    )
    cols[1].metric(texts.qualite.DEDUP_RECALL, fmt_percent(row["recall"]), help=texts.qualite.DEDUP_RECALL_HELP)
    cols[2].metric(texts.qualite.DEDUP_LABELLED, fmt_int(row["evaluated"]))
    st.caption(
        texts.qualite.DEDUP_MEASURE_NOTE.format(
            fp=fmt_int(row["false_positive"]), fn=fmt_int(row["false_negative"])
        )
    )
    disagreements = query("dedup_disagreements")
    if len(disagreements):
        with st.expander(texts.qualite.DEDUP_DISAGREEMENTS.format(n=fmt_int(len(disagreements)))):
            shown = disagreements.assign(same=disagreements["same"].map(texts.qualite.SAME_WORDS))
            table(shown, texts.qualite.DEDUP_COLUMNS)


def pairs_section() -> None:
    rules = query("dedup_rules")
    rules["rule"] = rules["rule"].map(texts.qualite.DEDUP_RULES)
    rules["status"] = rules["status"].map(texts.qualite.DEDUP_STATUS)
    table(rules, texts.qualite.DEDUP_COLUMNS)
    st.caption(texts.qualite.QUALITY_DEDUP_NOTE.format(spread=fmt_int(SPREAD_M)))
    pairs = query("dedup_pairs_detail")
    shown = pairs.assign(
        rule=pairs["rule"].map(texts.qualite.DEDUP_RULES),
        status=pairs["status"].map(texts.qualite.DEDUP_STATUS),
        source_a=source_labels(pairs["source_a"]),
        source_b=source_labels(pairs["source_b"]),
    )
    table(shown, texts.qualite.DEDUP_COLUMNS, height=300, download=("paires_rapprochees.csv", "q_pairs"))
    spread = query("lieux_spread", (SPREAD_M,))
    if len(spread):
        st.caption(texts.qualite.DEDUP_SPREAD_NOTE.format(n=fmt_int(len(spread)), spread=fmt_int(SPREAD_M)))
        table(spread, texts.qualite.DEDUP_COLUMNS)


def decisions_section() -> None:
    st.markdown(f"**{texts.qualite.DEDUP_DECISIONS_TITLE}**")
    st.caption(texts.qualite.DEDUP_DECISIONS_HELP)
    who = sign_in()
    if who:
        with st.form("dedup_decision", clear_on_submit=True):
            left, right = st.columns(2)
            key_a = left.text_input(
                texts.qualite.DEDUP_KEY_A, max_chars=120, placeholder="rhinocc:Ref_0317"
            )
            key_b = right.text_input(texts.qualite.DEDUP_KEY_B, max_chars=120, placeholder="cnfs:62b30d…")
            same = st.radio(
                texts.qualite.DEDUP_DECISION,
                (True, False),
                format_func=texts.qualite.SAME_WORDS.get,
                horizontal=True,
            )
            comment = st.text_input(texts.qualite.DEDUP_COMMENT, max_chars=300)
            if st.form_submit_button(texts.qualite.DEDUP_RECORD):
                message = record_decision(key_a.strip(), key_b.strip(), same, who, comment)
                (st.success if message == texts.qualite.DEDUP_RECORDED else st.error)(message)
    log = decisions_log()
    if len(log):
        table(log.assign(same=log["same"].map(texts.qualite.SAME_WORDS)), texts.qualite.DEDUP_COLUMNS)
