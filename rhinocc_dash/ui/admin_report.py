"""Streamlit side, data updates: the candidate's validation report, its comparison with the current
snapshot, the publication, the list of snapshots and the roll-back."""

from __future__ import annotations

import json

import pandas as pd
import pydeck as pdk
import streamlit as st

from .. import texts, warehouse
from ..analysis import service
from ..ingest import publication, snapshots
from ..shared import audit
from ..shared.formatting import fmt_int, md_text
from ..views import palette
from ..views.deck import CompactDeck
from ..views.viewport import initial_view
from .admin import VENUE_NAMES, folder
from .tables import csv_button, table


def validation(staged: publication.Staged) -> None:
    """Rows read, accepted and set aside for each file brought in, why, and how well located."""
    con = warehouse.connect_read_only(staged.db)
    try:
        stats = warehouse.run(con, "source_stats")
        rejected = warehouse.run(con, "quarantine")
        located = warehouse.run(con, "quality_records")
    finally:
        con.close()
    keys = [*staged.replacements, *staged.added]
    stats = stats[stats["source"].isin(keys)].copy()
    located = located[located["source"].isin(keys)]
    unlocated = located.groupby("source")["location_precision"].apply(
        lambda p: float(p.isin(["commune", "code_postal"]).mean() + p.isna().mean())
    )
    stats["sans_localisation_precise"] = stats["source"].map(unlocated)
    stats["source"] = stats["source"].map(lambda k: VENUE_NAMES.get(k, k))
    table(
        stats[list(texts.mise_a_jour.UPDATE_STATS_COLUMNS)],
        texts.mise_a_jour.UPDATE_STATS_COLUMNS,
        {"sans_localisation_precise": "percent"},
    )
    mine = rejected[rejected["source"].isin(keys)]
    if len(mine):
        reasons = mine.groupby("reason").size().rename("lignes").reset_index()
        table(reasons, {"reason": "Raison", "lignes": "Lignes"})
        csv_button(mine, "lignes_mises_de_cote.csv", "update_rejected")
    else:
        st.caption(texts.mise_a_jour.UPDATE_NO_REJECT)


def comparison(staged: publication.Staged):
    """The candidate against the current snapshot (None when nothing is published yet)."""
    current = snapshots.current_db(folder())
    if current is None:
        st.info(texts.mise_a_jour.UPDATE_FIRST)
        return None
    old, new = warehouse.connect_read_only(current), warehouse.connect_read_only(staged.db)
    try:
        result = service.compare_warehouses(old, new)
    finally:
        old.close()
        new.close()
    records = result.by_source
    cols = st.columns(6)
    for col, label, value in zip(
        cols,
        texts.mise_a_jour.UPDATE_COUNT_LABELS,
        (
            records["ajoutees"].sum(),
            records["retirees"].sum(),
            records["modifiees"].sum(),
            len(result.added),
            len(result.removed),
            len(result.changed),
        ),
        strict=True,
    ):
        col.metric(label, fmt_int(value))
    shown = records.assign(source=records["source"].map(lambda k: VENUE_NAMES.get(k, k)))
    table(shown, texts.mise_a_jour.UPDATE_SOURCE_COLUMNS)
    st.markdown(f"**{texts.mise_a_jour.UPDATE_FIGURES_TITLE}**")
    figures = result.figures.assign(
        indicateur=result.figures["indicateur"].map(texts.mise_a_jour.UPDATE_FIGURE_NAMES)
    )
    st.dataframe(_figures_text(result.figures, figures), hide_index=True)
    st.markdown(f"**{texts.mise_a_jour.UPDATE_DEP_TITLE}**")
    table(result.per_departement, texts.mise_a_jour.UPDATE_DEP_COLUMNS)
    st.markdown(f"**{texts.mise_a_jour.UPDATE_TOP_TITLE}**")
    table(result.top20, texts.mise_a_jour.UPDATE_TOP_COLUMNS, {"rang_avant": "int", "rang_apres": "int"})
    st.markdown(f"**{texts.mise_a_jour.UPDATE_MAP_TITLE}**")
    st.pydeck_chart(_changes_deck(result.added, result.removed), height=420)
    with st.expander(texts.mise_a_jour.UPDATE_CHANGED_TITLE.format(n=fmt_int(len(result.changed_records)))):
        changed = result.changed_records.assign(
            source=result.changed_records["source"].map(lambda k: VENUE_NAMES.get(k, k))
        )
        table(changed, texts.mise_a_jour.UPDATE_CHANGED_COLUMNS, download=("fiches_modifiees.csv", "upd_ch"))
    return result


