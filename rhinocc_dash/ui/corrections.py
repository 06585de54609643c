"""Streamlit side of the correction requests: the « Signaler une erreur » form (any lieu card), the
moderation queue and the update campaigns (maintainers), freshness and campaign progress on Qualité."""

from __future__ import annotations

import ipaddress

import pandas as pd
import streamlit as st

from ..analysis import campaigns as campaign_analysis
from ..analysis import freshness
from ..shared.formatting import fmt_int, md_text
from ..store import StoreUnavailable, campaigns, corrections, default_store
from ..texts import corrections as T
from ..views.corrections import current_value, queue_frame
from ..views.exports import to_csv_bytes
from .data import lieux, query, today
from .tables import table

# The trap field is moved off screen (its label tells a screen-reader user to leave it empty).
HIDE_HONEYPOT = (
    "<style>[class*='st-key-report_hp_']"
    "{position:absolute;left:-10000px;height:1px;overflow:hidden}</style>"
)


def client_address() -> str:
    """The visitor's address: the one nginx adds last to X-Forwarded-For when the request came through
    the local proxy, else the socket's (a client cannot choose its own)."""
    direct = st.context.ip_address or ""
    forwarded = st.context.headers.get("X-Forwarded-For", "")
    try:
        local = not direct or ipaddress.ip_address(direct).is_loopback
    except ValueError:
        local = False
    if local and forwarded:
        return forwarded.split(",")[-1].strip()
    return direct or "inconnue"


def _campaign_from_link() -> int | None:
    """The campaign named by a personal link (kept for the session: the map rewrites its URL)."""
    raw = st.query_params.get("campagne")
    if raw and raw.isdigit() and len(raw) < 10:
        st.session_state["report_campaign"] = int(raw)
    return st.session_state.get("report_campaign")


def report_form(lieu_id: str) -> None:
    """« Signaler une erreur » for one lieu, pre-filled with its current values (Carte, Annuaire,
    Orienter: any page showing a lieu)."""
    found = lieux()
    found = found[found["lieu_id"] == lieu_id]
    if found.empty:
        return
    lieu = found.iloc[0].to_dict()
    campaign_id = _campaign_from_link()
    with st.expander(T.REPORT_OPEN, expanded=campaign_id is not None):
        st.caption(f"{T.REPORT_INTRO} {T.REPORT_PROPOSED_HELP}")
        field = st.selectbox(T.REPORT_FIELD, list(T.FIELDS), format_func=T.FIELDS.get,
                             key=f"report_field_{lieu_id}")
        current = current_value(lieu, field)
        st.markdown(HIDE_HONEYPOT, unsafe_allow_html=True)
        with st.form(f"report_{lieu_id}_{field}", clear_on_submit=False, enter_to_submit=False):
            proposed = st.text_area(
                T.REPORT_CLOSED_PROPOSED if field == "ferme" else T.REPORT_PROPOSED,
                value=current, max_chars=corrections.LIMITS["proposed"],
                height=80,
            )
            comment = st.text_area(T.REPORT_COMMENT, max_chars=corrections.LIMITS["comment"],
                                   height=80)
            email = st.text_input(T.REPORT_EMAIL, max_chars=corrections.LIMITS["email"])
            honeypot = st.text_input(T.REPORT_HONEYPOT, key=f"report_hp_{lieu_id}")
            st.caption(T.REPORT_PRIVACY)
            sent = st.form_submit_button(T.REPORT_SEND)
        if sent:
            _send(corrections.Submission(
                lieu_id, str(lieu["nom"]), str(lieu["departement"]), field, current, proposed,
                comment, email, honeypot, campaign_id))


def _send(submission: corrections.Submission) -> None:
    try:
        request_id = corrections.submit(default_store(), submission, client_address())
    except corrections.Refused as exc:
        st.error(T.REPORT_NOT_SAVED.format(reason=str(exc)))
    except StoreUnavailable:
        st.error(T.REPORT_NOT_SAVED.format(reason=T.REPORT_STORE_DOWN))
    else:
        st.success(T.REPORT_SAVED.format(id=request_id))


