"""The detail card of a lieu: (label, escaped text) pairs; an absent field says so in words."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..analysis.lieux import is_stale
from ..formatting import fmt_date, fmt_int, md_text
from ..texts import LOCATION_PRECISION


def lieu_card(
    lieu: dict, records: pd.DataFrame, today: dt.date, source_names: dict[str, str]
) -> list[tuple[str, str]]:
    """The detail card as (label, escaped text) pairs; an absent field says so in words."""

    def listed(values) -> str:
        return ", ".join(values) if values is not None and len(values) else "non renseigné"

    contact = " · ".join(
        v for v in (lieu.get("telephone"), lieu.get("courriel"), lieu.get("site_web")) if v
    )
    hours = lieu.get("horaires") or lieu.get("horaires_original") or "non renseignés"
    updated = fmt_date(lieu.get("date_maj")) if lieu.get("date_maj") is not None else "inconnue"
    if is_stale(lieu.get("date_maj"), today):
        updated += " ⚠ information de plus de deux ans, à vérifier"
    sources = "; ".join(
        f"{source_names.get(r.source, r.source)} ({r.source_vintage})"
        for r in records.itertuples(index=False)
    )
    precision = LOCATION_PRECISION.get(lieu.get("location_precision"), "")
    rows = [
        ("Adresse", lieu.get("adresse") or "non renseignée"),
        (
            "Commune",
            f"{lieu.get('commune')} ({lieu.get('departement')}) · localisé à l'{precision}"
            if precision == "adresse"
            else f"{lieu.get('commune')} ({lieu.get('departement')}) · localisé à la "
            f"{precision} seulement",
        ),
        ("Horaires", hours),
        ("Services", listed(lieu.get("services"))),
        ("Publics", listed(lieu.get("publics"))),
        ("Labels", listed(lieu.get("labels"))),
        ("Contact", contact or "non renseigné"),
        ("Sources", f"{sources} ({fmt_int(len(records))} fiche(s))"),
        ("Dernière mise à jour", updated),
    ]
    return [(label, md_text(text)) for label, text in rows]
