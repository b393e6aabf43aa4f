"""The editor's quick fixes, on text: each edit makes its finding go, at the right place."""

from __future__ import annotations

from pathlib import Path

from lanelint.linter.api import lint_text
from lanelint.linter.artifacts.stamp import builtin_schema
from lanelint.linter.config import Config
from lanelint.lsp.quickfix import Edit, quick_fix

GATE = """# Gate Report: T-1

## {n1}Role confirmation

QA/SET.

## {n2}Decisions

None.

## {n4}Traceability

T-1.

## {n5}Implementation handoff

None.

## {n6}Risks / open questions

None.

## {n7}ADR status

Unchanged.
"""

STAMP = """# Session log

```text
PREFLIGHT STAMP
Role: QA/SET
Timestamp: 2026-02-16 09:00 UTC

1) Instruction injection: PASS
2) Skill discovery (R2): PASS
4) Permissions readiness: PASS
5) Framework readiness (System Analyst planning only): SKIP

Preflight status: READY TO EXECUTE
```
"""


def _apply(text: str, edits: tuple[Edit, ...]) -> str:
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.line, e.character), reverse=True):
        offset = sum(len(line) + 1 for line in lines[: edit.line]) + edit.character
        text = text[:offset] + edit.text + text[offset:]
        lines = text.split("\n")
    return text


def _fixed(text: str, path: str, code: str, about: str = "") -> tuple[str, list[str]]:
    config = Config(root=Path("/nonexistent"))
    result = lint_text(text, path, config=config)
    [finding] = [d for d in result.diagnostics if d.code == code and about in d.message]
    fix = quick_fix(finding, text, path, builtin_schema())
    assert fix is not None
    new = _apply(text, fix.edits)
    return new, [d.code for d in lint_text(new, path, config=config).diagnostics]


def test_missing_gate_section_goes_in_its_place_numbered() -> None:
    numbers = {f"n{i}": f"{i}) " for i in range(1, 8)}
    text, codes = _fixed(GATE.format(**numbers), "gate_report_T-1.md", "PDP701")
    assert "PDP701" not in codes
    assert "None.\n\n## 3) Artifacts\n\n<Artifacts: to be written>\n\n## 4) Traceability" in text


def test_missing_gate_section_follows_unnumbered_headings() -> None:
    text, codes = _fixed(GATE.format(**{f"n{i}": "" for i in range(1, 8)}), "g.md", "PDP701")
    assert "PDP701" not in codes
    assert "\n## Artifacts\n\n<Artifacts: to be written>\n\n## Traceability\n" in text


def test_missing_stamp_check_goes_in_template_order() -> None:
    text, codes = _fixed(STAMP, "session.md", "PDP301", "'3) Task discovery'")
    assert "PDP301" in codes  # Runtime is missing too: one fix per finding
    lines = text.split("\n")
    assert lines[lines.index("2) Skill discovery (R2): PASS") + 1] == (
        "3) Task discovery: <PASS|SKIP|FAIL>"
    )


def test_missing_first_stamp_field_goes_after_the_marker() -> None:
    config = Config(root=Path("/nonexistent"))
    result = lint_text(STAMP, "session.md", config=config)
    runtime = next(d for d in result.diagnostics if "'Runtime'" in d.message)
    fix = quick_fix(runtime, STAMP, "session.md", builtin_schema())
    assert fix is not None
    lines = _apply(STAMP, fix.edits).split("\n")
    assert lines[3:5] == ["PREFLIGHT STAMP", "Runtime: <Codex|Claude|Other>"]


def test_line_change_covers_only_the_lines_that_differ() -> None:
    from lanelint.lsp.fixes import line_change
    from lanelint.lsp.quickfix import Replacement

    assert line_change("a\nb\n", "a\nx\nb\n") == Replacement(1, 1, "x\n")
    assert line_change("a\nb\n", "a\nb\n\nc\n") == Replacement(2, 2, "\nc\n")
    assert line_change("a\nb\nc\n", "a\nB\nc\n") == Replacement(1, 2, "B\n")
    assert line_change("a\n", "a\n") == Replacement(1, 1, "")
