"""Couverture: lieux, reach and distances per département, drill-down to EPCI, France Services evolution."""

import streamlit as st

from rhinocc_dash import texts, ui
from rhinocc_dash.analysis import coverage, service
from rhinocc_dash.views import charts

ui.through_router()

st.title(texts.COVERAGE_TITLE)
st.caption(texts.COVERAGE_INTRO)
with st.expander(texts.DISTANCE_MODEL_TITLE):
    st.markdown(texts.DISTANCE_MODEL)

names = ui.query("departement_list")
deps, region = ui.departement_coverage()
source = ui.caption(["lieux", "population"], texts.COVERAGE_METHOD)

metric = st.radio(
    texts.COVERAGE_METRIC,
    list(texts.COVERAGE_METRICS),
    horizontal=True,
    key="cov_metric",
    format_func=lambda k: texts.COVERAGE_METRICS[k][0],
)
label, unit, percent = texts.COVERAGE_METRICS[metric]
figure = charts.territory_bar(
    deps, metric, region[metric], f"{label}, par département", unit, percent=percent
)
event = ui.chart_block(
    figure,
    deps[["code", "nom", metric]],
    f"couverture_{metric}.csv",
    source,
    "cov_bar",
    select=True,
)
if (clicked := ui.clicked_code(event)) and clicked != st.session_state.get("cov_last_click"):
    st.session_state["cov_last_click"] = st.session_state["cov_dep"] = clicked

st.subheader(texts.COVERAGE_TABLE_TITLE)
ui.coverage_table(ui.frame_with_total(deps, region), "couverture_departements.csv", "cov_table_csv")

left, right = st.columns(2)
with left:
    labels = ui.service_frame(service.label_composition)
    ui.chart_block(
        charts.label_stack(labels, "departement", texts.COVERAGE_LABELS_TITLE),
        labels,
        "lieux_par_label.csv",
        source,
        "cov_labels",
    )
with right:
    offer = ui.service_frame(service.family_offer)
    ui.chart_block(
        charts.family_bars(
            offer, "departement", list(coverage.FAMILY_ORDER), texts.COVERAGE_FAMILIES_TITLE
        ),
        offer,
        "familles_de_services.csv",
        source,
        "cov_families",
    )

st.divider()
dep_names = dict(zip(names["code"], names["nom"], strict=True))
st.session_state.setdefault("cov_dep", "09")
dep = st.selectbox(
    texts.COVERAGE_DRILL,
    list(dep_names),
    key="cov_dep",
    format_func=lambda c: f"{c} {dep_names[c]}",
)
epci, dep_row = ui.epci_coverage(dep)
st.subheader(f"{texts.COVERAGE_EPCI_TITLE} · {dep} {dep_names[dep]}")
ui.chart_block(
    charts.territory_bar(
        epci,
        metric,
        dep_row[metric],
        f"{label}, par EPCI",
        unit,
        reference_label=dep_names[dep],
        percent=percent,
    ),
    epci[["code", "nom", metric]],
    f"couverture_epci_{dep}.csv",
    f"{source} {texts.COVERAGE_EPCI_NOTE}",
    "cov_epci_bar",
)
ui.coverage_table(ui.frame_with_total(epci, dep_row), f"couverture_epci_{dep}.csv", "cov_epci_csv")

st.subheader(f"{texts.COVERAGE_FARTHEST_TITLE} · {dep} {dep_names[dep]}")
farthest = ui.service_frame(service.farthest_communes, dep)
st.dataframe(
    farthest.rename(columns=texts.COVERAGE_FARTHEST_COLUMNS), hide_index=True, width="stretch"
)
st.caption(source)
ui.download(farthest, f"communes_eloignees_{dep}.csv", "cov_farthest_csv")

st.divider()
records = ui.query("coverage_records")
evolution = ui.service_frame(service.france_services_evolution)
ui.chart_block(
    charts.evolution_bars(evolution, texts.COVERAGE_EVOLUTION_TITLE),
    evolution,
    "france_services_2022_2024.csv",
    ui.caption(coverage.FRANCE_SERVICES_EDITIONS, texts.COVERAGE_EVOLUTION_METHOD),
    "cov_evolution",
)
st.caption(texts.COVERAGE_EVOLUTION_NOTE)
st.subheader(texts.COVERAGE_SOURCES_TITLE)
by_source = ui.service_frame(service.records_by_source).rename(
    columns=ui.source_with_vintage(records)
)
st.dataframe(by_source, hide_index=True, width="stretch")
ui.download(by_source, "fiches_par_source.csv", "cov_sources_csv")
