"""What people feel in the browser: each page opened, then one typical change, in headless Chromium.

For each page: the first visit (an empty browser cache: every script of the app downloaded and
compiled); the median of 5 new sessions (new tabs, the app's files in the browser's cache, as for anyone
who has opened the dashboard before); the median of 5 moves to the page from the menu, in a tab already
open on Accueil (what people do most: nothing to load again); and the median of 5 typical changes once
the page is drawn. Bytes are those received (over the WebSocket, and map data fetched from
app/static/). Server caches are warmed once per page.

Idle means Streamlit's own signal (`stApp[data-test-script-state=notRunning]`), a quiet period on the
socket, and the browser's last long task (> 50 ms of parsing, layout or drawing) over; the change starts
once the page has been drawn. WebGL is off by default (as in the issue's measurements: this machine's
software WebGL would make deck.gl's drawing dominate every timing; `--webgl` keeps it).

Goals on a 2-core machine with nothing else running: change ≤ 1 s, open ≤ 2 s, ≤ 300 kB per rerun
that does not change the map.

    .venv/bin/python benchmarks/bench_browser.py [warehouse.duckdb] [--runs 5] [--pages carte,ecarts]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
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

QUIET_MS = 400
TIMEOUT_S = 60


# The browser's own work: the end of its last long task (> 50 ms: parsing, layout, drawing a chart).
LONG_TASKS = """
window.__busyUntil = 0;
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__busyUntil = Math.max(window.__busyUntil, e.startTime + e.duration);
}).observe({type: "longtask", buffered: true});
"""


# Read after a frame and a task, so that the observer has reported every long task that just ended.
FLUSHED_BUSY = """async () => {
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return [performance.now(), window.__busyUntil || 0];
}"""


class Traffic:
    """Bytes received on the page's WebSockets, the time of the last frame, and the end of the
    browser's last long task (so that a page still drawing is not counted as idle)."""

    def __init__(self, page):
        self.bytes = 0
        self.last = time.perf_counter()
        self.page = page
        page.add_init_script(LONG_TASKS)
        page.on("websocket", self._watch)
        page.on("response", self._static)

    def _watch(self, socket) -> None:
        socket.on("framereceived", self._frame)

    def _frame(self, payload) -> None:
        self.bytes += len(payload)
        self.last = time.perf_counter()

    def _static(self, response) -> None:
        """Map data fetched over HTTP (app/static/) counts with the socket's bytes."""
        if "/app/static/" in response.url and response.status == 200:
            self.bytes += int(response.headers.get("content-length", 0))
            self.last = time.perf_counter()

    def browser_busy_until(self) -> float:
        """perf_counter() time at which the page's last long task ended."""
        now_page, busy = self.page.evaluate(FLUSHED_BUSY)
        return time.perf_counter() - (now_page - busy) / 1000

    def settle(self, quiet_s: float = 0.5, limit_s: float = TIMEOUT_S) -> None:
        """Wait until the browser has had no long task for `quiet_s` (the page fully drawn)."""
        deadline = time.perf_counter() + limit_s
        while time.perf_counter() - self.browser_busy_until() < quiet_s:
            if time.perf_counter() > deadline:
                raise TimeoutError("le navigateur ne revient pas au repos")
            self.page.wait_for_timeout(100)


def wait_idle(page, traffic: Traffic, started: float, expect_run: bool) -> float:
    """Seconds from `started` until the script is done, every message received (the socket quiet
    for QUIET_MS) and the browser done with the work they caused (its last long task over)."""
    app = page.locator('[data-testid="stApp"]')
    deadline = time.perf_counter() + TIMEOUT_S
    if expect_run:  # the change must first start a rerun
        while time.perf_counter() < deadline:
            if app.get_attribute("data-test-script-state") not in ("notRunning", None):
                break
            if traffic.last > started:
                break
            page.wait_for_timeout(20)
    while time.perf_counter() < deadline:
        state = app.get_attribute("data-test-script-state") if app.count() else None
        quiet = (time.perf_counter() - traffic.last) * 1000 >= QUIET_MS
        if state == "notRunning" and quiet:
            return max(traffic.last, traffic.browser_busy_until()) - started
        page.wait_for_timeout(25)
    raise TimeoutError("la page n'est pas revenue au repos")


def change_carte(page) -> None:
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(0)
    box.click()
    page.keyboard.type("46")
    page.keyboard.press("Enter")


def change_radio(page) -> None:
    page.get_by_test_id("stRadio").first.get_by_text("Lieux pour 10 000 habitants").click()


def change_slider(page) -> None:
    thumb = page.get_by_test_id("stSidebar").get_by_role("slider").nth(6)
    thumb.focus()
    page.keyboard.press("ArrowRight")


def change_search(page) -> None:
    box = page.get_by_test_id("stSidebar").get_by_test_id("stTextInput").locator("input").first
    box.fill("médiathèque")
    box.press("Enter")


