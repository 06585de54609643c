"""Embedding through `rhinocc-dash serve`: a page on an allowed local port frames the Carte and the
Annuaire (they render with lieux and no sidebar); the same page on another port is blocked by the
browser (CSP frame-ancestors); the update page is never framable; after a publication, /donnees/ lists
the region's and every département's files, served by nginx with ETag and Content-Disposition."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import urllib.request
from pathlib import Path

import pytest
from embed_support import HostServer, host_page, publish_copy, start_serve

from rhinocc_dash.serving.launcher import CHROMIUM, CHROMIUM_ARGS, free_port
from rhinocc_dash.serving.supervisor import NGINX
from rhinocc_dash.shared.config import REGION
from rhinocc_dash.texts import integrer as texts_integrer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(warehouse, tmp_path_factory):
    if not (shutil.which(NGINX) or os.path.exists(NGINX)) or not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("nginx or chromium is missing")
        pytest.skip("nginx or chromium is missing")
    # nginx's workers (user nobody under root) read the files: not in pytest's private tmp folder
    snapshots = Path(tempfile.mkdtemp(prefix="rhinocc-embed-"))
    snapshots.chmod(0o755)
    version = publish_copy(warehouse, snapshots)["version"]
    allowed_port, other_port = free_port(), free_port()
    url, process = start_serve(
        tmp_path_factory.mktemp("serve"),
        {"RHINOCC_SNAPSHOTS": str(snapshots), "RHINOCC_DB": None},
        f"http://127.0.0.1:{allowed_port}",
    )
    frames = {
        "carte": f"{url}/carte?integrer=1&dep=31&fond=0",
        "annuaire": f"{url}/annuaire?integrer=1",
    }
    hosts = [HostServer(host_page(frames), port) for port in (allowed_port, other_port)]
    yield url, version, hosts
    for host in hosts:
        host.close()
    process.terminate()
    process.wait(timeout=30)
    shutil.rmtree(snapshots, ignore_errors=True)


def get(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_frames_render_on_the_allowed_site_and_are_blocked_elsewhere(site):
    from playwright.sync_api import expect, sync_playwright

    url, _version, (allowed, other) = site
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1300})
        page.goto(allowed.url)
        carte = page.frame_locator("#carte")
        value = carte.get_by_test_id("stMetricValue").first
        expect(value).to_contain_text("/", timeout=90_000)
        shown, total = (int(re.sub(r"\D", "", n)) for n in value.inner_text().split("/"))
        assert 100 < shown < total  # Haute-Garonne's lieux out of the région's
        expect(carte.get_by_test_id("stDeckGlJsonChart")).to_be_visible(timeout=60_000)
        link = carte.get_by_role("link", name=texts_integrer.EMBED_OPEN_FULL_LABEL)
        expect(link).to_have_attribute("target", "_blank")
        assert "dep=31" in link.get_attribute("href") and "integrer" not in link.get_attribute(
            "href"
        )
        annuaire = page.frame_locator("#annuaire")
        expect(annuaire.get_by_test_id("stDataFrame").first).to_be_visible(timeout=90_000)
        expect(annuaire.get_by_test_id("stMetricValue").first).to_contain_text("1")
        for frame in (carte, annuaire):
            assert not frame.get_by_test_id("stSidebar").is_visible()
            assert frame.get_by_test_id("stException").count() == 0

        blocked = browser.new_page()
        blocked.goto(other.url)
        blocked.wait_for_timeout(4000)  # the allowed page rendered far sooner than that
        framed = [f for f in blocked.frames if f != blocked.main_frame]
        assert len(framed) == 2
        for frame in framed:
            assert frame.locator('[data-testid="stApp"]').count() == 0
            assert not frame.url.startswith(url)  # Chromium replaced it with its error page
        browser.close()


def test_headers_say_who_may_frame(site):
    url, _version, (allowed, _other) = site
    _status, headers, _body = get(f"{url}/carte")
    assert headers["Content-Security-Policy"] == f"frame-ancestors 'self' {allowed.url}"
    assert "X-Frame-Options" not in headers
    for never in ("/mise_a_jour", "/mise_a_jour?integrer=1"):
        _status, headers, _body = get(url + never)
        assert headers["Content-Security-Policy"] == "frame-ancestors 'none'"
        assert headers["X-Frame-Options"] == "DENY"


def test_open_data_served_after_a_publication(site):
    url, version, _hosts = site
    status, headers, body = get(f"{url}/donnees/datapackage.json")
    assert status == 200 and headers["ETag"]
    assert headers["Content-Disposition"] == 'attachment; filename="datapackage.json"'
    package = json.loads(body)
    assert package["version"] == version
    listed = {r["path"]: r for r in package["resources"]}
    scopes = ["occitanie", *REGION.departements]
    for scope in scopes:
        for kind in ("csv", "geojson"):
            assert f"lieux-mediation-numerique-{scope}.{kind}" in listed
    checked = 0
    for name in (f"lieux-mediation-numerique-{s}.csv" for s in scopes):
        status, headers, data = get(f"{url}/donnees/{name}")
        assert status == 200 and headers["Content-Type"].startswith("text/csv")
        assert "sha256:" + hashlib.sha256(data).hexdigest() == listed[name]["hash"]
        assert len(list(csv.reader(io.StringIO(data.decode("utf-8"))))) == listed[name]["rows"] + 1
        checked += 1
    assert checked == 14
    status, _headers, _body = get(
        f"{url}/donnees/datapackage.json", {"If-None-Match": headers_etag(url)}
    )
    assert status == 304
    status, headers, body = get(f"{url}/donnees/{version}/datapackage.json")
    assert status == 200 and json.loads(body)["version"] == version
    assert version in headers["Content-Disposition"]
    assert get(f"{url}/donnees/../manifest.json")[0] in (400, 404)
    assert get(f"{url}/donnees/inconnu.csv")[0] == 404


def headers_etag(url: str) -> str:
    return get(f"{url}/donnees/datapackage.json")[1]["ETag"]
