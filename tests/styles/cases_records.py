"""Writing styles of records: labels followed by lists, briefs, file scopes, locks (R3, R5).

Two kinds of project: a small dispatch written from scratch (lane table and briefs in one
document, its baseline beside them), and the bundled clean example with one file changed.
"""

from __future__ import annotations

from tests.styles.harness import BASES, Case

_DISPATCH = "spec/dispatch_B-60.md"
_HEAD = """# Dispatch: B-60

- Batch id: `B-60`

{meta}
## Approved baseline

- `T-201`, `T-202`, `T-203`

"""
_TABLE = """## Lanes

| Lane | Task | Owner | Dependency | Files |
|---|---|---|---|---|
| A | `T-201` | System Analyst | none | `spec/req.md` |
| B | `T-202` | Executive Assistant | none | `src/api.py` |

"""
_TABLE_CHECKS = """## Lanes

| Lane | Task | Owner | Dependency | Files | Acceptance |
|---|---|---|---|---|---|
| A | `T-201` | System Analyst | none | `spec/req.md` | criteria reviewed |
| B | `T-202` | Executive Assistant | none | `src/api.py` | suite green |

"""
_BRIEF_A = """## Brief for T-201 (System Analyst)

Acceptance:
- criteria reviewed by the Product Owner

"""


def _clean(path: str) -> str:
    return (BASES["clean"] / path).read_text(encoding="utf-8")


def _dispatch(body: str, meta: str = "", table: str = _TABLE) -> dict[str, str]:
    return {_DISPATCH: _HEAD.format(meta=meta) + table + body}


