"""Refresh the screenshots in docs/ (`make screenshots`): every page at a desktop and a phone size.

Starts the app on a free port against $RHINOCC_DB (default data/rhinocc.duckdb), drives the Debian
Chromium with Playwright, waits for each page to settle, and writes docs/screenshots/<page>-<w>x<h>.png.
Tests never write into docs/: this command is the only thing that does.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import update_flow
import workshop_flow
from playwright.sync_api import sync_playwright

from rhinocc_dash.ingest import publication
from rhinocc_dash.maintainers import hash_password
from rhinocc_dash.serving.launcher import (
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    start_streamlit,
    wait_healthy,
)
from rhinocc_dash.shared.config import resolve_db, resolve_sources

ROOT = Path(__file__).resolve().parents[2]

OUTPUT = ROOT / "docs" / "screenshots"
VIEWPORTS = ((1440, 900), (390, 844))
PAGES = {
    "accueil": "",
    # Headless Chromium's software WebGL draws deck.gl's points as huge blobs: the map is judged on
    # the layers it draws well (the choropleth and the QPV outlines).
    "carte": "carte?couches=choro%7Cqpv",
    "couverture": "couverture",
    "ecarts": "ecarts",
    "annuaire": "annuaire",
    "qualite": "qualite",
    "rapport": "rapport",
}


@contextlib.contextmanager
def app_and_browser(env: dict, options: tuple = ()):
    """The app on a free port and the Debian chromium: (url, playwright, browser); stops both after."""
    port = free_port()
    process = start_streamlit(port, env, options=options)
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_healthy(url, 90, process):
            raise SystemExit("Streamlit n'a pas démarré.")
        OUTPUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
            )
            yield url, playwright, browser
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


def settle(page) -> None:
    """Wait until Streamlit has finished running the page and charts have drawn."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=90_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000
    )
    page.wait_for_timeout(2500)


def main() -> int:
    with app_and_browser({"RHINOCC_DB": str(resolve_db())}) as (url, playwright, browser):
        for width, height in VIEWPORTS:
            # The phone size is a phone (its User-Agent, touch): the map then fits the région.
            phone = dict(playwright.devices["iPhone 13"]) if width < 600 else {}
            phone.pop("default_browser_type", None)
            context = browser.new_context(
                **{**phone, "viewport": {"width": width, "height": height}}, locale="fr-FR"
            )
            for name, path in PAGES.items():
                page = context.new_page()
                page.goto(f"{url}/{path}")
                settle(page)
                target = OUTPUT / f"{name}-{width}x{height}.png"
                page.screenshot(path=str(target), timeout=120_000)
                print(f"{target.relative_to(ROOT)} ({target.stat().st_size // 1024} Kio)")
                page.close()
            context.close()
    return 0


def update_steps() -> int:
    """The data-update page, step by step, on a throw-away copy of the snapshots (nothing published
    for real): docs/screenshots/mise-a-jour-*.png."""
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        folder, sources = work / "snapshots", resolve_sources()
        publication.ensure_current(folder, sources)
        secrets = work / "secrets.toml"
        secrets.write_text(f'[maintainers]\ndemo = "{hash_password("demonstration")}"\n', "utf-8")
        upload = work / "rhinocc_2023-06_export.csv"
        update_flow.old_layout_rhinocc(sources, upload)
        env = {"RHINOCC_DB": "", "RHINOCC_SNAPSHOTS": str(folder), "RHINOCC_STATE": str(work)}
        options = ("--secrets.files", str(secrets))
        with app_and_browser(env, options) as (url, _, browser):
            page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="fr-FR")
            update_flow.sign_in(page, url, "demo", "demonstration")
            update_flow.upload_and_compare(page, [upload], OUTPUT)
            update_flow.publish(page, "Export RhinOcc de juin 2023 (démonstration)", OUTPUT)
    for shot in sorted(OUTPUT.glob("mise-a-jour-*.png")):
        print(f"{shot.relative_to(ROOT)} ({shot.stat().st_size // 1024} Kio)")
    return 0


def standard_v1_report() -> int:
    """The update page's validation report of a national-standard v1 file (the Annuaire's own export,
    brought in as a new source): docs/img/mise-a-jour-standard-v1.png."""
    import duckdb

    from rhinocc_dash.analysis import service
    from rhinocc_dash.texts import sources as texts_sources
    from rhinocc_dash.views.standard import to_standard, to_standard_csv

    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        folder, sources = work / "snapshots", resolve_sources()
        db = publication.ensure_current(folder, sources)
        con = duckdb.connect(str(db), read_only=True)
        frame, _ = to_standard(service.lieux(con), *service.standard_inputs(con))
        con.close()
        upload = work / "lieux-mediation-numerique-occitanie.csv"
        upload.write_bytes(to_standard_csv(frame))
        secrets = work / "secrets.toml"
        secrets.write_text(f'[maintainers]\ndemo = "{hash_password("demonstration")}"\n', "utf-8")
        env = {"RHINOCC_DB": "", "RHINOCC_SNAPSHOTS": str(folder), "RHINOCC_STATE": str(work)}
        with app_and_browser(env, ("--secrets.files", str(secrets))) as (url, _, browser):
            page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="fr-FR")
            update_flow.sign_in(page, url, "demo", "demonstration")
            page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([str(upload)])
            page.get_by_label(texts_sources.ADD_KEY).fill("annuaire_standard", timeout=120_000)
            page.keyboard.press("Enter")
            update_flow.idle(page)
            heading = page.get_by_text("26 colonnes lues").first
            heading.evaluate("element => element.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(800)
            target = ROOT / "docs" / "img" / "mise-a-jour-standard-v1.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(target))
            print(f"{target.relative_to(ROOT)} ({target.stat().st_size // 1024} Kio)")
    return 0


WORKSHOP_SCREENS = ("contexte", "offre", "carte", "departement-46", "simulation")
WORKSHOP_VIEWPORTS = ((1920, 1080), (390, 844))


def workshop_steps() -> int:
    """The workshop screens, offline (every request outside the app blocked), at a projector's and a
    phone's size: docs/screenshots/atelier-<screen>-<w>x<h>.png."""
    with app_and_browser({"RHINOCC_DB": str(resolve_db())}) as (url, _, browser):
        for width, height in WORKSHOP_VIEWPORTS:
            page = browser.new_page(viewport={"width": width, "height": height}, locale="fr-FR")
            workshop_flow.block_outside(page, url)
            for key in WORKSHOP_SCREENS:
                page.goto(f"{url}/atelier?ecran={key}")
                page.locator(".atelier h1").first.wait_for(timeout=90_000)
                if key == "simulation":
                    workshop_flow.pick_commune(page, "Cressensac-Sarrazac")
                workshop_flow.wait_idle(page, 3000)
                shot = OUTPUT / f"atelier-{key}-{width}x{height}.png"
                page.screenshot(path=str(shot), full_page=False)
                print(f"{shot.relative_to(ROOT)} ({shot.stat().st_size // 1024} Kio)")
            page.close()
    return 0


if __name__ == "__main__":
    only = sys.argv[1] if len(sys.argv) > 1 else None
    steps = {
        "pages": main,
        "mise-a-jour": update_steps,
        "atelier": workshop_steps,
        "standard-v1": standard_v1_report,
    }
    sys.exit(steps[only]() if only else (main() or update_steps() or workshop_steps()))
