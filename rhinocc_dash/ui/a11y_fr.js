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
  const sweep = (root) => {
    if (root.nodeType !== 1) return;
    rename(root);
    root.querySelectorAll("[aria-label], [title], [data-title], a[href^='#'], canvas").forEach(rename);
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
    }
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: [...ATTRIBUTES, "lang"],
  });
})();
