"""The package's shape: the layout follows the pipeline (core → content → site/print/authoring → build → cli), no
import cycle (imports inside functions included: a lazy import only hides a cycle), and no module over 300 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from tests.conftest import REPO

PACKAGE = REPO / "site_build"
MAX_LINES = 300
# Each layer may import only from the layers before it (and itself). Top-level modules: see LAYER_OF.
LAYERS = ["core", "content", "authoring", "templating", "printing", "site", "build", "cli"]
LAYER_OF = {"system": "core", "cli_checks": "cli", "site.hook": "cli"}  # the hook is an entry point, like the CLI


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every site_build module this file imports, at any depth of the file (lazy imports count)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                names.add(full if full in modules else node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n for n in names if n in modules}


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "core"  # the package itself
    return LAYER_OF.get(".".join(parts[1:3]), LAYER_OF.get(parts[1], parts[1]))


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) - {name} for name, path in modules.items()}


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" → ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_layers_import_only_earlier_layers():
    wrong = []
    for module, imported in _graph().items():
        mine = LAYERS.index(_layer(module))
        for other in imported:
            if LAYERS.index(_layer(other)) > mine:
                wrong.append(f"{module} ({_layer(module)}) imports {other} ({_layer(other)})")
    assert not wrong, "imports against the pipeline's direction:\n" + "\n".join(sorted(wrong))


@pytest.mark.parametrize("module", sorted(_modules()))
def test_module_is_small_and_says_what_it_owns(module):
    path = _modules()[module]
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    assert lines <= MAX_LINES, f"{path.relative_to(REPO)} has {lines} lines (at most {MAX_LINES}): split it"
    doc = ast.get_docstring(ast.parse(text))
    assert doc and doc.strip(), f"{path.relative_to(REPO)} opens without a docstring saying what it owns"
