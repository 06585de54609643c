"""The results of « Orienter une personne » as texts (cards, table), and the one-page « fiche
d'orientation » to hand over: as a printable web page (every value HTML-escaped) and as a PDF laid out
by Typst (`templates/fiche.typ`; values go in as JSON and are placed as text, never as markup).
The QR code (segno) leads back to the same search."""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path

import pandas as pd
import segno

from ..analysis import orient, orient_hours
from ..shared.formatting import fmt_date, fmt_decimal, fmt_phone, md_text, present
from ..texts import orienter as T
from .french_week import french_week
from .report_pdf import typst_pdf
from .standard import phone as e164

TEMPLATE = Path(__file__).parent / "templates" / "fiche.typ"
MAX_FICHE = 3


def fmt_km(km: float) -> str:
    """« 850 m », « 1,2 km », « 23 km »."""
    if km < 1:
        return f"{int(round(km * 1000, -1))} m"
    return f"{fmt_decimal(km, 1 if km < 10 else 0)} km"


def need_text(need: orient.Need) -> str:
    """The need in plain words, for the fiche."""
    parts = [T.NEED_DO_FOR] if need.do_for else []
    parts += [orient.NEEDS[s] for s in need.services]
    parts += [T.NEED_PASS] if need.pass_numerique else []
    parts += [T.NEED_FREE] if need.free else []
    parts += [T.NEED_NO_APPOINTMENT] if need.no_appointment else []
    return " ; ".join(parts) or T.NEED_ANY


def _text(value) -> str:
    return str(value).strip() if present(value) and str(value).strip() else ""


def _values(values) -> list[str]:
    """A list column's values ([] for None or NaN)."""
    if values is None or isinstance(values, float | str):
        return []
    return [str(v) for v in values]


def entry(lieu: dict, now: dt.datetime, source_names: dict[str, str]) -> dict:
    """One result as plain texts (escape them where they are shown)."""
    osm = lieu.get("horaires") if present(lieu.get("horaires")) else None
    state = orient_hours.open_at(osm, now)
    address = _text(lieu.get("adresse"))
    town = f"{_text(lieu.get('code_postal'))} {lieu['commune']}".strip()
    if orient.fold_key(str(lieu["commune"])) not in orient.fold_key(address):
        address = ", ".join(p for p in (address, town) if p)
    unknown = _values(lieu.get("unknown"))
    return {
        "lieu_id": lieu["lieu_id"],
        "nom": str(lieu["nom"]),
        "adresse": address,
        "commune": str(lieu["commune"]),
        "distance": fmt_km(lieu["distance_km"]),
        "ouvert": T.HOURS_UNKNOWN if state is None else T.OPEN_NOW if state else T.CLOSED_NOW,
        "aujourdhui": orient_hours.day_hours(osm, now.date()),
        "semaine": french_week(osm) or _text(lieu.get("horaires_original")) or T.HOURS_UNKNOWN,
        "telephone": fmt_phone(lieu.get("telephone")),
        "tel": e164(lieu.get("telephone")),
        "courriel": _text(lieu.get("courriel")),
        "site_web": _text(lieu.get("site_web")),
        "labels": ", ".join(_values(lieu.get("labels"))) or "aucun",
        "services": ", ".join(_values(lieu.get("services"))) or "non renseignés",
        "date": fmt_date(lieu.get("date_maj")) if present(lieu.get("date_maj")) else "inconnue",
        "sources": ", ".join(source_names.get(s, s) for s in _values(lieu.get("sources"))),
        "non_renseigne": ", ".join(T.CRITERIA.get(u, u) for u in unknown),
    }


def entries(results: pd.DataFrame, now: dt.datetime, source_names: dict[str, str]) -> list[dict]:
    return [entry(lieu, now, source_names) for lieu in results.to_dict("records")]


