"""Refresh the screenshots in docs/ (`make screenshots`): every page at a desktop and a phone size.

Starts the app on a free port against $RHINOCC_DB (default data/rhinocc.duckdb), drives the Debian
Chromium with Playwright, waits for each page to settle, and writes docs/screenshots/<page>-<w>x<h>.png.
Tests never write into docs/: this command is the only thing that does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rhinocc_dash.config import resolve_db  # noqa: E402
from rhinocc_dash.serving import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    start_streamlit,
    wait_healthy,
)

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


def settle(page) -> None:
    """Wait until Streamlit has finished running the page and charts have drawn."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=90_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000
    )
    page.wait_for_timeout(2500)


def main() -> int:
    port = free_port()
    process = start_streamlit(port, {"RHINOCC_DB": str(resolve_db())})
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_healthy(url, 90, process):
            print("Streamlit n'a pas démarré.", file=sys.stderr)
            return 1
        OUTPUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
            )
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
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
