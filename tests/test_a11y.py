"""Accessibility in the browser (issue 22): axe-core's WCAG 2.1 A/AA rules and the accessibility tree on
every page registered in app.py, the lieu card dialog, and keyboard-only tasks.

The complete sweep (every page at 1,280 and 320 px) is `python -m scripts.audit_a11y`.
"""

from __future__ import annotations

import re

import pytest
from a11y_browser import (
    AXE,
    ax_nodes,
    axe_violations,
    heading_skips,
    name_problems,
    page_paths,
    screen_text_problems,
    wait_idle,
)

from rhinocc_dash import texts
from rhinocc_dash.serving.launcher import CHROMIUM, CHROMIUM_ARGS
from rhinocc_dash.texts import accessibilite as texts_a11y
from rhinocc_dash.texts import orienter as texts_orienter

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not AXE.exists():
        pytest.fail("node_modules/axe-core absent: run `make axe` (npm install)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        yield chromium
        chromium.close()


def tab_to(page, locator, limit: int = 120) -> int:
    """Press Tab until `locator` has the focus; the number of presses (fails past `limit`)."""
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if locator.evaluate(
            "e => e === document.activeElement || e.contains(document.activeElement)"
        ):
            return count
    raise AssertionError(f"not reached with {limit} Tab presses: {locator}")


def test_page_list_follows_app_py():
    paths = page_paths()
    assert paths[0] == "" and "carte" in paths and "accessibilite" in paths
    assert len(paths) >= 10


def download_a_table(page) -> None:
    """Couverture: a coverage table's CSV, reached and pressed with the keyboard."""
    tab_to(page, page.get_by_role("button", name=texts.common.DOWNLOAD_CSV).first)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".csv")


def change_a_weight(page) -> None:
    """Écarts: the first need weight raised by one step with the arrow key, the page recomputed."""
    slider = page.get_by_role("slider").first
    before = slider.get_attribute("aria-valuetext")
    tab_to(page, slider)
    page.keyboard.press("ArrowRight")
    wait_idle(page)
    after = page.get_by_role("slider").first.get_attribute("aria-valuetext")
    assert (before, after) == ("1,0", "1,5")  # weights step by 0,5, in French


def orient_and_print(page) -> None:
    """Orienter une personne: a commune typed, the first result put in the fiche, its PDF downloaded."""
    tab_to(page, page.get_by_role("combobox", name=texts_orienter.COMMUNE_LABEL))
    page.keyboard.type("Figeac", delay=20)
    page.get_by_role("option", name=re.compile("^Figeac")).first.wait_for()
    page.keyboard.press("Enter")
    wait_idle(page)
    tab_to(page, page.get_by_role("checkbox", name=re.compile("^Mettre « ")).first)
    page.keyboard.press("Space")
    wait_idle(page)
    tab_to(page, page.get_by_role("button", name=texts_orienter.FICHE_PDF))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "fiche_orientation.pdf"


KEYBOARD_TASKS = {
    "couverture": download_a_table,
    "ecarts": change_a_weight,
    "orienter": orient_and_print,
}


def test_every_page_passes_axe_and_names_everything_in_french(server, browser):
    """Every page of app.py renders without error and passes: axe-core's WCAG 2.1 A/AA rules, lang="fr",
    every control named, no English name, headings in order, nothing on screen that is not French (Streamlit's
    English defaults, « None », « 15.056 », raw keys); on Couverture, Écarts and Orienter, a task done with
    the keyboard only."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems, checked, tasks = {}, 0, 0
    for path in page_paths():
        page.goto(f"{server}/{path}")
        wait_idle(page)
        unnamed, english = name_problems(ax_nodes(page))
        found = {
            "lang": page.evaluate("() => document.documentElement.lang"),
            "axe": [(v["id"], v["targets"]) for v in axe_violations(page)],
            "unnamed": [n["role"] for n in unnamed],
            "english": sorted({n["name"] for n in english}),
            "headings": heading_skips(page, "[data-testid='stMain']")
            + heading_skips(page, "[data-testid='stSidebar']", start=1),
            "screen": screen_text_problems(page),
        }
        assert page.get_by_test_id("stException").count() == 0, path
        if found != {"lang": "fr", "axe": [], "unnamed": [], "english": [], "headings": [], "screen": []}:
            problems[path or "accueil"] = found
        if path in KEYBOARD_TASKS:
            KEYBOARD_TASKS[path](page)
            tasks += 1
        checked += 1
    # the screen check finds what it looks for
    page.set_content('<html lang="fr"><body><p>Choose an option</p><p>taux_pauvrete</p><p>15.056</p></body></html>')
    assert screen_text_problems(page) == ["Choose an option", "15.056", "taux_pauvrete"]
    page.close()
    assert checked == len(page_paths()) >= 10 and tasks == len(KEYBOARD_TASKS)
    assert problems == {}


def test_map_filter_and_lieu_card_by_keyboard_only(server, browser):
    """Filter the map to a département and open a lieu's card without a mouse; axe on the dialog."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/carte")
    wait_idle(page)
    # the skip link is the first stop
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Aller au contenu principal"
    departements = page.get_by_role("combobox", name=texts.filtres.FILTER_DEPARTEMENTS)
    tab_to(page, departements)
    page.keyboard.type("Lot", delay=20)
    page.get_by_role("option", name="46 Lot").wait_for()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_idle(page)
    count = page.get_by_test_id("stMetricValue").first.inner_text()
    assert count.split(" / ")[0] != count.split(" / ")[1], count
    toggle = page.get_by_role("switch", name=texts.carte.MAP_TABLE)
    presses = tab_to(page, toggle)
    page.keyboard.press("Space")
    wait_idle(page)
    picker = page.get_by_role("combobox", name=texts_a11y.PICK_LIEU)
    tab_to(page, picker, limit=5)
    page.keyboard.type("Cahors", delay=20)
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("Enter")
    wait_idle(page)
    tab_to(page, page.get_by_role("button", name=texts_a11y.OPEN_CARD), limit=5)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=30_000)
    wait_idle(page)
    assert "Cahors" in dialog.inner_text()
    assert axe_violations(page, "[role='dialog']") == []
    unnamed, english = name_problems(ax_nodes(page))
    assert (unnamed, english) == ([], [])
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    page.close()
    assert presses < 40
