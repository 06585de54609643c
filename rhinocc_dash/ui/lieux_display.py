"""Streamlit side, lieux on screen: their table, the card dialog with the source records, the exports
in the national standard."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import texts
from ..analysis import service, sources
from ..shared.formatting import fmt_int, md_text
from ..views.cards import lieu_card
from ..views.corrections import freshness_rows
from ..views.french_tables import lieux_export
from ..views.standard import to_standard, to_standard_csv, to_standard_geojson
from .corrections import report_form
from .data import catalogue, query, service_frame, today
from .tables import csv_button, table


def lieux_table(shown: pd.DataFrame, download: tuple[str, str] | None = None, **options):
    """The filtered lieux as a French table (lists joined, dates dd/mm/yyyy); the CSV file carries
    the contact details and the hours as well (in French, and in OSM form)."""
    event = table(
        shown[list(texts.carte.MAP_TABLE_COLUMNS)],
        texts.carte.MAP_TABLE_COLUMNS,
        {"date_maj": "date", "services": "list"},
        **options,
    )
    if download:
        frame, kinds = lieux_export(shown, texts.carte.LIEUX_EXPORT_COLUMNS)
        csv_button(frame, download[0], download[1], kinds)
    return event


@st.dialog(texts.carte.MAP_CARD_TITLE, width="large")
def lieu_dialog(lieu_id: str, all_lieux: pd.DataFrame) -> None:
    """The detail card in a dialog over the map, so that a click always shows it on screen."""
    lieu_detail(lieu_id, all_lieux)


def lieu_detail(lieu_id: str, all_lieux: pd.DataFrame) -> None:
    """The detail card of a lieu and every source record behind it (escaped)."""
    lieu = all_lieux[all_lieux["lieu_id"] == lieu_id].iloc[0]
    records = query("lieu_records", (lieu_id,))
    records = records.assign(
        source_vintage=records["source_vintage"].map(texts.common.vintage_text)
    )
    names = sources.names(catalogue())
    with st.container(border=True):
        st.markdown(f"#### {md_text(lieu['nom'])}")
        st.markdown(
            "\n".join(
                f"- **{label}** : {text}"
                for label, text in [
                    *lieu_card(lieu.to_dict(), records, today(), names),
                    *freshness_rows(lieu.to_dict(), records, today(), names),
                ]
            )
        )
        st.markdown(f"**{texts.annuaire.DIRECTORY_RECORDS}**")
        shown = records[list(texts.annuaire.RECORD_COLUMNS)].copy()
        shown["source"] = shown["source"].map(lambda k: names.get(k, k))
        shown["location_precision"] = shown["location_precision"].map(
            texts.common.LOCATION_PRECISION
        )
        shown["date_maj_precision"] = shown["date_maj_precision"].map(texts.common.DATE_PRECISION)
        shown["flags"] = shown["flags"].map(
            lambda f: ", ".join(texts.common.FLAG_LABELS.get(x, x) for x in f)
        )
        table(shown, texts.annuaire.RECORD_COLUMNS, {"date_maj": "date", "source_row": "int"})
    report_form(lieu_id)


def standard_exports(shown: pd.DataFrame) -> None:
    """Downloads of the selection in the national standard, and the lieux it cannot carry."""
    frame, left_out = to_standard(shown, *service_frame(service.standard_inputs))
    left, right = st.columns(2)
    left.download_button(
        texts.annuaire.DIRECTORY_EXPORT_STANDARD_CSV,
        lambda: to_standard_csv(frame),
        "lieux-mediation-numerique-occitanie.csv",
        "text/csv",
        key="dir_std_csv",
        on_click="ignore",
    )
    right.download_button(
        texts.annuaire.DIRECTORY_EXPORT_STANDARD_GEOJSON,
        lambda: to_standard_geojson(frame),
        "lieux-mediation-numerique-occitanie.geojson",
        "application/geo+json",
        key="dir_std_geo",
        on_click="ignore",
    )
    st.caption(texts.annuaire.DIRECTORY_STANDARD_NOTE)
    if len(left_out):
        with st.expander(texts.annuaire.DIRECTORY_LEFT_OUT.format(n=fmt_int(len(left_out)))):
            table(left_out, texts.common.LEFT_OUT_COLUMNS)


def source_labels(keys: pd.Series) -> pd.Series:
    """A column of source keys in words, the catalogue read once per distinct key (not once per row:
    3,000 look-ups took 9 s for the pairs of the « Doublons » tab)."""
    known = catalogue()
    return keys.map({key: sources.label(known, key) for key in keys.dropna().unique()})


def readable_records(records: pd.DataFrame) -> pd.DataFrame:
    """Records with French source names and flag labels, for tables and downloads."""
    out = records[
        ["source", "source_row", "nom", "commune", "departement", "location_precision", "flags"]
    ].copy()
    out["source"] = source_labels(out["source"])
    out["location_precision"] = out["location_precision"].map(texts.common.LOCATION_PRECISION)
    out["flags"] = out["flags"].map(
        lambda f: ", ".join(texts.common.FLAG_LABELS.get(x, x) for x in f)
    )
    return out


def source_with_vintage(records: pd.DataFrame) -> dict:
    """Column titles « Source (millésime) » for per-source tables."""
    vintages = records.drop_duplicates("source").set_index("source")["source_vintage"]
    names = sources.names(catalogue())
    return {key: f"{names.get(key, key)} ({vintage})" for key, vintage in vintages.items()} | {
        "departement": "Département"
    }
