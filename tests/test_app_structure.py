"""The app's shape (issue 23): ``streamlit_app.py`` is a thin entry that wires the page parts of
``app_components/``, every module of the app is short enough to read (the package's limit,
:data:`tests.test_module_structure.MAX_LINES`), and the library never imports Streamlit.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.test_module_structure import MAX_LINES

REPO = Path(__file__).resolve().parent.parent
ENTRY = REPO / "streamlit_app.py"
ENTRY_MAX_LINES = 150


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def _app_modules() -> list[Path]:
    return sorted([*(REPO / "app_components").glob("*.py"), *(REPO / "pages").glob("*.py")])


def test_the_entry_is_thin() -> None:
    assert _lines(ENTRY) < ENTRY_MAX_LINES
    tree = ast.parse(ENTRY.read_text(encoding="utf-8"))
    defined = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert defined == ["check_page", "main"]  # everything else lives in app_components


def test_no_app_module_is_too_long() -> None:
    modules = _app_modules()
    assert any(p.parent.name == "app_components" for p in modules)
    long = {p.relative_to(REPO).as_posix(): _lines(p) for p in modules}
    offenders = {p: n for p, n in long.items() if n > MAX_LINES}
    assert not offenders, f"app modules over {MAX_LINES} lines (split them): {offenders}"


def test_the_library_never_imports_streamlit() -> None:
    """The page parts import Streamlit; ``compare/`` (library, CLI, corpus runs) never does,
    not even inside a function."""
    found = []
    for path in sorted((REPO / "compare").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "streamlit" or n.startswith("streamlit.") for n in names):
                found.append(path.relative_to(REPO).as_posix())
    assert not found, f"library modules that import streamlit: {found}"


def test_app_components_never_import_the_entry() -> None:
    for path in _app_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "streamlit_app", path
            elif isinstance(node, ast.Import):
                assert all(a.name != "streamlit_app" for a in node.names), path
