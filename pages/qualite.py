"""Qualité des données: completeness, freshness, duplicates, quarantine, location, catalogue, to-do list."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.analysis import quality
from rhinocc_dash.formatting import fmt_date

ui.through_router()

st.title(texts.QUALITY_TITLE)
st.caption(texts.QUALITY_INTRO)

records = ui.query("quality_records")
names = ui.source_label
percent = {
    c: st.column_config.ProgressColumn(c, format="percent", min_value=0, max_value=1)
    for c in [*texts.QUALITY_COLUMNS.values(), *quality.COMPLETENESS_FIELDS.values()]
}
tabs = st.tabs(texts.QUALITY_TABS)

with tabs[0]:
    table = quality.completeness(records)
    table["source"] = table["source"].map(names)
    shown = table.rename(columns={**quality.COMPLETENESS_FIELDS, **texts.QUALITY_COLUMNS})
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            k: v for k, v in percent.items() if k in quality.COMPLETENESS_FIELDS.values()
        },
    )
    st.caption(texts.QUALITY_COMPLETENESS_NOTE)
    ui.download(shown, "completude.csv", "q_completeness")

with tabs[1]:
    table = quality.freshness(records, ui.today())
    table["source"] = table["source"].map(names)
    shown = table.rename(columns=texts.QUALITY_COLUMNS)
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={k: v for k, v in percent.items() if k.startswith(("Sans", "Plus d"))},
    )
    st.caption(texts.QUALITY_FRESHNESS_NOTE.format(today=fmt_date(ui.today())))
    ui.download(shown, "fraicheur.csv", "q_freshness")

with tabs[2]:
    ui.dedup_quality_figures()
    ui.dedup_pairs_section()
    st.dataframe(
        ui.query("lieux_merge_sizes").rename(columns=texts.QUALITY_COLUMNS), hide_index=True
    )
    st.divider()
    ui.dedup_decisions_section()

with tabs[3]:
    stats = ui.query("source_overview")
    stats["source"] = stats["source"].map(names)
    st.dataframe(
        stats[["source", "vintage", "rows_read", "rows_accepted", "rows_quarantined"]].rename(
            columns=texts.SOURCES_COLUMNS
        ),
        hide_index=True,
    )
    st.caption(texts.QUALITY_QUARANTINE_NOTE)
    rejected = ui.query("quarantine")
    rejected["source"] = rejected["source"].map(names)
    st.dataframe(rejected.rename(columns=texts.QUALITY_COLUMNS), hide_index=True, width="stretch")
    ui.download(rejected, "lignes_mises_de_cote.csv", "q_quarantine")

with tabs[4]:
    table = quality.location_quality(records)
    table["source"] = table["source"].map(names)
    st.dataframe(
        table.rename(columns={**texts.QUALITY_COLUMNS, **texts.FLAG_LABELS}),
        hide_index=True,
        width="stretch",
    )
    st.caption(texts.QUALITY_LOCATION_NOTE)
    flagged = ui.readable_records(quality.flagged_records(records))
    st.dataframe(flagged, hide_index=True, width="stretch", height=300)
    ui.download(flagged, "alertes_localisation.csv", "q_location")

with tabs[5]:
    catalogue = ui.catalogue()[list(texts.CATALOGUE_COLUMNS)].rename(
        columns=texts.CATALOGUE_COLUMNS
    )
    st.dataframe(catalogue, hide_index=True, width="stretch")
    ui.download(catalogue, "catalogue_sources.csv", "q_catalogue")

with tabs[6]:
    years = st.selectbox(texts.QUALITY_TO_CHECK_YEARS, (2, 3, 4, 5), key="q_update_years")
    to_check = quality.to_update(ui.lieux(), ui.today(), years)
    st.caption(texts.QUALITY_TO_CHECK_NOTE.format(today=fmt_date(ui.today()), years=years))
    st.metric(texts.QUALITY_TABS[6], f"{len(to_check)} / {len(ui.lieux())}")
    st.dataframe(to_check.rename(columns=texts.QUALITY_COLUMNS), hide_index=True, width="stretch")
    ui.download(
        to_check.rename(columns=texts.QUALITY_COLUMNS), "lieux_a_mettre_a_jour.csv", "q_to_check"
    )
