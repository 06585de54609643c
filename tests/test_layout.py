"""Project rules that code review would otherwise have to remember."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "rhinocc_dash"


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_ui_layer_imports_streamlit():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "streamlit" in imports(p) and p.parent.name != "ui"
    ]
    assert offenders == []


def test_modules_stay_small():
    # The catalogue and the texts are data; every module of logic stays under about 300 lines.
    data_modules = {"catalog.py", "texts.py"}
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 320 and name not in data_modules} == {}


def test_app_is_a_router():
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "st.navigation" in source and len(source.splitlines()) < 40


def test_pages_are_thin():
    for page in (ROOT / "pages").glob("*.py"):
        assert len(page.read_text(encoding="utf-8").splitlines()) < 150, page.name


def test_sql_files_take_values_as_parameters():
    for path in (PACKAGE / "sql").glob("*.sql"):
        text = path.read_text(encoding="utf-8")
        assert "{" not in text and "%s" not in text, path.name


def test_no_sql_built_from_strings_in_queries_module():
    source = (PACKAGE / "queries.py").read_text(encoding="utf-8")
    assert not re.search(r"execute\(f[\"']", source)
