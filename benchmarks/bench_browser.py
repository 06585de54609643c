"""What people feel in the browser: each page opened, then one typical change, in headless Chromium.

For each page: the first visit (an empty browser cache: every script of the app downloaded and
compiled); the median of 5 new sessions (new tabs, the app's files in the browser's cache, as for anyone
who has opened the dashboard before); the median of 5 moves to the page from the menu, in a tab already
open on Accueil (what people do most: nothing to load again); and the median of 5 typical changes once
the page is drawn. Bytes are those received (over the WebSocket, and map data fetched from
component/…cartes/). Server caches are warmed once per page.

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

from rhinocc_dash.serving.launcher import (
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    start_streamlit,
    wait_healthy,
)
from rhinocc_dash.shared.config import resolve_db

ROOT = Path(__file__).resolve().parent.parent

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
        """Map data fetched over HTTP (the map files' folder) counts with the socket's bytes."""
        if "/component/rhinocc_dash.ui.static_files.cartes/" in response.url and response.status == 200:
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


EMBED_HOST = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page hôte</title>
</head><body><h1>Page du hub</h1><iframe id="carte" src="{src}" title="Carte" width="100%"
height="600" loading="lazy" style="border:0"></iframe></body></html>"""


class Received:
    """Every byte the page receives (HTTP bodies as sent, compressed, and WebSocket frames), through
    the DevTools protocol: the frame on another port of 127.0.0.1 is same-site, in the same process."""

    def __init__(self, context, page):
        self.bytes = 0
        self.last = time.perf_counter()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.loadingFinished", self._http)
        session.on("Network.webSocketFrameReceived", self._socket)

    def _http(self, event) -> None:
        self.bytes += int(event.get("encodedDataLength", 0))
        self.last = time.perf_counter()

    def _socket(self, event) -> None:
        self.bytes += len(event["response"].get("payloadData", ""))
        self.last = time.perf_counter()


def embedded_open(context, host: str) -> tuple[float, int]:
    """A hub's page framing the Carte: seconds until the frame's script is done and its socket quiet
    (QUIET_MS), and the bytes received until then."""
    page = context.new_page()
    received = Received(context, page)
    started = time.perf_counter()
    page.goto(host)
    app = page.frame_locator("#carte").locator('[data-testid="stApp"]')
    metric = page.frame_locator("#carte").get_by_test_id("stMetricValue")
    deadline = started + TIMEOUT_S
    while time.perf_counter() < deadline:
        done = app.count() and app.get_attribute("data-test-script-state") == "notRunning"
        quiet = (time.perf_counter() - received.last) * 1000 >= QUIET_MS
        if done and quiet and metric.count():
            took, size = received.last - started, received.bytes
            page.close()
            return took, size
        page.wait_for_timeout(25)
    raise TimeoutError("la carte intégrée n'est pas revenue au repos")


def bench_embedded(args, chromium_args: list[str]) -> int:
    """`rhinocc-dash serve` (nginx, gzip, one worker) allowing a host page on another local port,
    which frames /carte?integrer=1; first visit, then the median of `runs` visits with a warm cache.
    `--captures DIR`: screenshots of the host page at 1440 and 360 px wide (WebGL on)."""
    import http.server
    import subprocess
    import tempfile
    import threading

    host_port, port = free_port(), free_port()
    runtime = Path(tempfile.mkdtemp(prefix="bench-embed-"))
    server = subprocess.Popen(
        [sys.executable, "-m", "rhinocc_dash.cli", "serve", "--workers", "1", "--port", str(port),
         "--base-port", str(free_port()), "--runtime", str(runtime),
         "--integrer-depuis", f"http://127.0.0.1:{host_port}"],
        cwd=ROOT, env={**os.environ, "RHINOCC_DB": str(resolve_db(args.db))},
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    body = EMBED_HOST.format(src=f"http://127.0.0.1:{port}/carte?integrer=1&fond=0").encode()

    class Host(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", host_port), Host)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host = f"http://127.0.0.1:{host_port}"
    try:
        if not wait_healthy(f"http://127.0.0.1:{port}", 120, server):
            print("rhinocc-dash serve n'a pas démarré.", file=sys.stderr)
            return 1
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=chromium_args)
            warm = browser.new_context()
            embedded_open(warm, host)  # the server's caches
            warm.close()
            context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
            first = embedded_open(context, host)
            runs = [embedded_open(context, host) for _ in range(args.runs)]
            context.close()
            browser.close()
            print(
                f"{'carte intégrée':<15} {'1re visite':>11} {'octets':>10} {'ouverture':>10} {'octets':>10}"
            )
            print(
                f"{'':<15} {first[0]:10.2f}s {first[1] / 1000:8.0f}kB "
                f"{statistics.median(r[0] for r in runs):9.2f}s "
                f"{statistics.median(r[1] for r in runs) / 1000:8.0f}kB"
            )
            if args.captures:
                capture(playwright, host, f"http://127.0.0.1:{port}", Path(args.captures))
    finally:
        httpd.shutdown()
        server.terminate()
        server.wait(timeout=30)
    return 0


def capture(playwright, host: str, app: str, folder: Path) -> None:
    """The host page at 1440 and 360 px wide, WebGL on (software here: points drawn coarsely, far
    larger than a real browser draws them), and the full map at the région's zoom with the layers
    software WebGL draws well (indicator and town names, no points)."""
    folder.mkdir(parents=True, exist_ok=True)
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
    shots = {
        "integration-carte-1440": (host, 1440, 720),
        "integration-carte-360": (host, 360, 720),
        "carte-region-noms-1440": (f"{app}/carte?fond=0&couches=choro", 1440, 900),
    }
    for name, (address, width, height) in shots.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(address)
        where = page.frame_locator("#carte") if address == host else page
        where.get_by_test_id("stDeckGlJsonChart").wait_for(timeout=TIMEOUT_S * 1000)
        page.wait_for_timeout(4000)  # deck.gl's first frames
        page.screenshot(path=str(folder / f"{name}.png"))
        page.close()
    browser.close()


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
    parser.add_argument(
        "--integree",
        action="store_true",
        help="la Carte intégrée dans une page d'un autre port, derrière rhinocc-dash serve",
    )
    parser.add_argument("--captures", help="avec --integree : dossier des captures d'écran")
    args = parser.parse_args()
    chromium_args = list(CHROMIUM_ARGS) + (
        [] if args.webgl else ["--disable-webgl", "--disable-3d-apis"]
    )
    if args.integree:
        return bench_embedded(args, chromium_args)
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
