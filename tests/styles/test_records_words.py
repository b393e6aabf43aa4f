"""The words of records, read one at a time: outcomes, labels, brief headings, locks, lists.

The writing-styles cases prove whole projects; these tables pin each reader's answer to one
phrase, so a regression names the phrase it broke.
"""

from __future__ import annotations

import re

import pytest

from lanelint.linter.markdown.parse import parse_document
from lanelint.linter.protocol.artifacts.escalation import reached_roles
from lanelint.linter.protocol.artifacts.locks import read_locks
from lanelint.linter.protocol.artifacts.task_file import brief_task, read_task_notes
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.protocol.vocabulary.labels import (
    is_acceptance_label,
    is_file_scope_label,
    is_lock_heading,
    is_lock_owner_label,
    label_key,
)
from lanelint.linter.protocol.vocabulary.outcomes import (
    is_granted,
    is_resolved_assumption,
    is_undone,
    outcome_of,
)

_REBASE = re.compile(r"\brebas(?:e|ed|ing)\b", re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("pending", "pending"),
        ("pending (CA on leave)", "pending"),
        ("rejected for lane B", "rejected"),
        ("lane B — denied by TL", "denied"),
        ("not approved", "rejected"),
        ("not yet resolved", "pending"),
        ("approved by the CA", "approved"),
        ("✅ approved (docs only)", "approved"),
        ("lane B approved; index review pending", "approved"),
        ("released 12:00", "released"),
        ("TBD", "pending"),
        ("lane B, `db/schema.sql` (ADR-7)", None),
        ("lane B may open `AGENTS.md`", None),
    ],
)
def test_outcome_of(text: str, outcome: str | None) -> None:
    assert outcome_of(text) == outcome


@pytest.mark.parametrize(
    ("key", "value", "granted"),
    [
        ("CA approval", "lane B", True),
        ("CA approval", "pending", False),
        ("CA approval requested", "lane B", False),
        ("CA approval requested", "lane B — granted by the CA", True),
        ("Override request", "lane C", False),
        ("Override request", "lane C (denied by TL)", False),
        ("Override request", "lane C (approved by TL)", True),
        ("Pending approval", "CA, lane B", False),
        ("CA approval", "requested 2026-03-01, approved 2026-03-02", True),
        ("CA approval", "approved for lane B, then revoked", False),
        ("CA approval", "lane B approved; index review pending", True),
        ("TL override", "lane B, not granted", False),
    ],
)
def test_is_granted(key: str, value: str, granted: bool) -> None:
    assert is_granted(key, value) is granted


@pytest.mark.parametrize(
    ("line", "undone"),
    [
        ("Reminder: lane B must rebase", True),
        ("B needs to rebase on a1a1a1a", True),
        ("rebase pending", True),
        ("not rebased yet", True),
        ("TODO: rebase lane B", True),
        ("lane B will rebase after the merge", True),
        ("rebased on a1a1a1a", False),
        ("Rebase: done", False),
        ("rebased, no conflicts", False),
        ("| `c3c3c3c` | B | pending | rebased on `a1a1a1a` |", False),
    ],
)
def test_is_undone(line: str, undone: bool) -> None:
    match = _REBASE.search(line)
    assert match is not None
    assert is_undone(line, match.start(), match.end()) is undone


@pytest.mark.parametrize(
    ("text", "reached"),
    [
        ("-> owner TL, SM -> ETA 12:00", ("Technical Lead", "Scrum Master")),
        ("-> owner TL; SM not informed yet", ("Technical Lead",)),
        ("Technical Lead (SM to be notified)", ("Technical Lead",)),
        ("Scrum Master (not informed yet)", ()),
        ("TL + SM", ("Technical Lead", "Scrum Master")),
        ("TL, no SM", ("Technical Lead",)),
        ("TL (Ann), SM (Bob)", ("Technical Lead", "Scrum Master")),
    ],
)
def test_reached_roles(text: str, reached: tuple[str, ...]) -> None:
    assert reached_roles(text, RoleBook()) == reached


@pytest.mark.parametrize(
    ("line", "resolved"),
    [
        ("~~[ASSUMPTION] 30 days~~", True),
        ("~~[ASSUMPTION]~~ 90 days", True),
        ("[ASSUMPTION-RESOLVED] 90 days", True),
        ("[ASSUMPTION: resolved] 90 days", True),
        ("[ASSUMPTION] 90 days — reconciled with lane A", True),
        ("[ASSUMPTION] 30 days", False),
        ("[ASSUMPTION] 30 days (not yet confirmed)", False),
        ("[ASSUMPTION] 30 days, unresolved", False),
    ],
)
def test_is_resolved_assumption(line: str, resolved: bool) -> None:
    assert is_resolved_assumption(line, line.index("[")) is resolved


