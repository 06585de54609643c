"""Every page reads as French: tables and CSV files in French formats with French headers, no Streamlit
default left in English, charts whose territories are named categories (never département numbers).

Each page (and each section of Qualité) is run with AppTest on the real warehouse; every table's
display values (the pandas Styler the browser shows) and every CSV file a user can download are checked.
`tests/test_browser.py` scans the rendered pages in Chromium for the same English words."""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pyarrow as pa
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from rhinocc_dash import texts
from rhinocc_dash.views.exports import to_csv_bytes

# Streamlit defaults we replaced (placeholders, empty cells, menu entries), and Python/pandas leftovers.
ENGLISH = (
    "Choose options",
    "Choose an option",
    "Select all",
    "No results",
    "No options to select",
    "Add options",
    "Deploy",
    "Running...",
    "Press Enter",
    "Drag and drop",
    "Browse files",
)
MISSING_WORDS = {"None", "nan", "NaN", "NaT", "<NA>", "null", "True", "False"}
ENGLISH_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+( ?%)?$")
FRENCH_NUMBER = re.compile(
    r"^[−-]?\d{1,3}(\u202f\d{3})*(,\d+)?(\u202f?%| km)?$|^(environ|moins de) [\d\u202f]+$"
)
ISO_DATETIME = re.compile(r"\b\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?\b")
SNAKE_CASE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")
# Columns that show what a source file holds, as it holds it (the quarantine's raw line, file paths,
# fingerprints, addresses of origin): they are evidence, not our formatting.
VERBATIM = {
    "Ligne d'origine",
    "Fichier",
    "Empreinte SHA-256",
    "Origine",
    "Identifiant",
    "Fiche A",
    "Fiche B",
    "Millésime",
}

PAGES = {
    "accueil": [],
    "carte": [],
    "couverture": [],
    "ecarts": [],
    "dispositifs": [],
    "annuaire": [],
    "rapport": [],
    **{f"qualite:{i}": [] for i in range(len(texts.qualite.QUALITY_TABS))},
}


def display_values(element) -> pd.DataFrame:
    """The text the browser shows in a st.dataframe (the Styler's display values)."""
    styler = element.proto.arrow_data.styler
    return pa.ipc.open_stream(styler.display_values).read_all().to_pandas()


def french_problems(table: pd.DataFrame, numeric: set[str]) -> list[str]:
    problems = [f"header {c!r}" for c in table.columns if SNAKE_CASE.match(str(c))]
    for column in table.columns:
        if column in VERBATIM:
            continue
        for value in table[column].astype(str).head(200):
            if value in MISSING_WORDS:
                problems.append(f"{column}: {value!r}")
            elif ENGLISH_NUMBER.match(value):
                problems.append(f"{column}: English number {value!r}")
            elif ISO_DATETIME.search(value):
                problems.append(f"{column}: ISO date {value!r}")
            elif column in numeric and value != "—" and not FRENCH_NUMBER.match(value):
                problems.append(f"{column}: {value!r} is not a French number")
    return problems


@pytest.fixture(scope="module")
def pages(warehouse):
    """Run every page once, recording the CSV files its download buttons would serve."""
    import os

    os.environ["RHINOCC_DB"] = str(warehouse)
    original = st.download_button
    results = {}
    for name in PAGES:
        downloads = []

        def record(label, data=None, file_name=None, mime=None, *args, _log=downloads, **kwargs):
            if file_name and file_name.endswith(".csv"):
                _log.append((file_name, data() if callable(data) else data))
            return original(label, data, file_name, mime, *args, **kwargs)

        st.download_button = record
        try:
            script, _, section = name.partition(":")
            at = AppTest.from_file(f"../pages/{script}.py", default_timeout=120).run()
            if section:
                downloads.clear()
                at.segmented_control(key="q_section").set_value(
                    texts.qualite.QUALITY_TABS[int(section)]
                ).run()
        finally:
            st.download_button = original
        results[name] = (at, downloads)
    yield results
    os.environ.pop("RHINOCC_DB", None)


