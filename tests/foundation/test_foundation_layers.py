"""The package's import graph: no circles, and no module imports a layer above its own.

The layers follow the data flow, lowest first::

    lanelint.linter (version)  <  io  <  markdown  <  protocol  <  workspace  <  engine
        <  rules  <  run  <  report  <  skeletons  <  fixes  <  lsp  <  cli  <  lanelint

The workspace index is a data structure built from the artifacts of many documents (it knows
no rule and no engine), and the engine hands it to the workspace rules, so ``workspace`` sits
below ``engine``; ``rules`` are the policy the engine runs, above it; the ``fixes`` engine plans
edits with a run's settings and the gate-report stubs of ``skeletons``, so it sits above both.
Every import counts: at module level, inside functions, and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "lanelint"

LAYERS = (
    "lanelint.linter.version",
    "lanelint.linter.io",
    "lanelint.linter.markdown",
    "lanelint.linter.protocol",
    "lanelint.linter.workspace",
    "lanelint.linter.engine",
    "lanelint.rules",
    "lanelint.linter.run",
    "lanelint.linter.report",
    "lanelint.linter.skeletons",
    "lanelint.linter.fixes",
    "lanelint.lsp",
    "lanelint.cli",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def resolve(name: str, known: dict[str, Path]) -> str | None:
    """The module ``name`` refers to: itself, else its nearest known parent package."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The lanelint modules that ``name`` imports, anywhere in its source."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] or [base]
        for target in targets:
            if not target.startswith("lanelint"):
                continue
            module = resolve(target, known)
            if module is not None and module != name:
                found.add(module)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def layer(name: str) -> int:
    best = -1
    for index, prefix in enumerate(LAYERS):
        if name == prefix or name.startswith(prefix + "."):
            best = index
    if name == "lanelint" or name == "lanelint.__main__":
        return len(LAYERS)
    if name == "lanelint.linter":
        return 0
    assert best >= 0, f"{name} is in no layer: add its folder to LAYERS"
    return best


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as the list of its modules, or ``None``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if state.get(other) == 1:
                return [*stack[stack.index(other) :], other]
            if other not in state:
                found = visit(other)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_every_module_is_in_a_layer() -> None:
    for name in modules():
        layer(name)


def test_no_import_circles() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_no_upward_imports() -> None:
    upward = [
        f"{name} ({LAYERS[layer(name)] if layer(name) < len(LAYERS) else name}) imports {other}"
        for name, targets in graph().items()
        for other in sorted(targets)
        if layer(other) > layer(name)
    ]
    assert upward == []


def test_the_checker_sees_a_circle_and_an_upward_import() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    assert layer("lanelint.linter.io.source") < layer("lanelint.linter.engine.passes")
    assert layer("lanelint.linter.fixes.engine") > layer("lanelint.linter.skeletons.render")
    known = modules()
    lazy = imports("lanelint.linter.run.api", known["lanelint.linter.run.api"], known)
    assert "lanelint.linter.run.driver" in lazy


def test_rule_modules_are_found_by_listing_the_package() -> None:
    from lanelint.rules import all_rules, section_modules

    listed = {module_name(path) for path in (PACKAGE / "rules").glob("[!_]*.py")}
    assert set(section_modules()) == listed
    declared = {rule.check.__module__ for rule in all_rules() if rule.check is not None}
    assert listed <= declared, f"section modules without rules: {sorted(listed - declared)}"
