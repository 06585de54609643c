"""Update campaigns, the pure side: which lieux a campaign selects, its mail-merge table, its progress."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from ..texts.corrections import CAMPAIGN_STATUSES, FRESHNESS_LABELS, MAILMERGE_COLUMNS
from .freshness import levels


def select(lieux: pd.DataFrame, today: dt.date, departements=(), freshness=(), sources=(),
           labels=()) -> pd.DataFrame:
    """The lieux matching every criterion given (an empty criterion keeps everything)."""
    keep = np.ones(len(lieux), dtype=bool)
    if departements:
        keep &= lieux["departement"].isin(departements).to_numpy()
    if freshness:
        keep &= levels(lieux["date_maj"], today).isin(freshness).to_numpy()
    if sources:
        keep &= lieux["sources"].map(lambda s: bool(set(s) & set(sources))).to_numpy()
    if labels:
        keep &= lieux["labels"].map(lambda s: bool(set(s) & set(labels))).to_numpy()
    return lieux[keep]


def personal_link(base_url: str, lieu_id: str, campaign_id: int) -> str:
    """The link to the lieu's card on the map, its correction form open and tied to the campaign."""
    return f"{base_url.rstrip('/')}/carte?{urlencode({'lieu': lieu_id, 'campagne': campaign_id})}"


def mailmerge(selected: pd.DataFrame, campaign_id: int, base_url: str, today: dt.date) -> pd.DataFrame:
    """One row per lieu: contact, freshness and personal link, with the mail-merge column names."""
    out = pd.DataFrame(
        {
            "lieu_id": selected["lieu_id"],
            "nom": selected["nom"],
            "commune": selected["commune"],
            "departement": selected["departement"],
            "courriel": selected["courriel"].fillna(""),
            "telephone": selected["telephone"].fillna(""),
            "fraicheur": levels(selected["date_maj"], today).map(FRESHNESS_LABELS),
            "lien": [personal_link(base_url, i, campaign_id) for i in selected["lieu_id"]],
        }
    )
    return out.rename(columns=MAILMERGE_COLUMNS).reset_index(drop=True)


def progress_table(rows: list[dict]) -> pd.DataFrame:
    """Per campaign: lieux, count per status and the share that answered (répondu or mis à jour)."""
    columns = ["campaign_id", "name", "created_at", "lieux", *CAMPAIGN_STATUSES, "part_repondu"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows)
    wide = frame.pivot_table(
        index=["campaign_id", "name", "created_at"], columns="status", values="n", aggfunc="sum",
        fill_value=0,
    ).reindex(columns=list(CAMPAIGN_STATUSES), fill_value=0)
    wide.columns = list(wide.columns)
    wide = wide.reset_index()
    wide.insert(3, "lieux", wide[list(CAMPAIGN_STATUSES)].sum(axis=1))
    answered = wide["repondu"] + wide["mis_a_jour"]
    wide["part_repondu"] = (100 * answered / wide["lieux"]).round(1)
    wide["created_at"] = wide["created_at"].str[:10]
    return wide.sort_values("campaign_id", ascending=False)[columns].reset_index(drop=True)