def change_selectbox(label: str, option: str):
    def change(page) -> None:
        page.get_by_test_id("stSelectbox").filter(has_text=label).first.click()
        page.get_by_role("option", name=option).first.click()

    return change


def change_section(page) -> None:
    """Qualité: open the « À mettre à jour » section (the longest list)."""
    page.get_by_test_id("stButtonGroup").get_by_text("À mettre à jour").click()


def change_when(page) -> None:
    """Orienter: « Le samedi » instead of « Peu importe »."""
    page.get_by_test_id("stRadio").filter(has_text="Moment").get_by_text("Le samedi").click()


SCENARIOS = {
    "accueil": ("", None),
    "carte": ("carte?fond=0", change_carte),
    "carte_communes": ("carte?fond=0&niv=commune", change_carte),
    "couverture": ("couverture", change_radio),
    "ecarts": ("ecarts", change_slider),
    "annuaire": ("annuaire", change_search),
    "orienter": ("orienter?commune=46102&besoin=demarches", change_when),
    "qualite": ("qualite", change_section),
    "rapport": ("rapport", change_selectbox("Département", "48 Lozère")),
}


def measure(context, url: str, path: str, change) -> tuple[float, int, float | None, int | None]:
    """One new session (a new tab): open the page, then apply the change once it is drawn."""
    page = context.new_page()
    traffic = Traffic(page)
    started = time.perf_counter()
    page.goto(f"{url}/{path}")
    page.wait_for_selector('[data-testid="stApp"]', timeout=TIMEOUT_S * 1000)
    open_s, open_bytes = wait_idle(page, traffic, started, expect_run=False), traffic.bytes
    change_s = change_bytes = None
    if change is not None:
        traffic.settle()  # a person changes something once the page is drawn
        traffic.bytes = 0
        started = time.perf_counter()
        change(page)
        change_s, change_bytes = wait_idle(page, traffic, started, expect_run=True), traffic.bytes
    page.close()
    return open_s, open_bytes, change_s, change_bytes


MENU = {
    "carte": "Carte",
    "carte_communes": None,
    "couverture": "Couverture",
    "ecarts": "Analyse des écarts",
    "annuaire": "Annuaire",
    "orienter": "Orienter une personne",
    "qualite": "Qualité des données",
    "rapport": "Rapport",
}


def via_menu(context, url: str, name: str) -> float | None:
    """From Accueil, drawn, to the page chosen in the menu (same tab: no script to load again)."""
    label = MENU.get(name)
    if label is None:
        return None
    page = context.new_page()
    traffic = Traffic(page)
    page.goto(url)
    wait_idle(page, traffic, time.perf_counter(), expect_run=False)
    traffic.settle()
    started = time.perf_counter()
    page.get_by_test_id("stSidebar").get_by_role("link", name=label, exact=True).click()
    took = wait_idle(page, traffic, started, expect_run=True)
    page.close()
    return took


def bench_page(browser, url: str, name: str, runs: int) -> str:
    """First visit (empty browser cache), then `runs` new sessions with the app's files in cache."""
    path, change = SCENARIOS[name]
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
    first = measure(context, url, path, None)[0]
    results = [measure(context, url, path, change) for _ in range(runs)]
    menu = [via_menu(context, url, name) for _ in range(runs)]
    context.close()
    med = [statistics.median(v) if None not in v else None for v in zip(*results, strict=True)]
    change_text = (
        f"{med[2]:10.2f}s {med[3] / 1000:8.0f}kB" if med[2] is not None else f"{'—':>11} {'—':>10}"
    )
    menu_text = f"{statistics.median(menu):8.2f}s" if None not in menu else f"{'—':>9}"
    return (
        f"{name:<15} {first:10.2f}s {med[0]:9.2f}s {menu_text} {med[1] / 1000:8.0f}kB {change_text}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", nargs="?")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", default=",".join(SCENARIOS))
    parser.add_argument(
        "--webgl",
        action="store_true",
        help="keep WebGL (software rendering here: deck.gl's drawing then dominates every timing)",
    )
    args = parser.parse_args()
    chromium_args = list(CHROMIUM_ARGS) + (
        [] if args.webgl else ["--disable-webgl", "--disable-3d-apis"]
    )
    port = free_port()
    server = start_streamlit(port, {"RHINOCC_DB": str(resolve_db(args.db))})
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_healthy(url, 90, server):
            print("Streamlit n'a pas démarré.", file=sys.stderr)
            return 1
        load = os.getloadavg()
        print(f"charge de la machine avant mesure : {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        print(
            f"{'page':<15} {'1re visite':>11} {'ouverture':>10} {'via menu':>9} {'octets':>10} "
            f"{'changement':>11} {'octets':>10}"
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=chromium_args)
            warm = browser.new_context()
            for name in args.pages.split(","):  # the server's caches warmed once per page
                measure(warm, url, SCENARIOS[name][0], None)
            warm.close()
            for name in args.pages.split(","):
                print(bench_page(browser, url, name, args.runs), flush=True)
            browser.close()
        load = os.getloadavg()
        print(f"charge de la machine après mesure : {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
