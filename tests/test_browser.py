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


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("couverture", texts.couverture.COVERAGE_TITLE),
        ("ecarts", texts.ecarts.GAP_TITLE),
        ("annuaire", texts.annuaire.DIRECTORY_TITLE),
        ("qualite", texts.qualite.QUALITY_TITLE),
        ("rapport", texts.rapport.REPORT_TITLE),
    ],
)
def test_every_page_renders_without_error(server, path, title):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server}/{path}")
        expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("stSidebar")).to_contain_text("Analyse des écarts")
        page.wait_for_timeout(1000)
        assert page.get_by_test_id("stException").count() == 0
        browser.close()


# Text nodes a person reads (icons' ligature names such as « bar_chart » are not words on screen).
VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    // a canvas's fallback content (the data grid's accessibility copy) is not drawn on screen
    if (!parent || parent.closest('[data-testid="stIconMaterial"], script, style, noscript, canvas')) continue;
    const style = getComputedStyle(parent);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (node.textContent.trim()) out.push(node.textContent.trim());
  }
  // a placeholder shows only while its field is empty
  for (const el of document.querySelectorAll("[placeholder]")) if (!el.value) out.push(el.getAttribute("placeholder"));
  return out;
}"""
ENGLISH_ON_SCREEN = (
    "Choose options",
    "Choose an option",
    "Select all",
    "No results",
    "Deploy",
    "Running...",
    "Press Enter",
    "Drag and drop",
    "Browse files",
)


def wait_idle(page) -> None:
    page.wait_for_function(
        """() => { const app = document.querySelector('[data-testid="stApp"]');
                   return app && app.getAttribute('data-test-script-state') === 'notRunning'
                          && !document.querySelector('[data-testid="stSkeleton"]'); }""",
        timeout=60_000,
    )
    page.wait_for_timeout(800)


@pytest.mark.parametrize(
    "path", ["", "carte", "couverture", "ecarts", "annuaire", "qualite", "rapport"]
)
def test_rendered_pages_have_no_english_or_raw_names(server, path):
    """What the browser shows, menu included: none of Streamlit's English defaults, no « None »,
    no raw column or source key (snake_case), no raw file name in the menu."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(f"{server}/{path}")
        expect(page.get_by_role("heading").first).to_be_visible(timeout=60_000)
        wait_idle(page)
        texts_on_screen = page.evaluate(VISIBLE_TEXT)
        browser.close()
    joined = "\n".join(texts_on_screen)
    for word in ENGLISH_ON_SCREEN:
        assert word not in joined, word
    assert not [t for t in texts_on_screen if t in ("None", "nan", "NaN", "NaT")]
    # numbers in French: no « 1.00 » on a slider, no « 15.056 » in a legend
    assert not [t for t in texts_on_screen if re.fullmatch(r"-?\d+\.\d+( %| km)?", t)]
    assert re.findall(r"\b[a-z]+_[a-z0-9_]+\b", joined) == []
    assert not {"app", "accueil", "ecarts", "qualite"} & set(texts_on_screen)
