"""Pure map logic: view state, filters, level values, quantile classes, deck size."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from rhinocc_dash.analysis import service
from rhinocc_dash.analysis.lieux import (
    LieuFilters,
    filter_lieux,
    label_category,
    prepare,
    years_before,
)
from rhinocc_dash.views import deck as mapview
from rhinocc_dash.views import url_state as view_state
from rhinocc_dash.views.legend import legend, quantile_classes
from rhinocc_dash.views.palette import MISSING as MISSING_COLOUR
from rhinocc_dash.views.palette import SEQUENTIAL

ALLOWED = view_state.Allowed(
    departements=frozenset({"09", "46"}),
    epci=frozenset({"200023737"}),
    sources=frozenset({"cnfs"}),
    indicators=frozenset({"ifn2020_global", "taux_pauvrete"}),
    lieux=frozenset({"lieu-cnfs-00001"}),
)


def test_view_state_round_trip():
    state = view_state.ViewState(
        filters=LieuFilters(
            departements=("46",),
            labels=("APTIC",),
            open_evening=True,
            updated_within_years=2,
            search="médiathèque",
        ),
        level="epci",
        indicator="taux_pauvrete",
        colour_by="type",
        layers=("densite",),
        lieu="lieu-cnfs-00001",
        basemap=False,
    )
    parsed, notices = view_state.parse(view_state.to_params(state), ALLOWED)
    assert parsed == state and notices == []


def test_defaults_make_an_empty_url_and_no_layers_survives():
    assert view_state.to_params(view_state.ViewState()) == {}
    state = view_state.ViewState(layers=())
    assert view_state.parse(view_state.to_params(state), ALLOWED)[0].layers == ()


def test_invalid_values_are_dropped_and_named():
    parsed, notices = view_state.parse(
        {"dep": "46|2A", "src": "x", "couleur": "rouge", "q": "a" * 200}, ALLOWED
    )
    assert parsed.filters.departements == ("46",) and parsed.filters.sources == ()
    assert parsed.colour_by == "categorie" and len(parsed.filters.search) == view_state.MAX_SEARCH
    assert len(notices) == 4 and any("2A" in n for n in notices)


def test_label_category_priority():
    assert label_category(["APTIC", "France Services"]) == "France Services"
    assert label_category(["Aidants Connect"]) == "Aidants Connect"
    assert label_category([]) == "Autre"


def test_filters_on_hand_made_lieux():
    lieux = prepare(
        pd.DataFrame(
            [
                {
                    "lieu_id": "a",
                    "nom": "Médiathèque Émile",
                    "commune": "Foix",
                    "departement": "09",
                    "epci_siren": "1",
                    "sources": ["rhinocc"],
                    "labels": ["APTIC"],
                    "services": [],
                    "publics": [],
                    "open_saturday": True,
                    "open_after_18": None,
                    "date_maj": dt.date(2026, 1, 1),
                    "type_lieu": "",
                },
                {
                    "lieu_id": "b",
                    "nom": "CCAS",
                    "commune": "Cahors",
                    "departement": "46",
                    "epci_siren": "2",
                    "sources": ["cnfs"],
                    "labels": [],
                    "services": [],
                    "publics": [],
                    "open_saturday": None,
                    "open_after_18": True,
                    "date_maj": None,
                    "type_lieu": "",
                },
            ]
        )
    )
    today = dt.date(2026, 11, 22)
    ids = lambda f: list(filter_lieux(lieux, f, today)["lieu_id"])  # noqa: E731
    assert ids(LieuFilters(search="MEDIATHEQUE emile")) == ["a"]
    assert ids(LieuFilters(search="cahors")) == ["b"]
    assert ids(LieuFilters(open_saturday=True)) == ["a"]
    assert ids(LieuFilters(open_evening=True)) == ["b"]
    assert ids(LieuFilters(updated_within_years=1)) == ["a"]
    assert ids(LieuFilters(sources=("cnfs",), departements=("09",))) == []
    assert years_before(dt.date(2024, 2, 29), 1) == dt.date(2023, 2, 28)


def test_quantile_classes_and_legend_counts():
    values = pd.Series([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, np.nan, np.nan])
    classes, breaks = quantile_classes(values)
    assert breaks[0] == 1 and breaks[-1] == 10 and len(breaks) == 6
    assert list(classes[-2:]) == [-1, -1] and classes[0] == 0 and classes[9] == 4
    entries = legend(classes, breaks, str)
    assert sum(e.count for e in entries) == len(values)
    assert entries[-1].colour == MISSING_COLOUR and entries[-1].count == 2
    assert [e.colour for e in entries[:-1]] == list(SEQUENTIAL)


def test_constant_values_get_one_class():
    classes, breaks = quantile_classes(pd.Series([3.0, 3.0, 3.0]))
    assert set(classes) == {0} and breaks == [3.0, 3.0]


@pytest.fixture(scope="module")
def lieux(con):
    return service.lieux(con)


def test_departement_values_match_sql(con, lieux):
    deps = service.indicator_values(con, "departement", lieux).set_index("code")
    expected = con.execute("""
        SELECT d.code, count(l.lieu_id) * 10000.0 / d.population
        FROM departements d LEFT JOIN lieux l ON l.departement = d.code GROUP BY d.code, d.population
    """).fetchall()
    for code, per_10k in expected:
        assert deps.loc[code, "lieux_pour_10000"] == pytest.approx(per_10k)
    assert deps.loc["31", "taux_pauvrete"] == 13.2 and deps.loc["31", "nom"] == "Haute-Garonne"
    # The median distance of Lozère's inhabitants, from its population points, in SQL.
    median = con.execute("""
        WITH ranked AS (
            SELECT p.nearest_lieu_km,
                   sum(p.population) OVER (ORDER BY p.nearest_lieu_km ROWS UNBOUNDED PRECEDING) AS cum,
                   sum(p.population) OVER () AS total
            FROM population_points p JOIN communes c USING (code_insee)
            WHERE c.departement = '48' AND p.population > 0)
        SELECT min(nearest_lieu_km) FILTER (WHERE cum >= total / 2) FROM ranked
    """).fetchone()[0]
    assert deps.loc["48", "distance_lieu_km"] == pytest.approx(median, abs=0.002)


def test_epci_values_use_published_figures(con, lieux):
    epci = service.indicator_values(con, "epci", lieux).set_index("code")
    assert len(epci) == 164
    siren, poverty = con.execute(
        "SELECT siren, taux_pauvrete FROM epci ORDER BY siren LIMIT 1"
    ).fetchone()
    assert epci.loc[siren, "taux_pauvrete"] == poverty


def test_regional_commune_deck_is_under_3_mb(con, lieux):
    features, classes, _ = mapview.choropleth_features(
        service.indicator_values(con, "commune", lieux),
        service.geometries(con, "commune"),
        "ifn2020_global",
    )
    deck = mapview.build_deck(mapview.point_frame(lieux, "categorie"), features, None, True, None)
    assert len(features["features"]) == 4446
    assert mapview.deck_size_bytes(deck) <= 3_000_000
    assert (classes >= 0).sum() == con.execute(
        "SELECT count(ifn2020_global) FROM commune_indicators"
    ).fetchone()[0]
