"""Streamlit side of « Orienter une personne »: the where / need / when inputs, the result cards, the
map with its table, the fiche. Every value from the data or the visitor is shown as plain text
(`md_text`, `st.text`) or passed as a widget label, never as Markdown or HTML."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
import streamlit as st

from ..analysis import orient, orient_hours, service
from ..geocode import geocode
from ..shared.formatting import fmt_int, md_text
from ..texts import orienter as T
from ..views import deck, fiche, orient_url, viewport
from .basemap import base_layers
from .corrections import report_form
from .data import current_sources, service_frame
from .page_frame import is_phone
from .tables import table

WHEN_CODES = tuple(T.WHEN_OPTIONS)

MAX_RESULTS = orient.MAX_RESULTS


def commune_index() -> pd.DataFrame:
    """The région's communes with their label and search key (cached per warehouse)."""
    return service_frame(service.commune_index)


def now() -> dt.datetime:
    """The time in Paris, which the opening hours are read in."""
    return orient_hours.paris_now()


def nearest(
    lieux: pd.DataFrame, point, need: orient.Need, at: dt.datetime, radius_km: float
) -> pd.DataFrame:
    """The nearest lieux that answer the need, open when the person can go (`orient.nearest`)."""
    return orient.nearest(lieux, point, need, at, radius_km)


# Only the typed address and the INSEE code leave the server; the answer is kept in memory for ten
# minutes so that reruns do not ask again; nothing is written anywhere.
@st.cache_data(show_spinner=False, ttl=600, max_entries=64)
def _geocode(address: str, citycode: str | None):
    return geocode(address, citycode)


def _seed(search: orient_url.Search) -> None:
    """Seed the widgets from the URL on a session's first visit of the page only."""
    if st.session_state.get("ori__seeded"):
        return
    need = search.need
    values = {
        "ori_mode": "lieu" if search.lieu else "adresse" if search.adresse else "commune",
        "ori_commune": search.commune,
        "ori_adresse": search.adresse,
        "ori_lieu": search.lieu,
        "ori_do_for": need.do_for,
        "ori_services": list(need.services),
        "ori_publics": list(need.publics),
        "ori_specific": list(need.specific),
        "ori_free": need.free,
        "ori_no_appointment": need.no_appointment,
        "ori_pass": need.pass_numerique,
        "ori_when": need.when.kind,
        "ori_day": orient_hours.DAYS[need.when.weekday],
        "ori_time": dt.time(*divmod(need.when.minutes or 10 * 60, 60)),
        "ori_radius": search.radius_km,
    }
    st.session_state.update(values)
    st.session_state["ori__seeded"] = True


def where(search: orient_url.Search, index: pd.DataFrame, lieux: pd.DataFrame):
    """The where inputs; returns (search, point (lon, lat) or None, French description, departement)."""
    _seed(search)
    labels = dict(zip(index["code_insee"], index["label"], strict=True))
    mode = st.radio(
        T.WHERE_MODE,
        list(T.WHERE_MODES),
        format_func=T.WHERE_MODES.get,
        key="ori_mode",
        horizontal=True,
    )
    if mode == "lieu":
        names = dict(zip(lieux["lieu_id"], lieux["nom"] + " · " + lieux["commune"], strict=True))
        lieu_id = st.selectbox(
            T.LIEU_LABEL,
            list(names),
            format_func=names.get,
            index=None,
            key="ori_lieu",
            placeholder=T.LIEU_PLACEHOLDER,
        )
        if lieu_id is None:
            return replace(search, commune=None, adresse="", lieu=None), None, "", None
        lieu = lieux[lieux["lieu_id"] == lieu_id].iloc[0]
        point = (float(lieu["longitude"]), float(lieu["latitude"]))
        found = replace(search, commune=None, adresse="", lieu=lieu_id)
        return found, point, T.POINT_LIEU.format(nom=md_text(lieu["nom"])), lieu["departement"]
    picked = st.selectbox(
        T.COMMUNE_LABEL,
        list(labels),
        format_func=lambda c: labels.get(c, c),
        index=None,
        key="ori_commune",
        placeholder=T.COMMUNE_PLACEHOLDER,
        accept_new_options=True,
    )
    commune = picked if picked in labels else _resolve(picked, index, labels)
    address = st.text_input(T.ADDRESS_LABEL, key="ori_adresse", max_chars=200)
    st.caption(T.ADDRESS_HELP)
    address = address.strip() if mode == "adresse" else ""
    if commune is None:
        if address:
            st.info(T.ADDRESS_NEEDS_COMMUNE)
        return replace(search, commune=None, adresse=address, lieu=None), None, "", None
    row = index[index["code_insee"] == commune].iloc[0]
    found = replace(search, commune=commune, adresse=address, lieu=None)
    centre = (float(row["longitude"]), float(row["latitude"]))
    text = T.POINT_COMMUNE.format(nom=md_text(row["nom"]))
    if not address:
        return found, centre, text, row["departement"]
    answer = _geocode(address, commune)
    if answer.point is None:
        message = T.ADDRESS_UNREACHABLE if answer.problem == "injoignable" else T.ADDRESS_NOT_FOUND
        st.warning(message.format(text=md_text(address)))
        return found, centre, text, row["departement"]
    if answer.citycode and answer.citycode not in labels:
        st.warning(T.ADDRESS_OUTSIDE.format(text=md_text(answer.label)))
        return found, centre, text, row["departement"]
    return (
        found,
        answer.point,
        T.POINT_ADDRESS.format(label=md_text(answer.label)),
        row["departement"],
    )


