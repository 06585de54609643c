"""Real-browser smoke test: Streamlit served on a free port, the Debian Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from rhinocc_dash import texts

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "screenshot.png"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # WebGL in software, so that deck.gl draws its layers without a GPU.
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(warehouse):
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("/usr/bin/chromium is missing (apt-get install chromium)")
        pytest.skip("/usr/bin/chromium is missing")
    port = free_port()
    env = {**os.environ, "RHINOCC_DB": str(warehouse)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
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
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=False)
        browser.close()
    assert SCREENSHOT.stat().st_size > 10_000


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
        page.screenshot(path=str(SCREENSHOT.with_name("carte.png")), full_page=False)
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