def _line(text: str, needle: str) -> int:
    """The 1-based line of the first line of ``text`` that contains ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the case text")


# -- R3: a lane's acceptance checks in its brief (PDP407) ----------------------------------

#: Brief headings teams write for lane B (task T-202).
_HEADINGS = {
    "task-dash": "## T-202 - API handlers",
    "task-role": "### T-202 (Executive Assistant)",
    "brief-for": "## Brief for T-202 (API)",
    "lane-dash": "## Lane B — T-202",
    "lane-colon-code": "## Lane B: `T-202`",
    "brief-colon": "### Brief: T-202",
    "dispatch-brief": "## Dispatch brief T-202",
    "task-word": "## Task T-202",
    "lane-parens": "## Lane B (T-202)",
    "brief-dash-lane": "## Brief — lane B (T-202)",
}
#: Ways of writing lane B's acceptance checks under its brief heading.
_ACCEPTANCE = {
    "label-then-bullets": "Acceptance:\n- handlers return 404 for unknown ids\n- suite green\n",
    "bold-label-then-bullets": "**Acceptance:**\n- handlers return 404 for unknown ids\n",
    "bold-colon-outside": "**Acceptance checks**:\n1. handlers return 404\n2. suite green\n",
    "nested-under-item": (
        "- Owner: Executive Assistant\n- Acceptance checks:\n  - handlers return 404\n"
        "  - suite green\n"
    ),
    "definition-of-done-heading": "### Definition of done\n\n- handlers return 404\n",
    "definition-of-done-label": "Definition of done:\n- handlers return 404\n",
    "done-when-label": "Done when:\n\n* handlers return 404\n",
    "criteria-heading": "#### Acceptance criteria\n\n- handlers return 404\n",
    "bold-inline-value": "- **Acceptance:** handlers return 404, suite green\n",
    "after-prose": "Lane B adds the handlers.\nAcceptance checks:\n- handlers return 404\n",
    "numbered-dod-heading": "### 3) Definition of done\n\n- handlers return 404\n",
}


def _acceptance_cases() -> list[Case]:
    cases = []
    for name, heading in _HEADINGS.items():
        body = _BRIEF_A + heading + "\n\n" + _ACCEPTANCE["label-then-bullets"]
        cases.append(Case(f"records/brief-heading/{name}", "PDP407", False, _dispatch(body)))
    for name, shape in _ACCEPTANCE.items():
        body = _BRIEF_A + "## Brief for T-202 (API)\n\n" + shape
        cases.append(Case(f"records/acceptance/{name}", "PDP407", False, _dispatch(body)))
    row = _line(_HEAD.format(meta="") + _TABLE, "| B |")
    firing = {
        "label-with-nothing-after": "Acceptance:\n\n## Notes\n\nnothing yet\n",
        "label-then-prose": "Acceptance:\n\nto be written with the Product Owner.\n",
        "blank-stand-in": "- Acceptance checks: TBD\n",
        "other-label-list": "Notes:\n- handlers return 404\n",
        "empty-dod-heading": "### Definition of done\n\n### Notes\n\nlater\n",
    }
    for name, shape in firing.items():
        body = _BRIEF_A + "## Brief for T-202 (API)\n\n" + shape
        cases.append(
            Case(
                f"records/acceptance/fires-{name}",
                "PDP407",
                True,
                _dispatch(body),
                path=_DISPATCH,
                line=row,
            )
        )
    wrong_task = _BRIEF_A + "## Brief for T-203 (API)\n\n" + _ACCEPTANCE["label-then-bullets"]
    cases.append(
        Case(
            "records/acceptance/fires-brief-of-another-task",
            "PDP407",
            True,
            _dispatch(wrong_task),
            path=_DISPATCH,
            line=row,
        )
    )
    task_file = {
        **_dispatch(_BRIEF_A),
        "spec/tasks/T-202.md": (
            "# T-202: API handlers\n\nAcceptance checks:\n- 404 on unknown ids\n"
        ),
    }
    cases.append(Case("records/acceptance/task-file-label-list", "PDP407", False, task_file))
    return cases


# -- R3: file scopes in briefs take part in the overlap check (PDP501) ----------------------

_NO_TABLE = ""


def _brief(task: str, lane: str, scope: str, owner: str = "QA/SET") -> str:
    lane = {"A": "L1", "B": "L2", "C": "L3"}.get(lane, lane)
    return f"## Lane {lane} — {task}\n\n- Owner: {owner}\n\n{scope}\nAcceptance:\n- suite green\n\n"


#: Ways of writing a brief's file scope; ``{p}`` is the path (in backticks where shown).
_SCOPES = {
    "files-in-scope-list": "Files in scope:\n- `{p}`\n",
    "file-scope-list": "File scope:\n\n- `{p}`\n",
    "bold-label-list": "**Files in scope:**\n- `{p}`\n",
    "nested-under-item": "- Files in scope:\n  - `{p}`\n",
    "inline-bold": "**File scope:** `{p}`, `docs/other.md`\n",
    "inline-item": "- Files: `{p}`\n",
    "numbered-target-files": "Target files:\n1. `{p}`\n",
    "qualified-path": "Files in scope:\n- `{p}` (fixtures only)\n",
    "one-span-two-paths": "Files in scope:\n- `{p}, docs/extra.md`\n",
    "bare-path-qualified": "Files in scope:\n- {p} (fixtures only)\n",
    "upper-case-label": "FILES IN SCOPE:\n- `{p}`\n",
    "space-before-colon": "File scope :\n- `{p}`\n",
}


def _overlap_cases() -> list[Case]:
    cases = []
    glob = "apps/x/tests/*"
    for name, scope in _SCOPES.items():
        first = _brief("T-201", "A", "Files in scope:\n- `apps/x/tests/*`\n")
        second = _brief("T-202", "B", scope.format(p=glob))
        text = _HEAD.format(meta="") + first + second
        cases.append(
            Case(
                f"records/brief-overlap/fires-{name}",
                "PDP501",
                True,
                {_DISPATCH: text},
                path=_DISPATCH,
                line=_nth_line(text, glob, 2),
            )
        )
        apart = _brief("T-202", "B", scope.format(p="apps/x/src/api.py"))
        cases.append(
            Case(
                f"records/brief-overlap/disjoint-{name}",
                "PDP501",
                False,
                {_DISPATCH: _HEAD.format(meta="") + first + apart},
            )
        )
    glob_vs_file = (
        _HEAD.format(meta="")
        + _brief("T-201", "A", "Files in scope:\n- `apps/x/tests/*`\n")
        + _brief("T-202", "B", "Files in scope:\n- `apps/x/tests/test_api.py`\n")
    )
    cases.append(
        Case(
            "records/brief-overlap/fires-glob-names-file",
            "PDP501",
            True,
            {_DISPATCH: glob_vs_file},
            path=_DISPATCH,
            line=_line(glob_vs_file, "test_api.py"),
        )
    )
    # A brief for a task with no table row overlaps a table lane.
    with_table = _brief("T-203", "C", "Files in scope:\n- `src/api.py`\n")
    text = _HEAD.format(meta="") + _TABLE_CHECKS + with_table
    cases.append(
        Case(
            "records/brief-overlap/fires-brief-against-table-lane",
            "PDP501",
            True,
            {_DISPATCH: text},
            path=_DISPATCH,
            line=_nth_line(text, "`src/api.py`", 2),
        )
    )
    # The table gives lane B its files: its brief repeats them and is not a second lane.
    repeat = _BRIEF_A + _brief("T-202", "B", "Files in scope:\n- `src/api.py`\n", "EA")
    cases.append(
        Case("records/brief-overlap/brief-repeats-table-row", "PDP501", False, _dispatch(repeat))
    )
    # A dispatch table with no files column: the briefs give the files.
    bare = """## Lanes

