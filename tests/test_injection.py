"""Values from the URL, a file or the data are shown as plain text (issue 15): no link, image, styled
element, icon or formula can be slipped into a notice, a card, a banner or a label.

Streamlit renders markdown in the browser (react-markdown with remark-gfm, remark-directive,
remark-math, remark-emoji). `rendered` emulates what matters of it in Python: the CommonMark parse
(markdown-it-py, the reference grammar), then the passes Streamlit runs on the *parsed text* — they are
the reason why escaping alone did not stop « http://… » from becoming a link. Their patterns are copied
from Streamlit's own bundle (static/js/StreamlitMarkdown.*.js of streamlit 1.5x):
- `source.replaceAll(":material/", ":material_")` before parsing, then `/:material_(\\w+):/` on text;
- the GFM autolink literals `/(https?:\\/\\/|www(?=\\.))([-.\\w]+)([^ \\t\\r\\n]*)/gi` and
  `/([-.\\w+]+)@([-\\w]+(?:\\.[-\\w]+)+)/gu` on text;
- remark-emoji's `:shortcode:` on text; text directives (`:red[…]`) and math (`$…$`) are syntax: an
  unescaped `:` before a letter, an unescaped `$`.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from rhinocc_dash import texts
from rhinocc_dash.analysis import source_status
from rhinocc_dash.shared.formatting import WORD_JOINER, md_text
from rhinocc_dash.views import url_state
from rhinocc_dash.views.cards import lieu_card

PAYLOADS = {
    "lien": "[Session expirée : cliquez ici](http://phishing.example/login)",
    "url_nue": "Session expirée : http://phishing.example/login?id=1",
    "www": "voir WWW.phishing.example/connexion",
    "courriel": "écrire à support@phishing.example",
    "autolien": "<https://phishing.example> <contact@phishing.example>",
    "image": "![logo officiel](http://phishing.example/logo.png)",
    "reference": "[ici][1]\n\n[1]: http://phishing.example",
    "couleur": ":red[Alerte] :blue-background[Action requise] :small[x]",
    "icone": ":material/warning: :material/lock: :smile:",
    "latex": "$\\frac{1}{0}$ puis $$x^2$$",
    "html": "<a href='http://phishing.example'>ici</a><img src=x onerror=alert(1)>",
    "styles": "**gras** _italique_ ~~barré~~ `code`",
    "blocs": "ligne\n\n# Titre\n- liste\n1. un\n> citation\n\n    code\n---",
    "entites": "&lt;b&gt; &amp; &#60;script&#62;",
}
STRUCTURE_TOKENS = {"inline", "text", "softbreak", "hardbreak"}
URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE | re.ASCII)
EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII)
MATERIAL = re.compile(r":material_(\w+):", re.ASCII)
EMOJI = re.compile(r":[\w+-]+:", re.ASCII)
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _unescaped(source: str, char: str) -> list[int]:
    """Positions of `char` in markdown source that no backslash escapes."""
    found, index = [], 0
    while index < len(source):
        if source[index] == "\\":
            index += 2
            continue
        if source[index] == char:
            found.append(index)
        index += 1
    return found


def rendered(markdown: str) -> tuple[list[str], str]:
    """(token types other than text, the visible text) of markdown as Streamlit renders it, and fails
    on anything Streamlit would turn into a link, an icon, an emoji, a directive or a formula."""
    source = markdown.replace(":material/", ":material_")
    tokens = []
    for token in _PARSER.parse(source):
        tokens.append(token)
        tokens.extend(token.children or [])
    visible = "".join(t.content for t in tokens if t.type == "text")
    shown = visible.replace(WORD_JOINER, "")
    for pattern in (URL, EMAIL, MATERIAL, EMOJI):
        match = pattern.search(visible)
        assert match is None, f"Streamlit would make {match.group(0)!r} live in {shown!r}"
    for position in _unescaped(source, ":"):
        following = source[position + 1 : position + 2]
        assert not following.isalpha(), f"directive at {source[position : position + 12]!r}"
    assert not _unescaped(source, "$"), f"formula in {source!r}"
    return [t.type for t in tokens if t.type not in STRUCTURE_TOKENS], shown


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", PAYLOADS)
def test_md_text_shows_the_text_and_nothing_else(name):
    structure, shown = rendered(md_text(PAYLOADS[name]))
    assert structure == ["paragraph_open", "paragraph_close"]
    assert flat(shown) == flat(PAYLOADS[name])


def test_md_text_keeps_french_typography():
    text = "Médiathèque « L’Alpha » : 6\u202f124 habitants, 12,5\u00a0%"
    assert rendered(md_text(text))[1] == text


def _notice_markdown(notices: list[str]) -> str:
    """What `ui.url_notices` shows (ui/page_frame.py): the notice, then one escaped line per value."""
    return texts.carte.MAP_URL_NOTICE + "\n" + "\n".join(f"- {md_text(n)}" for n in notices)


ALLOWED = url_state.Allowed(
    departements=frozenset({"09", "46"}),
    epci=frozenset({"200066223"}),
    sources=frozenset({"rhinocc"}),
    indicators=frozenset({url_state.DEFAULT_INDICATOR}),
    lieux=frozenset({"lieu-rhinocc-00001"}),
)
URL_PARAMETERS = (
    "dep",
    "epci",
    "src",
    "label",
    "svc",
    "pub",
    "sam",
    "soir",
    "maj",
    "q",
    "niv",
    "ind",
    "couleur",
    "couches",
    "lieu",
    "fond",
)


@pytest.mark.parametrize("parameter", URL_PARAMETERS)
def test_every_url_parameter_is_echoed_as_text(parameter):
    baseline, _ = rendered(_notice_markdown(url_state.parse({parameter: "valeur"}, ALLOWED)[1]))
    assert len(PAYLOADS) >= 5
    for payload in PAYLOADS.values():
        notices = url_state.parse({parameter: payload}, ALLOWED)[1]
        structure, shown = rendered(_notice_markdown(notices))
        assert structure == baseline, (parameter, payload)
        if parameter != "q":  # the search text is used, not echoed (only its truncation is)
            assert (
                flat(payload)[:15].replace("|", "") in flat(shown).replace("|", "") or not notices
            )


@pytest.fixture(scope="module")
def real_lieu(con):
    """A real lieu of the test warehouse, as the card receives it, with its source records."""
    from rhinocc_dash import warehouse
    from rhinocc_dash.analysis import service, sources

    lieux = service.lieux(con)
    lieu = lieux[lieux["n_records"] > 1].iloc[0].to_dict()
    records = warehouse.run(con, "lieu_records", (lieu["lieu_id"],))
    return lieu, records, sources.names(service.catalogue(con))


CARD_FIELDS = (
    "adresse",
    "commune",
    "departement",
    "horaires_original",
    "telephone",
    "courriel",
    "site_web",
    "services",
    "publics",
    "labels",
    "declared_labels",
    "source_name",
)


def _card(lieu: dict, records: pd.DataFrame, names: dict) -> str:
    """The card's markdown, as `ui.lieu_detail` writes it."""
    rows = lieu_card(lieu, records, dt.date(2026, 1, 15), names)
    return f"#### {md_text(lieu['nom'])}\n" + "\n".join(f"- **{k}** : {v}" for k, v in rows)


