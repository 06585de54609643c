"""Workshop mode in the Debian Chromium, offline: every request outside the app is blocked, the whole
sequence is walked with the → key, each screen shows its figures and a drawn map; a reload resumes;
the page is usable at 390 px."""

from __future__ import annotations

import pytest
from support.workshop_flow import MIN_INK_SHARE, block_outside, map_ink, wait_idle, walk

from rhinocc_dash import texts
from rhinocc_dash.serving.launcher import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser
DEPS = ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]


def test_whole_sequence_offline_with_the_keyboard(server, con):
    from playwright.sync_api import sync_playwright

    lieux = con.execute("SELECT count(*) FROM lieux").fetchone()[0]
    per_dep = dict(con.execute("SELECT departement, count(*) FROM lieux GROUP BY 1").fetchall())
    checked: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="fr-FR")
        outside = block_outside(page, server)

        def check(index: int, key: str) -> None:
            text = page.get_by_test_id("stMain").inner_text().replace("\u202f", " ")
            assert page.get_by_test_id("stException").count() == 0, key
            assert f"Écran {index + 1} / {3 + len(DEPS) + 1}" in text, key
            size = page.evaluate(
                "() => parseFloat(getComputedStyle(document.querySelector('.atelier h1')).fontSize)"
            )
            assert size >= 40, (key, size)  # readable from the back of the room
            qr = page.get_by_alt_text(texts.atelier.WORKSHOP_QR)  # the QR code, made locally
            assert qr.count() == 1 and qr.bounding_box()["width"] >= 150, key
            if key == "contexte":
                assert "2,82 millions" in text and "47,5 %" in text
            elif key == "offre":
                assert f"{lieux:,}".replace(",", " ") in text
            elif key.startswith("departement-"):
                dep = key.removeprefix("departement-")
                assert f"({dep})" in text and f"{per_dep[dep]:,}".replace(",", " ") in text
                assert page.locator("ol.ecarts li").count() == 3, key
            if key not in ("contexte", "offre"):
                checked[key] = map_ink(page)

        keys = walk(page, f"{server}/atelier?ecran=contexte", check)
        # A reload resumes where the room was.
        page.reload()
        wait_idle(page)
        assert "ecran=simulation" in page.url
        assert texts.atelier.WORKSHOP_TITLES["simulation"] in page.get_by_test_id("stMain").inner_text()
        browser.close()
    expected = ["contexte", "offre", "carte", *[f"departement-{d}" for d in DEPS], "simulation"]
    assert keys == expected
    # Every map drew its outlines, names and lieux with no tile server at all.
    assert {k: v for k, v in checked.items() if v < MIN_INK_SHARE} == {}
    assert outside == []


def test_phone_width_is_usable(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="fr-FR")
        block_outside(page, server)
        page.goto(f"{server}/atelier?ecran=departement-46")
        page.locator(".atelier h1").first.wait_for(timeout=60_000)
        wait_idle(page, 1500)
        # Nothing wider than the screen, the buttons reachable, the map drawn.
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390
        assert page.locator(".st-key-atelier_suivant button").is_visible()
        assert map_ink(page) >= MIN_INK_SHARE
        page.locator(".st-key-atelier_suivant button").click()
        page.wait_for_function("() => location.search.includes('departement-48')", timeout=60_000)
        browser.close()


def test_map_page_switches_to_outlines_when_tiles_are_unreachable(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="fr-FR")
        outside = block_outside(page, server)
        page.goto(f"{server}/carte?fond=1")
        page.wait_for_function("() => location.search.includes('fond=injoignable')", timeout=60_000)
        page.get_by_text(texts.carte.MAP_TILES_UNREACHABLE).wait_for(timeout=60_000)
        wait_idle(page, 2000)
        assert map_ink(page) >= MIN_INK_SHARE
        browser.close()
    assert any("cartocdn" in url for url in outside)  # it did try, and was refused
