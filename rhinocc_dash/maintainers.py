"""Who may change the data: maintainer accounts, sign-in with rate limiting, and the audit log.

Accounts live in the Streamlit secrets file (`.streamlit/secrets.toml`, never committed), table
`[maintainers]`, one line per person: `name = "<Argon2 hash>"`; `rhinocc-dash maintainer add NAME` writes
them. Failed sign-ins are counted per account in a small file shared by every server process, and an
account is locked for `LOCK_SECONDS` after `MAX_FAILURES` failures within that time. Every change a
maintainer makes is appended to the audit log (JSON Lines): who, when, what.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import tomlkit
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .shared import audit
from .shared.config import home

STATE_ENV = "RHINOCC_STATE"
MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
MIN_PASSWORD_LENGTH = 12

_HASHER = PasswordHasher()


def state_dir() -> Path:
    """Where sign-in attempts are kept ($RHINOCC_STATE, default <RHINOCC_HOME>/state)."""
    env = os.environ.get(STATE_ENV)
    return Path(env).expanduser().resolve() if env else home() / "state"


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def secrets_path() -> Path:
    """Streamlit's secrets file, in the `.streamlit/` folder of the directory the app is run from."""
    return Path.cwd() / ".streamlit" / "secrets.toml"


def add_maintainer(name: str, password: str, secrets: Path | None = None) -> None:
    """Create or replace an account in the secrets file (other tables are kept as they are)."""
    secrets = secrets or secrets_path()
    if not name or not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise ValueError("Nom de compte : lettres, chiffres, « - », « _ » ou « . » seulement.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Mot de passe trop court : {MIN_PASSWORD_LENGTH} caractères au moins.")
    document = (
        tomlkit.parse(secrets.read_text(encoding="utf-8"))
        if secrets.is_file()
        else tomlkit.document()
    )
    table = document.get("maintainers") or tomlkit.table()
    table[name] = hash_password(password)
    document["maintainers"] = table
    secrets.parent.mkdir(parents=True, exist_ok=True)
    secrets.write_text(tomlkit.dumps(document), encoding="utf-8")
    secrets.chmod(0o600)


@contextmanager
def _locked_json(path: Path) -> Iterator[dict]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        text = handle.read()
        data = json.loads(text) if text.strip() else {}
        yield data
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(data))


def seconds_locked(name: str, now: float | None = None) -> int:
    """How long the account stays locked after too many failures (0 when it is not)."""
    now = time.time() if now is None else now
    with _locked_json(state_dir() / "signin_failures.json") as failures:
        recent = [t for t in failures.get(name, []) if now - t < LOCK_SECONDS]
    if len(recent) < MAX_FAILURES:
        return 0
    return int(LOCK_SECONDS - (now - min(recent[-MAX_FAILURES:])))


def verify(accounts: dict, name: str, password: str, now: float | None = None) -> bool:
    """True when the password matches the account's hash and the account is not locked; failures are
    counted (an unknown account counts too, so that names cannot be probed for free)."""
    now = time.time() if now is None else now
    if seconds_locked(name, now):
        return False
    stored = accounts.get(name)
    try:
        ok = bool(stored) and _HASHER.verify(str(stored), password)
    except (VerificationError, InvalidHashError):
        ok = False
    with _locked_json(state_dir() / "signin_failures.json") as failures:
        if ok:
            failures.pop(name, None)
        else:
            recent = [t for t in failures.get(name, []) if now - t < LOCK_SECONDS]
            failures[name] = [*recent, now]
    audit.record("connexion" if ok else "connexion_refusee", name)
    return ok
