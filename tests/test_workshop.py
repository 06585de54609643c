"""Workshop mode: the sequence and the position in it (pure), every screen through AppTest on the real
warehouse (figures checked against SQL), the offline base map and the tile-server fallback."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from rhinocc_dash import texts
from rhinocc_dash.analysis import workshop
from rhinocc_dash.shared.config import REGION
from rhinocc_dash.shared.formatting import fmt_int, fmt_millions, fmt_percent

DEPS = ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]


def run(page: str, params: dict) -> AppTest:
    at = AppTest.from_file(f"../pages/{page}.py", default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def html_of(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def decks(at) -> list[dict]:
    return [json.loads(d.proto.json) for d in at.get("deck_gl_json_chart")]


def layer_ids(deck: dict) -> list[str]:
    return [layer["id"] for layer in deck["layers"]]


def test_sequence_opens_with_context_and_ends_with_whatif():
    screens = workshop.sequence(DEPS)
    assert [s.key for s in screens[:3]] == ["contexte", "offre", "carte"]
    assert screens[-1].key == "simulation"
    assert [s.departement for s in screens if s.kind == "departement"] == DEPS
    assert len(screens) == 3 + 13 + 1


def test_chosen_departements_keep_their_order_and_drop_unknown():
    chosen, ignored = workshop.chosen_departements("46|12,99|46| ", DEPS)
    assert chosen == ("46", "12", "46") and ignored == ["99"]
    screens = workshop.sequence(DEPS, chosen)
    assert [s.departement for s in screens if s.departement] == ["46", "12"]


def test_position_and_step_stay_within_the_sequence():
    screens = workshop.sequence(DEPS, ("46",))
    assert workshop.position(screens, None) == (0, True)
    assert workshop.position(screens, "departement-46") == (3, True)
    assert workshop.position(screens, "<script>") == (0, False)
    assert workshop.step(screens, 0, -1) == 0
    assert workshop.step(screens, 4, +1) == 4
    assert workshop.step(screens, 3, +1) == 4


def test_main_towns_are_the_largest_of_each_departement():
    communes = pd.DataFrame(
        {
            "code_insee": ["a", "b", "c", "d", "e"],
            "nom": ["A", "B", "C", "D", "E"],
            "departement": ["1", "1", "1", "2", "2"],
            "population": [10, 30, 20, 5, None],
            "longitude": [1.0] * 5,
            "latitude": [43.0] * 5,
        }
    )
    towns = workshop.main_towns(communes, per_departement=2)
    assert list(towns["nom"]) == ["B", "C", "D"]  # E has no population: not placed


def test_real_main_towns_include_the_prefectures(con):
    communes = con.execute(
        "SELECT * FROM (SELECT code_insee, nom, departement, population, "
        "longitude, latitude FROM communes)"
    ).df()
    towns = set(workshop.main_towns(communes)["nom"])
    assert {"Toulouse", "Montpellier", "Nîmes", "Perpignan", "Cahors"} <= towns


def test_context_screen(app_env, con):
    at = run("atelier", {"ecran": "contexte"})
    assert not at.exception
    shown = html_of(at)
    if REGION.quoted("a_accompagner") is not None:
        people = fmt_millions(REGION.quoted("a_accompagner"))
        share = fmt_percent(REGION.quoted("a_accompagner_part"), ratio=False)
        assert people.replace("\u202f", " ") == "2,82 millions" and people in shown
        assert share.replace("\u202f", " ") == "47,5 %" and share in shown
    assert at.query_params["ecran"] == "contexte"


def test_offer_screen_figures_match_the_warehouse(app_env, con):
    at = run("atelier", {"ecran": "offre"})
    assert not at.exception
    lieux = con.execute("SELECT count(*) FROM lieux").fetchone()[0]
    share = con.execute(
        "SELECT sum(population) FILTER (WHERE nearest_lieu_km <= 10) / sum(population) "
        "FROM population_points"
    ).fetchone()[0]
    shown = html_of(at)
    assert fmt_int(lieux) in shown and fmt_percent(share) in shown


def test_map_screen_draws_the_offline_base_and_the_lieux(app_env, con):
    at = run("atelier", {"ecran": "carte"})
    assert not at.exception
    (deck,) = decks(at)
    ids = layer_ids(deck)
    assert {"fond_departements", "fond_communes", "fond_villes", "lieux"} <= set(ids)
    assert "cartocdn" not in json.dumps(deck)  # no tile style: the map is drawn from the warehouse
    lieux = con.execute("SELECT count(*) FROM lieux").fetchone()[0]
    points = next(layer for layer in deck["layers"] if layer["id"] == "lieux")
    assert len(points["data"]) == lieux


def test_departement_screen_shows_figures_map_and_three_gaps(app_env, con):
    at = run("atelier", {"ecran": "departement-46"})
    assert not at.exception
    shown = html_of(at)
    lieux = con.execute("SELECT count(*) FROM lieux WHERE departement = '46'").fetchone()[0]
    assert "Lot (46)" in shown and f'<div class="chiffre"><b>{fmt_int(lieux)}</b>' in shown
    assert shown.count("<li>") == 3 and "Cressensac-Sarrazac" in shown
    assert decks(at) and "fond_departements" in layer_ids(decks(at)[0])


def test_keyboard_buttons_move_along_and_the_url_follows(app_env):
    at = run("atelier", {"ecran": "carte", "deps": "46|12"})
    at.button(key="atelier_suivant").click().run()
    assert at.query_params["ecran"] == "departement-46"
    at.button(key="atelier_suivant").click().run()
    at.button(key="atelier_suivant").click().run()
    assert at.query_params["ecran"] == "simulation"
    assert at.button(key="atelier_suivant").disabled
    at.button(key="atelier_precedent").click().run()
    assert at.query_params["ecran"] == "departement-12"
    at.selectbox(key="atelier_aller").set_value("contexte").run()
    assert at.query_params["ecran"] == "contexte"
    assert not at.exception


def test_whatif_screen_counts_people_newly_within_reach(app_env):
    at = run("atelier", {"ecran": "simulation"})
    assert not at.exception
    assert texts.atelier.WORKSHOP_WHATIF_NONE in [c.value for c in at.caption]
    first = at.selectbox(key="atelier_simulation").options[1]
    at.selectbox(key="atelier_simulation").set_value(
        at.selectbox(key="atelier_simulation").options[1]
    )
    at.run()
    assert not at.exception
    newly = html_of(at).split('class="chiffre"><b>')[1].split("<")[0]
    assert int(newly.replace("\u202f", "")) > 0, first
    assert "lieu_hypothetique" in layer_ids(decks(at)[0])


@pytest.mark.parametrize("value", ["planete", "departement-99"])
def test_unknown_screen_says_so_and_starts_over(app_env, value):
    at = run("atelier", {"ecran": value, "deps": "99"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "inconnu" in warnings and "99" in warnings
    assert at.query_params["ecran"] == "contexte"


def test_map_page_offline_base_and_tile_fallback(app_env):
    at = run("carte", {"fond": "injoignable"})
    assert not at.exception
    assert texts.carte.MAP_TILES_UNREACHABLE in [i.value for i in at.info]
    assert "fond_departements" in layer_ids(decks(at)[0])
    at = run("carte", {"fond": "1"})
    assert "fond_departements" not in layer_ids(decks(at)[0])
    assert any("__rhinoccTileProbe" in h.proto.body for h in at.get("html"))