def configured_values(element) -> pd.DataFrame:
    """A table sent without display text (text, dates and lists only): its dates must carry a French
    format in the column settings, and it must hold no number to format."""
    data = element.value
    config = json.loads(element.proto.columns or "{}")
    for column in data.columns:
        if pd.api.types.is_datetime64_any_dtype(data[column]):
            assert config.get(column, {}).get("type_config", {}).get("format") == "DD/MM/YYYY", (
                column
            )
        else:
            assert not pd.api.types.is_numeric_dtype(data[column]), (
                f"{column}: number without format"
            )
    text = [c for c in data.columns if not pd.api.types.is_datetime64_any_dtype(data[c])]
    return data[text].astype(object).where(data[text].notna(), "—").astype(str)


@pytest.mark.parametrize("name", list(PAGES))
def test_tables_are_french(pages, name):
    at, _ = pages[name]
    assert not at.exception
    for element in at.dataframe:
        data = element.value
        if not element.proto.arrow_data.styler.display_values:
            assert french_problems(configured_values(element), set()) == [], name
            continue
        numeric = {
            c for c in data.columns if pd.api.types.is_numeric_dtype(data[c]) and c not in VERBATIM
        }
        assert french_problems(display_values(element), numeric) == [], name


@pytest.mark.parametrize("name", list(PAGES))
def test_csv_files_are_french(pages, name):
    _, downloads = pages[name]
    # Every page but these two offers CSV files: the loop below checks at least one of them.
    assert bool(downloads) == (name not in ("carte", "rapport")), name
    for file_name, payload in downloads:
        if file_name.startswith("lieux-mediation-numerique"):
            continue  # the national standard's own format (schema-checked elsewhere)
        assert payload.startswith(b"\xef\xbb\xbf"), file_name  # UTF-8 BOM for spreadsheets
        table = pd.read_csv(io.BytesIO(payload), sep=";", dtype=str, encoding="utf-8-sig")
        table = table.fillna("—")
        assert french_problems(table, set()) == [], file_name


def test_every_page_offers_downloads(pages):
    files = [f for name in PAGES for f, _ in pages[name][1]]
    assert len(files) == len(set(files)), "two different downloads share a file name"
    assert {"couverture_departements.csv", "ecarts_commune.csv", "annuaire_lieux.csv"} <= set(files)


@pytest.mark.parametrize("name", list(PAGES))
def test_no_english_streamlit_defaults(pages, name):
    at, _ = pages[name]
    for widget in [*at.multiselect, *at.selectbox]:
        # An empty multiselect (or a selectbox without a choice) shows its placeholder: ours, in French.
        if widget.type == "multiselect" or widget.value is None:
            assert widget.proto.placeholder, f"{name}: {widget.label} has Streamlit's placeholder"
    shown = [e.value for e in [*at.markdown, *at.caption, *at.info, *at.warning, *at.title]]
    shown += [w.label for w in [*at.multiselect, *at.selectbox, *at.radio, *at.button]]
    shown += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    assert shown, name  # the page showed text to check
    for text in shown:
        for word in ENGLISH:
            assert word not in str(text), (name, word, text)
        assert not re.search(r"\bNone\b|\bnan\b", str(text)), (name, text)


def _category_values(trace: dict) -> list:
    horizontal = trace.get("orientation") == "h"
    values = trace.get("y" if horizontal else "x")
    if isinstance(values, dict):  # plotly's typed-array encoding never applies to text
        return []
    return list(values or [])


@pytest.mark.parametrize("name", ["couverture", "ecarts"])
def test_charts_name_their_territories(pages, name):
    at, _ = pages[name]
    charts = at.get("plotly_chart")
    assert charts
    for chart in charts:
        spec = json.loads(chart.proto.spec)
        layout = spec["layout"]
        for trace in spec["data"]:
            if trace.get("type") != "bar":
                continue
            axis = "yaxis" if trace.get("orientation") == "h" else "xaxis"
            assert layout.get(axis, {}).get("type") == "category", layout.get("title")
            values = _category_values(trace)
            assert values and not any(re.fullmatch(r"\d[\dAB]?", str(v)) for v in values), values
            # counts are whole numbers: no « 12,00 » on a count axis
        assert layout.get("separators") == ", "


