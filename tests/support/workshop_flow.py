"""The workshop sequence walked in a real browser, with every request outside the app blocked (no
network in the room): used by the browser test and by the screenshot script.

Needs Playwright (test extra) and the Debian chromium; imported only by tests and scripts.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from PIL import Image

# A map counts as drawn when this share of its pixels is ink (outlines, names, points), not background.
MIN_INK_SHARE = 0.01
INK_LUMINANCE = 200


def block_outside(page, server: str) -> list[str]:
    """Abort every request that does not go to the app (tiles, fonts, CDNs); return the list of
    the ones attempted, filled as the page runs."""
    attempted: list[str] = []

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith((server, "data:", "blob:")):
            request_route.continue_()
        else:
            attempted.append(url)
            request_route.abort()

    page.route("**/*", route)
    return attempted


def wait_idle(page, settle_ms: int = 800) -> None:
    page.wait_for_function(
        """() => { const app = document.querySelector('[data-testid="stApp"]');
                   return app && app.getAttribute('data-test-script-state') === 'notRunning'
                          && !document.querySelector('[data-testid="stSkeleton"]'); }""",
        timeout=60_000,
    )
    page.wait_for_timeout(settle_ms)


def ink_share(png: bytes) -> float:
    """Share of dark pixels in a screenshot of the map (0 for an empty grey map)."""
    counts = Image.open(io.BytesIO(png)).convert("L").histogram()  # pixels per grey level
    return sum(counts[:INK_LUMINANCE]) / max(1, sum(counts))


def screen_key(page) -> str:
    return page.evaluate("() => new URL(window.location.href).searchParams.get('ecran')")


def walk(
    page,
    start_url: str,
    on_screen: Callable[[int, str], None],
    limit: int = 40,
    settle_ms: int = 200,
) -> list[str]:
    """Open `start_url`, then press → until the last screen; `on_screen(index, key)` runs on each
    screen once it has finished running (and its map has had `settle_ms` to draw). Returns the keys."""
    page.goto(start_url)
    seen: list[str] = []
    for index in range(limit):
        page.locator(".atelier h1").first.wait_for(timeout=60_000)
        wait_idle(page, settle_ms)
        key = screen_key(page)
        seen.append(key)
        on_screen(index, key)
        if page.locator(".st-key-atelier_suivant button").is_disabled():
            break
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "(old) => new URL(window.location.href).searchParams.get('ecran') !== old",
            arg=key,
            timeout=60_000,
        )
    return seen


def map_ink(page, enough: float = MIN_INK_SHARE, timeout_ms: int = 10_000) -> float:
    """Ink share of the screen's map (0 when there is none), looked at again every 250 ms until it
    reaches `enough` or `timeout_ms` has passed: a map that draws quickly is not waited for."""
    chart = page.get_by_test_id("stDeckGlJsonChart")
    if chart.count() == 0:
        return 0.0
    canvas = chart.first.locator("canvas").first
    canvas.wait_for(timeout=30_000)
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        share = ink_share(canvas.screenshot())
        if share >= enough or time.monotonic() > deadline:
            return share
        page.wait_for_timeout(250)


def pick_commune(page, name: str) -> None:
    """On the « what if » screen, choose the commune where a lieu would open."""
    box = page.locator(".st-key-atelier_simulation input")
    box.click()
    box.fill(name)
    page.get_by_role("option").filter(has_text=name).first.click()
    wait_idle(page)
