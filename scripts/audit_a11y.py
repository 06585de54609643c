"""Full accessibility sweep (`make audit-a11y`): axe-core's WCAG 2.1 A/AA rules and the accessibility
tree on every page registered in app.py, at 1280 px and at 320 px, plus the lieu card dialog.

Prints one line per page: axe violations (rule id × nodes), controls without a name, English names,
and horizontal overflow at 320 px. The test suite (tests/test_a11y.py) checks the same at one width.
Run from the project root: `python -m scripts.audit_a11y [--json out.json]`.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time

from playwright.sync_api import sync_playwright

from rhinocc_dash import texts
from rhinocc_dash.serving.launcher import (
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    start_streamlit,
    wait_healthy,
)
from rhinocc_dash.shared.config import resolve_db
from rhinocc_dash.texts import accessibilite as texts_a11y
from tests.a11y_browser import (
    AXE,
    ax_nodes,
    axe_violations,
    name_problems,
    page_paths,
    wait_idle,
)

SCREENSHOTS = ("carte", "annuaire", "ecarts")
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def audit_page(page, url: str) -> dict:
    page.goto(url)
    wait_idle(page)
    violations = axe_violations(page)
    unnamed, english = name_problems(ax_nodes(page))
    return {
        "axe": {v["id"]: v["nodes"] for v in violations},
        "axe_detail": violations,
        "unnamed": [n["role"] for n in unnamed],
        "english": sorted({n["name"] for n in english}),
        "lang": page.evaluate("() => document.documentElement.lang"),
        "overflow_px": page.evaluate(OVERFLOW),
    }


def audit_workshop(page, url: str, screens: int = 12) -> dict:
    """Every screen of the workshop, walked with the arrow key: axe violations per screen."""
    page.goto(f"{url}/atelier")
    wait_idle(page)
    found = {}
    for index in range(screens):
        found[f"atelier écran {index + 1}"] = {v["id"]: v["nodes"] for v in axe_violations(page)}
        next_button = page.locator(".st-key-atelier_suivant button")
        if next_button.count() == 0 or next_button.is_disabled():
            break
        page.locator("body").press("ArrowRight")
        wait_idle(page)
    return found


def audit_card(page, url: str) -> dict:
    """The lieu card dialog (opened from the list under the map) and the text at 200 %."""
    page.goto(f"{url}/carte?dep=46")
    wait_idle(page)
    page.get_by_text(texts.carte.MAP_TABLE, exact=True).click()
    wait_idle(page)
    page.get_by_role("combobox", name=texts_a11y.PICK_LIEU).click()
    page.get_by_role("option").first.click()
    wait_idle(page)
    page.get_by_role("button", name=texts_a11y.OPEN_CARD).click()
    page.get_by_role("dialog").wait_for()
    wait_idle(page)
    dialog = {v["id"]: v["nodes"] for v in axe_violations(page, "[role='dialog']")}
    page.keyboard.press("Escape")
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(500)
    return {"fiche": dialog, "texte 200 % (débord en px)": page.evaluate(OVERFLOW)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the full results there")
    parser.add_argument("--widths", default="1280,320")
    parser.add_argument(
        "--screenshots", help="folder for the 320 px views of Carte, Annuaire and Écarts (docs/img)"
    )
    args = parser.parse_args()
    if not AXE.exists():
        raise SystemExit("axe-core absent : lancez `make axe` (npm install).")
    port = free_port()
    env = {"RHINOCC_DB": str(resolve_db(None))}
    log = tempfile.TemporaryFile()
    process = start_streamlit(port, env, log=log)
    url = f"http://127.0.0.1:{port}"
    results: dict = {}
    try:
        if not wait_healthy(url, 60, process):
            raise SystemExit("streamlit did not start")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS)
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, value in {**audit_card(page, url), **audit_workshop(page, url)}.items():
                results[name] = {"axe": value} if isinstance(value, dict) else {"value": value}
                print(f"{name:<28} {value or 0}", flush=True)
            page.close()
            for width in (int(w) for w in args.widths.split(",")):
                page = browser.new_page(viewport={"width": width, "height": 900})
                for path in page_paths():
                    start = time.perf_counter()
                    result = audit_page(page, f"{url}/{path}")
                    result["seconds"] = round(time.perf_counter() - start, 1)
                    results[f"{path or 'accueil'}@{width}"] = result
                    if args.screenshots and width == 320 and path in SCREENSHOTS:
                        page.wait_for_timeout(1500)
                        page.screenshot(path=f"{args.screenshots}/a11y-{path}-320.png")
                    print(
                        f"{path or 'accueil':<14} {width:>5} px  lang={result['lang']}  "
                        f"axe={result['axe'] or 0}  sans nom={len(result['unnamed'])}  "
                        f"anglais={result['english']}  débord={result['overflow_px']} px  "
                        f"({result['seconds']} s)",
                        flush=True,
                    )
                page.close()
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(results, out, ensure_ascii=False, indent=1)
    total = sum(sum(r.get("axe", {}).values()) for r in results.values())
    print(f"Total : {total} nœuds en violation sur {len(results)} vues.")


if __name__ == "__main__":
    main()
