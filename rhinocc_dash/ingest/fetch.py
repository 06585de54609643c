"""Download every source file from its public origin (raw-file address at the cited commit) and
check it.

Where the origin serves a national file, the national file is downloaded (to the catalogue's
`national_path`): the adapters keep the 13 départements. Files marked DERIVED in the sources folder
have no public origin; the build derives their content itself (communes 2026 and EPCI shapes from
the 2018 communes and the 2026 list).
"""

from __future__ import annotations

import errno
import hashlib
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .catalog import BUILD_FILES, DERIVED_FILES, SCHEMA_FILE

CHUNK = 1 << 16
TIMEOUT_S = 60


OFFLINE_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}


class Offline(Exception):
    """No network at all (a name that does not resolve, no route): not one file's failure."""


def is_offline(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, socket.gaierror):
        return True
    return isinstance(reason, OSError) and reason.errno in OFFLINE_ERRNOS


@dataclass(frozen=True)
class Download:
    key: str
    url: str
    dest: str
    sha256: str | None


def plan(base_url: str | None = None) -> list[Download]:
    """Every file to download, once each, in catalogue order."""
    downloads: dict[str, Download] = {}
    for entry in (*BUILD_FILES, SCHEMA_FILE):
        if entry.origin:
            dest = entry.national_path or entry.path
            expected = entry.national_sha256 if entry.national_path else entry.sha256
            downloads.setdefault(
                dest, Download(entry.key, entry.origin.url(base_url), dest, expected)
            )
        for rel, origin, expected in entry.parts:
            downloads.setdefault(rel, Download(entry.key, origin.url(base_url), rel, expected))
    return list(downloads.values())


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} Mo" if n >= 1e5 else f"{n / 1e3:.0f} ko"


def download(item: Download, dest_root: Path, stream=None, prefix: str = "") -> bool:
    """Fetch one file to a temporary name, check its checksum, then move it in place."""
    stream = stream or sys.stderr
    target = dest_root / item.dest
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    digest, received = hashlib.sha256(), 0
    live = getattr(stream, "isatty", lambda: False)()
    try:
        with (
            urllib.request.urlopen(item.url, timeout=TIMEOUT_S) as response,
            open(partial, "wb") as out,
        ):
            total = int(response.headers.get("Content-Length") or 0)
            while block := response.read(CHUNK):
                out.write(block)
                digest.update(block)
                received += len(block)
                if live:
                    done = f" / {_size(total)}" if total else ""
                    print(
                        f"\r{prefix}{item.dest} {_size(received)}{done}",
                        end="",
                        file=stream,
                        flush=True,
                    )
    except (urllib.error.URLError, OSError) as exc:
        partial.unlink(missing_ok=True)
        if is_offline(exc):
            raise Offline(urllib.parse.urlsplit(item.url).hostname or item.url) from exc
        print(f"\r{prefix}{item.dest} — échec du téléchargement ({item.url}) : {exc}", file=stream)
        return False
    actual = digest.hexdigest()
    if item.sha256 and actual != item.sha256:
        partial.unlink(missing_ok=True)
        print(
            f"\r{prefix}{item.dest} — empreinte SHA-256 différente de la référence : fichier rejeté "
            f"(attendu {item.sha256[:12]}…, reçu {actual[:12]}…)",
            file=stream,
        )
        return False
    partial.replace(target)
    check = (
        "SHA-256 vérifiée" if item.sha256 else f"SHA-256 {actual[:12]}… (pas de référence publiée)"
    )
    print(f"\r{prefix}{item.dest} {_size(received)} — {check}", file=stream)
    return True


def fetch_all(dest: str | Path, base_url: str | None = None, stream=None) -> bool:
    """Download everything; True when every file arrived and matched its reference checksum."""
    stream = stream or sys.stderr
    dest_root = Path(dest)
    items = plan(base_url)
    try:
        results = [
            download(item, dest_root, stream, f"[{i}/{len(items)}] ")
            for i, item in enumerate(items, 1)
        ]
    except Offline as exc:
        print(
            f"Hors ligne : {exc} injoignable, aucune source téléchargée ; les fichiers du dossier des "
            "sources restent utilisés.",
            file=stream,
        )
        return False
    for entry in DERIVED_FILES:
        print(
            f"{entry.path} — fichier dérivé, sans origine publique : non téléchargeable ; la construction de "
            "l'entrepôt le recalcule à partir des communes 2018 et de la liste des communes 2026.",
            file=stream,
        )
    failed = results.count(False)
    print(f"{len(items) - failed} fichier(s) téléchargé(s), {failed} échec(s).", file=stream)
    return failed == 0
