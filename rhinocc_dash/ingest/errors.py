"""Why a build stops: every reason is one French message for the person running it, never a traceback.

A build that stops leaves the previous warehouse untouched (it is replaced only at the very end).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


class BuildError(Exception):
    """A build that cannot go on; the message (French) says which file, where, and what was expected."""

    exit_code = 2


class SourcesMissing(BuildError):
    """The sources folder lacks files the build needs; the message lists them and their origin."""


class SourceInvalid(BuildError):
    """A source file that cannot be read as the build needs it (broken JSON, missing column, text
    where a number is expected…)."""


class SourcesIncomplete(BuildError):
    """A venue source yields no row, or loses most of its rows against the previous build, and the
    build was not told to accept that (`--allow-partial`)."""


class WarehouseUnwritable(BuildError):
    """The warehouse cannot be written where it was asked (read-only folder, no space…)."""

    exit_code = 1

    @classmethod
    def at(cls, db: Path, exc: BaseException) -> WarehouseUnwritable:
        detail = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        return cls(
            f"Impossible d'écrire l'entrepôt {db} : le dossier {Path(db).parent} est en lecture "
            f"seule ou inaccessible ({detail}). Choisissez un autre emplacement (--db) ou donnez "
            "les droits d'écriture sur ce dossier ; l'entrepôt précédent n'a pas été modifié."
        )


def check_writable(db: Path) -> None:
    """Fail at once, before any work, when the warehouse's folder cannot take a new file."""
    db = Path(db)
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=db.parent, prefix=f".{db.name}.probe-"):
            pass
    except OSError as exc:
        raise WarehouseUnwritable.at(db, exc) from exc


TOP_FOLDERS = ("venues", "indicators", "geo")


def shown_path(path: Path | str) -> str:
    """« venues/rhinocc_….csv », « geo/ref/communes-….csv »: a source file as the sources folder
    names it (from its top folder), else by its folder and name."""
    parts = Path(path).parts
    tops = [i for i, part in enumerate(parts) if part in TOP_FOLDERS]
    return "/".join(parts[tops[-1] :] if tops else parts[-2:])


def not_a_file(path: Path) -> str | None:
    """What stands where a source file is expected, when it is something else (French), else None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None  # nothing there: a missing file, reported as such
    if stat.S_ISLNK(mode):
        try:
            path.resolve(strict=True)
        except RuntimeError:  # Python < 3.13 reports a loop this way
            return "un lien symbolique qui tourne en boucle"
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "un lien symbolique qui tourne en boucle"
            return "un lien symbolique vers un fichier absent"
        mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        return "un dossier"
    if stat.S_ISFIFO(mode):
        return "un tube nommé (FIFO)"
    if not stat.S_ISREG(mode):
        return "un fichier spécial (ni fichier ordinaire ni dossier)"
    return None


def check_not_special(sources: Path, missing) -> None:
    """A missing source that is in fact a directory, a FIFO or a broken link: say so, one line each."""
    found = [(entry.path, what) for entry in missing if (what := not_a_file(sources / entry.path))]
    if found:
        raise SourceInvalid(
            "\n".join(
                f"{rel} : c'est {what} ; attendu : un fichier ordinaire, lisible"
                for rel, what in found
            )
        )