def _resolve(typed: str | None, index: pd.DataFrame, labels: dict) -> str | None:
    """A typed name or postcode (not picked from the list): the commune when only one matches, else
    the matches to choose from."""
    if not typed:
        return None
    hits = orient.find_communes(index, typed)
    if hits.empty:
        st.warning(T.COMMUNE_UNKNOWN.format(text=md_text(typed)))
        return None
    if len(hits) == 1 or orient.fold_key(typed) == hits.iloc[0]["key"]:
        return hits.iloc[0]["code_insee"]
    st.info(T.COMMUNE_SEVERAL.format(text=md_text(typed)))
    return st.radio(
        T.COMMUNE_PICK, list(hits["code_insee"]), format_func=labels.get, key="ori_hits"
    )


def need_inputs() -> orient.Need:
    st.markdown(T.GRID)
    do_for = st.checkbox(T.DO_FOR_LABEL, key="ori_do_for")
    st.caption(T.DO_FOR_HELP)
    services = st.multiselect(
        T.SERVICES_LABEL,
        list(orient.NEEDS),
        format_func=orient.NEEDS.get,
        key="ori_services",
        placeholder=T.CHOOSE,
    )
    publics = st.multiselect(
        T.PUBLICS_LABEL,
        list(orient.PUBLICS),
        format_func=orient.PUBLICS.get,
        key="ori_publics",
        placeholder=T.CHOOSE,
    )
    st.caption(T.TOUT_PUBLIC_NOTE)
    specific = st.multiselect(
        T.SPECIFIC_LABEL,
        list(orient.SPECIFIC),
        format_func=orient.SPECIFIC.get,
        key="ori_specific",
        placeholder=T.CHOOSE,
    )
    columns = st.columns(3)
    free = columns[0].checkbox(T.FREE_LABEL, key="ori_free")
    no_appointment = columns[1].checkbox(T.NO_APPOINTMENT_LABEL, key="ori_no_appointment")
    pass_numerique = columns[2].checkbox(T.PASS_LABEL, key="ori_pass")
    return orient.Need(
        do_for,
        tuple(services),
        tuple(publics),
        tuple(specific),
        free,
        no_appointment,
        pass_numerique,
    )


def when_input() -> orient_hours.When:
    kind = st.radio(
        T.WHEN_LABEL, WHEN_CODES, format_func=T.WHEN_OPTIONS.get, key="ori_when", horizontal=True
    )
    st.caption(T.WHEN_NOTE)
    if kind != "jour":
        return orient_hours.When(kind)
    day_column, time_column = st.columns(2)
    day = day_column.selectbox(T.WHEN_DAY, orient_hours.DAYS, key="ori_day")
    at = time_column.time_input(T.WHEN_TIME, key="ori_time", step=dt.timedelta(minutes=30))
    return orient_hours.When("jour", orient_hours.DAYS.index(day), at.hour * 60 + at.minute)


