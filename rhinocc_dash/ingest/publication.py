"""Building a candidate snapshot and publishing it (see `snapshots` for the storage).

A candidate is built in `.staging/<id>/` from the base sources folder, the replacements already
published and the files brought in; it becomes a snapshot by one rename and the current one by one
atomic pointer switch. A killed or failed build leaves the current snapshot serving and nothing listed.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from ..shared import audit
from ..shared.config import SCHEMA_VERSION, resolve_sources
from ..texts import sources as texts_sources
from .catalog import BUILD_FILES
from .errors import BuildError
from .files import sha256
from .overlay import merge
from .pipeline import Progress, build
from .snapshots import (
    DB_NAME,
    MANIFEST,
    STAGING,
    SnapshotError,
    _now,
    _switch,
    clean_orphans,
    current_db,
    current_version,
    lock,
    manifest,
    root,
)


@dataclass
class Staged:
    """A build waiting for a decision: its folder, warehouse, replaced files and build figures."""

    id: str
    folder: Path
    db: Path
    replacements: dict[str, dict] = field(default_factory=dict)  # key -> file facts
    vintages: dict[str, str] = field(default_factory=dict)
    figures: dict = field(default_factory=dict)
    parent: str | None = None
    added: dict[str, dict] = field(default_factory=dict)  # sources added beside the declared ones
    retired: list[str] = field(default_factory=list)  # sources no longer read


def stage(
    folder: Path,
    base_sources: Path,
    uploads: dict[str, tuple[Path, str]] | None = None,
    vintages: dict[str, str] | None = None,
    progress: Progress | None = None,
    carry: bool = True,
    wait_s: float = 600.0,
    added: dict[str, dict] | None = None,
    retired: list[str] | None = None,
) -> Staged:
    """Build a candidate from the base sources, the current snapshot's replacements (unless `carry`
    is off: a complete new sources folder) and `uploads` ({source key: (file, original name)});
    nothing is published. `added`: new sources ({key: manifest entry}, their file in `uploads`);
    `retired`: keys of sources no longer read. Waits for any other build first."""
    folder = root(folder)
    with lock(folder, wait_s):
        return _stage(
            folder, base_sources, uploads, vintages, progress, carry, added or {}, retired or []
        )


def _stage(
    folder, base_sources, uploads, vintages, progress, carry, added=None, retired=None
) -> Staged:
    staged_id = _now().strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]
    work = folder / STAGING / staged_id
    work.mkdir(parents=True)
    (work / ".pid").write_text(str(os.getpid()))
    parent = current_version(folder)
    replacements_dir = work / "sources"
    replacements_dir.mkdir()
    facts: dict[str, dict] = {}
    declared: dict[str, str] = {}
    sources_added: dict[str, dict] = {}
    sources_retired: list[str] = []
    if parent and carry:  # replacements, added and retired sources already published stay
        previous = manifest(folder, parent)
        for key, fact in previous.get("replacements", {}).items():
            _copy(folder / parent / "sources" / fact["path"], replacements_dir / fact["path"])
            facts[key] = fact
        declared.update(previous.get("vintages", {}))
        sources_added.update(previous.get("added_sources", {}))
        sources_retired.extend(previous.get("retired_sources", []))
    sources_added.update(added or {})
    # Venue sources only (they have a format): territory and indicator files cannot be retired.
    readable = {e.key for e in BUILD_FILES if e.format} - set(sources_retired) | set(sources_added)
    unknown = [k for k in retired or [] if k not in readable]
    if unknown:
        shutil.rmtree(work, ignore_errors=True)
        raise SnapshotError(
            texts_sources.RETIRE_UNKNOWN.format(key=unknown[0], known=", ".join(sorted(readable)))
        )
    for key in retired or []:
        if sources_added.pop(key, None) is None and key not in sources_retired:
            sources_retired.append(key)
        facts.pop(key, None)
    entries = {e.key: e.path for e in BUILD_FILES}
    entries.update({k: a["path"] for k, a in sources_added.items()})
    for key, (path, original) in (uploads or {}).items():
        relative = entries[key]
        _copy(path, replacements_dir / relative)
        facts[key] = {
            "path": relative,
            "original_name": original,
            "sha256": sha256(replacements_dir / relative),
            "size": (replacements_dir / relative).stat().st_size,
        }
    declared.update(vintages or {})
    merged = merge(
        Path(base_sources),
        replacements_dir,
        work / "merged",
        declared,
        list(sources_added.values()),
        sources_retired,
    )
    db = work / DB_NAME
    try:
        published = folder / parent / DB_NAME if parent else None
        figures = build(merged, db, progress=progress, previous_db=published)
        _check_uploads(db, set(uploads or {}))
    except BuildError as exc:  # a refused build: its French reason, nothing published
        shutil.rmtree(work, ignore_errors=True)
        raise SnapshotError(str(exc)) from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Staged(
        staged_id, work, db, facts, declared, figures, parent, sources_added, sources_retired
    )


def _check_uploads(db: Path, keys: set[str]) -> None:
    """Refuse a candidate in which a file brought in gave no accepted row (another region's list,
    another source's file, every row rejected): publishing it would silently empty a source."""
    if not keys:
        return
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT source, rows_in_file, rows_outside_region, rows_accepted, rows_quarantined "
            "FROM source_stats"
        ).fetchall()
    finally:
        con.close()
    for source, in_file, outside, accepted, quarantined in rows:
        if source not in keys or accepted:
            continue
        if in_file and outside == in_file:
            why = f"ses {in_file} lignes sont toutes hors de la région"
        elif quarantined:
            why = f"ses {quarantined} lignes ont toutes été mises de côté"
        else:
            why = "il ne contient aucune ligne lisible"
        raise SnapshotError(f"Fichier refusé pour la source « {source} » : {why}.")


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def discard(staged: Staged) -> None:
    shutil.rmtree(staged.folder, ignore_errors=True)


