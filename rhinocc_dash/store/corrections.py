"""Correction requests from the field: validation, anti-abuse, storage, moderation decisions.

Everything a visitor sends is kept as plain text (control characters removed, nothing interpreted) and
shown as plain text. The sender's address is kept only as a salted hash, for the rate limit. The e-mail,
when given, is erased when the request is closed and at the latest after `EMAIL_KEEP_DAYS`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from ..shared import audit
from ..texts import corrections as T
from . import Store, StoreUnavailable

LIMITS = {"proposed": 500, "comment": 1000, "email": 254}
RATE_LIMIT = 5  # requests per address and hour
RATE_WINDOW = dt.timedelta(hours=1)
EMAIL_KEEP_DAYS = 365
OPEN, ACCEPTED, REJECTED, MERGED = "ouverte", "acceptee", "rejetee", "fusionnee"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SALT = "rhinocc-dash/corrections"


class Refused(ValueError):
    """A request that is not stored, with the French reason to show the sender."""


class AlreadyDecided(RuntimeError):
    """Another maintainer decided first."""

    def __init__(self, row: dict):
        self.row = row
        super().__init__(
            T.MODERATION_ALREADY.format(
                id=row["id"],
                status=T.STATUS_LABELS.get(row["status"], row["status"]),
                by=row["decided_by"],
                at=row["decided_at"],
            )
        )


@dataclass(frozen=True)
class Submission:
    """What the form sends (the honeypot is the hidden field a person never fills)."""

    lieu_id: str
    lieu_nom: str
    departement: str
    field: str
    current_value: str
    proposed: str
    comment: str = ""
    email: str = ""
    honeypot: str = ""
    campaign_id: int | None = None


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp(moment: dt.datetime) -> str:
    """Timestamps are stored as ISO text in UTC: they sort and compare as text on both dialects."""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def plain(text) -> str:
    """The text as sent, without control characters (line breaks kept) and trimmed."""
    text = unicodedata.normalize("NFC", str(text or ""))
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C").strip()


def sender_hash(address: str) -> str:
    return hashlib.sha256(f"{_SALT}:{address}".encode()).hexdigest()[:32]


def validate(sub: Submission) -> Submission:
    """The cleaned submission, or `Refused` naming the field at fault."""
    if plain(sub.honeypot):
        raise Refused(T.REPORT_HONEYPOT_FILLED)
    if sub.field not in T.FIELDS:
        raise Refused(T.REPORT_BAD_FIELD.format(field=plain(sub.field)[:40]))
    cleaned = {name: plain(getattr(sub, name)) for name in LIMITS}
    for name, limit in LIMITS.items():
        if len(cleaned[name]) > limit:
            raise Refused(
                T.REPORT_TOO_LONG.format(
                    field=T.REPORT_FIELD_NAMES[name], limit=limit, length=len(cleaned[name])
                )
            )
    if sub.field != "ferme" and not (cleaned["proposed"] or cleaned["comment"]):
        raise Refused(T.REPORT_EMPTY)
    if sub.field != "ferme" and cleaned["proposed"] == plain(sub.current_value):
        if not cleaned["comment"]:
            raise Refused(T.REPORT_EMPTY)
    if cleaned["email"] and not _EMAIL.match(cleaned["email"]):
        raise Refused(T.REPORT_BAD_EMAIL.format(email=cleaned["email"][:60]))
    return Submission(
        plain(sub.lieu_id)[:80],
        plain(sub.lieu_nom)[:300],
        plain(sub.departement)[:3],
        sub.field,
        plain(sub.current_value)[:2000],
        cleaned["proposed"],
        cleaned["comment"],
        cleaned["email"],
        "",
        sub.campaign_id,
    )


def submit(store: Store, sub: Submission, address: str, now: dt.datetime | None = None) -> int:
    """Store a request and return its number; `Refused` (not stored) on bad input or when the address
    sent `RATE_LIMIT` requests within the last hour; `StoreUnavailable` when the store is down."""
    sub = validate(sub)
    now = now or now_utc()
    sender = sender_hash(address)
    with store.transaction(serialise=True) as cur:
        recent = cur.execute(
            "SELECT COUNT(*) AS n FROM correction_requests WHERE sender = ? AND created_at > ?",
            (sender, stamp(now - RATE_WINDOW)),
        ).one()["n"]
        if recent >= RATE_LIMIT:
            raise Refused(T.REPORT_RATE_LIMITED.format(limit=RATE_LIMIT))
        new_id = cur.insert_id(
            "INSERT INTO correction_requests (lieu_id, lieu_nom, departement, field, current_value, "
            "proposed, comment, email, sender, created_at, status, campaign_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sub.lieu_id,
                sub.lieu_nom,
                sub.departement,
                sub.field,
                sub.current_value,
                sub.proposed,
                sub.comment,
                sub.email or None,
                sender,
                stamp(now),
                OPEN,
                sub.campaign_id,
            ),
        )
        if sub.campaign_id is not None:
            cur.execute(
                "UPDATE campaign_lieux SET status = 'repondu', updated_at = ?, updated_by = ? "
                "WHERE campaign_id = ? AND lieu_id = ? AND status IN ('a_contacter', 'contacte', "
                "'sans_reponse')",
                (stamp(now), "formulaire", sub.campaign_id, sub.lieu_id),
            )
        _purge_emails(cur, now)
    return new_id


def _purge_emails(cur, now: dt.datetime) -> int:
    cutoff = stamp(now - dt.timedelta(days=EMAIL_KEEP_DAYS))
    cur.execute(
        "UPDATE correction_requests SET email = NULL WHERE email IS NOT NULL AND created_at < ?",
        (cutoff,),
    )
    return cur.rowcount


def purge_emails(store: Store, now: dt.datetime | None = None) -> int:
    """Erase the e-mails of requests older than 12 months; returns how many were erased."""
    with store.transaction() as cur:
        return _purge_emails(cur, now or now_utc())


def get(store: Store, request_id: int) -> dict | None:
    with store.transaction() as cur:
        return cur.execute("SELECT * FROM correction_requests WHERE id = ?", (request_id,)).one()


def queue(store: Store, status: str | None = OPEN, limit: int = 500) -> list[dict]:
    """Requests with the given status (all when None), oldest first, and how many there are."""
    with store.transaction() as cur:
        if status is None:
            return cur.execute(
                "SELECT * FROM correction_requests ORDER BY id LIMIT ?", (limit,)
            ).all()
        return cur.execute(
            "SELECT * FROM correction_requests WHERE status = ? ORDER BY created_at, id LIMIT ?",
            (status, limit),
        ).all()


def count(store: Store, status: str = OPEN) -> int:
    with store.transaction() as cur:
        sql = "SELECT COUNT(*) AS n FROM correction_requests WHERE status = ?"
        return int(cur.execute(sql, (status,)).one()["n"])


def _close(store: Store, request_id: int, status: str, who: str, reason: str = "",
           merged_into: int | None = None, now: dt.datetime | None = None) -> dict:
    """Close an open request (e-mail erased) in one conditional UPDATE: of two maintainers deciding
    at once, one wins, the other gets `AlreadyDecided`."""
    now = now or now_utc()
    with store.transaction() as cur:
        cur.execute(
            "UPDATE correction_requests SET status = ?, decided_by = ?, decided_at = ?, reason = ?, "
            "merged_into = ?, email = NULL WHERE id = ? AND status = ?",
            (status, who, stamp(now), reason or None, merged_into, request_id, OPEN),
        )
        won = cur.rowcount == 1
        row = cur.execute("SELECT * FROM correction_requests WHERE id = ?", (request_id,)).one()
        if row is None:
            raise Refused(T.MODERATION_NOT_FOUND.format(id=request_id))
        if not won:
            raise AlreadyDecided(row)
        if status == ACCEPTED and row["campaign_id"] is not None:
            cur.execute(
                "UPDATE campaign_lieux SET status = 'mis_a_jour', updated_at = ?, updated_by = ? "
                "WHERE campaign_id = ? AND lieu_id = ?",
                (stamp(now), who, row["campaign_id"], row["lieu_id"]),
            )
    return row


def accept(store: Store, request_id: int, who: str, now: dt.datetime | None = None) -> dict:
    """Accept: the proposed value becomes an override applied by every build (see `accepted`)."""
    row = _close(store, request_id, ACCEPTED, who, now=now)
    audit.record("correction_acceptee", who, request=row["id"], lieu_id=row["lieu_id"],
          field=row["field"], proposed=row["proposed"])
    return row


def reject(store: Store, request_id: int, who: str, reason: str,
           now: dt.datetime | None = None) -> dict:
    reason = plain(reason)[:LIMITS["comment"]]
    if not reason:
        raise Refused(T.MODERATION_REASON_MISSING)
    row = _close(store, request_id, REJECTED, who, reason=reason, now=now)
    audit.record("correction_refusee", who, request=row["id"], lieu_id=row["lieu_id"], reason=reason)
    return row


def merge(store: Store, request_id: int, into: int, who: str,
          now: dt.datetime | None = None) -> dict:
    """Close a duplicate of another request of the same lieu."""
    if request_id == into:
        raise Refused(T.MODERATION_MERGE_SELF)
    if get(store, into) is None:
        raise Refused(T.MODERATION_NOT_FOUND.format(id=into))
    row = _close(store, request_id, MERGED, who, merged_into=into, now=now)
    audit.record("correction_fusionnee", who, request=row["id"], into=into, lieu_id=row["lieu_id"])
    return row


def accepted(store: Store) -> list[dict]:
    """The accepted corrections, oldest decision first (a later one on the same field wins)."""
    if not store.exists():
        return []
    with store.transaction() as cur:
        return cur.execute(
            "SELECT id, lieu_id, lieu_nom, field, proposed, decided_at FROM correction_requests "
            "WHERE status = ? ORDER BY decided_at, id",
            (ACCEPTED,),
        ).all()


__all__ = [
    "AlreadyDecided",
    "Refused",
    "StoreUnavailable",
    "Submission",
    "accept",
    "accepted",
    "merge",
    "queue",
    "reject",
    "submit",
]
