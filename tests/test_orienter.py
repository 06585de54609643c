"""« Orienter une personne »: nearest lieux against an independent distance computation on the real
data, opening hours at fixed instants against the opening-hours library, commune search, URL
parameters, BAN geocoding (never online: the fetch is replaced), the fiche read back, the page."""

from __future__ import annotations

import datetime as dt
import math
import shutil
import subprocess

import opening_hours
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from rhinocc_dash.analysis import orient, orient_hours, service
from rhinocc_dash.geocode import geocode
from rhinocc_dash.shared import vocab
from rhinocc_dash.texts import corrections as T_CORR
from rhinocc_dash.texts import orienter as T
from rhinocc_dash.views import fiche, orient_url
from rhinocc_dash.warehouse import run

TUESDAY_10 = dt.datetime(2026, 12, 8, 10, 0)
SATURDAY_11 = dt.datetime(2026, 12, 12, 11, 0)
SUNDAY_11 = dt.datetime(2026, 12, 13, 11, 0)
WEEKDAY_19 = dt.datetime(2026, 12, 9, 19, 0)
CHRISTMAS_10 = dt.datetime(2026, 12, 25, 10, 0)  # a Friday, a French public holiday
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def lieux(con) -> pd.DataFrame:
    return service.lieux(con)


@pytest.fixture(scope="module")
def communes(con) -> pd.DataFrame:
    base = run(con, "communes_base").merge(run(con, "communes_postcodes"), on="code_insee")
    return base.merge(run(con, "commune_access"), on="code_insee")


