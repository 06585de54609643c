"""Gap analysis: the illectronism estimate, the ranking rules, weights, hypothetical lieux."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from pyproj import Geod, Transformer
from streamlit.testing.v1 import AppTest

from rhinocc_dash import texts
from rhinocc_dash import warehouse as queries
from rhinocc_dash.analysis import gap, service
from rhinocc_dash.shared.formatting import fmt_int
from rhinocc_dash.views.exports import to_geojson_bytes


@pytest.fixture(scope="module")
def base(con):
    return (
        queries.run(con, "communes_base"),
        queries.run(con, "commune_indicators"),
        queries.run(con, "commune_access"),
        queries.run(con, "gap_lieux"),
        queries.run(con, "population_points"),
    )


def test_illectronism_estimate_sums_to_regional_total(con):
    communes, indicators = queries.run(con, "communes_base"), queries.run(con, "commune_indicators")
    frame = service.gap_base(con, "commune")
    assert frame["illectronisme_estime"].sum() == 1_160_000
    assert (frame["illectronisme_estime"] >= 0).all()
    # Proportional to population x axis score: Toulouse against Montpellier, recomputed here.
    merged = communes.merge(indicators, on="code_insee")
    weights = merged["population"] * merged["ifn2020_competences_numeriques"].fillna(100)
    share = dict(zip(merged["code_insee"], weights / weights.sum() * 1_160_000, strict=True))
    by_code = frame.set_index("code")["illectronisme_estime"]
    for code in ("31555", "34172", "48095"):
        assert abs(by_code[code] - share[code]) < 1


def test_estimate_sums_exactly_on_awkward_shares():
    estimate, fallback = gap.estimate_illectronism(
        pd.Series([1.0, 1.0, 1.0]), pd.Series([100.0, np.nan, 100.0]), total=10
    )
    assert estimate.sum() == 10 and sorted(estimate.tolist()) == [3, 3, 4]
    assert fallback.tolist() == [False, True, False]


def hand_made_frame():
    """Ten communes: A far from any lieu and fragile, B with three lieux and average fragility, 8 others."""
    rows = [
        {
            "code": "A",
            "nom": "A",
            "population": 800,
            "ifn2020_global": 140,
            "ifn2020_competences_numeriques": 150,
            "ifn2023_total": 9.0,
            "taux_pauvrete": np.nan,
            "revenu_median": 17000,
            "lieux": 0,
            "lieux_within_10km": 0,
            "distance_lieu_km": 24.0,
            "illectronisme_estime": 200,
        },
        {
            "code": "B",
            "nom": "B",
            "population": 800,
            "ifn2020_global": 100,
            "ifn2020_competences_numeriques": 100,
            "ifn2023_total": 5.5,
            "taux_pauvrete": np.nan,
            "revenu_median": 21000,
            "lieux": 3,
            "lieux_within_10km": 6,
            "distance_lieu_km": 0.5,
            "illectronisme_estime": 130,
        },
    ]
    for i in range(8):
        rows.append(
            {
                "code": f"C{i}",
                "nom": f"C{i}",
                "population": 500 + 100 * i,
                "ifn2020_global": 80 + 8 * i,
                "ifn2020_competences_numeriques": 85 + 7 * i,
                "ifn2023_total": 3 + 0.6 * i,
                "taux_pauvrete": np.nan,
                "revenu_median": 24000 - 600 * i,
                "lieux": i % 2,
                "lieux_within_10km": 1 + i,
                "distance_lieu_km": 2.0 + i,
                "illectronisme_estime": 100 + 10 * i,
            }
        )
    return gap.offer_columns(pd.DataFrame(rows), "commune")


def test_far_fragile_commune_ranks_above_well_served_average_one():
    ranked = gap.scores(hand_made_frame(), gap.DEFAULT_WEIGHTS).set_index("code")
    assert ranked.loc["A", "rang"] == 1
    assert ranked.loc["A", "rang"] < ranked.loc["B", "rang"]
    assert ranked.loc["A", "ecart"] > 0 > ranked.loc["B", "ecart"]


def test_raising_a_weight_moves_the_ranking_the_expected_way(con):
    frame = service.gap_base(con, "departement")
    poorest = frame.sort_values("revenu_median").iloc[0]["code"]  # Aude, 19,550 € (Filosofi 2019)
    assert poorest == "11"
    before = gap.scores(frame, gap.DEFAULT_WEIGHTS).set_index("code")
    after = gap.scores(frame, {**gap.DEFAULT_WEIGHTS, "revenu_median": 3.0}).set_index("code")
    assert after.loc["11", "score_besoin"] > before.loc["11", "score_besoin"]
    assert after.loc["11", "rang"] < before.loc["11", "rang"]
    richest = frame.sort_values("revenu_median").iloc[-1]["code"]
    assert after.loc[richest, "score_besoin"] < before.loc[richest, "score_besoin"]


def test_missing_components_are_left_out_not_zero():
    frame = pd.DataFrame(
        {"ifn2020_global": [120.0, 80.0, np.nan], "taux_pauvrete": [np.nan, 10.0, 30.0]}
    )
    need = gap.composite(frame, gap.NEED, {"ifn2020_global": 1, "taux_pauvrete": 1})
    assert need.tolist() == [100.0, 50.0, 100.0]


def test_hypothetical_lieux_change_distances_as_recomputed(base):
    communes, _, _, lieux, points = base
    added = [{"code_insee": "48077"}, {"code_insee": "09193"}]
    _, before = gap.access_with(communes, points, lieux, [])
    access, after = gap.access_with(communes, points, lieux, added)
    centre = communes.set_index("code_insee")
    targets = np.array(
        [
            to_l93(
                centre.loc[h["code_insee"], "longitude"], centre.loc[h["code_insee"], "latitude"]
            )
            for h in added
        ]
    )
    sample = points.sample(2000, random_state=1).index.union(
        points.index[points["code_insee"].isin(["48077", "09193"])]
    )
    for index in sample:
        x, y = points.at[index, "x"], points.at[index, "y"]
        to_new = np.hypot(targets[:, 0] - x, targets[:, 1] - y).min() / 1000
        expected = min(before.at[index, "nearest_lieu_km"], to_new)
        assert after.at[index, "nearest_lieu_km"] == pytest.approx(expected, abs=0.0011)
    by_code = access.set_index("code_insee")
    warehouse_access = base[2].set_index("code_insee")
    assert (
        by_code.loc["48077", "lieux_in_commune"]
        == warehouse_access.loc["48077", "lieux_in_commune"] + 1
    )
    gained = gap.newly_within(before, after)
    moved = (before["nearest_lieu_km"] > 10) & (after["nearest_lieu_km"] <= 10)
    assert gained == round(points.loc[moved, "population"].sum()) > 0


def to_l93(lon, lat):
    return Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True).transform(lon, lat)


def test_without_hypothesis_distances_are_geodesic_nearest(base):
    """With no hypothetical lieu, the distances are the true nearest lieu, recomputed here on the
    ellipsoid (pyproj.Geod, all pairs) for a sample of population points: Lambert-93 stays within 60 m."""
    communes, _, _, lieux, points = base
    _, computed = gap.access_with(communes, points, lieux, [])
    geod = Geod(ellps="GRS80")
    to_wgs84 = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)
    sample = points.sample(150, random_state=7).index
    assert len(sample) == 150
    for index in sample:
        lon, lat = to_wgs84.transform(points.at[index, "x"], points.at[index, "y"])
        _, _, metres = geod.inv(
            np.full(len(lieux), lon),
            np.full(len(lieux), lat),
            lieux["longitude"].to_numpy(),
            lieux["latitude"].to_numpy(),
        )
        assert computed.at[index, "nearest_lieu_km"] == pytest.approx(metres.min() / 1000, abs=0.06)


def test_page_ranks_explains_and_runs_what_if(app_env, con):
    at = AppTest.from_file("../pages/ecarts.py", default_timeout=120).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 20 and table["Pourquoi"].str.contains("illectronisme").all()
    top = table.iloc[0]["Code"]
    at.selectbox(key="gap_whatif_commune").set_value(top).run()
    at.button(key="gap_whatif_add").click().run()
    assert not at.exception
    newly = next(m.value for m in at.metric if m.label == texts.ecarts.GAP_METRIC_NEWLY)
    points = queries.run(con, "population_points")
    communes, lieux = queries.run(con, "communes_base"), queries.run(con, "gap_lieux")
    _, after = gap.access_with(communes, points, lieux, [{"code_insee": top}])
    gained = (points["nearest_lieu_km"] > 10) & (after["nearest_lieu_km"] <= 10)
    assert newly == fmt_int(round(points.loc[gained, "population"].sum()))
    hypotheses, ranking = at.dataframe[0].value, at.dataframe[1].value
    # the chosen commune stays in view, with its rank before and after the hypothetical lieu
    assert hypotheses["Code"].tolist() == [top]
    chosen = hypotheses.iloc[0]
    assert chosen[texts.ecarts.GAP_RANK_BEFORE] == 1 and chosen[texts.ecarts.GAP_RANK_AFTER] > 1
    assert ranking.iloc[0]["Code"] != top
    assert "Évolution du rang (+ monte, − descend)" in ranking.columns


def test_weight_slider_and_level(app_env):
    at = AppTest.from_file("../pages/ecarts.py", default_timeout=120).run()
    at.sidebar.radio(key="gap_level").set_value("departement").run()
    first = at.dataframe[0].value["Code"].tolist()
    at.sidebar.select_slider(key="gap_w_revenu_median").set_value(3.0).run()
    assert not at.exception
    second = at.dataframe[0].value["Code"].tolist()
    assert len(first) == 13 and first != second
    assert second.index("11") < first.index("11")


def test_geojson_export_parses(con):
    frame = gap.scores(service.gap_base(con, "epci"), gap.DEFAULT_WEIGHTS)
    payload = json.loads(
        to_geojson_bytes(frame, queries.run(con, "geo_epci"), ["code", "nom", "ecart", "rang"])
    )
    assert len(payload["features"]) == 164
    assert payload["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")


@pytest.mark.parametrize(
    ("level", "published"), [("epci", "epci_published"), ("departement", "departement_published")]
)
def test_estimate_adds_up_at_every_level(con, level, published):
    frame = service.gap_base(con, level)
    assert len(frame) == len(queries.run(con, published))
    assert frame["illectronisme_estime"].sum() == 1_160_000


def test_rank_changes_share_one_base_whatever_the_display_filter():
    frame = hand_made_frame()
    before = gap.scores(frame, gap.DEFAULT_WEIGHTS)
    assert (gap.rank_changes(before, gap.scores(frame, gap.DEFAULT_WEIGHTS)) == 0).all()
    # Serving A well (six lieux on site) lowers its gap: A leaves the top of the ranking. (Offer percentiles are
    # relative, so others may move by a place too.)
    served = frame.copy()
    served.loc[served["code"] == "A", ["lieux", "lieux_within_10km", "distance_lieu_km"]] = [
        6,
        12,
        0.0,
    ]
    after = gap.scores(gap.offer_columns(served, "commune"), gap.DEFAULT_WEIGHTS)
    changes = gap.rank_changes(before, after).set_axis(after["code"])
    assert changes["A"] <= -3 and after.set_index("code").loc["A", "rang"] > 1
    # Filtering for display afterwards keeps every territory's change as computed on the whole level.
    shown = after.assign(evolution=gap.rank_changes(before, after))[after["population"] >= 800]
    assert set(shown["code"]) == {"A", "B", "C3", "C4", "C5", "C6", "C7"}
    assert shown.set_index("code")["evolution"].to_dict() == changes[list(shown["code"])].to_dict()


def test_page_rank_changes_with_a_population_minimum(app_env, con):
    at = AppTest.from_file("../pages/ecarts.py", default_timeout=120).run()
    at.sidebar.number_input(key="gap_min_pop_commune").set_value(1000).run()
    at.selectbox(key="gap_whatif_commune").set_value("48095").run()  # Mende
    at.button(key="gap_whatif_add").click().run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Pourquoi" in d.value.columns).set_index("Code")
    # The page's ranks are among the communes of at least 1,000 inhabitants: so are their changes
    # (a smaller commune moving past one is not a change of its displayed rank).
    before = gap.scores(service.gap_base(con, "commune"), gap.DEFAULT_WEIGHTS, 1000)
    after = gap.scores(service.gap_base(con, "commune", ("48095",)), gap.DEFAULT_WEIGHTS, 1000)
    expected = gap.rank_changes(before, after).set_axis(after["code"])
    column = "Évolution du rang (+ monte, − descend)"
    assert (table["Population 2023"] >= 1000).all()
    for code, change in table[column].items():
        assert change == expected[code], code