def publish(folder: Path, staged: Staged, who: str, comment: str, base_sources: Path) -> dict:
    """Make a staged build a snapshot and the current one (one rename, one pointer switch)."""
    folder = root(folder)
    with lock(folder):
        return _publish(folder, staged, who, comment, base_sources)


def _publish(folder: Path, staged: Staged, who: str, comment: str, base_sources: Path) -> dict:
    if staged.parent != current_version(folder):
        raise SnapshotError(
            "La version courante a changé depuis cette vérification : relancez la comparaison."
        )
    version = _now().strftime("%Y-%m-%dT%H-%M-%SZ")
    while (folder / version).exists():
        time.sleep(1)
        version = _now().strftime("%Y-%m-%dT%H-%M-%SZ")
    record = _manifest(staged, version, who, comment, base_sources)
    shutil.rmtree(staged.folder / "merged", ignore_errors=True)
    (staged.folder / ".pid").unlink(missing_ok=True)
    (staged.folder / MANIFEST).write_text(
        json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    os.rename(staged.folder, folder / version)
    _switch(folder, version)
    audit.record(
        "publication",
        who,
        folder,
        version=version,
        comment=comment,
        files=sorted(staged.replacements),
    )
    return record


def _manifest(staged: Staged, version: str, who: str, comment: str, base: Path) -> dict:
    con = duckdb.connect(str(staged.db), read_only=True)
    try:
        files = con.execute(
            "SELECT key, name, kind, vintage, path, sha256, rows FROM sources ORDER BY position"
        ).df()
        stats = con.execute(
            "SELECT source, rows_read, rows_accepted, rows_quarantined FROM source_stats"
        ).df()
        lieux = con.execute("SELECT count(*) FROM lieux").fetchone()[0]
        per_dep = dict(
            con.execute("SELECT departement, count(*) FROM lieux GROUP BY 1 ORDER BY 1").fetchall()
        )
    finally:
        con.close()
    stats_by_key = {r["source"]: r for r in stats.to_dict("records")}
    listed = []
    for row in files.to_dict("records"):
        stat = stats_by_key.get(row["key"], {})
        listed.append(
            {
                **{k: (None if v != v else v) for k, v in row.items()},  # NaN → null
                "origin": _origin(row["key"], staged),
                **{
                    k: int(stat[k])
                    for k in ("rows_read", "rows_accepted", "rows_quarantined")
                    if k in stat
                },
            }
        )
    return {
        "version": version,
        "published_at": _now().isoformat(),
        "published_by": who,
        "comment": comment,
        "parent": staged.parent,
        "schema_version": SCHEMA_VERSION,
        "base_sources": str(Path(base).resolve()),
        "build_seconds": staged.figures.get("seconds"),
        "size_bytes": staged.db.stat().st_size,
        "lieux": int(lieux),
        "lieux_par_departement": {str(k): int(v) for k, v in per_dep.items()},
        "files": listed,
        "replacements": staged.replacements,
        "vintages": staged.vintages,
        "added_sources": staged.added,
        "retired_sources": staged.retired,
    }


def _origin(key: str, staged: Staged) -> str:
    if key in staged.added:
        return "ajouté"
    return "remplacé" if key in staged.replacements else "dossier de base"


def needs_publication(folder: Path, base_sources: Path) -> str | None:
    """Why the current snapshot must be rebuilt (French), or None: none yet, another schema, or
    base files that changed since it was published."""
    version = current_version(folder)
    if version is None:
        return "aucune version publiée"
    record = manifest(folder, version)
    if record.get("schema_version") != SCHEMA_VERSION:
        return "nouvelle version du schéma de l'entrepôt"
    known = {f["key"]: f.get("sha256") for f in record.get("files", [])}
    replaced = set(record.get("replacements", {}))
    for entry in BUILD_FILES:
        path = entry.locate(Path(base_sources))
        if entry.key in replaced or path is None:
            continue
        if known.get(entry.key) != sha256(path):
            return f"fichier de base modifié : {entry.path}"
    return None


def ensure_current(
    folder: Path | None = None,
    base_sources: Path | None = None,
    progress: Progress | None = None,
) -> Path:
    """The current warehouse, publishing one first when there is none or it is out of date (the
    first run on a fresh machine publishes the first snapshot from the sources folder). Several
    processes asking at once: one builds, the others wait and then use it."""
    folder = root(folder)
    base = Path(base_sources) if base_sources else resolve_sources()
    if needs_publication(folder, base) is None:
        return current_db(folder)
    with lock(folder):
        clean_orphans(folder)
        reason = needs_publication(folder, base)  # another process may have published meanwhile
        if reason is not None:
            staged = _stage(folder, base, None, None, progress, carry=True)
            _publish(folder, staged, "système", f"Publication automatique ({reason})", base)
    return current_db(folder)


def as_dict(staged: Staged) -> dict:
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(staged).items()}
