"""Qualité des données: completeness, freshness, duplicates, quarantine, location, catalogue, to-do list."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.shared.formatting import fmt_date, fmt_int
from rhinocc_dash.ui import corrections

ui.through_router()

st.title(texts.qualite.QUALITY_TITLE)
st.caption(texts.qualite.QUALITY_INTRO)

section = st.segmented_control(
    texts.qualite.QUALITY_SECTION, texts.qualite.QUALITY_TABS, key="q_section", default=texts.qualite.QUALITY_TABS[0]
)
section = section or texts.qualite.QUALITY_TABS[0]

if section == texts.qualite.QUALITY_TABS[0]:
    completeness = ui.service_frame(ui.service.completeness)
    completeness["source"] = ui.source_labels(completeness["source"])
    ui.table(
        completeness,
        {**ui.COMPLETENESS_FIELDS, **texts.qualite.QUALITY_COLUMNS},
        dict.fromkeys(ui.COMPLETENESS_FIELDS, "percent"),
        download=("completude.csv", "q_completeness"),
    )
    st.caption(texts.qualite.QUALITY_COMPLETENESS_NOTE)

elif section == texts.qualite.QUALITY_TABS[1]:
    freshness = ui.service_frame(ui.service.freshness, ui.today())
    freshness["source"] = ui.source_labels(freshness["source"])
    ui.table(freshness, texts.qualite.QUALITY_COLUMNS, download=("fraicheur.csv", "q_freshness"))
    st.caption(texts.qualite.QUALITY_FRESHNESS_NOTE.format(today=fmt_date(ui.today())))
    corrections.freshness_by_departement()
    corrections.closed_lieux()
    corrections.campaign_progress()

elif section == texts.qualite.QUALITY_TABS[2]:
    ui.dedup_quality_figures()
    ui.dedup_pairs_section()
    ui.table(ui.query("lieux_merge_sizes"), texts.qualite.QUALITY_COLUMNS)
    st.divider()
    ui.dedup_decisions_section()

elif section == texts.qualite.QUALITY_TABS[3]:
    stats = ui.query("source_overview")
    stats["source"] = ui.source_labels(stats["source"])
    stats["vintage"] = stats["vintage"].map(texts.common.vintage_text)
    columns = ["source", "vintage", "rows_read", "rows_accepted", "rows_quarantined"]
    ui.table(stats[columns], texts.accueil.SOURCES_COLUMNS)
    st.caption(texts.qualite.QUALITY_QUARANTINE_NOTE)
    rejected = ui.query("quarantine")
    rejected["source"] = ui.source_labels(rejected["source"])
    ui.table(rejected, texts.qualite.QUALITY_COLUMNS, download=("lignes_mises_de_cote.csv", "q_quar"))

elif section == texts.qualite.QUALITY_TABS[4]:
    located = ui.service_frame(ui.service.location_quality)
    located["source"] = ui.source_labels(located["source"])
    ui.table(located, {**texts.qualite.QUALITY_COLUMNS, **texts.common.FLAG_LABELS})
    st.caption(texts.qualite.QUALITY_LOCATION_NOTE)
    flagged = ui.readable_records(ui.service_frame(ui.service.flagged_records))
    ui.table(
        flagged, texts.qualite.READABLE_COLUMNS, height=300, download=("alertes_localisation.csv", "q_loc")
    )

elif section == texts.qualite.QUALITY_TABS[5]:
    catalogue = ui.catalogue()
    catalogue = catalogue.assign(vintage=catalogue["vintage"].map(texts.common.vintage_text))
    ui.table(
        catalogue[list(texts.qualite.CATALOGUE_COLUMNS)],
        texts.qualite.CATALOGUE_COLUMNS,
        download=("catalogue_sources.csv", "q_catalogue"),
    )

else:
    all_lieux = ui.lieux()
    choices = ui.service_frame(ui.service.update_thresholds, ui.today())
    years = st.selectbox(
        texts.qualite.QUALITY_TO_CHECK_YEARS, choices, key="q_update_years", index=len(choices) // 2
    )
    to_check = ui.service_frame(ui.service.to_update, ui.today(), years)
    st.caption(texts.qualite.QUALITY_TO_CHECK_NOTE.format(today=fmt_date(ui.today()), years=years))
    st.metric(texts.qualite.QUALITY_TABS[6], f"{fmt_int(len(to_check))} / {fmt_int(len(all_lieux))}")
    ui.table(to_check, texts.qualite.QUALITY_COLUMNS, download=("lieux_a_mettre_a_jour.csv", "q_todo"))
