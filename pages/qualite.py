"""Qualité des données: completeness, freshness, duplicates, quarantine, location, catalogue, to-do list."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.formatting import fmt_date, fmt_int
from rhinocc_dash.ui import corrections

ui.through_router()

st.title(texts.QUALITY_TITLE)
st.caption(texts.QUALITY_INTRO)

names = ui.source_label
section = st.segmented_control(
    texts.QUALITY_SECTION, texts.QUALITY_TABS, key="q_section", default=texts.QUALITY_TABS[0]
)
section = section or texts.QUALITY_TABS[0]

if section == texts.QUALITY_TABS[0]:
    completeness = ui.service_frame(ui.service.completeness)
    completeness["source"] = completeness["source"].map(names)
    ui.table(
        completeness,
        {**ui.COMPLETENESS_FIELDS, **texts.QUALITY_COLUMNS},
        dict.fromkeys(ui.COMPLETENESS_FIELDS, "percent"),
        download=("completude.csv", "q_completeness"),
    )
    st.caption(texts.QUALITY_COMPLETENESS_NOTE)

elif section == texts.QUALITY_TABS[1]:
    freshness = ui.service_frame(ui.service.freshness, ui.today())
    freshness["source"] = freshness["source"].map(names)
    ui.table(freshness, texts.QUALITY_COLUMNS, download=("fraicheur.csv", "q_freshness"))
    st.caption(texts.QUALITY_FRESHNESS_NOTE.format(today=fmt_date(ui.today())))
    corrections.freshness_by_departement()
    corrections.closed_lieux()
    corrections.campaign_progress()

elif section == texts.QUALITY_TABS[2]:
    ui.dedup_quality_figures()
    ui.dedup_pairs_section()
    ui.table(ui.query("lieux_merge_sizes"), texts.QUALITY_COLUMNS)
    st.divider()
    ui.dedup_decisions_section()

elif section == texts.QUALITY_TABS[3]:
    stats = ui.query("source_overview")
    stats["source"] = stats["source"].map(names)
    stats["vintage"] = stats["vintage"].map(texts.vintage_text)
    columns = ["source", "vintage", "rows_read", "rows_accepted", "rows_quarantined"]
    ui.table(stats[columns], texts.SOURCES_COLUMNS)
    st.caption(texts.QUALITY_QUARANTINE_NOTE)
    rejected = ui.query("quarantine")
    rejected["source"] = rejected["source"].map(names)
    ui.table(rejected, texts.QUALITY_COLUMNS, download=("lignes_mises_de_cote.csv", "q_quar"))

elif section == texts.QUALITY_TABS[4]:
    located = ui.service_frame(ui.service.location_quality)
    located["source"] = located["source"].map(names)
    ui.table(located, {**texts.QUALITY_COLUMNS, **texts.FLAG_LABELS})
    st.caption(texts.QUALITY_LOCATION_NOTE)
    flagged = ui.readable_records(ui.service_frame(ui.service.flagged_records))
    ui.table(
        flagged, texts.READABLE_COLUMNS, height=300, download=("alertes_localisation.csv", "q_loc")
    )

elif section == texts.QUALITY_TABS[5]:
    catalogue = ui.catalogue()
    catalogue = catalogue.assign(vintage=catalogue["vintage"].map(texts.vintage_text))
    ui.table(
        catalogue[list(texts.CATALOGUE_COLUMNS)],
        texts.CATALOGUE_COLUMNS,
        download=("catalogue_sources.csv", "q_catalogue"),
    )

else:
    all_lieux = ui.lieux()
    choices = ui.service_frame(ui.service.update_thresholds, ui.today())
    years = st.selectbox(
        texts.QUALITY_TO_CHECK_YEARS, choices, key="q_update_years", index=len(choices) // 2
    )
    to_check = ui.service_frame(ui.service.to_update, ui.today(), years)
    st.caption(texts.QUALITY_TO_CHECK_NOTE.format(today=fmt_date(ui.today()), years=years))
    st.metric(texts.QUALITY_TABS[6], f"{fmt_int(len(to_check))} / {fmt_int(len(all_lieux))}")
    ui.table(to_check, texts.QUALITY_COLUMNS, download=("lieux_a_mettre_a_jour.csv", "q_todo"))