def moderation(who: str) -> None:
    """The queue of open requests; the chosen one side by side with the lieu's current values;
    accept, reject with a reason, or merge into another request."""
    store = default_store()
    try:
        waiting = corrections.queue(store)
        total = corrections.count(store)
    except StoreUnavailable as exc:
        st.error(T.MODERATION_STORE_DOWN.format(error=exc))
        return
    if message := st.session_state.pop("moderation_message", None):
        getattr(st, message[0])(message[1])
    st.metric(T.MODERATION_COUNT, fmt_int(total))
    if not waiting:
        st.info(T.MODERATION_EMPTY)
        return
    table(queue_frame(waiting, with_email=True), T.MODERATION_COLUMNS, height=260)
    if total > len(waiting):
        st.caption(T.MODERATION_OLDEST.format(n=fmt_int(len(waiting)), total=fmt_int(total)))
    by_id = {row["id"]: row for row in waiting}
    picked = st.selectbox(
        T.MODERATION_PICK, list(by_id), key="moderation_pick",
        format_func=lambda i: f"n° {i} · {by_id[i]['lieu_nom']} · {T.FIELDS.get(by_id[i]['field'])}",
    )
    row = by_id[picked]
    current = lieux()
    current = current[current["lieu_id"] == row["lieu_id"]]
    now_value = current_value(current.iloc[0].to_dict(), row["field"]) if len(current) else ""
    st.markdown(f"**{T.MODERATION_SIDE_BY_SIDE}**")
    side = pd.DataFrame({T.MODERATION_CURRENT: [now_value or "—"],
                         T.MODERATION_PROPOSED: [row["proposed"] or "—"]})
    st.table(side, hide_index=True)
    if row["comment"]:
        st.caption(md_text(row["comment"]))
    left, middle, right = st.columns(3)
    if left.button(T.MODERATION_ACCEPT, type="primary", key="moderation_accept"):
        _decide(lambda: corrections.accept(store, picked, who), T.MODERATION_ACCEPTED.format(id=picked))
    reason = middle.text_input(T.MODERATION_REASON, key="moderation_reason", max_chars=500)
    if middle.button(T.MODERATION_REJECT, key="moderation_reject"):
        _decide(lambda: corrections.reject(store, picked, who, reason),
                T.MODERATION_REJECTED.format(id=picked))
    others = [i for i, r in by_id.items() if i != picked and r["lieu_id"] == row["lieu_id"]]
    into = right.selectbox(T.MODERATION_MERGE, others, key="moderation_into",
                           format_func=lambda i: f"n° {i}")
    if right.button(T.MODERATION_MERGE_BUTTON, key="moderation_merge", disabled=into is None):
        _decide(lambda: corrections.merge(store, picked, into, who),
                T.MODERATION_MERGED.format(id=picked, into=into))


def publish_corrections(who: str) -> None:
    """Build and publish a new version now, so that the accepted corrections go online (the
    replacements already published stay in force)."""
    from ..shared.config import pinned_db
    from . import admin  # the update page's narrow entry to the publishing side

    if pinned_db() is not None:
        st.caption(T.MODERATION_PINNED)
        return
    if not st.button(T.MODERATION_PUBLISH, key="moderation_publish"):
        return
    try:
        with st.spinner(T.MODERATION_PUBLISHING):
            staged = admin.publication.stage(admin.folder(), admin.sources())
            record = admin.publication.publish(admin.folder(), staged, who, T.MODERATION_PUBLISH,
                                               admin.sources())
    except (admin.snapshots.SnapshotError, StoreUnavailable) as exc:
        st.error(str(exc))
        return
    st.success(T.MODERATION_PUBLISHED.format(version=record["version"]))


def _decide(action, success: str) -> None:
    try:
        action()
    except (corrections.Refused, corrections.AlreadyDecided) as exc:
        st.session_state["moderation_message"] = ("warning", str(exc))
    except StoreUnavailable as exc:
        st.session_state["moderation_message"] = ("error", T.MODERATION_STORE_DOWN.format(error=exc))
    else:
        st.session_state["moderation_message"] = ("success", success)
    st.rerun()


def freshness_by_departement() -> None:
    """Per département: lieux per freshness level and share (Qualité)."""
    st.header(T.FRESHNESS_BY_DEP_TITLE)
    names = dict(query("departement_list")[["code", "nom"]].itertuples(index=False, name=None))
    frame = freshness.by_departement(lieux(), names, today())
    kinds = {f"part_{k}": "percent_value" for k in freshness.LEVELS}
    table(frame, T.FRESHNESS_DEP_COLUMNS, kinds, download=("fraicheur_departements.csv", "q_fresh_dep"))
    st.caption(T.FRESHNESS_RULE.format(today=today().strftime("%d/%m/%Y")))


def closed_lieux() -> None:
    """The lieux closed for good by an accepted correction (Qualité): out of the counts, still listed."""
    st.header(T.CLOSED_TITLE)
    st.caption(T.CLOSED_INTRO)
    frame = query("lieux_fermes")
    if frame.empty:
        st.caption(T.CLOSED_NONE)
        return
    table(frame, T.CLOSED_COLUMNS, {"request_id": "int"}, download=("lieux_fermes.csv", "q_closed"))


