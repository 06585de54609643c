"""The detail card of a lieu: (label, escaped text) pairs; an absent field says so in words."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd

from ..analysis.lieux import is_stale
from ..shared.formatting import fmt_date, fmt_int, fmt_phone, md_text, present
from ..texts.common import LOCATION_WORDS, vintage_text
from .french_week import french_week


def lieu_card(
    lieu: dict, records: pd.DataFrame, today: dt.date, source_names: dict[str, str]
) -> list[tuple[str, str]]:
    """The detail card as (label, escaped text) pairs; an absent field says so in words."""

    def listed(values) -> str:
        return ", ".join(values) if present(values) else "non renseigné"

    def first(*keys: str) -> str | None:
        return next((lieu[k] for k in keys if present(lieu.get(k))), None)

    contact = " · ".join(
        fmt_phone(lieu[k]) if k == "telephone" else lieu[k]
        for k in ("telephone", "courriel", "site_web")
        if present(lieu.get(k)) and lieu.get(k)
    )
    week = french_week(lieu["horaires"]) if present(lieu.get("horaires")) else None
    hours = week or first("horaires_original") or "non renseignés"
    if not present(lieu.get("date_maj")):
        updated = "inconnue (aucune source ne date cette fiche)"
    elif lieu.get("date_maj_precision") == "edition":
        updated = (
            f"aucune date propre au lieu ; il figure dans la liste du {fmt_date(lieu['date_maj'])}"
        )
    else:
        updated = fmt_date(lieu["date_maj"])
    if is_stale(lieu.get("date_maj"), today):
        updated += " ⚠ information de plus de deux ans, à vérifier"
    grouped = Counter(
        (source_names.get(r.source, r.source), vintage_text(r.source_vintage))
        for r in records.itertuples(index=False)
    )
    sources = " ; ".join(
        f"{name} ({vintage})" + (f" × {count}" if count > 1 else "")
        for (name, vintage), count in grouped.items()
    )
    placed = LOCATION_WORDS.get(lieu.get("location_precision"), "")
    declared = [
        f"{d['label']} (déclaré par {source_names.get(d['source'], d['source'])})"
        for d in (lieu.get("declared_labels") if present(lieu.get("declared_labels")) else [])
    ]
    rows = [
        ("Adresse", first("adresse") or "non renseignée"),
        ("Commune", f"{lieu.get('commune')} ({lieu.get('departement')}) · {placed}"),
        ("Horaires", hours),
        ("Services", listed(lieu.get("services"))),
        ("Publics", listed(lieu.get("publics"))),
        ("Labels", listed(lieu.get("labels"))),
        ("Contact", contact or "non renseigné"),
        ("Sources", f"{sources} ({fmt_int(len(records))} fiche(s))"),
        ("Dernière mise à jour", updated),
    ]
    if declared:
        rows.insert(6, ("Labels déclarés, absents des listes officielles", "; ".join(declared)))
    return [(label, md_text(text)) for label, text in rows]
