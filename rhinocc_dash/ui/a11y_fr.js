// French for what assistive technologies read of Streamlit's, Plotly's and the map's own controls,
// and lang="fr" on the document (Streamlit serves it with lang="en"). Runs once per browser tab;
// (no less-than sign followed by a letter in this file: the HTML sanitizer would drop the script).
// a MutationObserver renames whatever is drawn later (dialogs, tooltips, reruns).
(() => {
  if (window.__rhinoccFrench) return;
  window.__rhinoccFrench = true;
  const EXACT = @@EXACT@@;
  const PREFIXES = @@PREFIXES@@;
  const ATTRIBUTES = ["aria-label", "title", "data-title"];
  const french = (value) => {
    if (!value) return null;
    const text = value.trim();
    if (Object.prototype.hasOwnProperty.call(EXACT, text)) return EXACT[text];
    for (const [english, replacement] of PREFIXES) {
      if (text.startsWith(english)) return replacement + text.slice(english.length);
    }
    return null;
  };
  const rename = (element) => {
    for (const attribute of ATTRIBUTES) {
      const value = element.getAttribute && element.getAttribute(attribute);
      const replaced = french(value);
      if (replaced !== null && replaced !== value) element.setAttribute(attribute, replaced);
    }
    // the skip link and the running indicator are text, not attributes
    if (element.matches && element.matches("a[href^='#'], [data-testid='stStatusWidget'] *")
        && element.childElementCount === 0) {
      const replaced = french(element.textContent);
      if (replaced !== null && replaced !== element.textContent) element.textContent = replaced;
    }
    // the map's canvas: its name says where the same lieux are as text
    if (element.tagName === "CANVAS" && element.closest("[data-testid='stDeckGlJsonChart']")
        && element.getAttribute("aria-label") !== EXACT.__canvas) {
      element.setAttribute("role", "img");
      element.setAttribute("aria-label", EXACT.__canvas);
    }
  };
  // the menu: a navigation landmark holding a list of links (RGAA 9.3, 12.6)
  const menu = () => {
    const box = document.querySelector(".st-key-rhinocc_menu");
    if (!box || box.getAttribute("role") === "list") return;
    const nav = box.parentElement;
    if (nav && nav.getAttribute("role") !== "navigation") {
      nav.setAttribute("role", "navigation");
      nav.setAttribute("aria-label", EXACT.__menu);
    }
    box.setAttribute("role", "list");
    for (const item of box.children) item.setAttribute("role", "listitem");
  };
  // a Plotly chart is an image named by its title; its data are in the table that follows it
  const chart = (svg) => {
    const plot = svg.closest(".js-plotly-plot");
    if (!plot || svg !== plot.querySelector("svg.main-svg")) {
      if (svg.getAttribute("aria-hidden") !== "true") svg.setAttribute("aria-hidden", "true");
      return;
    }
    const title = (plot.querySelector(".gtitle") || {}).textContent || "";
    const label = EXACT.__chart.replace("{title}", title.trim());
    if (svg.getAttribute("aria-label") !== label) {
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", label);
    }
  };
  const sweep = (root) => {
    if (root.nodeType !== 1) return;
    rename(root);
    root.querySelectorAll("[aria-label], [title], [data-title], a[href^='#'], canvas").forEach(rename);
    root.querySelectorAll(".js-plotly-plot svg.main-svg").forEach(chart);
    menu();
  };
  const keepFrench = () => {
    if (document.documentElement.lang !== "fr") document.documentElement.lang = "fr";
  };
  keepFrench();
  sweep(document.body);
  new MutationObserver((mutations) => {
    keepFrench();
    for (const mutation of mutations) {
      if (mutation.type === "attributes") rename(mutation.target);
      else mutation.addedNodes.forEach(sweep);
      // a chart redrawn in place (a new title) keeps its svg: named again
      const plot = mutation.target.closest && mutation.target.closest(".js-plotly-plot");
      if (plot) plot.querySelectorAll("svg.main-svg").forEach(chart);
    }
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: [...ATTRIBUTES, "lang"],
  });
})();
