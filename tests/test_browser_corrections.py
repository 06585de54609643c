"""In a real browser: a visitor reports a changed phone number on a lieu's card, a maintainer accepts
it and publishes; the new version shows the number « corrigé par le hub », the audit log has the
decision and the sender's e-mail is gone from the store."""

from __future__ import annotations

import duckdb
import pytest
from conftest import MAINTAINER, MAINTAINER_PASSWORD
from support.update_flow import TIMEOUT_MS, idle

from rhinocc_dash import texts
from rhinocc_dash.ingest import snapshots
from rhinocc_dash.serving.launcher import CHROMIUM, CHROMIUM_ARGS
from rhinocc_dash.shared import audit
from rhinocc_dash.shared.formatting import fmt_phone
from rhinocc_dash.store import Store, corrections
from rhinocc_dash.texts import corrections as T

pytestmark = pytest.mark.browser
NEW_PHONE = "05 61 98 76 54"


@pytest.fixture(scope="module")
def hub(maintainer_server):
    """The shared maintainer server (private snapshots folder, store under its private home) and a lieu of
    the Lot with a phone number."""
    url, folder, root = maintainer_server
    con = duckdb.connect(str(snapshots.current_db(folder)), read_only=True)
    lieu = con.execute(
        "SELECT lieu_id, nom, telephone FROM lieux WHERE telephone <> '' AND departement = '46' "
        "ORDER BY lieu_id LIMIT 1").fetchone()
    con.close()
    return url, folder, root, lieu


def open_card(page, url: str, lieu_id: str):
    page.goto(f"{url}/carte?lieu={lieu_id}")
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=TIMEOUT_MS)
    idle(page)
    return dialog


def test_report_accept_publish(hub):
    from playwright.sync_api import sync_playwright

    url, folder, root, (lieu_id, nom, phone) = hub
    first = snapshots.current_version(folder)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        visitor = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
        maintainer = browser.new_context(viewport={"width": 1440, "height": 900}, locale="fr-FR")
        page = visitor.new_page()

        dialog = open_card(page, url, lieu_id)
        dialog.get_by_text(T.REPORT_OPEN).click()
        idle(page)
        dialog.get_by_test_id("stSelectbox").filter(has_text=T.REPORT_FIELD).click()
        page.keyboard.type(T.FIELDS["telephone"])
        page.keyboard.press("Enter")
        idle(page)
        proposed = dialog.get_by_role("textbox", name=T.REPORT_PROPOSED)
        assert proposed.input_value() == phone  # pre-filled with the card's value
        proposed.fill(NEW_PHONE)
        dialog.get_by_role("textbox", name=T.REPORT_EMAIL).fill("aidant@example.org")
        dialog.get_by_role("button", name=T.REPORT_SEND).click()
        dialog.get_by_text("Signalement n° 1 enregistré").wait_for(timeout=TIMEOUT_MS)

        admin = maintainer.new_page()
        admin.goto(f"{url}/signalements")
        admin.get_by_label(texts.connexion.SIGN_IN_NAME).fill(MAINTAINER, timeout=TIMEOUT_MS)
        admin.get_by_label(texts.connexion.SIGN_IN_PASSWORD).fill(MAINTAINER_PASSWORD)
        admin.get_by_role("button", name=texts.connexion.SIGN_IN).click()
        idle(admin)
        admin.get_by_role("cell", name=NEW_PHONE).wait_for(timeout=TIMEOUT_MS)
        admin.get_by_role("button", name=T.MODERATION_ACCEPT).click()
        admin.get_by_text(T.MODERATION_ACCEPTED.format(id=1)).wait_for(timeout=TIMEOUT_MS)
        admin.get_by_role("button", name=T.MODERATION_PUBLISH).click()
        admin.get_by_text("publiée avec les corrections").wait_for(timeout=TIMEOUT_MS)

        second = snapshots.current_version(folder)
        assert second != first
        reader = visitor.new_page()
        card = open_card(reader, url, lieu_id)
        text = card.inner_text()
        assert fmt_phone(NEW_PHONE) in text and "corrigé par le hub le" in text
        assert phone not in text
        browser.close()

    events = audit.events(folder)
    accepted = [e for e in events if e["action"] == "correction_acceptee"]
    assert [(e["who"], e["request"], e["lieu_id"]) for e in accepted] == [(MAINTAINER, 1, lieu_id)]
    store = Store(f"sqlite:///{root / 'home' / 'rhinocc_store.sqlite'}")
    row = corrections.get(store, 1)
    assert row["status"] == corrections.ACCEPTED and row["email"] is None
