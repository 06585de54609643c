"""Workshop mode's stylesheet (large type, high contrast, phone and 1280×720 sizes) and its keyboard
script (← → press the on-screen buttons)."""

# Large type for a projected screen; a phone (≤ 640 px) gets ordinary sizes back.
STYLE = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"]
  { display: none !important; }
.block-container { padding-top: 1.2rem !important; max-width: 1800px; }
.atelier { color: #111; }
.atelier h1 { font-size: 3.1rem; line-height: 1.1; margin: 0 0 .4rem 0; color: #0b3954; }
.atelier .chiffres { display: flex; flex-wrap: wrap; gap: 1.2rem 3rem; margin: .6rem 0 1rem 0; }
.atelier .chiffre b { display: block; font-size: 4.2rem; line-height: 1; color: #0b3954; }
.atelier .chiffre span { font-size: 1.6rem; color: #222; }
.atelier .ecarts { font-size: 1.45rem; line-height: 1.35; padding-left: 1.2em; }
.atelier .ecarts li { margin-bottom: .5rem; }
.atelier .source { font-size: 1rem; color: #444; }
.atelier p { font-size: 1.5rem; }
[class*="st-key-atelier_"] button p { font-size: 1.4rem; font-weight: 600; }
@media (max-height: 820px) and (min-width: 641px) {  /* a 1280×720 projector: the screen on one view */
  .atelier h1 { font-size: 2.2rem; }
  .atelier .chiffres { gap: .6rem 2.2rem; margin: .3rem 0 .6rem 0; }
  .atelier .chiffre b { font-size: 2.7rem; }
  .atelier .chiffre span, .atelier p { font-size: 1.15rem; }
  .atelier .ecarts { font-size: 1.05rem; line-height: 1.25; }
}
@media (max-width: 640px) {
  .atelier h1 { font-size: 1.7rem; }
  .atelier .chiffre b { font-size: 2.4rem; }
  .atelier .chiffre span, .atelier p, .atelier .ecarts { font-size: 1.05rem; }
  .atelier .chiffres { gap: .8rem 1.6rem; }
}
</style>"""
# ← and → press the on-screen buttons (not in a text field or a list being typed into).
KEYS = """
<script>
(function () {
  if (window.__rhinoccAtelierKeys) return;
  window.__rhinoccAtelierKeys = true;
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) {
      // the « Aller à » list, closed after a choice: the arrows go back to the slides
      const jump = target.closest(".st-key-atelier_aller");
      if (!jump || target.getAttribute("aria-expanded") === "true") return;
      target.blur();
    }
    const key = {ArrowRight: "atelier_suivant", ArrowLeft: "atelier_precedent"}[event.key];
    if (!key || !document.querySelector(".st-key-atelier_sequence")) return;
    const button = document.querySelector(".st-key-" + key + " button");
    if (button && !button.disabled) { event.preventDefault(); button.click(); }
  });
})();
</script>"""