def test_labels() -> None:
    assert label_key("**3) Acceptance checks (B):**") == "acceptance checks"
    assert is_acceptance_label("Definition of done")
    assert is_acceptance_label("Done when:")
    assert not is_acceptance_label("Notes")
    assert is_file_scope_label("Files in scope")
    assert is_file_scope_label("`File scope`:")
    assert not is_file_scope_label("Scope")
    assert is_lock_owner_label("File lock owner")
    assert not is_lock_owner_label("Owner")
    assert is_lock_heading("File locks")
    assert not is_lock_heading("Blockers")


@pytest.mark.parametrize(
    ("heading", "found"),
    [
        ("T-201 (System Analyst + Product Owner)", ("T-201", "")),
        ("Brief for T-102 (API)", ("T-102", "")),
        ("Lane B — T-102", ("T-102", "B")),
        ("Lane L2: `DG-106`", ("DG-106", "L2")),
        ("Dispatch brief T-101", ("T-101", "")),
        ("Definition of done", None),
        ("Lane B — blocked", None),
        ("2026-03-04 10:45 UTC - Lane L4", None),
    ],
)
def test_brief_headings(heading: str, found: tuple[str, str] | None) -> None:
    assert brief_task(heading) == found


def test_label_followed_by_a_list() -> None:
    text = (
        "# X\n\nAcceptance:\n- a `x`\n- b\n\n- Blockers:\n  - waiting\n- plain\n\n"
        "Files in scope:\n\n- `apps/x/tests/*`\n"
    )
    document = parse_document("x.md", text)
    found = {group.label: [item.raw for item in group.items] for group in document.label_lists}
    assert found == {
        "Acceptance": ["a `x`", "b"],
        "Blockers": ["waiting"],
        "Files in scope": ["`apps/x/tests/*`"],
    }
    heading_between = parse_document("y.md", "# Y\n\nAcceptance:\n\n## Next\n\n- a\n")
    assert heading_between.label_lists == []


def test_brief_reads_lane_owner_files_and_checks() -> None:
    text = (
        "# Dispatch\n\n## Brief for T-102 (API)\n\n- Lane: B\n- Owner: Executive Assistant\n\n"
        "Files in scope:\n- `apps/x/tests/*`\n- src/api.py (handlers only)\n\n"
        "### Definition of done\n\n- tests green\n"
    )
    (note,) = read_task_notes(parse_document("d.md", text), False)
    assert (note.task, note.lane, note.owner_text) == ("T-102", "B", "Executive Assistant")
    assert [claim.path for claim in note.files] == ["apps/x/tests/*", "src/api.py"]
    assert note.acceptance_line == 12
    assert note.explicit


@pytest.mark.parametrize(
    ("text", "owner", "released"),
    [
        ("- Lock owner: `AGENTS.md` -> lane A\n", "lane A", False),
        ("**File lock owner:** `AGENTS.md` (lane A)\n", "lane A", False),
        ("- Lock owner: TBD\n", "", False),
        ("- Lock owner: `AGENTS.md` -> lane A (released 12:00)\n", "lane A (released 12:00)", True),
        ("## File locks\n\n- `AGENTS.md`: lane B\n", "lane B", False),
        ("## File locks\n\n- `AGENTS.md`: unassigned\n", "", False),
        (
            "## Locks\n\n| File | Lock owner |\n|---|---|\n| `AGENTS.md` | lane B |\n",
            "lane B",
            False,
        ),
        (
            "## Locks\n\n| File | Held by | Status |\n|---|---|---|\n"
            "| `AGENTS.md` | B | released |\n",
            "B",
            True,
        ),
    ],
)
def test_read_locks(text: str, owner: str, released: bool) -> None:
    (lock,) = read_locks(parse_document("x.md", "# X\n\n" + text))
    assert (lock.owner, lock.released) == (owner, released)


def test_lane_table_is_not_a_lock_table() -> None:
    text = (
        "# X\n\n## File locks\n\n| Lane | Task | Owner | Locked files |\n|---|---|---|---|\n"
        "| A | T-1 | TL | `AGENTS.md` |\n"
    )
    assert read_locks(parse_document("x.md", text)) == ()