def card_markdown(row: dict) -> str:
    """The body of a result card as Markdown: every value escaped (`md_text`); the phone number is a
    `tel:` link built from its digits only."""
    today = row["aujourdhui"]
    if row["ouvert"] != T.HOURS_UNKNOWN:
        today += f" · {row['ouvert']}"
    lines = [
        (T.CARD_ADDRESS, row["adresse"] or "non renseignée"),
        (T.CARD_DISTANCE, f"{row['distance']} à vol d'oiseau"),
        (T.CARD_TODAY, today),
        (T.CARD_LABELS, row["labels"]),
        (T.CARD_SERVICES, row["services"]),
        (T.CARD_UPDATED, f"{row['date']} · {T.CARD_SOURCES} : {row['sources']}"),
    ]
    contact = []
    if row["tel"]:
        contact.append(f"[📞 {md_text(row['telephone'])}](tel:{row['tel']})")
    elif row["telephone"]:
        contact.append(md_text(row["telephone"]))
    contact += [f"✉ {md_text(row['courriel'])}"] if row["courriel"] else []
    contact += [f"🌐 {md_text(row['site_web'])}"] if row["site_web"] else []
    body = [f"- **{label}** : {md_text(text)}" for label, text in lines]
    body.append(f"- **{T.CARD_CONTACT}** : " + (" · ".join(contact) or "non renseigné"))
    return "\n".join(body)


def results_table(rows: list[dict]) -> pd.DataFrame:
    """The results as a table (beside the map)."""
    frame = pd.DataFrame(rows, columns=[c for c in T.TABLE_COLUMNS if c != "rang"])
    frame.insert(0, "rang", range(1, len(frame) + 1))
    return frame


def qr_svg(url: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=4, border=2, xmldecl=False)
    return buffer.getvalue().decode("utf-8")


def fiche_document(
    need: orient.Need, chosen: list[dict], note: str, url: str, today: dt.date
) -> dict:
    """Everything the fiche shows, as plain strings (at most `MAX_FICHE` lieux)."""
    dates = sorted({c["date"] for c in chosen[:MAX_FICHE]}, key=lambda d: d.split("/")[::-1])
    return {
        "title": T.FICHE_HEADING,
        "date": today.isoformat(),
        "dated": fmt_date(today),
        "need_title": T.FICHE_NEED,
        "need": need_text(need),
        "where_title": T.FICHE_WHERE,
        "lieux": [
            {
                "nom": c["nom"],
                "adresse": c["adresse"],
                "distance": T.FICHE_DISTANCE.format(km=c["distance"]),
                "semaine": f"{T.FICHE_WEEK} : {c['semaine']}",
                "telephone": f"{T.FICHE_PHONE} : {c['telephone']}" if c["telephone"] else "",
                "courriel": f"{T.FICHE_MAIL} : {c['courriel']}" if c["courriel"] else "",
                "site_web": f"{T.FICHE_WEB} : {c['site_web']}" if c["site_web"] else "",
            }
            for c in chosen[:MAX_FICHE]
        ],
        "note_title": T.FICHE_NOTE,
        "note": note.strip()[:600],
        "qr": qr_svg(url),
        "qr_caption": T.FICHE_QR,
        "url": url,
        "sources": T.FICHE_SOURCES.format(dates=", ".join(dates) or "n.d."),
    }


def fiche_pdf(document: dict) -> bytes:
    """The fiche as a one-page A4 PDF (DejaVu Sans, large type)."""
    return typst_pdf(TEMPLATE, document)


def fiche_html(document: dict) -> str:
    """The fiche as a standalone printable web page; every value is HTML-escaped."""
    e = html.escape
    blocks = []
    for lieu in document["lieux"]:
        lines = [
            lieu[k] for k in ("adresse", "distance", "semaine", "telephone", "courriel", "site_web")
        ]
        blocks.append(
            f"<section><h3>{e(lieu['nom'])}</h3>"
            + "".join(f"<p>{e(line)}</p>" for line in lines if line)
            + "</section>"
        )
    note = (
        f"<h2>{e(document['note_title'])}</h2><p>{e(document['note'])}</p>"
        if document["note"]
        else ""
    )
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{e(document["title"])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;font-size:20px;line-height:1.45;max-width:48em;margin:1em auto;
padding:0 1em;color:#111}}h1{{font-size:1.6em}}h2{{font-size:1.25em}}h3{{font-size:1.15em;margin-bottom:.2em}}
section{{border-top:2px solid #555;padding-top:.3em}}p{{margin:.2em 0}}svg{{width:9em;height:9em}}
small{{font-size:.8em}}@media print{{body{{font-size:15pt}}}}</style></head><body>
<h1>{e(document["title"])} <small>· {e(document["dated"])}</small></h1>
<h2>{e(document["need_title"])}</h2><p>{e(document["need"])}</p>
<h2>{e(document["where_title"])}</h2>{"".join(blocks)}{note}
<figure role="img" aria-label="{e(document["qr_caption"])}">{document["qr"]}
<figcaption>{e(document["qr_caption"])}</figcaption></figure>
<p><small>{e(document["sources"])}</small></p></body></html>"""
