"""PDP001 means a template placeholder left unfilled, and nothing else in angle brackets.

Each case puts one piece of text into an otherwise clean gate report (a protocol document)
and says how many PDP001 findings it must give: the examples of issue 11, section 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config
from lanelint.linter.run.api import lint_text

REPORT = """\
# Gate Report: T-101

**Runtime:** Codex
**Role:** System Analyst
**Date:** 2026-02-16

## 1) Role confirmation

Acting as System Analyst on lane A.

## 2) Decisions

{body}

## 3) Artifacts

- `spec/requirements.md`: the requirements.

## 4) Traceability

- T-101 acceptance checks met.

## 5) Implementation handoff

- Lane B continues.

## 6) Risks / open questions

- None.

## 7) ADR status

ADR set unchanged.
"""

#: (id, text put into the Decisions section, number of PDP001 findings)
CASES: list[tuple[str, str, int]] = [
    # HTML element names in prose about HTML
    ("html-head", "- The page keeps scripts in <head> and styles too.", 0),
    ("html-noscript", "- A <noscript> fallback shows the static table.", 0),
    ("html-select", "- The <select> element lists the lanes; <option> holds one.", 0),
    ("html-body", "- Rendering starts at <body> and ends at </body>.", 0),
    ("html-attributes", '- Use <details open> and <img src="a.png" alt="x"> sparingly.', 0),
    ("html-void", "- Lines break with <br/> or <br>; rules with <hr>.", 0),
    # comparisons and arrows
    ("comparison-chain", "- The order holds when a < b > c for every pair.", 0),
    ("arrows", "- Data flows a <- b and b -> c; also x <-> y.", 0),
    ("range-of-densities", "- Density is sparse (<0.5), moderate (0.5-1.0), or dense (>1.0).", 0),
    ("less-equal", "- Latency must stay <= 200 ms and throughput >= 50 rps.", 0),
    ("inline-numbers", "- Keep n<3 and m>4 in the loop.", 0),
    # parameters inside paths, globs and commands
    ("skill-path", "- Read `agents/<role>/SKILL.md` first.", 0),
    ("skill-path-prose", "- Read agents/<role>/SKILL.md first.", 0),
    ("git-add", "- Stage with `git add <paths>` and commit.", 0),
    ("report-name", "- Name it `gate_report_<TASK>_<date>.md`.", 0),
    ("report-name-prose", "- Name it gate_report_<TASK>_<date>.md in the folder.", 0),
    ("command-name", "- Run `lanelint new task --name <name>` to start one.", 0),
    ("command-path", "- Show a file with `cat <path>` or `head -n <N> <path>`.", 0),
    ("glob", "- The lane owns `apps/<app>/tests/*`.", 0),
    ("generic", "- The handler returns List<String> and Map<K,V>.", 0),
    ("autolink", "- See <https://example.com/docs> or write to <team@example.com>.", 0),
    # fenced code
    ("fenced", "```bash\nlanelint new gate-report --task <task> --role <role>\n```", 0),
    ("fenced-table", "```markdown\n| Lane | Task |\n|---|---|\n| A | `<task>` |\n```", 0),
    # examples introduced by a format description
    (
        "use-like-this",
        "Use this table like this:\n\n| Check | Result | Date |\n|---|---|---|\n"
        "| `<check>` | `<result>` | `<date>` |",
        0,
    ),
    ("format-line", "Format: `<lane> <status> <next step>`", 0),
    (
        "format-lead-in",
        "Format:\n\n- `<YYYY-MM-DD HH:MM TZ>` lane `<lane>`: `<status>`",
        0,
    ),
    (
        "example-lead-in",
        "**Example:**\n\n| Lane | Task | Role |\n|---|---|---|\n| `<lane>` | `<task>` | `<role>` |",
        0,
    ),
    (
        "example-heading",
        "### Example\n\n| Commit | Verdict |\n|---|---|\n"
        "| `<sha>` | `<accepted/rejected/pending>` |",
        0,
    ),
    # a table that documents parameters, and a placeholder given as an example in prose
    (
        "argument-table",
        "| Argument | Meaning |\n|---|---|\n| `<env>` | `dev` or `prod` |\n| `<N>` | a number |",
        0,
    ),
    ("such-as", "- Replace text such as `<name>` or e.g. <lane> with a value.", 0),
    # what still fires: a filled document with cells left unfilled
    (
        "evidence-table-left-unfilled",
        "Evidence:\n\n| Check | Result | Date |\n|---|---|---|\n"
        "| unit tests | `<result>` | `<date>` |\n| lint | green | 2026-02-16 |",
        2,
    ),
    ("whole-list-item", "- `<decision, and the reason for it>`", 1),
    ("whole-paragraph", "<what was decided>", 1),
    ("key-value", "- Decided on: <YYYY-MM-DD>", 1),
    ("template-placeholder-in-prose", "- Lane `<lane>` keeps its scope.", 1),
    ("template-placeholder-bare", "- Acting for <TASK-ID> only.", 1),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_placeholder_example(body: str, expected: int, tmp_path: Path) -> None:
    text = REPORT.format(body=body)
    result = lint_text(
        text,
        str(tmp_path / "spec" / "gate_report_T-101_2026-02-16.md"),
        config=Config(root=tmp_path, select=("PDP001",)),
    )
    found = [d for d in result.diagnostics if d.code == "PDP001"]
    assert len(found) == expected, [(d.line, d.message) for d in found]
    decisions = text.splitlines().index("## 2) Decisions") + 1
    assert all(d.location.line > decisions for d in found)


def test_the_base_report_is_a_protocol_document_and_clean(tmp_path: Path) -> None:
    result = lint_text(
        REPORT.format(body="- Kept the scope."),
        str(tmp_path / "spec" / "gate_report_T-101_2026-02-16.md"),
        config=Config(root=tmp_path),
    )
    taken = result.documents[0].taken
    assert taken is not None
    assert taken.is_protocol
    assert "gate-report" in taken.kinds
    assert [d.code for d in result.diagnostics if d.code == "PDP001"] == []


STAMP = """\
# Session log

