"""Freshness and hub corrections on a lieu's card, the current value of a field for the report form,
the moderation queue as a table (plain text, French labels)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..analysis.freshness import counts, level, levels
from ..shared.formatting import fmt_date, fmt_int, fmt_percent, md_text, present
from ..texts import corrections as T
from .french_week import french_week

FRESHNESS_ORDER = tuple(T.FRESHNESS_LABELS.values())


def freshness_labels(lieux: pd.DataFrame) -> pd.Series:
    """Each lieu's freshness level in words, at today's date (the map's colouring)."""
    return levels(lieux["date_maj"], dt.date.today()).map(T.FRESHNESS_LABELS)


def current_value(lieu: dict, field: str) -> str:
    """What the card says today for the field a visitor reports (pre-fills the form)."""
    if field == "adresse":
        parts = [lieu.get("adresse"), f"{lieu.get('code_postal') or ''} {lieu.get('commune') or ''}"]
        return ", ".join(str(p).strip() for p in parts if present(p) and str(p).strip())
    if field == "horaires":
        week = french_week(lieu.get("horaires")) if present(lieu.get("horaires")) else None
        return week or (str(lieu["horaires_original"]) if present(lieu.get("horaires_original"))
                        else "")
    if field == "services":
        return ", ".join(lieu["services"]) if present(lieu.get("services")) else ""
    if field in ("telephone", "courriel"):
        return str(lieu[field]) if present(lieu.get(field)) else ""
    return ""


def freshness_rows(lieu: dict, records: pd.DataFrame, today: dt.date,
                   source_names: dict[str, str]) -> list[tuple[str, str]]:
    """The card's freshness line (level, date and the source the date comes from) and, when the hub
    corrected the lieu, « corrigé par le hub le … » (label, escaped text)."""
    key = level(lieu.get("date_maj"), today)
    label = T.FRESHNESS_LABELS[key]
    corrected = lieu.get("corrige_le")
    corrected = corrected if present(corrected) else None
    if not present(lieu.get("date_maj")):
        text = T.FRESHNESS_CARD_UNDATED.format(level=label)
    else:
        date = pd.Timestamp(lieu["date_maj"])
        if corrected and pd.Timestamp(corrected) >= date:
            source = T.FRESHNESS_HUB_SOURCE
        else:
            dated = records[pd.to_datetime(records["date_maj"], errors="coerce") == date]
            keys = list(dict.fromkeys(dated["source"])) if len(dated) else []
            source = ", ".join(source_names.get(k, k) for k in keys) or "source non retrouvée"
        text = T.FRESHNESS_CARD_TEXT.format(level=label, date=fmt_date(date), source=source)
    rows = [(T.FRESHNESS_CARD, md_text(text))]
    if corrected:
        fields = ", ".join(
            T.FIELDS.get(f, f).lower() for f in str(lieu.get("corrections_hub") or "").split(", ") if f
        )
        rows.append((T.CORRECTED_CARD,
                     md_text(T.CORRECTED_BY_HUB.format(date=fmt_date(corrected), fields=fields))))
    return rows


def queue_frame(rows: list[dict], with_email: bool) -> pd.DataFrame:
    """The requests as a table: French field and status names, dates as dates (text stays text)."""
    columns = [c for c in T.MODERATION_COLUMNS if with_email or c != "email"]
    frame = pd.DataFrame(rows, columns=list(T.MODERATION_COLUMNS))
    frame["field"] = frame["field"].map(lambda f: T.FIELDS.get(f, f))
    frame["status"] = frame["status"].map(lambda s: T.STATUS_LABELS.get(s, s))
    frame["created_at"] = frame["created_at"].str[:16].str.replace("T", " ")
    return frame[columns]


def vigilance_parts(lieux: pd.DataFrame, today: dt.date) -> tuple[str, pd.DataFrame, str]:
    """The département's « points de vigilance »: a sentence, the lieux per freshness level with their
    share (a table), and the rule with today's date; one source for the HTML and the PDF reports."""
    found = counts(lieux["date_maj"], today)
    total = sum(found.values())
    share = fmt_percent(found["a_mettre_a_jour"] / total) if total else "n.d."
    sentence = T.VIGILANCE_TEXT.format(
        stale=fmt_int(found["a_mettre_a_jour"]), total=fmt_int(total), share=share,
        check=fmt_int(found["a_verifier"]), watch=fmt_int(found["a_surveiller"]),
        fresh=fmt_int(found["a_jour"]),
    )
    frame = pd.DataFrame(
        {
            "niveau": [T.FRESHNESS_LABELS[k] for k in found],
            "lieux": list(found.values()),
            "part": [n / total if total else None for n in found.values()],
        }
    )
    return sentence, frame, T.FRESHNESS_RULE.format(today=fmt_date(today))