def test_reference_line_is_an_average_not_the_total(pages, con):
    at, _ = pages["couverture"]
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    line = next(s for s in spec["layout"]["shapes"] if s.get("type") == "line")
    total = con.execute("SELECT count(*) FROM lieux").fetchone()[0]
    departements = con.execute("SELECT count(DISTINCT departement) FROM communes").fetchone()[0]
    assert line["x0"] == pytest.approx(total / departements)


def test_csv_numbers_are_rounded_as_displayed():
    frame = pd.DataFrame(
        {
            "distance_mediane_km": [15.056, None],
            "part_population_10km": [0.4567, 1.0],
            "population": [1234567, 12],
            "date_maj": pd.to_datetime(["2021-03-15", None]),
        }
    )
    text = to_csv_bytes(frame, {"distance_mediane_km": "decimal1"}).decode("utf-8-sig")
    assert text.splitlines() == [
        "distance_mediane_km;part_population_10km;population;date_maj",
        "15,1;45,7\u202f%;1\u202f234\u202f567;15/03/2021",
        "—;100,0\u202f%;12;—",
    ]


@pytest.mark.parametrize(
    ("osm", "french"),
    [
        ("Mo-Tu,Th-Fr 09:00-12:30", "lundi, mardi, jeudi, vendredi : 9 h – 12 h 30"),
        (
            "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off",
            "du lundi au vendredi : 9 h – 12 h et 14 h – 17 h ; samedi : 9 h – 12 h ; "
            "fermé les jours fériés",
        ),
        ("Sa 20:00-02:00", "samedi : 20 h – minuit ; dimanche : 0 h – 2 h"),
        ("24/7", "tous les jours, 24 h sur 24"),
        (
            "Mo 14:00-17:00; Aug off",
            "lundi : 14 h – 17 h (variable selon la période : « Mo 14:00-17:00; Aug off »)",
        ),
        ("le mardi matin", None),
        (None, None),
    ],
)
def test_opening_hours_read_as_a_french_week(osm, french):
    from rhinocc_dash.views.french_week import french_week

    assert french_week(osm) == french


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("+33562320791", "05 62 32 07 91"),
        ("0565720292", "05 65 72 02 92"),
        ("04 68 47 22 71 / 04.68.25.80.32", "04 68 47 22 71 / 04 68 25 80 32"),
        ("+41 22 123 45 67", "+41 22 123 45 67"),
        ("voir le site", "voir le site"),
        ("", ""),
    ],
)
def test_phone_numbers_are_grouped(raw, shown):
    from rhinocc_dash.shared.formatting import fmt_phone

    assert fmt_phone(raw) == shown


def test_directory_file_keeps_osm_hours_beside_the_french_week(pages, con):
    _, downloads = pages["annuaire"]
    payload = dict(downloads)["annuaire_lieux.csv"]
    table = pd.read_csv(io.BytesIO(payload), sep=";", dtype=str, encoding="utf-8-sig")
    assert len(table) == con.execute("SELECT count(*) FROM lieux").fetchone()[0]
    osm = table["Horaires (syntaxe OpenStreetMap)"]
    osm = osm[osm != "—"]
    week = table.loc[osm.index, "Horaires"]
    assert len(osm) > 500 and osm.str.contains(r"\d\d:\d\d").all()
    assert week.str.contains(r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b").all()
    assert not week.str.contains(r"\bMo\b|\d\d:\d\d").any()
    phones = table["Téléphone"].dropna()
    phones = phones[phones != "—"]
    assert phones.str.match(r"^(0\d( \d\d){4}|\+)").mean() > 0.95