| Lane | Task | Owner | Dependency |
|---|---|---|---|
| L1 | `T-201` | QA/SET | none |
| L2 | `T-202` | QA/SET | none |

"""
    briefs = _brief("T-201", "A", "Files in scope:\n- `apps/x/tests/*`\n") + _brief(
        "T-202", "B", "Files in scope:\n- `apps/x/tests/*`\n"
    )
    text = _HEAD.format(meta="") + bare + briefs
    cases.append(
        Case(
            "records/brief-overlap/fires-table-without-files-column",
            "PDP501",
            True,
            {_DISPATCH: text},
            path=_DISPATCH,
            line=_nth_line(text, "apps/x/tests/*", 2),
        )
    )
    done = bare.replace("| Dependency |", "| Dependency | Status |").replace(
        "|---|---|---|---|", "|---|---|---|---|---|"
    )
    done = done.replace("| QA/SET | none |\n| L2", "| QA/SET | none | done |\n| L2").replace(
        "`T-202` | QA/SET | none |", "`T-202` | QA/SET | none | blocked |"
    )
    escalation = "\n## Escalations\n\n- Lane L2 blocked on fixtures -> owner TL, SM\n"
    cases.append(
        Case(
            "records/brief-overlap/finished-lane-brief-skipped",
            "PDP501",
            False,
            {_DISPATCH: _HEAD.format(meta="") + done + briefs + escalation},
            only=False,  # lane L1 is done without a gate report (PDP708): not this rule's case
        )
    )
    # Task-like headings in a document of no batch are not briefs: no lanes, no overlap.
    standards = (
        "# Coding standards\n\n## ISO-9001 records\n\nFiles:\n- `docs/quality.md`\n\n"
        "## RFC-2119 wording\n\nFiles:\n- `docs/quality.md`\n"
    )
    cases.append(
        Case(
            "records/brief-overlap/task-like-headings-elsewhere",
            "PDP501",
            False,
            {"docs/standards.md": standards},
        )
    )
    dispatch_only_ids = (
        _HEAD.format(meta="")
        + "## T-201 - fixtures\n\nFiles:\n- `apps/x/tests/*`\n\nAcceptance:\n- green\n\n"
        + "## T-202 - suite\n\nFiles:\n- `apps/x/tests/*`\n\nAcceptance:\n- green\n"
    )
    cases.append(
        Case(
            "records/brief-overlap/fires-task-headings-in-dispatch",
            "PDP501",
            True,
            {_DISPATCH: dispatch_only_ids},
            path=_DISPATCH,
            line=_nth_line(dispatch_only_ids, "apps/x/tests/*", 2),
        )
    )
    return cases


def _nth_line(text: str, needle: str, nth: int) -> int:
    """The line of the ``nth`` line holding ``needle`` (1-based count)."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} is not on {nth} lines")


# -- R3 and R5: high-risk files claimed by briefs, lock owners in tables and lists (PDP502) --