def crow_km(lon1, lat1, lon2, lat2) -> float:
    """Haversine with the math module, written apart from the code under test."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def expected_ids(lieux, lon, lat, radius, service_name, public):
    """Matches (service and public known and right) first, then unknowns, each by distance."""
    ranked = []
    for lieu in lieux.to_dict("records"):
        d = crow_km(lon, lat, lieu["longitude"], lieu["latitude"])
        if d > radius:
            continue
        services = list(lieu["services"]) if lieu["services"] is not None else []
        publics = list(lieu["publics"]) if lieu["publics"] is not None else []
        if services and service_name not in services:
            continue
        if publics and not {public, vocab.P_TOUT_PUBLIC} & set(publics):
            continue
        ranked.append((not (services and publics), round(d, 3), lieu["lieu_id"]))
    return [lieu_id for *_, lieu_id in sorted(ranked)[: orient.MAX_RESULTS]]


def five_communes(communes) -> dict[str, str]:
    """A city, a town, a rural commune far from any lieu, one on the regional border, one without any
    lieu (the two last read from the data, not typed)."""
    without = communes[communes["lieux_in_commune"] == 0].sort_values("population")
    return {
        "ville": "31555",  # Toulouse
        "bourg": "46102",  # Figeac
        "rurale_isolee": communes.sort_values("distance_mediane_km").iloc[-1]["code_insee"],
        "frontaliere": "30032",  # Beaucaire, on the Rhône facing Tarascon (Provence)
        "sans_lieu": without.iloc[-1]["code_insee"],
    }


def test_nearest_matches_an_independent_distance_computation(lieux, communes):
    need = orient.Need(services=("demarches",), publics=("seniors",))
    chosen = five_communes(communes)
    assert len(set(chosen.values())) == 5
    far = communes.set_index("code_insee").loc[chosen["rurale_isolee"]]
    nearest_km = min(
        crow_km(far["longitude"], far["latitude"], lon, lat)
        for lon, lat in zip(lieux["longitude"], lieux["latitude"], strict=True)
    )
    assert nearest_km > 8  # really far from any lieu
    checked = 0
    for kind, code in chosen.items():
        commune = communes.set_index("code_insee").loc[code]
        for radius in (10, 50):
            point = (commune["longitude"], commune["latitude"])
            found = orient.nearest(lieux, point, need, TUESDAY_10, radius)
            wanted = expected_ids(lieux, *point, radius, vocab.S_ADMIN, vocab.P_SENIORS)
            assert list(found["lieu_id"]) == wanted, (kind, radius)
            for row in found.itertuples():
                assert row.distance_km == pytest.approx(
                    crow_km(*point, row.longitude, row.latitude), abs=1e-6
                )
            checked += len(found)
    # Far from any lieu: nothing within 10 km, something within 50 km.
    assert checked > 40


def test_a_lieu_with_an_empty_field_is_ranked_after_never_hidden(lieux):
    toulouse = (1.444, 43.604)
    need = orient.Need(publics=("seniors",))
    found = orient.nearest(lieux, toulouse, need, TUESDAY_10, 10, limit=400)
    empty = found[[p is None or len(p) == 0 for p in found["publics"]]]
    assert len(empty) > 5 and set(empty["unknown"]) == {("publics",)}
    assert not found["match"].iloc[len(found) - len(empty) :].any()
    assert found["match"].iloc[: len(found) - len(empty)].all()


HAND_MADE = {
    "Mo-Fr 09:00-12:00,14:00-17:00; PH off": (True, False, False, False, False),
    "Mo-Sa 09:00-12:00": (True, True, False, False, True),
    "Tu-Fr 10:00-20:00": (True, False, False, True, True),
    "24/7": (True, True, True, True, True),
}
INSTANTS = (TUESDAY_10, SATURDAY_11, SUNDAY_11, WEEKDAY_19, CHRISTMAS_10)


@pytest.mark.parametrize(("osm", "expected"), HAND_MADE.items())
def test_open_now_at_fixed_instants(osm, expected):
    for at, wanted in zip(INSTANTS, expected, strict=True):
        assert orient_hours.open_at(osm, at) is wanted, (osm, at)
        library = opening_hours.OpeningHours(osm, country="FR").is_open(at)
        assert library is wanted


def test_open_now_on_the_real_hours_agrees_with_the_library(lieux):
    hours = [h for h in lieux["horaires"] if isinstance(h, str) and h.strip()]
    assert len(hours) > 500
    for at in INSTANTS:
        ours = [orient_hours.open_at(h, at) for h in hours]
        theirs = [opening_hours.OpeningHours(h, country="FR").is_open(at) for h in hours]
        assert ours == theirs
    assert sum(orient_hours.open_at(h, TUESDAY_10) for h in hours) > 100
    assert orient_hours.open_at(None, TUESDAY_10) is None
    assert orient_hours.open_at("pas des horaires", TUESDAY_10) is None


def test_when_saturday_evening_and_day_at_hour():
    osm = "Mo-Fr 09:00-12:00; Sa 10:00-12:00; We 14:00-19:30"
    now = TUESDAY_10
    assert orient_hours.open_when(osm, orient_hours.When("samedi"), now) is True
    assert orient_hours.open_when("Mo-Fr 09:00-12:00", orient_hours.When("samedi"), now) is False
    assert orient_hours.open_when(osm, orient_hours.When("soir"), now) is True
    assert orient_hours.open_when("Mo-Fr 09:00-18:00", orient_hours.When("soir"), now) is False
    wednesday_18 = orient_hours.parse_when("mercredi-18h")
    assert wednesday_18 == orient_hours.When("jour", 2, 18 * 60)
    assert orient_hours.open_when(osm, wednesday_18, now) is True
    assert orient_hours.open_when(None, wednesday_18, now) is None
    assert orient_hours.day_hours(osm, now.date()) == "9 h – 12 h"
    assert orient_hours.day_hours(osm, CHRISTMAS_10.date()) == "9 h – 12 h"
    assert orient_hours.day_hours("Mo-Fr 09:00-12:00; PH off", CHRISTMAS_10.date()) == "fermé"
    assert orient_hours.day_hours(None, now.date()) == "horaires inconnus"
    for bad in ("mardi-25h", "lundi-10h99", "jamais", XSS):
        assert orient_hours.parse_when(bad) is None
    assert orient_hours.paris_now(dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC)).hour == 10


def test_commune_search_is_accent_and_case_insensitive(communes):
    index = orient.commune_index(communes)
    assert orient.find_communes(index, "beziers").iloc[0]["nom"] == "Béziers"
    assert orient.find_communes(index, "  BÉZIERS ").iloc[0]["nom"] == "Béziers"
    sharing = communes[[c is not None and "46100" in list(c) for c in communes["codes_postaux"]]]
    hits = orient.find_communes(index, "46100", limit=50)
    assert len(sharing) > 1 and set(hits["code_insee"]) == set(sharing["code_insee"])
    assert "Figeac" in set(hits["nom"])
    assert "Toulouse" in set(orient.find_communes(index, "31000")["nom"])
    assert orient.find_communes(index, "46102")["nom"].tolist() == ["Figeac"]
    assert orient.find_communes(index, "zzzz").empty
    assert orient.find_communes(index, XSS).empty
    assert orient.find_communes(index, "").empty


def test_url_parameters_round_trip_and_bad_values():
    communes, lieux_ids = {"46102", "31555"}, {"lieu-1"}
    params = {
        "commune": "46102",
        "adresse": "2 rue de la Paix",
        "besoin": "faire,demarches",
        "public": "seniors",
        "quand": "samedi",
        "rayon": "30",
        "criteres": "pass",
    }
    search, notices = orient_url.parse(params, communes, lieux_ids)
    assert notices == []
    assert search.need.do_for and search.need.services == ("demarches",)
    assert search.need.pass_numerique and search.radius_km == 30
    assert orient_url.to_params(search) == params
    garbled = {"commune": XSS, "besoin": "x,outils", "quand": "hier", "rayon": "-4", "lieu": "?"}
    search, notices = orient_url.parse(garbled, communes, lieux_ids)
    assert len(notices) == 5 and any(XSS in n for n in notices)
    assert search.commune is None and search.need.services == ("outils",)
    assert search.need.when.kind == "" and search.radius_km == 10


def test_geocode_never_online():
    answer = {
        "features": [
            {
                "geometry": {"coordinates": [2.03, 44.6]},
                "properties": {"score": 0.9, "label": "2 Rue X 46100 Figeac", "citycode": "46102"},
            }
        ]
    }
    asked = []
    found = geocode("2 rue X", "46102", fetch=lambda url: asked.append(url) or answer)
    assert found.point == (2.03, 44.6) and found.citycode == "46102"
    assert "citycode=46102" in asked[0] and "q=2+rue+X" in asked[0]

    def offline(url):
        raise OSError("no network")

    assert geocode("2 rue X", fetch=offline).problem == "injoignable"
    assert geocode("2 rue X", fetch=lambda u: {"features": []}).problem == "introuvable"
    low = {"features": [{**answer["features"][0], "properties": {"score": 0.1}}]}
    assert geocode("x", fetch=lambda u: low).problem == "introuvable"
    assert geocode("x", fetch=lambda u: {"features": [{"bad": 1}]}).problem == "introuvable"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) absent")
def test_fiche_pdf_and_page_read_back(lieux, tmp_path):
    need = orient.Need(services=("demarches",))
    found = orient.nearest(lieux, (2.0317, 44.6086), need, TUESDAY_10, 10)
    rows = fiche.entries(found, TUESDAY_10, {})
    assert len(rows) >= 3
    document = fiche.fiche_document(
        need,
        rows[:3],
        f"Apportez {XSS} *votre* carte",
        "http://x/orienter?commune=46102",
        dt.date(2026, 12, 8),
    )
    pdf = tmp_path / "fiche.pdf"
    pdf.write_bytes(fiche.fiche_pdf(document))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert (
        "Pages:           1"
        in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    )
    flat = " ".join(text.split())
    assert T.FICHE_HEADING in flat and vocab.S_ADMIN in flat
    for row in rows[:3]:
        assert " ".join(row["nom"].split()) in flat
    assert XSS in flat and "*votre*" in flat  # the note is text, not markup
    page = fiche.fiche_html(document)
    assert XSS not in page and "&lt;img src=x" in page and "<svg" in page


def test_page_with_the_ban_unreachable(app_env, monkeypatch, lieux, communes):
    monkeypatch.setenv("RHINOCC_BAN_URL", "http://127.0.0.1:9/search/")
    at = AppTest.from_file("../pages/orienter.py", default_timeout=120)
    at.query_params.update({"commune": "46102", "adresse": XSS, "besoin": "demarches"})
    at.run()
    assert not at.exception
    assert [w.value for w in at.warning] == [T.ADDRESS_UNREACHABLE]
    cards = [m.value for m in at.markdown if m.value.startswith("#### ")]
    figeac = communes.set_index("code_insee").loc["46102"]
    need = orient.Need(services=("demarches",))
    found = orient.nearest(lieux, (figeac["longitude"], figeac["latitude"]), need, TUESDAY_10)
    assert len(found) >= 3 and len(cards) == len(found)
    assert cards[0] == f"#### 1. {found.iloc[0]['nom']}"
    assert at.query_params["adresse"] in (XSS, [XSS])
    picks = [box for box in at.checkbox if (box.key or "").startswith("ori_pick_")]
    assert len(picks) == len(found)
    # « Signaler une erreur » on every card, for that card's lieu
    reports = [e for e in at.expander if e.label == T_CORR.REPORT_OPEN]
    assert len(reports) == len(found)
    assert {s.key for s in at.selectbox if (s.key or "").startswith("report_field_")} == {
        f"report_field_{lieu_id}" for lieu_id in found["lieu_id"]
    }
    picks[0].check().run()
    assert not at.exception
    assert len(at.get("download_button")) == 2


def test_page_with_a_garbled_url(app_env):
    at = AppTest.from_file("../pages/orienter.py", default_timeout=120)
    at.query_params.update({"commune": XSS, "quand": "%%", "public": "martiens"})
    at.run()
    assert not at.exception
    assert len(at.warning) == 1 and "martiens" in at.warning[0].value
    assert T.POINT_NONE in [i.value for i in at.info]


def test_page_with_an_address_found_and_one_outside_the_region(app_env, monkeypatch):
    from rhinocc_dash.geocode import Geocoded
    from rhinocc_dash.ui import orient as orient_ui

    answers = {
        "1 rue de Rivoli": Geocoded((2.35, 48.86), "1 Rue de Rivoli 75001 Paris", "75056"),
        "12 place Carnot": Geocoded((2.0317, 44.6086), "12 Place Carnot 46100 Figeac", "46102"),
    }
    monkeypatch.setattr(orient_ui, "geocode", lambda address, citycode: answers[address])
    for address, expected in (
        ("1 rue de Rivoli", T.ADDRESS_OUTSIDE.format(text="1 Rue de Rivoli 75001 Paris")),
        ("12 place Carnot", None),
    ):
        at = AppTest.from_file("../pages/orienter.py", default_timeout=120)
        at.query_params.update({"commune": "46102", "adresse": address})
        at.run()
        assert not at.exception
        assert [w.value for w in at.warning] == ([expected] if expected else [])
        shown = [m.value for m in at.markdown]
        if expected:
            assert T.POINT_COMMUNE.format(nom="Figeac") in shown
        else:
            assert T.POINT_ADDRESS.format(label="12 Place Carnot 46100 Figeac") in shown


def test_card_markdown_escapes_values_and_links_the_phone():
    row = {
        "adresse": f"[clic](javascript:alert(1)) {XSS}",
        "distance": "1,2 km",
        "aujourdhui": "9 h – 12 h",
        "ouvert": T.OPEN_NOW,
        "labels": "aucun",
        "services": "**gras**",
        "date": "01/02/2024",
        "sources": "Annuaire RhinOcc",
        "telephone": "05 65 34 12 00",
        "tel": "+33565341200",
        "courriel": "a@b.fr",
        "site_web": "https://exemple.fr",
    }
    text = fiche.card_markdown(row)
    assert "](tel:+33565341200)" in text and "9 h – 12 h · Ouvert maintenant" in text
    assert "\\[clic\\]\\(javascript" in text and "\\<img" in text and "\\*\\*gras\\*\\*" in text
    assert "https:" not in text.replace("\\:", "")  # the web address is text, not a link