def campaign_progress() -> None:
    """Progress of every update campaign (Qualité)."""
    st.header(T.CAMPAIGN_PROGRESS_TITLE)
    try:
        frame = campaign_analysis.progress_table(campaigns.progress(default_store()))
    except StoreUnavailable as exc:
        st.error(T.MODERATION_STORE_DOWN.format(error=exc))
        return
    if frame.empty:
        st.caption(T.CAMPAIGN_NONE)
        return
    table(frame, T.CAMPAIGN_COLUMNS, {"part_repondu": "percent_value"})


def campaigns_panel(who: str, base_url: str) -> None:
    """Create a campaign from a selection of lieux, download its mail-merge file, update statuses."""
    all_lieux = lieux()
    names = dict(query("departement_list")[["code", "nom"]].itertuples(index=False, name=None))
    with st.form("campaign_new"):
        name = st.text_input(T.CAMPAIGN_NAME, max_chars=200)
        deps = st.multiselect(T.CAMPAIGN_DEPS, list(names), format_func=lambda c: f"{c} {names[c]}")
        levels = st.multiselect(T.CAMPAIGN_LEVELS, list(T.FRESHNESS_LABELS),
                                format_func=T.FRESHNESS_LABELS.get)
        source_keys = sorted({s for sources in all_lieux["sources"] for s in sources})
        chosen_sources = st.multiselect(T.CAMPAIGN_SOURCES, source_keys)
        label_keys = sorted({label for labels in all_lieux["labels"] for label in labels})
        chosen_labels = st.multiselect(T.CAMPAIGN_LABELS, label_keys)
        create = st.form_submit_button(T.CAMPAIGN_CREATE)
    criteria = {"departements": deps, "fraicheur": levels, "sources": chosen_sources,
                "labels": chosen_labels}
    selected = campaign_analysis.select(all_lieux, today(), deps, levels, chosen_sources,
                                        chosen_labels)
    st.caption(T.CAMPAIGN_SELECTED.format(n=fmt_int(len(selected))))
    store = default_store()
    if create:
        try:
            members = selected[["lieu_id", "nom", "departement"]].to_dict("records")
            new_id = campaigns.create(store, name, criteria, members, who)
            st.success(T.CAMPAIGN_CREATED.format(id=new_id, n=fmt_int(len(members))))
        except corrections.Refused as exc:
            st.error(str(exc))
        except StoreUnavailable as exc:
            st.error(T.MODERATION_STORE_DOWN.format(error=exc))
    try:
        existing = campaigns.listing(store)
    except StoreUnavailable as exc:
        st.error(T.MODERATION_STORE_DOWN.format(error=exc))
        return
    if not existing:
        st.caption(T.CAMPAIGN_NONE)
        return
    by_id = {c["id"]: c for c in existing}
    picked = st.selectbox(T.CAMPAIGN_PICK, list(by_id), key="campaign_pick",
                          format_func=lambda i: f"n° {i} · {by_id[i]['name']}")
    members = pd.DataFrame(campaigns.members(store, picked))
    in_campaign = all_lieux[all_lieux["lieu_id"].isin(members["lieu_id"])]
    merge = campaign_analysis.mailmerge(in_campaign, picked, base_url, today())
    st.download_button(T.CAMPAIGN_CSV, to_csv_bytes(merge), f"campagne-{picked}.csv", "text/csv",
                       key="campaign_csv", on_click="ignore")
    edited = st.data_editor(
        members.assign(status=members["status"].map(T.CAMPAIGN_STATUSES)),
        column_config={
            **{c: st.column_config.TextColumn(label, disabled=True)
               for c, label in T.CAMPAIGN_LIEU_COLUMNS.items() if c != "status"},
            "status": st.column_config.SelectboxColumn(
                T.CAMPAIGN_LIEU_COLUMNS["status"], options=list(T.CAMPAIGN_STATUSES.values()),
                required=True),
        },
        hide_index=True, width="stretch", key=f"campaign_editor_{picked}",
    )
    if st.button(T.CAMPAIGN_STATUS_SAVE, key="campaign_save"):
        back = {label: key for key, label in T.CAMPAIGN_STATUSES.items()}
        changed = edited[edited["status"] != members["status"].map(T.CAMPAIGN_STATUSES)]
        for lieu_id, status in zip(changed["lieu_id"], changed["status"], strict=True):
            campaigns.set_status(store, picked, lieu_id, back[status], who)
        st.success(T.CAMPAIGN_STATUS_SAVED.format(n=len(changed)))
