"""The PDF reports (département and région): rendered once per module through the CLI, read back with
poppler (pdftotext, pdfinfo) and turned into PNG pages (pdftoppm) under test-results/pdf/.

Figures are checked against SQL on the warehouse, not against the code that printed them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from rhinocc_dash import __version__, texts
from rhinocc_dash import warehouse as queries
from rhinocc_dash.analysis import service
from rhinocc_dash.analysis.figures import departement_gap_ranking as gap_ranking
from rhinocc_dash.cli import main
from rhinocc_dash.shared.formatting import fmt_date, fmt_decimal, fmt_int, fmt_percent
from rhinocc_dash.texts import corrections as T_CORR
from rhinocc_dash.views import palette, report_blocks, report_pdf
from rhinocc_dash.views.corrections import vigilance_parts

TODAY = dt.date(2026, 11, 22)
OUT = Path(__file__).resolve().parent.parent / "test-results" / "pdf"
# Typst markup, a Typst comment, HTML, and a mathtext command that matplotlib cannot parse.
HOSTILE = r"#set *g* _i_ $\frac{$ [a] <b> @c \d // e"


def _poppler() -> None:
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        message = "poppler-utils missing (make poppler)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


@dataclasses.dataclass
class Rendered:
    path: Path
    pages: list[str]  # pdftotext, one text per page
    layout: list[str]  # pdftotext -layout, one text per page
    images: list[Path]
    seconds: float


def read_back(path: Path, seconds: float = 0.0) -> Rendered:
    """Text of every page, and every page as a 60 dpi PNG beside the PDF."""
    _poppler()

    def text(*options: str) -> list[str]:
        out = subprocess.run(
            ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        return out.split("\f")[:-1]

    stem = path.with_suffix("")
    for old in path.parent.glob(f"{stem.name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(stem)], check=True)
    images = sorted(path.parent.glob(f"{stem.name}-*.png"))
    return Rendered(path, text(), text("-layout"), images, seconds)


def cli_render(warehouse: Path, name: str, *scope: str) -> Rendered:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.pdf"
    started = dt.datetime.now()
    args = ["report", *scope, "--format", "pdf", "--out", str(path), "--db", str(warehouse)]
    assert main([*args, "--date", TODAY.isoformat()]) == 0
    return read_back(path, (dt.datetime.now() - started).total_seconds())


@pytest.fixture(scope="module")
def lot(warehouse) -> Rendered:
    return cli_render(warehouse, "rapport-46", "--departement", "46")


@pytest.fixture(scope="module")
def region(warehouse) -> Rendered:
    return cli_render(warehouse, "rapport-region", "--region")


def lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines()}


def plain(*values: str) -> list[str]:
    """Figures as pdftotext writes them: plain spaces for the narrow no-break ones."""
    return [v.replace("\u202f", " ").replace("\xa0", " ") for v in values]


def test_departement_figures_match_the_warehouse(lot, con):
    first = lines(lot.pages[0])
    lieux, population = con.execute("""SELECT (SELECT count(*) FROM lieux WHERE departement = '46'),
                                       (SELECT sum(population) FROM communes WHERE departement = '46')""").fetchone()
    share = con.execute("""SELECT sum(p.population) FILTER (WHERE p.nearest_lieu_km <= 10)
                                  / sum(p.population)
                           FROM population_points p JOIN communes c USING (code_insee)
                           WHERE c.departement = '46'""").fetchone()[0]
    poverty, ifn = con.execute(
        "SELECT taux_pauvrete, ifn2020_global FROM departement_indicators WHERE code = '46'"
    ).fetchone()
    communes, with_lieu = con.execute("""SELECT count(*), count(*) FILTER (WHERE code_insee IN
                                         (SELECT code_insee FROM lieux))
                                         FROM communes WHERE departement = '46'""").fetchone()
    # Each key figure is a line of its own on page 1 (its block of the summary).
    expected = plain(
        fmt_int(lieux),
        fmt_int(population),
        fmt_decimal(lieux / population * 10_000, 2),
        fmt_percent(share),
        fmt_percent(poverty, ratio=False),
        fmt_decimal(ifn, 1),
        f"{fmt_int(with_lieu)} / {fmt_int(communes)}",
    )
    assert [value for value in expected if value not in first] == []
    assert "Lot" in lot.pages[0] and texts.rapport.REPORT_SUMMARY_TITLE in first


def test_departement_pdf_says_what_the_html_says(lot, con):
    inputs = service.region_data(con)
    edition = report_blocks.Edition(None, "rhinocc.duckdb", None, "test")
    document = report_blocks.to_html(report_pdf.departement_document("46", inputs, TODAY, edition))
    shown = dict(re.findall(r'data-figure="(\w+)">([^<]*)<', document))
    first = lines(lot.pages[0])
    assert len(shown) == 9
    assert [value for value in plain(*shown.values()) if value not in first] == []
    # The 20 communes of the HTML's gap table, in the same order, in the PDF's.
    names = list(gap_ranking("46", inputs)["nom"])
    assert len(names) == 20
    table_text = "\n".join(lot.layout[1:])
    positions = [table_text.find(name) for name in names]
    assert -1 not in positions and positions == sorted(positions)
    # The summary page carries the three largest gaps.
    squeezed = re.sub(r"[\s\-\u00ad]", "", lot.pages[0])  # names may break over two lines
    assert all(re.sub(r"[\s\-]", "", name) in squeezed for name in names[:3])
    # The « points de vigilance » of the HTML report, level by level, in the PDF too.
    sentence, levels, _ = vigilance_parts(inputs.lieux[inputs.lieux["departement"] == "46"], TODAY)
    assert T_CORR.VIGILANCE_TITLE in table_text
    rows = [line for line in table_text.splitlines() if line.strip()]
    for level in levels.itertuples(index=False):
        count = plain(fmt_int(level.lieux))[0]
        assert any(level.niveau in line and f" {count} " in f" {line} " for line in rows), level
    assert levels["lieux"].sum() == (inputs.lieux["departement"] == "46").sum()


def test_every_page_has_the_footer(lot, region):
    for rendered in (lot, region):
        total = len(rendered.pages)
        assert total == len(rendered.images) >= 5
        for number, text in enumerate(rendered.pages, start=1):
            assert f"page {number} / {total}" in text, (rendered.path.name, number)
            assert f"Rapport du {fmt_date(TODAY)}" in text
            assert f"rhinocc-dash {__version__}" in text and "rhinocc.duckdb" in text
            assert "Sources : lieux Annuaire RhinOcc" in text


def test_pdf_is_a4_with_metadata(lot):
    info = subprocess.run(["pdfinfo", str(lot.path)], capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    assert re.search(rf"^Pages:\s+{len(lot.pages)}$", info, re.M)
    assert "Title:           Inclusion numérique · Lot (46)" in info


def test_region_compares_the_departements(region, con):
    rows = con.execute("""SELECT d.nom, count(l.lieu_id) AS lieux, i.population, i.taux_pauvrete
                          FROM departements d
                          JOIN departement_indicators i USING (code)
                          LEFT JOIN lieux l ON l.departement = d.code
                          GROUP BY d.nom, i.population, i.taux_pauvrete""").fetchall()
    assert len(rows) == 13
    table = region.layout[1]
    for name, lieux, population, poverty in rows:
        count, rate, rate_poverty = plain(
            fmt_int(lieux),
            fmt_decimal(lieux / population * 1e4, 2),
            fmt_percent(poverty, ratio=False),
        )
        row = re.search(rf"^\s*{re.escape(name)}\s+{count}\s+{rate}\s.*$", table, re.M)
        assert row and row.group(0).endswith(rate_poverty), name
    lieux, population, poverty = con.execute("""SELECT (SELECT count(*) FROM lieux), population,
                                                taux_pauvrete FROM departement_indicators
                                                WHERE code = '76'""").fetchone()
    count, rate, rate_poverty = plain(
        fmt_int(lieux), fmt_decimal(lieux / population * 1e4, 2), fmt_percent(poverty, ratio=False)
    )
    assert re.search(rf"^\s*Occitanie\s+{count}\s+{rate}\s", table, re.M)
    first = lines(region.pages[0])
    assert count in first and rate_poverty in first
    for title in texts.rapport.REPORT_COMPARE_CHARTS.values():
        assert title in "\n".join(region.pages), title
    assert texts.rapport.REPORT_REGION_GAPS_TITLE in "\n".join(region.pages)


def _coloured_share(image: Path, colours) -> float:
    """Share of the pixels of a page close to one of `colours`."""
    pixels = np.asarray(Image.open(image).convert("RGB"), dtype=int).reshape(-1, 3)
    near = np.zeros(len(pixels), dtype=bool)
    for colour in colours:
        near |= np.abs(pixels - np.asarray(colour)).sum(axis=1) < 40
    return float(near.mean())


def test_charts_are_drawn(lot, region):
    # The map (page 2) is filled with the distance classes; bar charts with the primary colour.
    assert _coloured_share(lot.images[1], palette.SEQUENTIAL) > 0.05
    assert _coloured_share(region.images[1], [palette.PRIMARY]) > 0.02
    for image in [*lot.images, *region.images]:
        width, height = Image.open(image).size  # A4 at 60 dpi
        assert abs(width - 496) <= 1 and abs(height - 702) <= 1


def test_hostile_names_are_text(con, warehouse):
    inputs = service.region_data(con)
    top = gap_ranking("48", inputs).iloc[0]
    epci = inputs.communes.loc[inputs.communes["departement"] == "48", "epci_siren"].iloc[0]
    hostile = dataclasses.replace(
        inputs,
        departements=inputs.departements.assign(
            nom=lambda f: f["nom"].where(f["code"] != "48", HOSTILE)
        ),
        communes=inputs.communes.assign(
            nom=lambda f: f["nom"].where(f["code_insee"] != top["code"], HOSTILE)
        ),
        epci_names=inputs.epci_names.assign(
            nom=lambda f: f["nom"].where(f["code"] != epci, HOSTILE)
        ),
    )
    edition = report_blocks.edition(warehouse, queries.run(con, "build_info"), OUT, __version__)
    document = report_pdf.departement_document("48", hostile, TODAY, edition)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "rapport-hostile.pdf"
    path.write_bytes(report_pdf.to_pdf(document))
    rendered = read_back(path)
    text = " ".join("\n".join(rendered.pages).split())  # lines joined where a cell wrapped
    # In the header of every page, the title, the summary, the map's title, the three largest gaps.
    assert text.count(HOSTILE) >= len(rendered.pages) + 4
    assert f"page {len(rendered.pages)} / {len(rendered.pages)}" in text
    html = report_blocks.to_html(document)
    assert HOSTILE not in html and "&lt;b&gt;" in html


def test_sentence_reads_bold_markers_before_the_values():
    segments = report_blocks.sentence("Il y a **{n} lieux** à {name}.", n="3", name="**x**")
    assert segments == (("Il y a ", False), ("3 lieux", True), (" à **x**.", False))
    assert report_blocks.sentence_html(segments) == "Il y a <strong>3 lieux</strong> à **x**."


def test_edition_names_the_snapshot(tmp_path):
    info = pd.DataFrame(
        {"name": ["built_at", "schema_version"], "value": ["2026-12-01T05:34:59+00:00", "6"]}
    )
    db = tmp_path / "snapshots" / "2026-12-01T05-35-10Z" / "rhinocc.duckdb"
    published = report_blocks.edition(db, info, tmp_path / "snapshots", "0.1.0").text()
    assert published == (
        "Données : version publiée 2026-12-01T05-35-10Z, entrepôt construit le 01/12/2026 à "
        "05:34 UTC ; rhinocc-dash 0.1.0"
    )
    loose = report_blocks.edition(tmp_path / "autre.duckdb", info, tmp_path / "snapshots", "0.1.0")
    assert loose.snapshot is None and "autre.duckdb (hors versions publiées)" in loose.text()


def test_cli_html_and_errors(warehouse, tmp_path, capsys):
    out = tmp_path / "region.html"
    args = ["report", "--region", "--format", "html", "--db", str(warehouse), "--out", str(out)]
    assert main(args) == 0
    document = out.read_text(encoding="utf-8")
    assert '<table id="comparaison">' in document and "<script" not in document
    assert document.count("<svg") == len(texts.rapport.REPORT_COMPARE_CHARTS)
    args = ["report", "--departement", "99", "--db", str(warehouse), "--out", str(out)]
    assert main(args) == 2
    assert "Département inconnu : 99" in capsys.readouterr().err
    assert main([*args[:3], "--db", str(tmp_path / "absent.duckdb"), "--out", str(out)]) == 2
