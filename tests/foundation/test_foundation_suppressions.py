"""Inline suppressions: ranges, next line, whole file; unused ones and unknown codes reported."""

from __future__ import annotations

from tests.foundation.foundation_docs import found, lint, workboard

HEADER = (
    "## Acceptance queue\n\n| Commit | Lane | Task | Verdict | Evidence |\n|---|---|---|---|---|\n"
)
GOOD = "| `4e1f9a2` | A | `T-1` | accepted | gate report T-1 |\n"
BAD = "| latest | A | `T-1` | accepted | gate report T-1 |\n"


def ledger(*parts: str) -> str:
    return "# Acceptance ledger\n\n" + "".join(parts)


def test_without_suppression_the_finding_is_reported() -> None:
    assert found(lint(ledger(HEADER, BAD))) == [("PDP706", 7)]


def test_disable_and_enable_cover_a_range() -> None:
    text = ledger(
        "<!-- lanelint-disable PDP706 -->\n\n",
        HEADER,
        BAD,
        "\n<!-- lanelint-enable PDP706 -->\n\n",
        HEADER,
        BAD,
    )
    assert found(lint(text)) == [("PDP706", 17)]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = ledger("<!-- lanelint-disable PDP706 -->\n\n", HEADER, BAD, "\n", HEADER, BAD)
    assert found(lint(text)) == []


def test_disable_by_prefix_and_for_all_codes() -> None:
    assert found(lint(ledger("<!-- lanelint-disable PDP7 -->\n\n", HEADER, BAD))) == []
    assert found(lint(ledger("<!-- lanelint-disable -->\n\n", HEADER, BAD))) == []


def test_disable_next_line() -> None:
    board = workboard(
        "| A | `T-1` | System Analyst | none | `spec/a.md` | active |\n"
        "| B | `T-2` | Executive Assistant | hard(F) | `src/a.py` | active |\n"
    )
    assert found(lint(board)) == [("PDP601", 13)]
    text = board.replace("## Lanes\n", "## Lanes\n\n<!-- lanelint-disable-next-line PDP601 -->\n")
    # The comment sits above the table, so it covers the header line, not row B.
    assert found(lint(text)) == [("LL002", 10), ("PDP601", 15)]
    notes = "# Notes\n\n<!-- lanelint-disable-next-line PDP001 -->\nOwner: <name>\n"
    plan = workboard("| A | `T-1` | <role> | none | `spec/a.md` | active |\n")
    assert found(lint(notes)) == [("LL002", 3)]  # not a protocol document: nothing to suppress
    assert found(lint(plan)) == [("PDP001", 12)]
    suppressed = plan.replace("| A |", "<!-- lanelint-disable-next-line PDP001 -->\n| A |")
    # An HTML comment ends a table; the row after it is no longer part of the lane plan.
    assert ("PDP001", 12) not in found(lint(suppressed))


def test_disable_file_anywhere_in_the_document() -> None:
    text = ledger(HEADER, BAD, "\n", HEADER, BAD, "\n<!-- lanelint-disable-file PDP706 -->\n")
    assert found(lint(text)) == []


def test_other_codes_are_not_suppressed() -> None:
    text = ledger("<!-- lanelint-disable PDP705 -->\n\n", HEADER, BAD)
    assert found(lint(text)) == [("LL002", 3), ("PDP706", 9)]


def test_unused_suppression_is_reported_ll002() -> None:
    result = lint(ledger("<!-- lanelint-disable-next-line PDP706 -->\n", HEADER, GOOD))
    assert found(result) == [("LL002", 3)]
    assert result.diagnostics[0].message == (
        "'lanelint-disable-next-line' for PDP706 suppresses nothing"
    )


def test_unused_suppression_of_an_ignored_rule_is_not_reported() -> None:
    text = ledger("<!-- lanelint-disable PDP706 -->\n\n", HEADER, GOOD)
    assert found(lint(text, select=("PDP705", "LL002"))) == []


def test_unknown_code_is_reported_ll003() -> None:
    result = lint(ledger("<!-- lanelint-disable PDP7O6 -->\n\n", HEADER, GOOD))
    assert found(result) == [("LL003", 3)]
    assert "'PDP7O6'" in result.diagnostics[0].message


def test_suppression_findings_can_be_ignored() -> None:
    text = ledger("<!-- lanelint-disable PDP7O6 -->\n\n", HEADER, GOOD)
    assert found(lint(text, ignore=("LL003",))) == []


def test_directives_inside_code_blocks_are_not_suppressions() -> None:
    text = ledger("```markdown\n<!-- lanelint-disable-file PDP706 -->\n```\n\n", HEADER, BAD)
    assert found(lint(text)) == [("PDP706", 11)]


def test_a_reason_may_follow_the_codes() -> None:
    text = ledger("<!-- lanelint-disable PDP706 -- commit squashed, see PR 48 -->\n\n", HEADER, BAD)
    assert found(lint(text)) == []
