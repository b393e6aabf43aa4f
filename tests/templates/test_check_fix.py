"""``lanelint check --fix`` and ``--diff``: each fixable rule, with LF, CRLF and BOM files."""

from __future__ import annotations

from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config
from lanelint.linter.fixes.engine import plan_text, write_plan
from lanelint.linter.run.api import lint_paths, make_settings
from lanelint.linter.skeletons import gate_section_stubs
from lanelint.rules import all_rules
from tests.conftest import run_cli

STAMP_BEFORE = """\
# Session log: T-7

```text
PREFLIGHT STAMP
Runtime: Codex
Role: Technical Lead

1) Instruction injection: PASS
- AGENTS.md read
2) Skill discovery (R2): PASS
4) Permissions readiness:
5) Framework readiness (System Analyst planning only): SKIP
```
"""
STAMP_AFTER = """\
# Session log: T-7

```text
PREFLIGHT STAMP
Runtime: Codex
Role: Technical Lead
Timestamp: <YYYY-MM-DD HH:MM TZ>

1) Instruction injection: PASS
- AGENTS.md read
2) Skill discovery (R2): PASS
3) Task discovery: <PASS|SKIP|FAIL>
4) Permissions readiness: <PASS|FAIL>
5) Framework readiness (System Analyst planning only): SKIP
Preflight status: <READY TO EXECUTE|NOT READY TO EXECUTE>
```
"""
ROLE_STAMP = """\
# Session log: T-7

```text
PREFLIGHT STAMP
Runtime: Codex
Role: {role}
Timestamp: 2026-02-16 10:02 UTC

1) Instruction injection: PASS
2) Skill discovery (R2): PASS
3) Task discovery: PASS
4) Permissions readiness: PASS
5) Framework readiness (System Analyst planning only): SKIP

Preflight status: READY TO EXECUTE
```
"""
PLAN = """\
# Lane plan: B-3

| Lane | Task | Role | Dependency | Files |
|---|---|---|---|---|
| A | T-1 | {a} | none | `spec/req.md` |
| B | T-2 | {b} | {dep_b} | `src/app.py` |
| C | T-3 | {c} | {dep_c} | `tests/test_app.py` |
"""
GATE_BEFORE = """\
# Gate Report: T-7

**Role:** Technical Lead

## 1) Role confirmation

Acting as TL.

## 3) Artifacts

- `spec/a.md`: added.

## 6) Risks

- None identified.
"""
GATE_AFTER = """\
# Gate Report: T-7

**Role:** Technical Lead

## 1) Role confirmation

Acting as TL.

## 2) Decisions

- `<decision, and the reason for it>`

## 3) Artifacts

- `spec/a.md`: added.

## 4) Traceability

- `<requirement or acceptance check>`: `<where this lane meets it>`

## 5) Implementation handoff

- `<who continues, with what>`

## 6) Risks

- None identified.

## 7) ADR status

`<ADRs added or changed, or: ADR set unchanged>`
"""

#: code -> (file name, text before, text after)
CASES: dict[str, tuple[str, str, str]] = {
    "PDP301": ("session_log_T-7.md", STAMP_BEFORE, STAMP_AFTER),
    "PDP309": (
        "session_log_T-7.md",
        ROLE_STAMP.format(role="technical  lead"),
        ROLE_STAMP.format(role="Technical Lead"),
    ),
    "PDP408": (
        "plan.md",
        PLAN.format(a="SA", b="EA", c="QA", dep_b="Hard (A)", dep_c="HARD(A, B)"),
        PLAN.format(a="SA", b="EA", c="QA", dep_b="hard(A)", dep_c="hard(A, B)"),
    ),
    "PDP409": (
        "plan.md",
        PLAN.format(a="sa + po", b="`executive assistant`", c="Qa/Set", dep_b="none", dep_c="none"),
        PLAN.format(a="SA + PO", b="`Executive Assistant`", c="QA/SET", dep_b="none", dep_c="none"),
    ),
    "PDP701": ("gate_report_T-7.md", GATE_BEFORE, GATE_AFTER),
}
STYLES = {
    "lf": lambda text: text.encode("utf-8"),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "bom-crlf": lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
}


def _setup(tmp_path: Path, code: str, style: str) -> tuple[Path, bytes, bytes]:
    name, before, after = CASES[code]
    path = tmp_path / "spec" / name
    path.parent.mkdir(parents=True)
    path.write_bytes(STYLES[style](before))
    return path, STYLES[style](before), STYLES[style](after)


def _codes(tmp_path: Path) -> list[str]:
    return [
        d.code for d in lint_paths([tmp_path / "spec"], config=Config(root=tmp_path)).diagnostics
    ]


def test_every_fixable_rule_has_a_case() -> None:
    fixable = {rule.code for rule in all_rules() if rule.fixable}
    assert fixable == set(CASES)
    for rule in all_rules():
        assert ("## Fix" in rule.docs) == rule.fixable, rule.code


