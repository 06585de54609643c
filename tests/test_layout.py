"""Project rules that code review would otherwise have to remember: the folders tell the architecture."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "rhinocc_dash"
# The read side's entries into the write side: building a missing warehouse, and the data-update page
# (recognising, building, publishing, rolling back snapshots).
INGEST_ENTRIES = {
    "rhinocc_dash/ui/data.py",
    "rhinocc_dash/ui/store.py",
    "rhinocc_dash/ui/admin.py",
    "rhinocc_dash/ui/admin_report.py",
    "rhinocc_dash/ui/admin_sources.py",
}
# Entry points that may use both sides: the command line (one package).
BOTH_SIDES = "rhinocc_dash/cli/"
# The memory thread works on Streamlit's own runtime: it belongs with the rest of serving.
STREAMLIT_OUTSIDE_UI = {"rhinocc_dash/serving/memory.py"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Absolute names of every module a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                own = module_name(path)
                base = (own if path.name == "__init__.py" else own.rpartition(".")[0]).split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def python_files() -> list[Path]:
    return [
        p
        for p in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *PACKAGE.rglob("*.py")]
        if p.is_file()
    ]


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def imports_any(path: Path, prefix: str) -> bool:
    return any(m == prefix or m.startswith(prefix + ".") for m in imported_modules(path))


def test_resolver_sees_relative_imports():
    names = imported_modules(PACKAGE / "ui" / "data.py")
    assert "rhinocc_dash.ingest" in names and "rhinocc_dash.analysis.service" in names


def test_only_pages_and_the_ui_layer_import_streamlit():
    offenders = [
        rel(p)
        for p in python_files()
        if imports_any(p, "streamlit")
        and not rel(p).startswith(("pages/", "rhinocc_dash/ui/"))
        and rel(p) not in {"app.py", *STREAMLIT_OUTSIDE_UI}
    ]
    assert offenders == []


def test_read_side_reaches_ingest_only_through_the_narrow_entry():
    offenders = [
        rel(p)
        for p in python_files()
        if not rel(p).startswith("rhinocc_dash/ingest/")
        and rel(p) not in INGEST_ENTRIES
        and not rel(p).startswith(BOTH_SIDES)
        and imports_any(p, "rhinocc_dash.ingest")
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("rhinocc_dash/analysis/", ("rhinocc_dash.views", "rhinocc_dash.ui")),
        ("rhinocc_dash/views/", ("rhinocc_dash.ui", "rhinocc_dash.warehouse")),
        ("rhinocc_dash/warehouse/", ("rhinocc_dash.analysis", "rhinocc_dash.views")),
        # The write side uses only the shared modules, never the read side.
        ("rhinocc_dash/ingest/", ("rhinocc_dash.analysis", "rhinocc_dash.views", "rhinocc_dash.ui")),
    ],
)
def test_layers_do_not_reach_upwards(layer, forbidden):
    assert any(rel(p).startswith(layer) for p in python_files())
    offenders = [
        (rel(p), f)
        for p in python_files()
        if rel(p).startswith(layer)
        for f in forbidden
        if imports_any(p, f)
    ]
    assert offenders == []


def test_modules_stay_small():
    # The catalogue is data; every other module stays under about 300 lines.
    data_modules = {"rhinocc_dash/ingest/catalog.py"}
    sizes = {rel(p): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 320 and name not in data_modules} == {}


def test_app_is_a_router():
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "st.navigation" in source and len(source.splitlines()) < 40


def test_pages_are_thin():
    pages = sorted((ROOT / "pages").glob("*.py"))
    assert len(pages) >= 10
    for page in pages:
        assert len(page.read_text(encoding="utf-8").splitlines()) < 150, page.name


def test_sql_files_take_values_as_parameters():
    files = list((PACKAGE / "warehouse" / "sql").glob("*.sql"))
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "{" not in text and "%s" not in text, path.name


FORMATTED_SQL = re.compile(r"""\.(execute|sql|query)\(\s*(f["']|["'][^"']*["']\s*(%|\.format))""")


def test_no_sql_is_built_from_strings_anywhere():
    offenders = [
        rel(p)
        for p in [*python_files(), *ROOT.glob("benchmarks/*.py")]
        if FORMATTED_SQL.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_formatted_sql_pattern_catches_what_it_should():
    assert FORMATTED_SQL.search('con.execute(f"SELECT * FROM {name}")')
    assert FORMATTED_SQL.search("con.execute('SELECT %s' % x)")
    assert not FORMATTED_SQL.search('con.execute("SELECT * FROM t WHERE a = ?", [x])')


@pytest.mark.parametrize("driver", ["playwright", "websockets"])
def test_no_test_driver_inside_the_package(driver):
    """Browser and protocol drivers serve the tests and benchmarks: they live in tests/support/ and benchmarks/."""
    files = list(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    assert [p.relative_to(PACKAGE).as_posix() for p in files if imports_any(p, driver)] == []


def test_no_script_edits_sys_path():
    """The package is installed: scripts, benchmarks and tests import it without touching sys.path."""
    roots = [PACKAGE.parent / name for name in ("benchmarks", "scripts", "tests", "pages")]
    files = [p for root in roots for p in root.rglob("*.py")]
    assert len(files) > 20
    offenders = [
        p.relative_to(PACKAGE.parent).as_posix()
        for p in files
        if p.name != "test_layout.py" and re.search(r"sys\.path\.(insert|append)|noqa: E402", p.read_text("utf-8"))
    ]
    assert offenders == []


def package_imports_outside(folder: Path, allowed: tuple[str, ...]) -> dict[str, list[str]]:
    """Modules of `folder` that import a module of the package outside `allowed` prefixes."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        outside = sorted(
            m
            for m in imported_modules(path)
            if m.startswith("rhinocc_dash.") and not m.startswith(allowed)
        )
        if outside:
            found[rel(path) if path.is_relative_to(ROOT) else path.name] = outside
    return found


def test_shared_package_imports_neither_side():
    """What both sides use (projection and distances, vocabulary, measures, formats, settings, the source
    manifest, the audit log) sits in `shared/` and imports nothing else of the package."""
    shared = PACKAGE / "shared"
    names = {p.stem for p in shared.glob("*.py")}
    assert {"geo", "vocab", "measures", "formatting", "config", "audit", "sources_manifest"} <= names
    assert package_imports_outside(shared, ("rhinocc_dash.shared",)) == {}


def test_boundary_checks_catch_a_crossing(tmp_path):
    """The checks above fail when a boundary is crossed: a shared module reaching into the read side, an
    ingest module into analysis or a browser driver."""
    shared = tmp_path / "rhinocc_dash" / "shared"
    shared.mkdir(parents=True)
    (shared / "geo.py").write_text("from rhinocc_dash.analysis import service\n", encoding="utf-8")
    assert package_imports_outside(shared, ("rhinocc_dash.shared",)) == {
        "geo.py": ["rhinocc_dash.analysis", "rhinocc_dash.analysis.service"]
    }
    ingest = tmp_path / "pipeline.py"
    ingest.write_text(
        "import playwright.sync_api\nfrom rhinocc_dash.analysis.spatial import x\n", encoding="utf-8"
    )
    assert imports_any(ingest, "rhinocc_dash.analysis") and imports_any(ingest, "playwright")


def test_serving_and_command_line_are_packages():
    """The nginx supervisor, the Streamlit launcher and the memory thread live together, as do the commands."""
    assert {p.stem for p in (PACKAGE / "serving").glob("*.py")} >= {"supervisor", "launcher", "memory"}
    assert {p.stem for p in (PACKAGE / "cli").glob("*.py")} >= {"__init__", "__main__", "snapshots", "serve"}
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert not top & {"serve", "serving", "config", "geo", "vocab", "audit"}
    assert not [name for name in top if name.startswith("cli")]


def pages_importing_analysis(pages: list[Path]) -> list[str]:
    """Pages that import `rhinocc_dash.analysis` (they read figures only through `ui`)."""
    return [rel(p) for p in pages if imports_any(p, "rhinocc_dash.analysis")]


def wrapper_pairs(path: Path) -> list[str]:
    """`_x` / `x` function pairs of a module (a cached private twin of a public function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    return sorted(n for n in names if n.startswith("_") and n[1:] in names)


def current_warehouse_service_calls(path: Path) -> list[int]:
    """Lines calling `service.f(_con(…), …)`: reading the current warehouse around the accessor."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "service"
        and node.args
        and isinstance(node.args[0], ast.Call)
        and getattr(node.args[0].func, "id", "") == "_con"
    ]


def test_pages_read_through_ui_only():
    pages = sorted((ROOT / "pages").glob("*.py"))
    assert len(pages) >= 10
    assert pages_importing_analysis(pages) == []


def test_ui_data_has_one_accessor_and_no_wrapper_pairs():
    assert wrapper_pairs(PACKAGE / "ui" / "data.py") == []
    ui_files = sorted((PACKAGE / "ui").glob("*.py"))
    assert len(ui_files) >= 10
    assert {rel(p): current_warehouse_service_calls(p) for p in ui_files} == {
        rel(p): [] for p in ui_files
    }


def test_read_path_checks_catch_a_crossing(tmp_path):
    data = tmp_path / "data.py"
    data.write_text(
        "def _key_figures(key):\n    return service.key_figures(_con(key))\n\n"
        "def key_figures():\n    return _key_figures(_key())\n",
        encoding="utf-8",
    )
    assert wrapper_pairs(data) == ["_key_figures"]
    assert current_warehouse_service_calls(data) == [2]


def text_constants(module: Path) -> list[str]:
    """Public names a texts module defines (constants and functions)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.FunctionDef):
            names.append(node.name)
    return [n for n in names if not n.startswith("_")]


TEXTS_MODULE_IMPORT = re.compile(r"from (?:\.+|rhinocc_dash\.)texts import ([\w, ]+?)(?:\n|$)")
TEXTS_NAMES_IMPORT = re.compile(r"from (?:\.+|rhinocc_dash\.)texts\.(\w+) import \(?([\w, \n]+?)\)?\n")


def used_texts(source: str) -> set[str]:
    """« module.NAME » of every text a file uses: `texts.carte.X`, an alias of a texts module (`T.X`,
    `tx.X`), or a name imported from a texts module."""
    aliases = {"texts": None}
    for match in TEXTS_MODULE_IMPORT.finditer(source):
        for part in match.group(1).split(","):
            name, _, alias = part.strip().partition(" as ")
            aliases[alias.strip() or name] = name
    used = set()
    for alias, module in aliases.items():
        if module is None:
            used |= {f"{m}.{n}" for m, n in re.findall(rf"(?<![\w.]){alias}\.(\w+)\.(\w+)", source)}
        else:
            used |= {f"{module}.{n}" for n in re.findall(rf"(?<![\w.]){alias}\.(\w+)", source)}
    for module, names in TEXTS_NAMES_IMPORT.findall(source):
        used |= {f"{module}.{n.strip().split(' as ')[0]}" for n in names.split(",") if n.strip()}
    return used


def unused_texts(modules: list[Path], sources: list[str]) -> list[str]:
    used = set().union(*(used_texts(source) for source in sources))
    return [f"{m.stem}.{name}" for m in modules for name in text_constants(m) if f"{m.stem}.{name}" not in used]


def test_texts_are_by_page_hold_no_figures_and_are_all_used():
    """One texts module per page or concept; none reads the region's quoted figures (they are read from its
    settings where they are shown); every text is used by the app."""
    modules = sorted(p for p in (PACKAGE / "texts").glob("*.py") if p.name != "__init__.py")
    assert {"accueil", "carte", "couverture", "ecarts", "annuaire", "qualite", "rapport"} <= {
        p.stem for p in modules
    }
    figures = {p.stem: re.findall(r"REGION\.(?:context|programmes|quoted)", p.read_text("utf-8")) for p in modules}
    assert {k: v for k, v in figures.items() if v} == {}
    allowed = ("rhinocc_dash.texts", "rhinocc_dash.shared")
    assert package_imports_outside(PACKAGE / "texts", allowed) == {}
    sources = [p.read_text(encoding="utf-8") for p in python_files() if not rel(p).startswith("rhinocc_dash/texts/")]
    assert unused_texts(modules, sources) == []


def test_unused_text_check_can_fail(tmp_path):
    module = tmp_path / "page.py"
    module.write_text('TITLE = "Titre"\nFORGOTTEN = "Jamais affiché"\n', encoding="utf-8")
    assert unused_texts([module], ["st.title(texts.page.TITLE)"]) == ["page.FORGOTTEN"]
    # the same name in another texts module does not count
    assert unused_texts([module], ["st.title(texts.page.TITLE)\nx = texts.autre.FORGOTTEN"]) == ["page.FORGOTTEN"]
    assert unused_texts([module], ["from rhinocc_dash.texts import page as T\nT.TITLE, T.FORGOTTEN"]) == []
    assert unused_texts([module], ["from ..texts.page import FORGOTTEN, TITLE\n"]) == []


def page_texts(path: Path) -> list[str]:
    """French phrases written in a page file (string constants with words, its docstring aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value != doc
        and re.search(r"[A-Za-zÀ-ÿ]{2,} [A-Za-zÀ-ÿ]", node.value)
    ]


def test_pages_hold_no_text(tmp_path):
    """What a page says lives in `texts/` (the tests assert against the same constants)."""
    pages = sorted((ROOT / "pages").glob("*.py"))
    assert len(pages) >= 10
    assert {rel(p): page_texts(p) for p in pages if page_texts(p)} == {}
    page = tmp_path / "page.py"
    page.write_text('"""A page."""\nst.title("Carte des lieux")\nst.write(texts.carte.MAP_INTRO)\n', encoding="utf-8")
    assert page_texts(page) == ["Carte des lieux"]


# One concept seen from each layer (its build, its analysis, its Streamlit side, its texts, its command):
# the folder says which side, the name says the concept.
CONCEPTS_ON_SEVERAL_LAYERS = {
    "basemap", "campaigns", "corrections", "coverage", "dedup", "dispositifs", "embed", "gap", "indicators",
    "lieux", "orient", "snapshots", "sources", "workshop",
}


def test_a_module_name_means_one_thing():
    """Names that meant different things in different places (tables ×3, hours ×2, territory ×2,
    serve/serving) are gone; a name on several layers is one of the concepts above."""
    stems = [p.stem for p in PACKAGE.rglob("*.py") if p.stem != "__init__"]
    repeated = {s for s in stems if stems.count(s) > 1}
    assert repeated <= CONCEPTS_ON_SEVERAL_LAYERS, repeated - CONCEPTS_ON_SEVERAL_LAYERS
    assert not {"tables", "hours", "territory", "serve", "serving"} & repeated
    assert not {"serving", "widgets", "texts", "config"} & {p.stem for p in PACKAGE.glob("*.py")}