def unknown_notes(lieux: pd.DataFrame, need: orient.Need, now: dt.datetime) -> None:
    """How many lieux leave each chosen criterion unknown (they are ranked after, never hidden)."""
    counts = orient.unknown_counts(lieux, need, now)
    lines = [
        T.UNKNOWN_SHARE.format(
            criterion=T.CRITERIA[name], unknown=fmt_int(n), total=fmt_int(len(lieux))
        )
        for name, n in counts.items()
        if n
    ]
    if lines:
        st.caption("\n\n".join(lines))
    st.caption(T.NOT_IN_DATA)


def widen(results: pd.DataFrame, search: orient_url.Search) -> None:
    """« Élargir » to the next radius when fewer than three lieux match everything."""
    wider = orient.wider_radius(int(results["match"].sum()), search.radius_km)
    if wider is None:
        return
    st.caption(T.WIDEN_NOTE.format(n=orient.MIN_MATCHES))
    if st.button(T.WIDEN.format(radius=wider), key="ori_widen"):
        st.session_state["ori_radius"] = wider
        st.rerun()


def results_map(point, results: pd.DataFrame, rows: list[dict], departement: str | None) -> None:
    """The point and the lieux found on a small map, and the same lieux in a table beside it."""
    points = deck.point_frame(results, "categorie", current_sources())
    points["tip"] = [
        f"{i}. {r['nom']}\n{r['commune']} · {r['distance']}" for i, r in enumerate(rows, 1)
    ]
    lons = pd.concat([results["longitude"], pd.Series([point[0]])])
    lats = pd.concat([results["latitude"], pd.Series([point[1]])])
    view = viewport.fit_view(lons, lats, is_phone())
    view.zoom = min(view.zoom, 13)
    the_map = deck.build_deck(
        points, None, None, False, point, view, False, base_layers(departement=departement, towns=0)
    )
    map_column, table_column = st.columns([3, 2])
    with map_column:
        st.caption(f"{T.MAP_LABEL}. {T.MAP_POINT}.")
        st.pydeck_chart(the_map, height=360, key="ori_map")
    with table_column:
        st.markdown(f"**{T.TABLE_LABEL}**")
        table(fiche.results_table(rows), T.TABLE_COLUMNS, {"rang": "int"})


def result_cards(rows: list[dict]) -> list[dict]:
    """One card per result, with a box to put it in the fiche; returns the ticked ones."""
    chosen = []
    for rank, row in enumerate(rows, 1):
        with st.container(border=True):
            st.markdown(f"#### {rank}. {md_text(row['nom'])}")
            if row["non_renseigne"]:
                st.caption(T.NOT_FILLED.format(criteria=md_text(row["non_renseigne"])))
            st.markdown(fiche.card_markdown(row))
            report_form(row["lieu_id"])
            if st.checkbox(
                T.PICK_LABEL.format(nom=md_text(row["nom"][:60])), key=f"ori_pick_{row['lieu_id']}"
            ):
                chosen.append(row)
    return chosen


def fiche_block(search: orient_url.Search, chosen: list[dict], today: dt.date) -> None:
    """The fiche d'orientation: a note, then the PDF and the printable page to download."""
    if not chosen:
        st.info(T.FICHE_MAX)
        return
    if len(chosen) > fiche.MAX_FICHE:
        st.warning(T.FICHE_TOO_MANY)
    note = st.text_area(T.NOTE_LABEL, key="ori_note", max_chars=600)
    url = orient_url.share_url(st.context.url or "", search)
    document = fiche.fiche_document(search.need, chosen, note, url, today)
    left, right = st.columns(2)
    left.download_button(
        T.FICHE_PDF,
        fiche.fiche_pdf(document),
        "fiche_orientation.pdf",
        "application/pdf",
        key="ori_pdf",
    )
    right.download_button(
        T.FICHE_HTML,
        fiche.fiche_html(document),
        "fiche_orientation.html",
        "text/html",
        key="ori_html",
    )
