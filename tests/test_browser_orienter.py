"""« Orienter une personne » in the Debian Chromium: the whole flow with the Base Adresse Nationale
unreachable (its URL points at a closed local port: the commune's centre is used), the fiche PDF
downloaded and read back with pdftotext, and the page on a 390-pixel phone without horizontal scroll."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from rhinocc_dash.serving.launcher import CHROMIUM, CHROMIUM_ARGS
from rhinocc_dash.shared import vocab
from rhinocc_dash.texts import orienter as T

OUTPUT = Path(__file__).resolve().parent.parent / "test-results" / "browser"
NOTE = "Apportez votre carte Vitale <b>et</b> un justificatif"

pytestmark = [pytest.mark.browser, pytest.mark.network]


@pytest.fixture(scope="module")
def offline_server(server):
    """The shared server: its BAN URL points at a port nothing listens on (an offline machine)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is missing")
    return server


def test_whole_flow_offline_and_fiche_pdf(offline_server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
        page.goto(f"{offline_server}/orienter")
        expect(page.get_by_role("heading", name=T.WHERE_TITLE)).to_be_visible(timeout=60_000)
        # Where: a commune typed without its accent nor capitals, picked from the suggestions.
        page.get_by_test_id("stRadio").get_by_text(T.WHERE_MODES["adresse"]).click()
        commune = page.get_by_role("combobox", name=T.COMMUNE_LABEL)
        commune.click()
        commune.fill("figeac")
        page.get_by_role("option", name="Figeac (46) · 46100").click()
        address = page.get_by_label(T.ADDRESS_LABEL)
        address.fill("3 place Vival")
        address.press("Enter")
        expect(page.get_by_text(T.ADDRESS_UNREACHABLE)).to_be_visible(timeout=30_000)
        expect(page.get_by_text(T.POINT_COMMUNE.format(nom="Figeac"))).to_be_visible()
        # What for: the need, from the national standard's services.
        page.get_by_test_id("stMultiSelect").filter(has_text=T.SERVICES_LABEL).click()
        page.keyboard.type("Aide aux d")
        page.get_by_text(vocab.S_ADMIN, exact=True).click()
        page.keyboard.press("Escape")
        expect(page).to_have_url(re.compile("besoin=demarches(&|$)"), timeout=30_000)
        expect(page.get_by_role("heading", name=T.RESULTS_TITLE)).to_be_visible()
        expect(page.get_by_test_id("stApp")).to_have_attribute(
            "data-test-script-state", "notRunning", timeout=30_000
        )
        cards = page.get_by_role("heading", level=4)
        expect(cards.first).to_be_visible(timeout=30_000)
        assert cards.count() >= 3
        first_name = cards.first.inner_text().split(". ", 1)[1]
        assert "besoin=demarches" in page.url and "commune=46102" in page.url
        page.get_by_role("heading", name=T.RESULTS_TITLE).scroll_into_view_if_needed()
        page.mouse.wheel(0, 350)
        page.wait_for_timeout(1000)
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "orienter-1440x900.png"))
        # The fiche: one lieu ticked, a note, the PDF downloaded.
        page.get_by_text(T.PICK_LABEL.format(nom=first_name)).click()
        note = page.get_by_label(T.NOTE_LABEL)
        expect(note).to_be_visible(timeout=30_000)
        note.fill(NOTE)
        note.press("Control+Enter")
        page.wait_for_timeout(1500)
        with page.expect_download(timeout=30_000) as download:
            page.get_by_role("button", name=T.FICHE_PDF).click()
        pdf = tmp_path / "fiche.pdf"
        download.value.save_as(pdf)
        assert page.get_by_test_id("stException").count() == 0
        browser.close()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert T.FICHE_HEADING in flat and vocab.S_ADMIN in flat
    assert " ".join(first_name.split()) in flat
    assert NOTE in flat
    assert "commune=46102" in flat.replace(" ", "")


def test_phone_without_horizontal_scroll(offline_server):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        page = browser.new_page(
            viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
        )
        page.goto(f"{offline_server}/orienter?commune=46102&besoin=demarches&quand=samedi")
        expect(page.get_by_role("heading", level=4).first).to_be_visible(timeout=60_000)
        page.get_by_role("heading", level=4).first.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "orienter-390x844.png"))
        assert page.get_by_test_id("stException").count() == 0
        browser.close()