def _with(field: str, payload: str, lieu: dict, names: dict) -> tuple[dict, dict]:
    lieu, names = dict(lieu), dict(names)
    if field in ("services", "publics", "labels"):
        lieu[field] = [payload, "Autre"]
    elif field == "declared_labels":
        lieu[field] = [{"label": payload, "source": "rhinocc"}]
    elif field == "source_name":
        names = dict.fromkeys(names, payload)
    else:
        lieu[field] = payload
    if field == "horaires_original":
        lieu["horaires"] = None
    return lieu, names


@pytest.mark.parametrize("field", ("nom", *CARD_FIELDS))
def test_every_card_field_is_shown_as_text(field, real_lieu):
    lieu, records, names = real_lieu
    # Always a declared label: the card's structure then does not depend on the field changed.
    lieu = {**lieu, "declared_labels": [{"label": "France Services", "source": "rhinocc"}]}
    baseline, _ = rendered(_card(lieu, records, names))
    assert len(PAYLOADS) >= 5
    for payload in PAYLOADS.values():
        changed, changed_names = _with(field, payload, lieu, names)
        structure, shown = rendered(_card(changed, records, changed_names))
        assert structure == baseline, (field, payload)
        assert flat(payload)[:12] in flat(shown)


def test_card_says_missing_in_words(real_lieu):
    """Missing values in any of their pandas 3 forms (NaN in a str column, pd.NA, None, "") read as
    words, never « nan »; a lieu placed from its postcode says so in plain French."""
    lieu, records, names = real_lieu
    for missing in (float("nan"), pd.NA, None, ""):
        empty = {
            **lieu,
            **dict.fromkeys(
                ("adresse", "horaires", "horaires_original", "telephone", "courriel", "site_web"),
                missing,
            ),
            "date_maj": None if isinstance(missing, str) else missing,
            "location_precision": "postcode",
        }
        card = dict(lieu_card(empty, records, dt.date(2026, 1, 15), names))
        assert card["Adresse"] == "non renseignée"
        assert card["Horaires"] == "non renseignés"
        assert card["Contact"] == "non renseigné"
        text = " ".join(card.values()).lower()
        assert not re.search(r"\bnan\b|<na>|\bnone\b", text.replace("\\", ""))
        assert "commune de son code postal" in card["Commune"].replace("\\", "")


def test_source_status_banner_lines_are_text():
    frame = pd.DataFrame(
        [
            {
                "key": "rhinocc",
                "name": "Annuaire RhinOcc",
                "vintage": "2022-12",
                "file": "venues/x.csv",
                "status": status,
                "rows_accepted": 0,
                "rows_reference": 844,
                "reason": payload,
            }
            for payload in PAYLOADS.values()
            for status in ("absent", "partial")
        ]
    )
    lines = source_status.status_lines(frame)
    assert len(lines) == 2 * len(PAYLOADS) >= 10  # one line per source row
    for line in lines:
        structure, _ = rendered(f"{texts.common.SOURCE_STATUS_BANNER}\n- {md_text(line)}")
        assert structure == [
            "paragraph_open",
            "paragraph_close",
            "bullet_list_open",
            "list_item_open",
            "paragraph_open",
            "paragraph_close",
            "list_item_close",
            "bullet_list_close",
        ]


def test_map_page_notice_of_a_phishing_link(app_env):
    """The issue's own link, on the real page: the notice names the value, and shows no link."""
    phishing = "[Session expirée : cliquez ici](http://phishing.example/login)"
    at = AppTest.from_file("../pages/carte.py", default_timeout=90)
    at.query_params["maj"] = phishing
    at.query_params["dep"] = PAYLOADS["icone"]
    at.query_params["ind"] = PAYLOADS["couleur"] + " " + PAYLOADS["latex"]
    at.run()
    assert not at.exception
    notice = at.warning[0].value
    structure, shown = rendered(notice)
    assert "link_open" not in structure and "image" not in structure
    assert "Session expirée : cliquez ici" in shown and "http://phishing.example" in shown
