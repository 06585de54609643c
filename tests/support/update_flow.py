"""The data-update flow driven in a real browser (Playwright), step by step, with a screenshot of
each step: used by the browser test and by `make screenshots` (no Streamlit import: it drives one).
"""

from __future__ import annotations

import csv
from pathlib import Path

from rhinocc_dash import texts

TIMEOUT_MS = 120_000
RHINOCC = "venues/rhinocc_2022-12_lieux_occitanie_geocoded.csv"


def idle(page) -> None:
    """Wait until Streamlit has finished running the page."""
    page.wait_for_function(
        """() => { const app = document.querySelector('[data-testid="stApp"]');
                   return app && app.getAttribute('data-test-script-state') === 'notRunning'; }""",
        timeout=TIMEOUT_MS,
    )
    page.wait_for_timeout(600)


def shoot(page, folder: Path | None, name: str) -> None:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def sign_in(page, url: str, user: str, password: str) -> None:
    page.goto(f"{url}/mise_a_jour")
    page.get_by_label(texts.connexion.SIGN_IN_NAME).fill(user, timeout=TIMEOUT_MS)
    page.get_by_label(texts.connexion.SIGN_IN_PASSWORD).fill(password)
    page.get_by_role("button", name=texts.connexion.SIGN_IN).click()
    idle(page)


def upload_and_compare(page, files: list[Path], shots: Path | None) -> dict[str, str]:
    """Upload, check the recognition, build the candidate, read the comparison's figures."""
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([str(f) for f in files])
    page.get_by_text(texts.mise_a_jour.UPDATE_OK).first.wait_for(timeout=TIMEOUT_MS)
    idle(page)
    shoot(page, shots, "mise-a-jour-1-fichiers")
    page.get_by_role("button", name=texts.mise_a_jour.UPDATE_CHECK).click()
    page.get_by_text(texts.mise_a_jour.UPDATE_STEP_BUILD).wait_for(timeout=TIMEOUT_MS)
    shoot(page, shots, "mise-a-jour-2-construction")
    page.get_by_text(texts.mise_a_jour.UPDATE_STEP_COMPARE).wait_for(timeout=TIMEOUT_MS)
    idle(page)
    shoot(page, shots, "mise-a-jour-3-validation-comparaison")
    metrics = {}
    for label in texts.mise_a_jour.UPDATE_COUNT_LABELS:
        box = page.get_by_test_id("stMetric").filter(has_text=label).first
        metrics[label] = box.get_by_test_id("stMetricValue").inner_text().strip()
    return metrics


def publish(page, comment: str, shots: Path | None) -> None:
    page.get_by_label(texts.mise_a_jour.UPDATE_COMMENT).fill(comment)
    page.get_by_label(texts.mise_a_jour.UPDATE_COMMENT).press("Control+Enter")
    idle(page)
    page.get_by_role("button", name=texts.mise_a_jour.UPDATE_PUBLISH).click()
    page.get_by_text("publiée : elle est maintenant en ligne").wait_for(timeout=TIMEOUT_MS)
    idle(page)
    shoot(page, shots, "mise-a-jour-4-publiee")


def roll_back(page, version: str, shots: Path | None) -> None:
    box = page.get_by_test_id("stSelectbox").filter(has_text=texts.mise_a_jour.UPDATE_MANIFEST_OF).last
    box.click()
    page.keyboard.type(version)
    page.keyboard.press("Enter")
    idle(page)
    page.get_by_text(texts.mise_a_jour.UPDATE_ROLLBACK_CONFIRM.format(version=version)).click()
    idle(page)
    shoot(page, shots, "mise-a-jour-5-versions")
    page.get_by_role("button", name=texts.mise_a_jour.UPDATE_ROLLBACK).click()
    idle(page)


def home_lieux(page, url: str) -> str:
    """The number of lieux the home page shows to a visitor."""
    page.goto(url)
    box = page.get_by_test_id("stMetric").filter(has_text=texts.accueil.METRIC_LIEUX).first
    box.wait_for(timeout=TIMEOUT_MS)
    idle(page)
    return box.get_by_test_id("stMetricValue").inner_text().strip()


def old_layout_rhinocc(sources: Path, target: Path) -> None:
    """The RhinOcc export in its older layout (rh_id, geo_lat, geo_lon), with the first 10 rows
    removed, 5 renamed and 3 new rows."""
    with open(Path(sources) / RHINOCC, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    kept = rows[10:]
    for row in kept[:5]:
        row["nom"] += " (nouveau nom)"
    added = []
    for i, row in enumerate(kept[200:203]):
        new = dict(row, n_ref=f"Ref_ESSAI{i}", nom=f"Lieu d'essai {i}")
        added.append(new)
    rename = {"n_ref": "rh_id", "lat": "geo_lat", "lon": "geo_lon"}
    with open(target, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[rename.get(h, h) for h in header])
        writer.writeheader()
        for row in kept + added:
            writer.writerow({rename.get(k, k): v for k, v in row.items()})
