"""Dispositifs nationaux: France Services, Conseillers numériques, Aidants Connect, Pass numérique per
territory, against the population and the need."""

import streamlit as st

from rhinocc_dash import ui
from rhinocc_dash.shared.formatting import fmt_int
from rhinocc_dash.texts import dispositifs as tx
from rhinocc_dash.ui import dispositifs as section
from rhinocc_dash.views import dispositifs_charts as dcharts

ui.through_router()

st.title(tx.TITLE)
st.caption(tx.INTRO)
d = section.figures()
section.vintages(d)
section.file_notes(d)
names = d.departement_names()

st.header(tx.FS_TITLE)
st.caption(tx.FS_INTRO)
fs_source = section.source_note(
    d, ["france_services_2024", "france_services_2022", "population"], tx.FS_METHOD
)
section.territory_metric(d.france_services, tx.FS_METRICS, "disp_fs", tx.FS_METRIC, fs_source)
ui.table(
    d.france_services[list(tx.FS_COLUMNS)],
    tx.FS_COLUMNS,
    tx.FS_KINDS,
    download=("france_services_departements.csv", "disp_fs_csv"),
)
st.subheader(tx.FS_FARTHEST_TITLE)
farthest = d.farthest.head(20).assign(departement=d.farthest["departement"].map(names))
ui.table(
    farthest,
    tx.FS_FARTHEST_COLUMNS,
    {"distance_mediane_km": "decimal1", "part_population_10km": "percent"},
    download=("communes_eloignees_france_services.csv", "disp_far_csv"),
)
st.caption(fs_source)
st.subheader(tx.FS_MAP_TITLE)
section.fs_map(d)
st.caption(
    section.source_note(
        d, ["france_services_2024", "ifn2020_iris", "filosofi_departement"], tx.NEED_NOTE
    )
)

st.header(tx.CNFS_TITLE)
st.caption(tx.CNFS_INTRO)
cnfs_source = section.source_note(d, ["cnfs_structures", "cnfs", "population"], tx.CNFS_QPV_NOTE)
cnfs_deps = d.cnfs.iloc[:-1]
ui.chart_block(
    dcharts.stacked_bars(
        cnfs_deps,
        tx.CNFS_SECTORS,
        "postes",
        tx.CNFS_CHART,
    ),
    cnfs_deps[["code", "nom", "postes_publics", "postes_prives"]],
    "conseillers_postes_type.csv",
    cnfs_source,
    "disp_cnfs",
    names=tx.CNFS_COLUMNS,
)
ui.table(
    d.cnfs[list(tx.CNFS_COLUMNS)],
    tx.CNFS_COLUMNS,
    tx.CNFS_KINDS,
    download=("conseillers_numeriques_departements.csv", "disp_cnfs_table_csv"),
)

st.header(tx.AC_TITLE)
st.caption(tx.AC_INTRO)
ac_source = section.source_note(d, ["aidants_connect_compteurs", "population"])
section.territory_metric(d.aidants_connect, tx.AC_METRICS, "disp_ac", tx.AC_METRIC, ac_source)
ui.table(
    d.aidants_connect[list(tx.AC_COLUMNS)],
    tx.AC_COLUMNS,
    tx.AC_KINDS,
    download=("aidants_connect_departements.csv", "disp_ac_csv"),
)
st.subheader(tx.AC_INACTIVE_TITLE)
st.markdown(
    tx.AC_INACTIVE_NOTE.format(
        n=fmt_int(len(d.inactive)), total=fmt_int(d.aidants_connect.iloc[-1]["structures"])
    )
)
ui.table(
    d.inactive,
    tx.AC_INACTIVE_COLUMNS,
    {"code_postal": "text"},
    height=300,
    download=("aidants_connect_sans_mandat.csv", "disp_inactive_csv"),
)
st.caption(ac_source)
st.subheader(tx.REJECTS_TITLE)
if len(d.rejects):
    st.warning(tx.REJECTS_NOTE.format(n=fmt_int(len(d.rejects))))
    files = d.sources.drop_duplicates("key").set_index("key")["path"]
    ui.table(
        d.rejects.assign(source=d.rejects["source"].map(files)),
        tx.REJECTS_COLUMNS,
        {"valeur": "text", "identifiant": "text"},
        download=("valeurs_rejetees_dispositifs.csv", "disp_rejects_csv"),
    )
else:
    st.caption(tx.REJECTS_NONE)

st.header(tx.PASS_TITLE)
st.caption(tx.PASS_INTRO)
if territories := section.pass_territories():
    st.markdown(territories)
else:
    st.caption(tx.PASS_NO_TERRITORIES)
st.markdown(tx.PASS_COUNT.format(n=fmt_int(len(d.pass_numerique))))
ui.table(d.pass_numerique, tx.PASS_COLUMNS, download=("pass_numerique_lieux.csv", "disp_pass_csv"))
st.caption(section.source_note(d, ["lieux"]))

st.header(tx.CONTEXT_TITLE)
section.context()

st.header(tx.EPCI_TITLE)
dep = st.selectbox(
    tx.EPCI_CHOOSE, list(names), format_func=lambda c: f"{c} {names[c]}", key="disp_epci_dep"
)
epci = ui.service_frame(ui.service.dispositifs_epci, dep)
ui.table(epci, tx.EPCI_COLUMNS, download=(f"dispositifs_epci_{dep}.csv", "disp_epci_csv"))
st.caption(
    section.source_note(
        d,
        ["france_services_2024", "cnfs_structures", "aidants_connect_compteurs", "population"],
        tx.EPCI_NOTE,
    )
)

st.header(tx.COMPARE_TITLE)
st.info(tx.COMPARE_INTRO)
section.comparison(d)
