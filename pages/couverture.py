"""Couverture: lieux, reach and distances per département, drill-down to EPCI, France Services evolution."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.views import charts

ui.through_router()

st.title(texts.couverture.COVERAGE_TITLE)
st.caption(texts.couverture.COVERAGE_INTRO)
with st.expander(texts.couverture.DISTANCE_MODEL_TITLE):
    st.markdown(texts.couverture.DISTANCE_MODEL)

names = ui.query("departement_list")
dep_names = dict(zip(names["code"], names["nom"], strict=True))
deps, region = ui.service_frame(ui.service.departement_coverage)
source = ui.caption(["lieux", "population"], texts.couverture.COVERAGE_METHOD)

metric = st.radio(
    texts.couverture.COVERAGE_METRIC,
    list(texts.couverture.COVERAGE_METRICS),
    horizontal=True,
    key="cov_metric",
    format_func=lambda k: texts.couverture.COVERAGE_METRICS[k][0],
)
measure = charts.Measure(*texts.couverture.COVERAGE_METRICS[metric])
event = ui.chart_block(
    charts.territory_bar(
        deps["nom"],
        deps["code"],
        deps[metric],
        measure,
        texts.couverture.COVERAGE_BY_DEP.format(label=measure.label),
        *ui.reference(measure, deps[metric], region, texts.common.REGION_NAME),
    ),
    deps[["code", "nom", metric]],
    f"departements_{metric}.csv",
    source,
    "cov_bar",
    select=True,
    names=texts.couverture.COVERAGE_COLUMNS,
    kinds=texts.couverture.COVERAGE_KINDS,
)
st.session_state.setdefault("cov_dep", "09")
if (clicked := ui.clicked_code(event)) and clicked != st.session_state.get("cov_last_click"):
    # a click on a département's bar opens its EPCI
    st.session_state["cov_last_click"] = st.session_state["cov_dep"] = clicked
    st.session_state["cov_tab"] = texts.couverture.COVERAGE_TABS[0]

st.header(texts.couverture.COVERAGE_TABLE_TITLE)
ui.coverage_table(ui.frame_with_total(deps, region), "couverture_departements.csv", "cov_table")

# The details below open one at a time: only the chosen tab is computed and sent to the browser.
tabs = st.tabs(texts.couverture.COVERAGE_TABS, key="cov_tab", on_change="rerun")
with tabs[0]:
    if tabs[0].open:
        dep = st.selectbox(
            texts.couverture.COVERAGE_DRILL,
            list(dep_names),
            key="cov_dep",
            format_func=lambda c: f"{c} {dep_names[c]}",
        )
        ui.epci_drill_down(dep, dep_names[dep], metric, measure, source)
with tabs[1]:
    if tabs[1].open:
        labels = ui.service_frame(ui.service.label_composition)
        ui.chart_block(
            charts.label_stack(labels, "departement", dep_names, texts.couverture.COVERAGE_LABELS_TITLE),
            labels.assign(departement=labels["departement"].map(dep_names)),
            "lieux_par_label.csv",
            ui.with_note(source, texts.couverture.COVERAGE_LABELS_NOTE),
            "cov_labels",
            names={"departement": "Département"},
        )
with tabs[2]:
    if tabs[2].open:
        offer = ui.service_frame(ui.service.family_offer)
        families = list(ui.FAMILY_ORDER)
        ui.chart_block(
            charts.family_bars(
                offer, "departement", dep_names, families, texts.couverture.COVERAGE_FAMILIES_TITLE
            ),
            offer.assign(departement=offer["departement"].map(dep_names)),
            "familles_de_services.csv",
            source,
            "cov_families",
            names=texts.couverture.COVERAGE_FAMILY_COLUMNS,
            kinds=dict.fromkeys([*families, texts.couverture.COVERAGE_NO_SERVICE], "percent"),
        )
with tabs[3]:
    if tabs[3].open:
        evolution = ui.service_frame(ui.service.france_services_evolution)
        ui.chart_block(
            charts.evolution_bars(evolution, dep_names, texts.couverture.COVERAGE_EVOLUTION_TITLE),
            evolution.assign(departement=evolution["departement"].map(dep_names)),
            "france_services_2022_2024.csv",
            ui.caption(ui.FRANCE_SERVICES_EDITIONS, texts.couverture.COVERAGE_EVOLUTION_METHOD),
            "cov_evolution",
            names=texts.couverture.EVOLUTION_COLUMNS,
        )
        st.caption(texts.couverture.COVERAGE_EVOLUTION_NOTE)
with tabs[5]:
    if tabs[5].open:
        history = ui.history()
        ui.history_block(history, dep_names)
with tabs[4]:
    if tabs[4].open:
        st.caption(texts.couverture.COVERAGE_SOURCES_TITLE)
        records = ui.query("coverage_records")
        by_source = ui.service_frame(ui.service.records_by_source)
        by_source["departement"] = by_source["departement"].map(dep_names)
        ui.table(
            by_source,
            ui.source_with_vintage(records),
            download=("fiches_par_source.csv", "cov_src"),
        )