def _figures_text(raw: pd.DataFrame, named: pd.DataFrame) -> pd.DataFrame:
    from ..shared.formatting import fmt_decimal, fmt_percent

    def fmt(key, value):
        if key == "part_population_10km":
            return fmt_percent(value)
        return fmt_int(value) if key == "lieux" else fmt_decimal(value, 2)

    return pd.DataFrame(
        {
            "Indicateur": named["indicateur"],
            "Version courante": [
                fmt(k, v) for k, v in zip(raw["indicateur"], raw["avant"], strict=True)
            ],
            "Candidate": [fmt(k, v) for k, v in zip(raw["indicateur"], raw["apres"], strict=True)],
        }
    )


def _changes_deck(added: pd.DataFrame, removed: pd.DataFrame) -> CompactDeck:
    def layer(frame: pd.DataFrame, colour, layer_id: str, label: str) -> pdk.Layer:
        data = frame.dropna(subset=["longitude", "latitude"]).assign(
            tip=lambda f: (
                label + " : " + f["nom"].astype(str) + " (" + f["commune"].astype(str) + ")"
            )
        )[["longitude", "latitude", "tip"]]
        return pdk.Layer(
            "ScatterplotLayer",
            data,
            id=layer_id,
            get_position=["longitude", "latitude"],
            get_fill_color=list(colour),
            get_radius=6,
            radius_units="pixels",
            pickable=True,
            stroked=True,
            get_line_color=[255, 255, 255],
        )

    return CompactDeck(
        layers=[
            layer(removed, palette.REMOVED, "retires", texts.mise_a_jour.UPDATE_REMOVED),
            layer(added, palette.ADDED, "ajoutes", texts.mise_a_jour.UPDATE_ADDED),
        ],
        initial_view_state=initial_view(),
        map_provider=None,
        map_style=None,
        offline=True,
        tooltip={"text": "{tip}"},
    )


def snapshot_list(who: str) -> None:
    """Every published version, its manifest, and the roll-back (logged)."""
    base = folder()
    current = snapshots.current_version(base)
    records = list(reversed(snapshots.list_snapshots(base)))
    if not records:
        st.info(texts.mise_a_jour.UPDATE_NO_SNAPSHOT)
        return
    rows = [
        {
            **snapshots.describe(r),
            "courante": "oui" if r["version"] == current else "",
            "published_at": texts.common.version_label(r["version"]),
            "size_bytes": round(r.get("size_bytes", 0) / 1e6, 1),
        }
        for r in records
    ]
    table(
        pd.DataFrame(rows)[list(texts.mise_a_jour.UPDATE_SNAPSHOT_COLUMNS)],
        texts.mise_a_jour.UPDATE_SNAPSHOT_COLUMNS,
        {"size_bytes": "decimal1", "lieux": "int"},
    )
    versions = [r["version"] for r in records]
    chosen = st.selectbox(texts.mise_a_jour.UPDATE_MANIFEST_OF, versions, key="update_manifest_of")
    with st.expander(texts.mise_a_jour.UPDATE_MANIFEST):
        st.code(json.dumps(snapshots.manifest(base, chosen), ensure_ascii=False, indent=1), "json")
    if chosen != current:
        confirm = st.checkbox(
            texts.mise_a_jour.UPDATE_ROLLBACK_CONFIRM.format(version=chosen), key="update_rb_ok"
        )
        if st.button(texts.mise_a_jour.UPDATE_ROLLBACK, key="update_rollback", disabled=not confirm):
            snapshots.rollback(base, chosen, who)
            st.success(texts.mise_a_jour.UPDATE_ROLLED_BACK.format(version=md_text(chosen)))
            st.rerun()
    with st.expander(texts.mise_a_jour.UPDATE_AUDIT):
        log = pd.DataFrame(list(reversed(audit.events(base)))[:200])
        if len(log):
            table(log.astype(str), {"at": "Quand", "who": "Qui", "action": "Action"})
