"""Browser accessibility drivers shared by tests/test_a11y.py and scripts/audit_a11y.py: the pages
registered in app.py, axe-core injected from the project's node_modules, the accessibility tree read
through the Chrome DevTools protocol."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Roles a person operates: each must carry a name.
CONTROL_ROLES = {
    "button",
    "link",
    "checkbox",
    "radio",
    "textbox",
    "combobox",
    "slider",
    "spinbutton",
    "tab",
    "menuitem",
    "switch",
    "searchbox",
    "listbox",
    "radiogroup",
    "menuitemcheckbox",
    "menuitemradio",
}
# English words of Streamlit's, the browser's and deck.gl's own names (our French never uses them).
ENGLISH = re.compile(
    r"\b(Skip|Help|Clear|Fullscreen|Link to|Map|Zoom(?! avant| arrière)|Close|Open|Search|Select|Choose|Download|"
    r"Show|Hide|Reset|Toggle|Expand|Collapse|Press|Sort|Menu button|Main menu|Previous|Next|"
    r"Increment|Decrement|Compass|Upload|Delete|Copy|Remove|Running|Stop|Sidebar|Navigate|"
    r"Markdown|Scroll|Browse|Drag|Add files|Selected|values|Pagination|Loading|the|and|for|of)\b"
)
# Text from the data (lieu, commune, source names) is content, not a name we chose.
CONTENT_ROLES = {"StaticText", "InlineTextBox", "cell", "gridcell", "row", "rowheader", "LineBreak"}


# Text nodes a person reads (icons' ligature names such as « bar_chart » are not words on screen).
VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    // a canvas's fallback content (the data grid's accessibility copy) is not drawn on screen
    if (!parent || parent.closest('[data-testid="stIconMaterial"], script, style, noscript, canvas')) continue;
    const style = getComputedStyle(parent);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (node.textContent.trim()) out.push(node.textContent.trim());
  }
  // a placeholder shows only while its field is empty
  for (const el of document.querySelectorAll("[placeholder]")) if (!el.value) out.push(el.getAttribute("placeholder"));
  return out;
}"""
ENGLISH_ON_SCREEN = (
    "Choose options",
    "Choose an option",
    "Select all",
    "No results",
    "Deploy",
    "Running...",
    "Press Enter",
    "Drag and drop",
    "Browse files",
)



def screen_text_problems(page) -> list[str]:
    """What the browser shows, menu included, that is not French: Streamlit's English defaults, « None »,
    numbers with a decimal point, raw column or source keys (snake_case), raw file names in the menu."""
    shown = page.evaluate(VISIBLE_TEXT)
    joined = "\n".join(shown)
    return [
        *[word for word in ENGLISH_ON_SCREEN if word in joined],
        *[t for t in shown if t in ("None", "nan", "NaN", "NaT")],
        # numbers in French: no « 1.00 » on a slider, no « 15.056 » in a legend
        *[t for t in shown if re.fullmatch(r"-?\d+\.\d+( %| km)?", t)],
        *re.findall(r"\b[a-z]+_[a-z0-9_]+\b", joined),
        *sorted({"app", "accueil", "ecarts", "qualite"} & set(shown)),
    ]


def page_paths() -> list[str]:
    """URL path of every page registered in app.py's PAGES (the default page is served at /)."""
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    paths = []
    for match in re.finditer(r'st\.Page\(\s*"pages/(\w+)\.py"([^)]*)\)', source):
        paths.append("" if "default=True" in match.group(2) else match.group(1))
    return paths


def wait_idle(page, timeout: int = 60_000) -> None:
    """Until the script has run and no skeleton is left."""
    page.wait_for_function(
        """() => { const app = document.querySelector('[data-testid="stApp"]');
                   return app && app.getAttribute('data-test-script-state') === 'notRunning'
                          && !document.querySelector('[data-testid="stSkeleton"]')
                          && document.querySelector('h1'); }""",
        timeout=timeout,
    )
    page.wait_for_timeout(500)


def axe_violations(page, include: str | None = None) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations of the page (or of the elements matching `include`):
    rule id, impact, and the first targets."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async ([include, tags]) => {
             const context = include ? {include: [include]} : document;
             const result = await axe.run(context, {runOnly: {type: 'tag', values: tags},
                                                    resultTypes: ['violations']});
             return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
               summary: v.nodes.slice(0, 1).map(n => n.failureSummary).join('')}));
           }""",
        [include, WCAG_TAGS],
    )
    return found


def ax_nodes(page) -> list[dict]:
    """Every node of the page's accessibility tree (role, name), ignored nodes left out."""
    session = page.context.new_cdp_session(page)
    try:
        tree = session.send("Accessibility.getFullAXTree")
    finally:
        session.detach()
    out = []
    for node in tree["nodes"]:
        if node.get("ignored"):
            continue
        role = (node.get("role") or {}).get("value", "")
        name = (node.get("name") or {}).get("value", "")
        out.append({"role": role, "name": str(name).strip()})
    return out


def name_problems(nodes: list[dict]) -> tuple[list[dict], list[dict]]:
    """(controls without a name, names with English words)."""
    unnamed = [n for n in nodes if n["role"] in CONTROL_ROLES and not n["name"]]
    english = [
        n
        for n in nodes
        if n["role"] not in CONTENT_ROLES and n["name"] and ENGLISH.search(n["name"])
    ]
    return unnamed, english


HEADINGS = """root => Array.from((document.querySelector(root) || document)
    .querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]'))
  .filter(h => h.getClientRects().length)
  .map(h => [Number(h.getAttribute('aria-level') || h.tagName.slice(1)), h.textContent.trim().slice(0, 60)])"""


def heading_skips(page, root: str = "body", start: int = 0) -> list[str]:
    """Headings under `root` that skip a level (an h3 right after an h1); the first one may be at
    most `start` + 1 (an h1 in the main area, an h2 in the sidebar)."""
    skips, previous = [], start
    for level, text in page.evaluate(HEADINGS, root):
        if level > previous + 1:
            skips.append(f"h{previous} → h{level} « {text} »")
        previous = level
    return skips
