"""The blocks of a static report (headings, key figures, sentences, tables, SVG charts, notes) as plain
data, and the data's edition stamped on every page.

`report_pdf` lays the blocks out with Typst; `to_html` writes the same blocks as one self-contained HTML
file (the regional report's HTML). Values stay data in both: Typst receives them as JSON and shows each
string as text, HTML escapes them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import texts
from ..shared.formatting import fmt_date
from . import palette
from .french_tables import Kinds, display_values, kinds_of

PRINT_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:1000px;margin:auto;
padding:1.5em;line-height:1.45}h1{color:PRIMARY_COLOUR;margin-bottom:.2em}h2{border-bottom:2px solid PRIMARY_COLOUR;
padding-bottom:.2em;margin-top:1.6em}.summary{background:#f3f8f9;border-left:4px solid PRIMARY_COLOUR;padding:.4em 1em}
.figures{display:grid;grid-template-columns:repeat(3,1fr);gap:.8em}.figure{border:1px solid #ccd;
border-radius:6px;padding:.6em}.figure .value{font-size:1.6em;font-weight:600}.figure .label{font-size:.9em}
.source{color:#555;font-size:.85em}table{border-collapse:collapse;width:100%;font-size:.85em}
th,td{border:1px solid #ccd;padding:.25em .4em;text-align:left}td.n{text-align:right;white-space:nowrap}
th{background:#eef4f6}.estimate{font-style:italic}dt{font-weight:600;margin-top:.4em}dd{margin-left:1.2em}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}.chart,.figures,table,.summary{break-inside:avoid}
@page{size:A4;margin:14mm}}
""".replace("PRIMARY_COLOUR", palette.hex_colour(palette.PRIMARY))
NUMERIC = {"int", "decimal0", "decimal1", "decimal2", "percent", "percent_value", "estimate"}
Sentence = tuple[tuple[str, bool], ...]
Block = dict


def _esc(value) -> str:
    return html.escape("" if value is None else str(value))


def sentence(template: str, **values) -> Sentence:
    """A summary sentence as (text, bold) segments: the template's **bold** markers are read before the
    values go in, so a value is never markup, whatever it holds; each renderer draws the segments."""
    parts = template.split("**")
    shown = {k: str(v) for k, v in values.items()}
    return tuple((part.format(**shown), i % 2 == 1) for i, part in enumerate(parts) if part)


def sentence_html(segments: Sentence) -> str:
    return "".join(f"<strong>{_esc(t)}</strong>" if bold else _esc(t) for t, bold in segments)


@dataclass(frozen=True)
class Edition:
    """Which data a report was made from: the published version, the build time, the code version."""

    snapshot: str | None  # the snapshot's folder name; None for a warehouse outside data/snapshots
    file: str
    built_at: str | None
    version: str

    def text(self) -> str:
        built = _built_at(self.built_at)
        if self.snapshot:
            return texts.rapport.REPORT_EDITION.format(
                snapshot=self.snapshot, built_at=built, version=self.version
            )
        return texts.rapport.REPORT_EDITION_UNPUBLISHED.format(
            file=self.file, built_at=built, version=self.version
        )


def edition(db: Path, build_info: pd.DataFrame, snapshots: Path, version: str) -> Edition:
    """The edition of the warehouse file `db` (`build_info`: its table of that name)."""
    values = dict(zip(build_info["name"], build_info["value"], strict=True))
    db = Path(db)
    inside = db.parent.parent.resolve() == Path(snapshots).resolve()
    return Edition(db.parent.name if inside else None, db.name, values.get("built_at"), version)


def _built_at(value: str | None) -> str:
    if not value:
        return "n.d."
    stamp = pd.Timestamp(value)
    stamp = stamp.tz_convert("UTC") if stamp.tzinfo else stamp
    return f"{fmt_date(stamp)} à {stamp:%H:%M} UTC"


def heading(text: str, level: int = 1) -> Block:
    return {"type": "heading", "text": text, "level": level}


def note(text: str) -> Block:
    return {"type": "note", "text": text}


def pagebreak() -> Block:
    return {"type": "pagebreak"}


