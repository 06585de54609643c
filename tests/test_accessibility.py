"""Accessibility without a browser (issue 22): the RGAA grid and its rate, the statement page, the short
source line, the French names script, the nginx lang rewrite."""

from __future__ import annotations

import pickle
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from rhinocc_dash import accessibility
from rhinocc_dash.analysis import sources
from rhinocc_dash.serving.supervisor import TEMPLATE
from rhinocc_dash.shared.formatting import fmt_percent
from rhinocc_dash.texts import accessibilite as texts_a11y
from rhinocc_dash.ui import a11y
from rhinocc_dash.ui.source_notes import SourceNote, with_note

HEADER = "critere;theme;intitule;statut;verification;remarque\n"


def write_grid(tmp_path, rows: str, first: str = "# audit : 2026-12-06\n"):
    path = tmp_path / "grille.csv"
    path.write_text(first + HEADER + rows, encoding="utf-8")
    return path


def test_published_grid_has_every_rgaa_criterion_and_meets_the_goal():
    grid = accessibility.load_grid()
    assert len(grid) == accessibility.RGAA_CRITERIA == 106
    themes = grid["critere"].str.split(".").str[0].astype(int)
    assert sorted(themes.unique()) == list(range(1, 14))
    figures = accessibility.conformity(grid)
    assert figures["applicable"] == figures["met"] + figures["not_met"]
    assert figures["rate"] >= 0.9
    # every criterion not met says why and what is planned
    not_met = accessibility.non_conformities(grid)
    assert len(not_met) == figures["not_met"] > 0
    assert all("Plan" in remark for remark in not_met["remarque"])


def test_conformity_rate_on_a_hand_made_grid(tmp_path):
    rows = (
        "1.1;Images;a;C;auto;\n1.2;Images;b;NC;main;Plan : x\n1.3;Images;c;NA;main;\n"
        "1.4;Images;d;C;test;\n"
    )
    grid = accessibility.load_grid(write_grid(tmp_path, rows))
    figures = accessibility.conformity(grid)
    assert (figures["met"], figures["not_met"], figures["not_applicable"]) == (2, 1, 1)
    assert figures["rate"] == pytest.approx(2 / 3) and figures["by_hand"] == 2
    assert figures["level"] == "partiellement conforme"


@pytest.mark.parametrize(
    ("rows", "first", "message"),
    [
        (
            "1.1;Images;a;OK;auto;\n",
            "# audit : 2026-12-06\n",
            "statut « OK » inconnu (critère 1.1)",
        ),
        ("1.1;Images;a;C;robot;\n", "# audit : 2026-12-06\n", "vérification « robot »"),
        (
            "1.1;Images;a;C;auto;\n1.1;Images;a;C;auto;\n",
            "# audit : 2026-12-06\n",
            "en double : 1.1",
        ),
    ],
)
def test_bad_grid_is_refused_with_a_french_message(tmp_path, rows, first, message):
    with pytest.raises(accessibility.GridError, match=re.escape(message)):
        accessibility.load_grid(write_grid(tmp_path, rows, first))


def test_grid_without_date_or_file(tmp_path):
    path = write_grid(tmp_path, "1.1;Images;a;C;auto;\n", first="# audit : hier\n")
    with pytest.raises(accessibility.GridError, match="date d'audit illisible"):
        accessibility.audit_date(path)
    with pytest.raises(accessibility.GridError, match="introuvable"):
        accessibility.load_grid(tmp_path / "absente.csv")


def test_statement_page_shows_the_grid_figures(app_env):
    at = AppTest.from_file("../pages/accessibilite.py", default_timeout=60).run()
    assert not at.exception
    figures = accessibility.conformity(accessibility.load_grid())
    text = " ".join(m.value for m in at.markdown)
    assert fmt_percent(figures["rate"]) in text
    assert f"{figures['met']} critères conformes sur {figures['applicable']}" in text
    assert figures["level"] in text
    shown = at.dataframe[0].value
    assert len(shown) == figures["not_met"]


CATALOGUE = pd.DataFrame(
    {
        "key": ["rhinocc", "france_services_2024", "population"],
        "kind": ["lieux", "lieux", "population"],
        "current": [True, True, False],
        "name": ["Annuaire RhinOcc", "France Services", "Populations légales"],
        "producer": ["RhinOcc (mis en forme par multi.coop)", "ANCT", "Insee, compilé par Etalab"],
        "vintage": ["2022-12", "2024-08-01", "PL 2023"],
        "title": ["a", "b", "c"],
        "licence": ["non précisée", "LO 2.0", "LO 2.0"],
    }
)


def test_short_source_line_names_producers_and_vintages_only():
    short = sources.short_caption(CATALOGUE, ["lieux", "population"])
    assert short == "Sources : RhinOcc (12/2022) ; ANCT (01/08/2024) ; Insee (PL 2023)."
    assert sources.short_caption(CATALOGUE, ["population"]) == "Source : Insee (PL 2023)."
    assert sources.short_caption(CATALOGUE, ["inconnue"]) == ""
    full = sources.caption(CATALOGUE, ["lieux", "population"], "Méthode.")
    assert "Licence" in full and "Licence" not in short and len(short) < len(full)


def test_source_note_keeps_its_short_line_through_a_note_and_a_cache():
    note = SourceNote("Sources : long. Licence : LO.", "Sources : court.")
    longer = with_note(note, "Méthode.")
    assert (
        str(longer) == "Sources : long. Licence : LO. Méthode."
        and longer.short == "Sources : court."
    )
    again = pickle.loads(pickle.dumps(longer))
    assert again == longer and again.short == longer.short
    assert with_note("texte", "note") == "texte note"


def test_french_names_script_survives_the_html_sanitiser():
    script = a11y._script()
    body = script.removeprefix("<script>").removesuffix("</script>")
    # DOMPurify drops a script whose text holds a tag-like « <x »
    assert not re.search(r"<[/\w!]", body)
    for english, french in texts_a11y.ENGLISH_NAMES.items():
        assert english in body and french in body
    assert "Help for " in body and "Aide : " in body


def test_nginx_rewrites_the_page_language():
    config = TEMPLATE.read_text(encoding="utf-8")
    assert "sub_filter '<html lang=\"en\">' '<html lang=\"fr\">';" in config
    assert 'proxy_set_header Accept-Encoding "";' in config
