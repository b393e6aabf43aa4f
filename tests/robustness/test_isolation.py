"""Isolation: a crashing rule or a file that fails to parse becomes an LL9xx diagnostic naming
the rule and the file; every other rule and file still runs, and the exit code is 3."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lanelint.linter.engine import passes as engine
from lanelint.linter.engine import registry
from lanelint.linter.engine.config import load_config
from lanelint.linter.engine.diagnostics import Finding, Severity
from lanelint.linter.run.api import lint_paths
from tests.conftest import run_cli
from tests.robustness.corpus import seeded_copy

INCOMPLETE = 3


def _explode(ctx: object) -> Iterator[Finding]:
    raise RuntimeError("boom from an injected rule")
    yield  # a generator, like every rule


def _inject(monkeypatch: pytest.MonkeyPatch, code: str, scope: registry.Scope) -> None:
    kind = registry.DocumentRule if scope == "document" else registry.WorkspaceRule
    rule = kind(code, "crashes", Severity.ERROR, None, scope, "Crashes.", check=_explode)
    monkeypatch.setitem(registry._REGISTERED, code, rule)


def _report(root: Path) -> tuple[int, list[str]]:
    result = run_cli(["check", "--no-cache", "--no-color", "--jobs", "1", "spec"], cwd=root)
    return result.exit_code, result.output.splitlines()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return seeded_copy(tmp_path / "project")


def test_crashing_document_rule_is_isolated(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base_code, base_lines = _report(project)
    assert base_code == 1
    findings = [line for line in base_lines if ": PDP" in line]
    assert len(findings) >= 10

    _inject(monkeypatch, "PDP099", "document")
    code, lines = _report(project)
    assert code == INCOMPLETE
    crashes = [line for line in lines if " LL901 " in line]
    assert crashes, lines
    for line in crashes:
        assert "rule PDP099 failed on this file: RuntimeError: boom from an injected rule" in line
        assert line.startswith("spec/")
        assert ".md:1:1: LL901" in line
    assert len({line.split(":", 1)[0] for line in crashes}) >= 5  # one per linted document
    assert [line for line in lines if ": PDP" in line] == findings  # nothing else lost
    assert "The run is incomplete" in lines[-1]


def test_crashing_workspace_rule_is_isolated(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, base_lines = _report(project)
    _inject(monkeypatch, "PDP098", "workspace")
    code, lines = _report(project)
    assert code == INCOMPLETE
    crashes = [line for line in lines if " LL901 " in line]
    assert len(crashes) == 1
    assert "rule PDP098 failed on this file: RuntimeError" in crashes[0]
    assert [line for line in lines if ": PDP" in line] == [
        line for line in base_lines if ": PDP" in line
    ]


def test_file_that_fails_to_parse_is_isolated(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_config([project / "spec"])
    monkeypatch.chdir(project)
    before = lint_paths(["spec"], config=config)
    victim = next(d.path for d in before.diagnostics if d.code.startswith("PDP"))
    real = engine.parse_document

    def fragile(path: str, text: str):  # type: ignore[no-untyped-def]
        if path == victim:
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, text)

    monkeypatch.setattr(engine, "parse_document", fragile)
    after = lint_paths(["spec"], config=config)
    failed = [d for d in after.diagnostics if d.code == "LL902"]
    assert [(d.path, d.line) for d in failed] == [(victim, 1)]
    assert "RecursionError" in failed[0].message
    kept = [d for d in before.diagnostics if d.path != victim and d.code.startswith("PDP")]
    others = [d for d in after.diagnostics if d.path != victim and d.code.startswith("PDP")]
    # Cross-document findings may change without the victim's facts; per-file ones may not.
    assert {(d.path, d.line, d.code) for d in kept if not d.related} <= {
        (d.path, d.line, d.code) for d in others
    }
    assert after.exit_code() == INCOMPLETE
