"""Update campaigns: a named selection of lieux, each with a contact status the coordinator updates.

A lieu's status moves to « répondu » by itself when a request arrives through its personal link, and to
« mis à jour » when that request is accepted (see `corrections`)."""

from __future__ import annotations

import datetime as dt
import json

from ..shared import audit
from ..texts import corrections as T
from . import Store
from .corrections import Refused, now_utc, plain, stamp

STATUSES = tuple(T.CAMPAIGN_STATUSES)


def create(store: Store, name: str, criteria: dict, lieux: list[dict], who: str,
           now: dt.datetime | None = None) -> int:
    """A campaign over `lieux` (dicts with lieu_id, nom, departement), every lieu « à contacter »."""
    name = plain(name)[:200]
    if not name:
        raise Refused("Donnez un nom à la campagne.")
    if not lieux:
        raise Refused(T.CAMPAIGN_EMPTY_SELECTION)
    at = stamp(now or now_utc())
    with store.transaction() as cur:
        campaign_id = cur.insert_id(
            "INSERT INTO campaigns (name, criteria, created_by, created_at) VALUES (?, ?, ?, ?)",
            (name, json.dumps(criteria, ensure_ascii=False, sort_keys=True), who, at),
        )
        for lieu in lieux:
            cur.execute(
                "INSERT INTO campaign_lieux (campaign_id, lieu_id, nom, departement, status, "
                "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (campaign_id, lieu["lieu_id"], lieu["nom"], lieu["departement"], STATUSES[0], at,
                 who),
            )
    audit.record("campagne_creee", who, campaign=campaign_id, name=name, lieux=len(lieux))
    return campaign_id


def set_status(store: Store, campaign_id: int, lieu_id: str, status: str, who: str,
               now: dt.datetime | None = None) -> bool:
    """Record a lieu's status in a campaign; False when the lieu is not in it."""
    if status not in STATUSES:
        raise Refused(f"Statut inconnu : « {plain(status)[:40]} ».")
    with store.transaction() as cur:
        cur.execute(
            "UPDATE campaign_lieux SET status = ?, updated_at = ?, updated_by = ? "
            "WHERE campaign_id = ? AND lieu_id = ?",
            (status, stamp(now or now_utc()), who, campaign_id, lieu_id),
        )
        return cur.rowcount == 1


def listing(store: Store) -> list[dict]:
    """Every campaign, newest first."""
    if not store.exists():
        return []
    with store.transaction() as cur:
        return cur.execute("SELECT * FROM campaigns ORDER BY id DESC").all()


def members(store: Store, campaign_id: int) -> list[dict]:
    with store.transaction() as cur:
        return cur.execute(
            "SELECT lieu_id, nom, departement, status, updated_at, updated_by FROM campaign_lieux "
            "WHERE campaign_id = ? ORDER BY departement, nom, lieu_id",
            (campaign_id,),
        ).all()


def progress(store: Store) -> list[dict]:
    """Per campaign and status, how many lieux (rows: campaign_id, name, created_at, status, n)."""
    if not store.exists():
        return []
    with store.transaction() as cur:
        return cur.execute(
            "SELECT c.id AS campaign_id, c.name, c.created_at, l.status, COUNT(*) AS n "
            "FROM campaigns AS c JOIN campaign_lieux AS l ON l.campaign_id = c.id "
            "GROUP BY c.id, c.name, c.created_at, l.status ORDER BY c.id DESC",
        ).all()
