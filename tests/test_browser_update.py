"""The data-update flow in a real browser: a wrong password refused, sign in, upload an export in the
older RhinOcc layout, read the comparison, publish, see the new figures in a second browser session,
roll back and see the old ones again."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_browser import axe_violations
from conftest import MAINTAINER, MAINTAINER_PASSWORD
from support import update_flow

from rhinocc_dash import texts
from rhinocc_dash.ingest import snapshots
from rhinocc_dash.serving.launcher import CHROMIUM, CHROMIUM_ARGS
from rhinocc_dash.shared import audit
from rhinocc_dash.shared.formatting import fmt_int

pytestmark = pytest.mark.browser
OUTPUT = Path(__file__).resolve().parent.parent / "test-results" / "browser"


@pytest.fixture(scope="module")
def update_server(maintainer_server, sources):
    """The shared maintainer server (private snapshots folder) and an export in the older layout."""
    url, folder, root = maintainer_server
    upload = root / "rhinocc_2023-06_export.csv"
    update_flow.old_layout_rhinocc(sources, upload)
    return url, folder, upload


def test_whole_update_flow(update_server):
    from playwright.sync_api import sync_playwright

    url, folder, upload = update_server
    first = snapshots.current_version(folder)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
        )
        maintainer = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
        visitor = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
        page, reader = maintainer.new_page(), visitor.new_page()

        violations = {}  # axe-core's WCAG 2.1 A/AA rules at each step of the update page
        update_flow.sign_in(page, url, MAINTAINER, "mauvais mot de passe")
        assert page.get_by_text(texts.connexion.SIGN_IN_FAILED).is_visible()
        violations["connexion refusée"] = axe_violations(page)
        update_flow.sign_in(page, url, MAINTAINER, MAINTAINER_PASSWORD)
        assert page.get_by_text(texts.connexion.SIGNED_IN.format(name=MAINTAINER)).is_visible()
        violations["connecté"] = axe_violations(page)

        seen = update_flow.upload_and_compare(page, [upload], OUTPUT)
        assert [seen[label] for label in texts.mise_a_jour.UPDATE_COUNT_LABELS[:3]] == ["3", "10", "5"]
        violations["comparaison"] = axe_violations(page)
        update_flow.publish(page, "Export RhinOcc de juin 2023 (essai navigateur)", OUTPUT)
        violations["publiée"] = axe_violations(page)
        second = snapshots.current_version(folder)
        assert second != first
        assert update_flow.home_lieux(reader, url) == fmt_int(
            snapshots.manifest(folder, second)["lieux"]
        )

        update_flow.sign_in(page, url, MAINTAINER, MAINTAINER_PASSWORD)
        update_flow.roll_back(page, first, OUTPUT)
        violations["retour arrière"] = axe_violations(page)
        assert snapshots.current_version(folder) == first
        assert update_flow.home_lieux(reader, url) == fmt_int(
            snapshots.manifest(folder, first)["lieux"]
        )
        browser.close()
    assert {step: found for step, found in violations.items() if found} == {}
    actions = [e["action"] for e in audit.events(folder)]
    # one log for every action: sign-ins are recorded between the data actions
    assert [a for a in actions if not a.startswith("connexion")][-2:] == [
        "publication",
        "retour_arriere",
    ]
    assert actions.count("connexion") >= 2 and "connexion_refusee" in actions