def _high_risk(meta: str = "", tail: str = "") -> dict[str, str]:
    first = _brief("T-201", "A", "Files in scope:\n- `AGENTS.md`\n", "Technical Lead")
    second = _brief("T-202", "B", "Files in scope:\n- `AGENTS.md`\n", "Scrum Master")
    return {_DISPATCH: _HEAD.format(meta=meta) + first + second + tail}


def _lock_cases() -> list[Case]:
    text = _high_risk()[_DISPATCH]
    line = _nth_line(text, "`AGENTS.md`", 2)
    cases = [
        Case("records/high-risk/fires-two-briefs", "PDP502", True, _high_risk(), line=line),
    ]
    override = "- TL override: lane L2 may edit `AGENTS.md` for the runtime section\n"
    silent = {
        "lock-owner-line": "- Lock owner: `AGENTS.md` -> lane L1\n" + override,
        "bold-file-lock-owner": "**File lock owner:** `AGENTS.md` (lane L1)\n\n" + override,
    }
    for name, meta in silent.items():
        cases.append(Case(f"records/high-risk/{name}", "PDP502", False, _high_risk(meta)))
    tails = {
        "lock-table": (
            "## File locks\n\n| File | Lock owner |\n|---|---|\n| `AGENTS.md` | lane L1 |\n"
        ),
        "lock-table-held-by": (
            "## Locks\n\n| Locked file | Held by | Status |\n|---|---|---|\n"
            "| `AGENTS.md` | Lane L1 | held |\n"
        ),
        "lock-list-colon": "## File locks\n\n- `AGENTS.md`: lane L1\n",
        "lock-list-arrow": "## File locks\n\n- `AGENTS.md` -> lane L1 (until lane L1's commit)\n",
        "lock-table-header-named": (
            "## Coordination\n\n| File | Lock owner |\n|---|---|\n| `AGENTS.md` | A |\n"
        ),
    }
    for name, tail in tails.items():
        cases.append(Case(f"records/high-risk/{name}", "PDP502", False, _high_risk(override, tail)))
    unnamed = {
        "lock-owner-tbd": ("- Lock owner: TBD\n", ""),
        "lock-owner-path-tbd": ("- Lock owner: `AGENTS.md` -> TBD\n", ""),
        "lock-table-owner-dash": (
            "",
            "## File locks\n\n| File | Lock owner |\n|---|---|\n| `AGENTS.md` | — |\n",
        ),
        "lock-list-unassigned": ("", "## File locks\n\n- `AGENTS.md`: unassigned\n"),
        "lock-owner-pending": ("- Lock owner: `AGENTS.md` (pending TL decision)\n", ""),
    }
    for name, (meta, tail) in unnamed.items():
        case_text = _high_risk(meta, tail)
        cases.append(
            Case(
                f"records/high-risk/fires-{name}",
                "PDP502",
                True,
                case_text,
                line=_nth_line(case_text[_DISPATCH], "- `AGENTS.md`", 2),
            )
        )
    return cases


# -- R5 and R6: locks held against table lanes (PDP503) -------------------------------------

_LOCKED_TABLE = """## Lanes

| Lane | Task | Owner | Dependency | Files | Acceptance |
|---|---|---|---|---|---|
| A | `T-201` | System Analyst | none | `spec/AGENT_RUNTIME.md` | reviewed |
| B | `T-202` | Executive Assistant | none | `spec/AGENT_RUNTIME.md`, `src/api.py` | green |

"""


def _locked(meta: str, tail: str = "") -> dict[str, str]:
    return {_DISPATCH: _HEAD.format(meta=meta) + _LOCKED_TABLE + tail}