def figures(rows: list[tuple[str, str, str, str]]) -> Block:
    """Key figures: (key, label, value, source note) each."""
    return {
        "type": "figures",
        "items": [{"key": k, "label": lb, "value": v, "note": n} for k, lb, v, n in rows],
    }


def sentences(items: list[Sentence], block_id: str) -> Block:
    return {"type": "list", "id": block_id, "items": [[list(s) for s in i] for i in items]}


def table(
    frame: pd.DataFrame,
    table_id: str,
    names: dict,
    kinds: Kinds | None = None,
    widths=None,
    total: bool = False,
) -> Block:
    """A French table (cells as on screen, see `tables.display_values`), numbers right-aligned;
    `widths`: relative column widths (None: equal); `total`: the last row is a total."""
    kinds = kinds_of(frame, kinds)
    shown = display_values(frame, kinds)
    return {
        "type": "table",
        "id": table_id,
        "columns": [str(names.get(c, c)) for c in frame.columns],
        "numeric": [kinds[c] in NUMERIC for c in frame.columns],
        "widths": list(widths or [1] * len(frame.columns)),
        "rows": [[str(v) for v in row] for row in shown.itertuples(index=False)],
        "total": total,
    }


def chart(title: str, svg: str, chart_id: str, caption: str = "") -> Block:
    return {"type": "chart", "id": chart_id, "title": title, "svg": svg, "note": caption}


def glossary(entries: dict[str, str]) -> Block:
    return {"type": "glossary", "items": [[term, text] for term, text in entries.items()]}


def _html_block(block: Block) -> str:
    kind = block["type"]
    if kind == "title":
        return f'<h1>{_esc(block["text"])}</h1><p class="source">{_esc(block["lead"])}</p>'
    if kind == "heading":
        return f"<h{block['level'] + 1}>{_esc(block['text'])}</h{block['level'] + 1}>"
    if kind == "note":
        return f'<p class="source">{_esc(block["text"])}</p>'
    if kind == "figures":
        return (
            '<div class="figures">'
            + "".join(
                f'<div class="figure"><div class="value" data-figure="{_esc(f["key"])}">'
                f'{_esc(f["value"])}</div><div class="label">{_esc(f["label"])}</div>'
                f'<div class="source">{_esc(f["note"])}</div></div>'
                for f in block["items"]
            )
            + "</div>"
        )
    if kind == "list":
        items = "".join(f"<li>{sentence_html(tuple(map(tuple, i)))}</li>" for i in block["items"])
        return f'<ul class="summary" id="{_esc(block["id"])}">{items}</ul>'
    if kind == "table":
        cells = [' class="n"' if n else "" for n in block["numeric"]]
        head = "".join(f"<th>{_esc(c)}</th>" for c in block["columns"])
        total = len(block["rows"]) - 1 if block["total"] else -1
        body = "".join(
            ('<tr style="font-weight:600">' if i == total else "<tr>")
            + "".join(f"<td{a}>{_esc(v)}</td>" for a, v in zip(cells, row, strict=True))
            + "</tr>"
            for i, row in enumerate(block["rows"])
        )
        return (
            f'<table id="{_esc(block["id"])}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )
    if kind == "chart":
        # Our own matplotlib SVG (texts drawn as outlines): safe to inline as it is.
        return (
            f'<div class="chart" id="{_esc(block["id"])}"><h3>{_esc(block["title"])}</h3>'
            f"{block['svg'][block['svg'].index('<svg') :]}"
            + (f'<p class="source">{_esc(block["note"])}</p>' if block["note"] else "")
            + "</div>"
        )
    if kind == "glossary":
        entries = "".join(f"<dt>{_esc(t)}</dt><dd>{_esc(d)}</dd>" for t, d in block["items"])
        return f'<dl id="lexique">{entries}</dl>'
    return ""


def to_html(document: dict) -> str:
    """The document as one self-contained HTML file (no script, SVG charts inline)."""
    css = PRINT_CSS + ".chart svg{width:100%;height:auto}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="fr"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_esc(document['title'])}</title><style>{css}</style></head><body>",
            *[_html_block(b) for b in document["blocks"]],
            f'<p class="source">{_esc(document["edition"])}. {_esc(document["sources"])}</p>',
            "</body></html>",
        ]
    )
