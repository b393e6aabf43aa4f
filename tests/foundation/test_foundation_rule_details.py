"""Details of the foundation rules that the per-rule fixtures do not pin down."""

from __future__ import annotations

import pytest

from lanelint.linter.protocol.artifacts.gate_report import section_index
from tests.foundation.foundation_docs import GATE_SECTIONS, gate_report, lint, workboard

LEDGER = "# Ledger\n\n| Commit | Lane | Verdict | Evidence |\n|---|---|---|---|\n"


@pytest.mark.parametrize("value", ["TBD", "-", "n/a", "none", "?"])
def test_a_stand_in_for_nothing_is_no_task_id(value: str) -> None:
    rows = (
        "| A | `T-1` | System Analyst | none | `spec/a.md` | active |\n"
        f"| B | {value} | Executive Assistant | hard(A) | `src/a.py` | active |\n"
    )
    result = lint(workboard(rows))
    assert [(d.code, d.line) for d in result.diagnostics] == [("PDP401", 13)]
    assert result.diagnostics[0].message == f"lane 'B' has no task id ('{value}')"


def test_a_stand_in_for_nothing_is_no_acceptance_check() -> None:
    header = (
        "| Lane | Task | Role | Dependency | Files | Acceptance checks |\n"
        "|---|---|---|---|---|---|\n"
    )
    rows = (
        "| A | T-1 | PO | none | `spec/a.md` | TBD |\n"
        "| B | T-2 | EA | none | `src/b.py` | tests |\n"
    )
    result = lint(workboard(rows, header=header))
    assert [d.message for d in result.diagnostics] == [
        "lane 'A' lists no acceptance checks ('TBD')"
    ]


@pytest.mark.parametrize(("evidence", "shown"), [("", "empty evidence"), ("n/a", "evidence 'n/a'")])
def test_accepted_with_a_stand_in_for_evidence(evidence: str, shown: str) -> None:
    result = lint(LEDGER + f"| `abc1234` | A | accepted | {evidence} |\n")
    assert [d.message for d in result.diagnostics] == [f"commit 'abc1234' is accepted with {shown}"]


def test_pending_and_rejected_rows_need_no_evidence() -> None:
    text = LEDGER + "| `abc1234` | A | pending |  |\n| `abc1235` | B | rejected | - |\n"
    assert lint(text).diagnostics == []


def test_ledger_without_an_evidence_column() -> None:
    text = "# Ledger\n\n| Commit | Verdict |\n|---|---|\n| `abc1234` | accepted |\n"
    assert [d.message for d in lint(text).diagnostics] == [
        "commit 'abc1234' is accepted with no evidence column"
    ]


def test_verdict_is_quoted_as_written() -> None:
    result = lint(LEDGER + "| `abc1234` | A | LGTM | gate report |\n")
    assert [d.message for d in result.diagnostics] == [
        "ledger verdict 'LGTM' is not one of accepted, rejected, pending"
    ]


@pytest.mark.parametrize(
    "commit", ["abc1234", "ABC1234DEF", "a" * 40, "abc1234..def5678", "abc1234...def5678"]
)
def test_commit_ids_and_ranges(commit: str) -> None:
    assert lint(LEDGER + f"| `{commit}` | A | pending | - |\n").diagnostics == []


@pytest.mark.parametrize(
    "commit", ["abc123", "a" * 41, "latest", "see PR 48", "abc1234..", "xyz1234"]
)
def test_not_a_commit(commit: str) -> None:
    result = lint(LEDGER + f"| {commit} | A | pending | - |\n")
    assert [d.code for d in result.diagnostics] == ["PDP706"]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("1)Role confirmation", (0, 1)),
        ("2.Decisions", (1, 2)),
        ("3: Artifacts", (2, 3)),
        ("Artefacts", (2, None)),
        ("6. Risks/Open Questions", (5, 6)),
        ("Risks and open questions", (5, None)),
        ("7) ADR Status", (6, 7)),
        ("10) Notes", (None, 10)),
    ],
)
def test_gate_section_heading_spellings(
    heading: str, expected: tuple[int | None, int | None]
) -> None:
    assert section_index(heading) == expected


def test_swapped_sections_numbered_by_position_are_reported_once() -> None:
    sections = list(GATE_SECTIONS)
    sections[1], sections[2] = sections[2], sections[1]
    result = lint(gate_report("{n}) ", tuple(sections)))
    assert [d.message for d in result.diagnostics] == [
        "gate report section '3) Decisions' comes after '2) Artifacts'"
    ]


def test_a_section_numbered_against_its_place() -> None:
    text = gate_report().replace("## 4) Traceability", "## 5) Traceability")
    result = lint(text)
    assert [d.message for d in result.diagnostics] == [
        "gate report section '5) Traceability' is numbered 5, but 'Traceability' is section 4"
    ]


def test_none_with_a_comment_names_no_upstream_lane() -> None:
    rows = (
        "| A | `T-1` | System Analyst | none (parallel-safe) | `spec/a.md` | active |\n"
        "| B | `T-2` | Executive Assistant | hard(A and C) | `src/a.py` | active |\n"
    )
    result = lint(workboard(rows))
    assert [d.message for d in result.diagnostics] == [
        "lane 'B' depends on lane 'C', which the batch does not have"
    ]


def test_lane_letter_type_message_quotes_the_owner() -> None:
    rows = "| B | `T-7` | QA/SET | none | `tests/*` | active |\n"
    (diagnostic,) = lint(workboard(rows)).diagnostics
    assert diagnostic.code == "PDP202"
    assert diagnostic.message == (
        "lane 'B' is owned by 'QA/SET', a role of the quality (type C) lane; "
        "readers take 'B' for implementation"
    )