@pytest.mark.parametrize("style", list(STYLES))
@pytest.mark.parametrize("code", list(CASES))
def test_fix_keeps_encoding_and_line_endings(tmp_path: Path, code: str, style: str) -> None:
    path, before, after = _setup(tmp_path, code, style)
    assert code in _codes(tmp_path)

    diff = run_cli(["check", "--diff", "--select", code, "spec"], cwd=tmp_path)
    assert diff.exit_code == 1
    assert diff.stdout.startswith(f"--- a/spec/{path.name}\n+++ b/spec/{path.name}\n@@ ")
    assert path.read_bytes() == before  # --diff writes nothing

    fixed = run_cli(["check", "--fix", "--select", code, "spec"], cwd=tmp_path)
    assert path.read_bytes() == after
    assert "lanelint: fixed " in fixed.stderr
    assert code not in fixed.stdout  # the report after fixing shows what is left
    assert code not in _codes(tmp_path)

    again = run_cli(["check", "--fix", "--select", code, "spec"], cwd=tmp_path)
    assert path.read_bytes() == after  # idempotent
    assert again.stderr.endswith("lanelint: fixed 0 findings in 0 files\n")
    assert run_cli(["check", "--diff", "spec"], cwd=tmp_path).exit_code == 0


def test_fix_reports_what_is_left(tmp_path: Path) -> None:
    _setup(tmp_path, "PDP701", "lf")
    result = run_cli(["check", "--fix", "--no-color", "spec"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (
        "lanelint: fixed 4 in spec/gate_report_T-7.md (PDP701)\n"
        "lanelint: fixed 4 findings in 1 file\n"
    )
    assert "PDP701" not in result.stdout
    left = "spec/gate_report_T-7.md:11:4: PDP001 warning: leftover template placeholder"
    assert left in result.stdout


def test_diff_output(tmp_path: Path) -> None:
    _setup(tmp_path, "PDP408", "crlf")
    result = run_cli(["check", "--diff", "spec"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/spec/plan.md\n"
        "+++ b/spec/plan.md\n"
        "@@ -3,5 +3,5 @@\n"
        " | Lane | Task | Role | Dependency | Files |\n"
        " |---|---|---|---|---|\n"
        " | A | T-1 | SA | none | `spec/req.md` |\n"
        "-| B | T-2 | EA | Hard (A) | `src/app.py` |\n"
        "-| C | T-3 | QA | HARD(A, B) | `tests/test_app.py` |\n"
        "+| B | T-2 | EA | hard(A) | `src/app.py` |\n"
        "+| C | T-3 | QA | hard(A, B) | `tests/test_app.py` |\n"
    )
    assert result.stderr == "lanelint: 2 fixable findings in 1 file\n"


def test_file_changed_after_read_is_left_alone(tmp_path: Path) -> None:
    path, before, _ = _setup(tmp_path, "PDP408", "lf")
    config = Config(root=tmp_path)
    plan = plan_text(before, path, "spec/plan.md", make_settings(config), gate_section_stubs)
    assert plan is not None
    assert plan.changed
    path.write_bytes(before + b"\nEdited by someone else.\n")
    assert write_plan(plan) == "spec/plan.md: changed on disk after it was read; not fixed"
    assert path.read_bytes() == before + b"\nEdited by someone else.\n"
    assert [p.name for p in path.parent.iterdir()] == ["plan.md"]  # no temp file left


def test_mixed_line_endings_are_kept_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "spec" / "plan.md"
    path.parent.mkdir()
    text = PLAN.format(a="SA", b="EA", c="QA", dep_b="Hard(A)", dep_c="none").split("\n")
    data = "\r\n".join(text[:3]) + "\n" + "\n".join(text[3:])
    path.write_bytes(data.encode("utf-8"))
    run_cli(["check", "--fix", "--select", "PDP408", "spec"], cwd=tmp_path)
    assert path.read_bytes() == data.replace("Hard(A)", "hard(A)").encode("utf-8")


def test_suppressed_findings_are_not_fixed(tmp_path: Path) -> None:
    path = tmp_path / "spec" / "plan.md"
    path.parent.mkdir()
    text = "<!-- lanelint-disable-file PDP408 -->\n\n" + PLAN.format(
        a="SA", b="EA", c="QA", dep_b="Hard(A)", dep_c="none"
    )
    path.write_text(text, encoding="utf-8")
    result = run_cli(["check", "--fix", "--select", "PDP408", "spec"], cwd=tmp_path)
    assert result.stderr == "lanelint: fixed 0 findings in 0 files\n"
    assert path.read_text("utf-8") == text


def test_templates_are_never_fixed(tmp_path: Path) -> None:
    path = tmp_path / "spec" / "templates" / "gate_report_TEMPLATE.md"
    path.parent.mkdir(parents=True)
    path.write_text("# Gate Report: <TASK>\n\n## 1) Role confirmation\n\n<role>\n", "utf-8")
    result = run_cli(["check", "--diff", "spec"], cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (0, "")


def test_fix_on_standard_input_is_refused(tmp_path: Path) -> None:
    result = run_cli(["check", "--fix", "-"], cwd=tmp_path, input="# x\n")
    assert result.exit_code == 2
    assert (
        result.stderr == "lanelint: error: --fix and --diff work on files, not on standard input\n"
    )


def test_every_stamp_of_a_session_log_is_fixed(tmp_path: Path) -> None:
    path = tmp_path / "spec" / "session_log_T-7.md"
    path.parent.mkdir()
    stamp = (
        ROLE_STAMP.format(role="TL")
        .split("\n", 2)[2]
        .replace("Timestamp: 2026-02-16 10:02 UTC\n", "")
    )
    path.write_text("# Session log: T-7\n\n" + stamp + "\n" + stamp, encoding="utf-8")
    result = run_cli(["check", "--fix", "--select", "PDP301", "spec"], cwd=tmp_path)
    assert result.stderr.startswith("lanelint: fixed 2 in spec/session_log_T-7.md (PDP301)\n")
    assert path.read_text("utf-8").count("Role: TL\nTimestamp: <YYYY-MM-DD HH:MM TZ>\n") == 2
