"""Print every figure the pages show, as JSON: run it before and after a refactoring and diff the two.

Each page runs in Streamlit's AppTest (no browser) against the warehouse of $RHINOCC_DB, in its default
state and after a few typical interactions; the script records every metric, every table and the data of
every chart and map layer. Usage:

    RHINOCC_DB=data/rhinocc.duckdb .venv/bin/python benchmarks/page_figures.py > before.json
    ... change the code ...
    RHINOCC_DB=data/rhinocc.duckdb .venv/bin/python benchmarks/page_figures.py > after.json
    diff before.json after.json && echo "every figure unchanged"
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _chart_data(spec: dict) -> list:
    """The data of a plotly figure: each trace's x, y and customdata (layout text may change)."""
    return [
        {k: trace.get(k) for k in ("x", "y", "customdata", "z") if k in trace}
        for trace in spec.get("data", [])
    ]


def _deck_data(spec: dict) -> dict:
    """Per layer id, a digest of its data (positions, colours, values). A layer whose data is a file the map
    names by URL is digested by the file's name, which is the hash of its bytes (`ui/static_files.py`): the
    same data gives the same digest wherever the file is served from."""
    out = {}
    for layer in spec.get("layers", []):
        data = layer.get("data")
        if isinstance(data, str):
            data = data.rsplit("/", 1)[-1]
        out[layer.get("id")] = _digest(json.dumps(data, sort_keys=True)) if data else None
    return out


def capture(at: AppTest) -> dict:
    metrics = [[m.label, m.value] for m in at.metric]
    tables = [_digest(d.value.to_csv(index=False)) for d in at.dataframe]
    charts = [
        _digest(json.dumps(_chart_data(json.loads(c.proto.spec)), sort_keys=True))
        for c in at.get("plotly_chart")
    ]
    decks = [_deck_data(json.loads(d.proto.json)) for d in at.get("deck_gl_json_chart")]
    return {
        "exception": bool(at.exception),
        "metrics": metrics,
        "tables": tables,
        "charts": charts,
        "decks": decks,
    }


def page(path: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=180)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def scenarios():
    yield "accueil", page("pages/accueil.py")
    yield "carte", page("pages/carte.py")
    yield "carte commune 46", page("pages/carte.py", {"dep": "46", "niv": "commune"})
    yield "carte epci pauvrete", page("pages/carte.py", {"niv": "epci", "ind": "taux_pauvrete"})
    at = page("pages/couverture.py")
    yield "couverture", at
    at.selectbox(key="cov_dep").set_value("48").run()
    yield "couverture 48", at
    at = page("pages/ecarts.py")
    yield "ecarts commune", at
    at.sidebar.radio(key="gap_level").set_value("departement").run()
    yield "ecarts departement", at
    at.sidebar.radio(key="gap_level").set_value("epci").run()
    yield "ecarts epci", at
    yield "annuaire", page("pages/annuaire.py")
    yield "qualite", page("pages/qualite.py")
    at = page("pages/rapport.py")
    at.selectbox(key="report_dep").set_value("46").run()
    yield "rapport 46", at


def main() -> int:
    result = {name: capture(at) for name, at in scenarios()}
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()
    return 1 if any(v["exception"] for v in result.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
