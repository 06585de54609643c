"""Real-browser smoke test: Streamlit served on a free port, the Debian Chromium driven by Playwright."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rhinocc_dash import texts
from rhinocc_dash.serving.launcher import CHROMIUM, CHROMIUM_ARGS

# Screenshots of a test run go to an ignored folder; `make screenshots` refreshes the ones in docs/.
OUTPUT = Path(__file__).resolve().parent.parent / "test-results" / "browser"
CHROMIUM_ARGS = list(CHROMIUM_ARGS)

pytestmark = pytest.mark.browser


def test_home_page_renders(server):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(server)
        expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=60_000)
        expect(page.get_by_text(texts.accueil.HOME_TITLE)).to_be_visible()
        expect(
            page.get_by_test_id("stMetricLabel").filter(has_text=texts.accueil.METRIC_LIEUX)
        ).to_be_visible()
        chart = page.get_by_role("img", name=re.compile("^" + re.escape(texts.accueil.LIEUX_BY_DEP_CHART)))
        expect(chart).to_be_visible(timeout=30_000)
        box = chart.bounding_box()
        assert box and box["width"] > 400 and box["height"] > 200  # scaled to its column
        page.wait_for_timeout(1500)
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "accueil.png"), full_page=False)
        browser.close()
    assert (OUTPUT / "accueil.png").stat().st_size > 10_000


def test_map_canvas_renders(server):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        outside = []
        page.on(
            "request",
            lambda r: (
                outside.append(r.url)
                if not r.url.startswith((server, "data:", f"blob:{server}"))
                else None
            ),
        )
        page.goto(f"{server}/carte?dep=46&niv=commune&couches=points%7Cchoro%7Cqpv&fond=0")
        chart = page.get_by_test_id("stDeckGlJsonChart")
        expect(chart).to_be_visible(timeout=60_000)
        canvas = chart.locator("canvas").first
        expect(canvas).to_be_visible(timeout=30_000)
        box = canvas.bounding_box()
        assert box and box["width"] > 400 and box["height"] > 300
        expect(page.get_by_test_id("stMetricValue").first).to_contain_text("/")
        page.wait_for_timeout(2500)
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "carte.png"), full_page=False)
        assert page.get_by_test_id("stException").count() == 0
        browser.close()
    # Base map off (the default): nothing is fetched from outside, no tile, no style, no icon.
    assert outside == []