def _lock_owner_cases() -> list[Case]:
    lock = "- Lock owner: `spec/AGENT_RUNTIME.md` -> lane A\n"
    row = _line(_HEAD.format(meta=lock) + _LOCKED_TABLE, "| B |")
    cases = [
        Case("records/lock/fires-no-override", "PDP503", True, _locked(lock), line=row),
        Case(
            "records/lock/tl-override",
            "PDP503",
            False,
            _locked(lock + "- TL override: lane B may edit `spec/AGENT_RUNTIME.md` today\n"),
        ),
        Case(
            "records/lock/released-lock",
            "PDP503",
            False,
            _locked("- Lock owner: `spec/AGENT_RUNTIME.md` -> lane A (released 12:00)\n"),
        ),
        Case(
            "records/lock/released-in-table-status",
            "PDP503",
            False,
            _locked(
                "",
                "## File locks\n\n| File | Lock owner | Status |\n|---|---|---|\n"
                "| `spec/AGENT_RUNTIME.md` | lane A | released |\n",
            ),
        ),
    ]
    table_lock = (
        "## File locks\n\n| File | Lock owner |\n|---|---|\n| `spec/AGENT_RUNTIME.md` | lane A |\n"
    )
    list_lock = "## File locks\n\n- `spec/AGENT_RUNTIME.md`: lane A\n"
    for name, tail in (("table", table_lock), ("list", list_lock)):
        text = _locked("", tail)
        cases.append(
            Case(
                f"records/lock/fires-lock-in-{name}",
                "PDP503",
                True,
                text,
                line=_line(text[_DISPATCH], "| B |"),
            )
        )
        cases.append(
            Case(
                f"records/lock/lock-in-{name}-tl-override",
                "PDP503",
                False,
                _locked("- TL override: lane B (T-202)\n", tail),
            )
        )
    not_overrides = {
        "request-denied": "- Override request: lane B (denied by TL)\n",
        "request-open": "- Override request: lane B may edit `spec/AGENT_RUNTIME.md`\n",
        "sm-override": "- SM override: lane B may edit `spec/AGENT_RUNTIME.md`\n",
        "granted-by-sm": "- Override: lane B may edit the runtime (granted by SM)\n",
        "tl-override-rejected": "- TL override: rejected for lane B\n",
        "override-pending": "**TL override:** pending for lane B\n\n",
    }
    for name, line in not_overrides.items():
        cases.append(
            Case(
                f"records/lock/fires-{name}",
                "PDP503",
                True,
                _locked(lock + line),
                line=_line(_HEAD.format(meta=lock + line) + _LOCKED_TABLE, "| B |"),
            )
        )
    granted = {
        "request-approved": "- Override request: lane B (approved by TL)\n",
        "request-granted": "- Override request: lane B — granted by the Technical Lead\n",
        "bold-tl-override": "**TL override:** lane B, until the runtime section is merged\n\n",
        "override-by-tl": "- Override: lane B may edit the runtime (by TL)\n",
    }
    for name, line in granted.items():
        cases.append(Case(f"records/lock/{name}", "PDP503", False, _locked(lock + line)))
    # ``Lock owner: TBD`` names nobody: the high-risk overlap is reported, no lock is held.
    tbd = _locked("- Lock owner: `spec/AGENT_RUNTIME.md` -> TBD\n")
    cases.append(
        Case(
            "records/lock/fires-high-risk-owner-tbd",
            "PDP502",
            True,
            tbd,
            line=_line(tbd[_DISPATCH], "| B |"),
        )
    )
    cases.append(Case("records/lock/owner-tbd-holds-nothing", "PDP503", False, tbd, only=False))
    # A lane given only by a brief is held to the lock as well.
    brief = _brief("T-203", "C", "Files in scope:\n- `spec/AGENT_RUNTIME.md`\n", "QA/SET")
    text = _HEAD.format(meta=lock + "- TL override: lane B (T-202)\n") + _LOCKED_TABLE + brief
    cases.append(
        Case(
            "records/lock/fires-brief-lane",
            "PDP503",
            True,
            {_DISPATCH: text},
            line=_nth_line(text, "- `spec/AGENT_RUNTIME.md`", 1),
            only=False,  # lane C also overlaps lane A and B on a high-risk file: PDP502
        )
    )
    over = "- TL override: lane B (T-202)\n- TL override: lane C (T-203)\n"
    cases.append(
        Case(
            "records/lock/brief-lane-tl-override",
            "PDP503",
            False,
            {_DISPATCH: _HEAD.format(meta=lock + over) + _LOCKED_TABLE + brief},
        )
    )
    return cases


CASES = _acceptance_cases() + _overlap_cases() + _lock_cases() + _lock_owner_cases()
