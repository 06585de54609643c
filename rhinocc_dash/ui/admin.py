"""Streamlit side, data updates (maintainers only): files brought in, recognised, built in the
background into a candidate, validated, compared with the current snapshot, then published or
discarded; the list of snapshots and the roll-back.

The work itself is in `ingest.snapshots` (build, publish, roll back), `ingest.recognise` (what a file
is) and `analysis.compare` (what changes): this module only lays them out.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import opendata, texts
from ..ingest import fetch, publication, recognise, snapshots
from ..ingest.catalog import VENUE_FILES
from ..shared.config import resolve_snapshots, resolve_sources
from ..texts import sources as texts_sources
from . import admin_sources

VENUE_NAMES = {e.key: e.title for e in VENUE_FILES}
UPLOADS_KEY = "update_uploads"
JOB_KEY = "update_job"


def folder() -> Path:
    return snapshots.root(resolve_snapshots())


def sources() -> Path:
    """The base sources folder (replacements are laid over it)."""
    return resolve_sources()


def _upload_dir() -> Path:
    session = st.session_state.setdefault("update_session", uuid.uuid4().hex[:12])
    path = folder() / snapshots.STAGING / f"depots-{session}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _save(name: str, data: bytes) -> Path:
    safe = Path(name).name.replace("/", "_") or "fichier"
    target = _upload_dir() / f"{uuid.uuid4().hex[:6]}-{safe}"
    target.write_bytes(data)
    return target


def files_step() -> dict[str, recognise.Recognition]:
    """Step 1: files uploaded (or downloaded from their origin), each recognised or refused."""
    round_ = st.session_state.setdefault("update_round", 0)  # a new round empties the uploader
    uploaded = st.file_uploader(
        texts.mise_a_jour.UPDATE_UPLOAD,
        accept_multiple_files=True,
        key=f"update_files_{round_}",
        help=texts.mise_a_jour.UPDATE_UPLOAD_HELP,
    )
    kept: dict[str, tuple[Path, str]] = st.session_state.setdefault(UPLOADS_KEY, {})
    for file in uploaded or []:
        if file.file_id not in kept:
            kept[file.file_id] = (_save(file.name, file.getvalue()), file.name)
    with st.expander(texts.mise_a_jour.UPDATE_FROM_ORIGIN):
        key = st.selectbox(
            texts.mise_a_jour.UPDATE_ORIGIN_SOURCE,
            list(VENUE_NAMES),
            format_func=VENUE_NAMES.get,
            key="update_origin",
        )
        if st.button(texts.mise_a_jour.UPDATE_ORIGIN_BUTTON, key="update_origin_go"):
            _download_origin(key, kept)
    current = {fid for fid, _ in ((f.file_id, f) for f in uploaded or [])}
    origin_ids = {fid for fid in kept if fid.startswith("origine:")}
    found: dict[str, recognise.Recognition] = {}
    for fid, (path, name) in list(kept.items()):
        if fid not in current and fid not in origin_ids:
            kept.pop(fid)
            continue
        forced = st.session_state.get(f"update_force_{fid}")
        found[fid] = recognise.recognise(path, name, forced or None)
    return found


def _download_origin(key: str, kept: dict) -> None:
    entry = next(e for e in VENUE_FILES if e.key == key)
    item = next((d for d in fetch.plan() if d.key == key), None)
    if item is None:
        st.error(texts.mise_a_jour.UPDATE_NO_ORIGIN)
        return
    target = _upload_dir() / f"origine-{uuid.uuid4().hex[:6]}"
    with st.spinner(texts.mise_a_jour.UPDATE_DOWNLOADING):
        ok = fetch.download(item, target)
    if not ok:
        st.error(texts.mise_a_jour.UPDATE_DOWNLOAD_FAILED)
        return
    kept[f"origine:{key}"] = (target / item.dest, Path(entry.path).name)


def recognition_table(found: dict[str, recognise.Recognition]) -> dict[str, recognise.Recognition]:
    """What each file is; a file that is not recognised may be assigned by hand, or is refused."""
    rows = []
    added: dict[str, dict] = {}
    for fid, item in found.items():
        admin_sources.format_choice(fid, item)
        admin_sources.column_report(fid, item)
        if (entry := admin_sources.new_source(fid, item)) is not None:
            added[entry["key"]] = entry
        elif item.is_new:
            item.problems.append(texts_sources.CLI_NEW_NEEDS_KEY)
        rows.append(
            {
                "fichier": item.name,
                "source": added.get(item.key, {}).get("title") or VENUE_NAMES.get(item.key, "—"),
                "disposition": item.layout or "—",
                "lignes": item.rows,
                "encodage": item.encoding or "—",
                "millesime": item.vintage or "—",
                "statut": texts.mise_a_jour.UPDATE_OK if item.ok else item.message,
            }
        )
        if not item.ok and item.rows and not item.candidates:
            st.selectbox(
                texts.mise_a_jour.UPDATE_FORCE.format(name=item.name),
                ["", *VENUE_NAMES],
                format_func=lambda k: VENUE_NAMES.get(k, texts.mise_a_jour.UPDATE_FORCE_NONE),
                key=f"update_force_{fid}",
            )
    if rows:
        from .tables import table

        table(pd.DataFrame(rows), texts.mise_a_jour.UPDATE_FILE_COLUMNS, {"lignes": "int"})
    st.session_state[admin_sources.ADDED_KEY] = added
    admin_sources.retired()
    accepted = {fid: f for fid, f in found.items() if f.ok}
    keys = [f.key for f in accepted.values()]
    if len(keys) != len(set(keys)):
        st.error(texts.mise_a_jour.UPDATE_TWICE)
        return {}
    for fid, item in accepted.items():
        item.vintage = (
            st.text_input(
                texts.mise_a_jour.UPDATE_VINTAGE.format(
                    name=item.name, source=VENUE_NAMES.get(item.key, item.key)
                ),
                item.vintage,
                key=f"update_vintage_{fid}",
                help=texts.mise_a_jour.UPDATE_VINTAGE_HELP.format(origin=item.vintage_from),
            ).strip()
            or item.vintage
        )
    return accepted


def start_build(accepted: dict[str, recognise.Recognition]) -> None:
    """Step 2: build the candidate in a background thread (the page shows its progress)."""
    job = {"step": 0, "total": 1, "label": texts.mise_a_jour.UPDATE_QUEUED, "done": False, "error": None}
    uploads = {f.key: (recognise.normalise(f, _upload_dir()), f.name) for f in accepted.values()}
    vintages = {f.key: f.vintage for f in accepted.values()}
    added = {
        k: dict(e, vintage=vintages.get(k, e["vintage"]))
        for k, e in st.session_state.get(admin_sources.ADDED_KEY, {}).items()
        if k in uploads
    }
    retired = list(st.session_state.get("update_retire", []))

    def progress(step: int, total: int, label: str) -> None:
        job.update(step=step, total=total, label=label)

    def work() -> None:
        try:
            job["staged"] = publication.stage(
                folder(),
                resolve_sources(),
                uploads,
                vintages,
                progress,
                added=added,
                retired=retired,
            )
        except Exception as exc:  # shown to the maintainer; the current snapshot is untouched
            job["error"] = str(exc) or exc.__class__.__name__
        finally:
            job["done"] = True

    st.session_state[JOB_KEY] = job
    threading.Thread(target=work, name="rhinocc-candidate", daemon=True).start()


@st.fragment(run_every=1.0)
def build_progress() -> None:
    """The background build's progress; the whole page reruns once it is done."""
    job = st.session_state.get(JOB_KEY)
    if job is None:
        return
    if job["done"]:
        if not job.get("shown"):
            job["shown"] = True
            st.rerun()
        return
    st.progress(
        job["step"] / max(job["total"], 1),
        text=texts.mise_a_jour.UPDATE_BUILDING.format(step=job["step"], total=job["total"], label=job["label"]),
    )


def current_job() -> dict | None:
    return st.session_state.get(JOB_KEY)


def forget_job(discard: bool) -> None:
    job = st.session_state.pop(JOB_KEY, None)
    if discard and job and job.get("staged"):
        publication.discard(job["staged"])
    st.session_state.pop(UPLOADS_KEY, None)
    st.session_state["update_round"] = st.session_state.get("update_round", 0) + 1


def publish_candidate(staged, who: str, comment: str) -> None:
    """Publish the checked candidate (refused if another version went online meanwhile)."""
    try:
        record = publication.publish(folder(), staged, who, comment, sources())
    except snapshots.SnapshotError as exc:
        st.error(str(exc))
        return
    opendata.sync(folder())  # the version's open data (a failure is recorded and shown)
    forget_job(discard=False)
    st.session_state["update_published"] = record["version"]
    st.rerun()
