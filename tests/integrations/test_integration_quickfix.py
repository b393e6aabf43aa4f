"""The editor's code actions, on text: each edit makes its finding go, at the right place."""

from __future__ import annotations

import re
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic
from lanelint.linter.run.api import lint_text, make_settings
from lanelint.lsp.fixes import Replacement, code_action_fix, line_change

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


CONFIG = Config(root=Path("/nonexistent"))


def _apply(text: str, fix_lines: tuple[Replacement, ...]) -> str:
    lines = text.splitlines(keepends=True)
    for change in sorted(fix_lines, key=lambda r: r.start, reverse=True):
        lines[change.start : change.end] = [change.text]
    return "".join(lines)


def _finding(text: str, path: str, code: str, about: str = "") -> Diagnostic:
    result = lint_text(text, path, config=CONFIG)
    [finding] = [d for d in result.diagnostics if d.code == code and about in d.message]
    return finding


def _fixed(text: str, path: str, code: str, about: str = "") -> tuple[str, list[str]]:
    finding = _finding(text, path, code, about)
    fix = code_action_fix(finding, text, path, make_settings(CONFIG))
    assert fix is not None
    assert fix.title.startswith(f"Fix {code}")
    new = _apply(text, fix.replacements)
    return new, [d.code for d in lint_text(new, path, config=CONFIG).diagnostics]


def _headings(text: str) -> list[str]:
    return re.findall(r"^## (.*)$", text, flags=re.MULTILINE)


def test_missing_gate_section_goes_in_its_place_numbered() -> None:
    numbers = {f"n{i}": f"{i}) " for i in range(1, 8)}
    text, codes = _fixed(GATE.format(**numbers), "gate_report_T-1.md", "PDP701")
    assert "PDP701" not in codes
    assert _headings(text)[1:4] == ["2) Decisions", "3) Artifacts", "4) Traceability"]


def test_missing_gate_section_follows_unnumbered_headings() -> None:
    text, codes = _fixed(GATE.format(**{f"n{i}": "" for i in range(1, 8)}), "g.md", "PDP701")
    assert "PDP701" not in codes
    assert _headings(text)[1:4] == ["Decisions", "Artifacts", "Traceability"]


def test_missing_stamp_check_goes_in_template_order() -> None:
    text, codes = _fixed(STAMP, "session.md", "PDP301", "'3) Task discovery'")
    assert "PDP301" in codes  # Runtime is missing too: one fix per finding
    lines = text.split("\n")
    assert lines[lines.index("2) Skill discovery (R2): PASS") + 1] == (
        "3) Task discovery: <PASS|SKIP|FAIL>"
    )


def test_missing_first_stamp_field_goes_after_the_marker() -> None:
    text, _ = _fixed(STAMP, "session.md", "PDP301", "'Runtime'")
    lines = text.split("\n")
    assert lines[3:5] == ["PREFLIGHT STAMP", "Runtime: <Codex|Claude|Other>"]


def test_a_finding_without_a_fix_gets_no_action() -> None:
    text = STAMP.replace("Timestamp: 2026-02-16 09:00 UTC", "Timestamp: this morning")
    finding = _finding(text, "session.md", "PDP303")
    assert code_action_fix(finding, text, "session.md", make_settings(CONFIG)) is None


def test_line_change_covers_only_the_lines_that_differ() -> None:
    assert line_change("a\nb\n", "a\nx\nb\n") == Replacement(1, 1, "x\n")
    assert line_change("a\nb\n", "a\nb\n\nc\n") == Replacement(2, 2, "\nc\n")
    assert line_change("a\nb\nc\n", "a\nB\nc\n") == Replacement(1, 2, "B\n")
    assert line_change("a\n", "a\n") == Replacement(1, 1, "")