```text
PREFLIGHT STAMP
Runtime: Codex
Role: {role}
Timestamp: 2026-02-16 08:00 UTC

1) Instruction injection: {check}
- AGENTS.md read; top-level sections: {sections}
2) Skill discovery (R2): PASS
3) Task discovery: PASS
4) Permissions readiness: PASS
5) Framework readiness (System Analyst planning only): SKIP

Preflight status: READY TO EXECUTE
```
"""


@pytest.mark.parametrize(
    ("role", "check", "sections", "expected"),
    [
        ("System Analyst", "PASS", "12", 0),
        ("<role>", "PASS", "12", 1),
        ("System Analyst", "<PASS|FAIL>", "12", 1),
        ("System Analyst", "PASS", "<N>", 1),
    ],
    ids=["filled", "role-line", "check-line", "template-placeholder-in-stamp-list"],
)
def test_placeholders_in_a_stamp(
    role: str, check: str, sections: str, expected: int, tmp_path: Path
) -> None:
    text = STAMP.format(role=role, check=check, sections=sections)
    result = lint_text(
        text,
        str(tmp_path / "spec" / "session_log.md"),
        config=Config(root=tmp_path, select=("PDP001",)),
    )
    assert len(result.diagnostics) == expected, result.diagnostics


def test_a_document_of_no_protocol_kind_gets_no_pdp001(tmp_path: Path) -> None:
    text = "# Notes\n\n| Task | Result |\n|---|---|\n| `<task>` | `<result>` |\n\n- `<decision>`\n"
    result = lint_text(text, str(tmp_path / "docs" / "notes.md"), config=Config(root=tmp_path))
    assert result.diagnostics == []


def test_the_documents_setting_makes_a_document_a_protocol_document(tmp_path: Path) -> None:
    text = "# Notes\n\n| Task | Result |\n|---|---|\n| `<task>` | `<result>` |\n"
    config = Config(root=tmp_path, documents=("docs/**",))
    result = lint_text(text, str(tmp_path / "docs" / "notes.md"), config=config)
    assert [d.code for d in result.diagnostics] == ["PDP001", "PDP001"]
    other = lint_text(text, str(tmp_path / "misc" / "notes.md"), config=config)
    assert other.diagnostics == []


def test_a_placeholder_of_the_teams_templates_fires(tmp_path: Path) -> None:
    text = REPORT.format(body="- Linked to <customer ticket> for follow-up.")
    path = str(tmp_path / "spec" / "gate_report_T-101_2026-02-16.md")
    config = Config(root=tmp_path, select=("PDP001",))
    assert lint_text(text, path, config=config).diagnostics == []
    templates = tmp_path / "spec" / "templates"
    templates.mkdir(parents=True)
    (templates / "GATE_NOTE_TEMPLATE.md").write_text("- Ticket: `<customer ticket>`\n", "utf-8")
    found = lint_text(text, path, config=config).diagnostics
    assert [d.message for d in found] == ["leftover template placeholder '<customer ticket>'"]
