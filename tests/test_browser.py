"""Real-browser smoke test: Streamlit served on a free port, the Debian Chromium driven by Playwright."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rhinocc_dash import texts
from rhinocc_dash.serving import (
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    start_streamlit,
    wait_healthy,
)

# Screenshots of a test run go to an ignored folder; `make screenshots` refreshes the ones in docs/.
OUTPUT = Path(__file__).resolve().parent.parent / "test-results" / "browser"
CHROMIUM_ARGS = list(CHROMIUM_ARGS)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(warehouse):
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("/usr/bin/chromium is missing (apt-get install chromium)")
        pytest.skip("/usr/bin/chromium is missing")
    port = free_port()
    process = start_streamlit(port, {"RHINOCC_DB": str(warehouse)})
    url = f"http://127.0.0.1:{port}"
    if not wait_healthy(url, 60, process):
        process.kill()
        pytest.fail("streamlit did not start within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_home_page_renders(server):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(server)
        expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=60_000)
        expect(page.get_by_text(texts.HOME_TITLE)).to_be_visible()
        expect(
            page.get_by_test_id("stMetricLabel").filter(has_text=texts.METRIC_LIEUX)
        ).to_be_visible()
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
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
        browser.close()


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("couverture", texts.COVERAGE_TITLE),
        ("ecarts", texts.GAP_TITLE),
        ("annuaire", texts.DIRECTORY_TITLE),
        ("qualite", texts.QUALITY_TITLE),
        ("rapport", texts.REPORT_TITLE),
    ],
)
def test_every_page_renders_without_error(server, path, title):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/{path}")
        expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("stSidebarNav")).to_contain_text("Analyse des écarts")
        page.wait_for_timeout(1000)
        assert page.get_by_test_id("stException").count() == 0
        browser.close()
