"""Writing styles of outcomes (R6) and of records kept in tables (R5), on the clean example.

Each case changes one line (or adds one table) of the bundled clean example: the example is
silent, so a case that must fire proves one finding for one mistake, and a silent case proves
the variant is read as the protocol means it.
"""

from __future__ import annotations

from tests.styles.harness import BASES, Case

_DISPATCH = "spec/operations/dispatch_B-15.md"
_WORKBOARD = "spec/operations/workboard_B-14.md"
_ESCALATION = "spec/operations/escalation_B-15_lane-L4.md"
_NOTES = "spec/operations/test_notes_DG-107.md"
_BEATS = "spec/operations/heartbeats_B-14.md"


def _case(name: str, code: str, fires: bool, files: dict[str, str], **given: object) -> Case:
    """A case on the clean example with ``files`` changed."""
    return Case(name, code, fires, files, base="clean", **given)  # type: ignore[arg-type]


def _clean(path: str) -> str:
    return (BASES["clean"] / path).read_text(encoding="utf-8")


def _changed(path: str, old: str, new: str) -> dict[str, str]:
    text = _clean(path)
    assert old in text, f"{old!r} is not in {path}"
    return {path: text.replace(old, new, 1)}


def _line(path: str, files: dict[str, str], needle: str) -> int:
    for number, line in enumerate(files[path].splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# -- approvals (PDP1002) ---------------------------------------------------------------------

_APPROVAL = (
    "- CA approval: lane L2 migration `apps/executive-cli/migrations/0007_digest.sql` "
    "approved by the Chief Architect (ADR-12)"
)
_L2_ROW = "| L2 | `DG-106` |"


def _approval_cases() -> list[Case]:
    cases = []
    silent = {
        "plain-naming-lane": "- CA approval: lane L2, `0007_digest.sql` (ADR-12)",
        "approved-by-key": "- Approved by: Chief Architect, lane L2 (ADR-12)",
        "emoji-approved": "- CA approval: ✅ approved for lane L2 (ADR-12)",
        "signed-off": "- CA approval: signed off for lane L2 by the CA",
        "bold-key": "**CA approval:** lane L2 (`DG-106`), ADR-12\n",
        "granted-after-request": "- CA approval requested: lane L2 — granted by the CA",
        "approved-then-note": "- CA approval: lane L2 approved; ADR review pending for the index",
    }
    for name, line in silent.items():
        cases.append(
            _case(
                f"outcomes/approval/{name}", "PDP1002", False, _changed(_DISPATCH, _APPROVAL, line)
            )
        )
    firing = {
        "pending": "- CA approval: pending",
        "pending-with-lane": "- CA approval: pending for lane L2 (CA on leave)",
        "rejected-for-lane": "- CA approval: rejected for lane L2",
        "requested-key": "- CA approval requested: lane L2, migration 0007",
        "not-approved": "- CA approval: not approved yet for lane L2",
        "tbd": "- CA approval: TBD",
        "denied": "- CA approval: lane L2 — denied, the index is missing",
        "awaiting": "- CA approval: awaiting ADR-12 for lane L2",
        "pending-key": "- Pending CA approval: lane L2",
        "under-review": "- CA approval: under review (lane L2)",
        "declined-bold": "**CA approval:** declined for lane L2\n",
        "approved-other-lane": "- CA approval: ✅ approved for lane L3 (`DG-107`)",
        "signed-off-by-po": "- PO approval: signed off for lane L2",
    }
    for name, line in firing.items():
        files = _changed(_DISPATCH, _APPROVAL, line)
        cases.append(
            _case(
                f"outcomes/approval/fires-{name}",
                "PDP1002",
                True,
                files,
                path=_DISPATCH,
                line=_line(_DISPATCH, files, _L2_ROW),
            )
        )
    return cases


# -- overrides of a lock (PDP503) --------------------------------------------------------------

_OVERRIDE = (
    "- TL override: lane L2 may edit `apps/executive-cli/src/executive_cli/models.py` for the "
    "storage model of `DG-106`; lane L1 has finished with it"
)


def _override_cases() -> list[Case]:
    cases = []
    silent = {
        "technical-lead-key": "- Technical Lead override: lane L2 (`DG-106`)",
        "request-approved": "- Override request: lane L2 (approved by TL)",
        "override-by-tl": "- Override: lane L2 may edit it (granted by the Technical Lead)",
        "task-named": "- TL override: `DG-106` may edit the storage model",
    }
    for name, line in silent.items():
        cases.append(
            _case(
                f"outcomes/override/{name}", "PDP503", False, _changed(_DISPATCH, _OVERRIDE, line)
            )
        )
    firing = {
        "request-denied": "- Override request: lane L2 (denied by TL)",
        "request-only": "- Override request: lane L2 may edit `models.py`",
        "sm-override": "- SM override: lane L2 may edit `models.py`",
        "scrum-master-override": "- Scrum Master override: lane L2 (`DG-106`)",
        "override-by-sm": "- Override: lane L2 may edit `models.py` (approved by SM)",
        "rejected": "- TL override: rejected for lane L2",
        "pending": "- TL override: pending for lane L2",
        "other-lane": "- TL override: lane L3 may edit `models.py`",
        "approved-request-other-lane": "- Override request: lane L3 (approved by TL)",
    }
    for name, line in firing.items():
        files = _changed(_DISPATCH, _OVERRIDE, line)
        cases.append(
            _case(
                f"outcomes/override/fires-{name}",
                "PDP503",
                True,
                files,
                path=_DISPATCH,
                line=_line(_DISPATCH, files, _L2_ROW),
            )
        )
    return cases


# -- rebase notes (PDP802) -------------------------------------------------------------------

_REBASED = "| pending | rebased on `6a6a6a6`; "
_REPORT = "spec/operations/gate_report_DG-106_2026-03-04.md"
_REPORT_REBASED = "- Rebased on `6a6a6a6` (ADR-12) after the rejection of `9c9c9c9`."


def _no_report_note(files: dict[str, str]) -> dict[str, str]:
    """``files`` with the gate report of DG-106 no longer noting its rebase."""
    return {**files, **_changed(_REPORT, _REPORT_REBASED, "- Resubmitted after `9c9c9c9`.")}


_RESUBMIT = "| `9e8d7c6` |"


def _rebase_cases() -> list[Case]:
    cases = []
    silent_rows = {
        "rebased-onto": "| pending | rebased onto `6a6a6a6`; ",
        "rebase-done": "| pending | rebase: done on `6a6a6a6`; ",
        "rebased-no-conflicts": "| pending | rebased, no conflicts; ",
    }
    for name, row in silent_rows.items():
        cases.append(
            _case(f"outcomes/rebase/{name}", "PDP802", False, _changed(_DISPATCH, _REBASED, row))
        )
    without = _changed(_DISPATCH, _REBASED, "| pending | second submission; ")[_DISPATCH]
    report = _no_report_note({})
    noted = {
        "note-line": "- Lane L2 rebased on `6a6a6a6` before resubmitting\n",
        "bold-note": "**Rebase:** lane L2 rebased on the accepted ADR commit\n",
    }
    for name, note in noted.items():
        files = {
            **report,
            _DISPATCH: without.replace("## Acceptance ledger\n", note + "\n## Acceptance ledger\n"),
        }
        cases.append(_case(f"outcomes/rebase/{name}", "PDP802", False, files))
    firing_rows = {
        "rebase-pending": "| pending | rebase pending; ",
        "needs-to-rebase": "| pending | needs to rebase on `6a6a6a6`; ",
        "not-rebased-yet": "| pending | not rebased yet; ",
        "todo-rebase": "| pending | TODO: rebase on `6a6a6a6`; ",
        "rebase-required": "| pending | rebase required before review; ",
    }
    for name, row in firing_rows.items():
        files = _no_report_note(_changed(_DISPATCH, _REBASED, row))
        cases.append(
            _case(
                f"outcomes/rebase/fires-{name}",
                "PDP802",
                True,
                files,
                path=_DISPATCH,
                line=_line(_DISPATCH, files, _RESUBMIT),
            )
        )
    reminders = {
        "reminder-line": "- Reminder: lane L2 must rebase on `6a6a6a6`\n",
        "should-rebase": "- Note: lane L2 should rebase before the TL reviews `9e8d7c6`\n",
        "will-rebase": "- Lane L2 will rebase after the ADR merge\n",
    }
    for name, note in reminders.items():
        files = {
            **report,
            _DISPATCH: without.replace("## Acceptance ledger\n", note + "\n## Acceptance ledger\n"),
        }
        cases.append(
            _case(
                f"outcomes/rebase/fires-{name}",
                "PDP802",
                True,
                files,
                path=_DISPATCH,
                line=_line(_DISPATCH, files, _RESUBMIT),
            )
        )
    return cases


# -- escalations that reach the TL and the SM (PDP903) ---------------------------------------

_ESCALATED = "- Lane D blocked until the lock on `cli.py` is released -> owner TL, SM -> ETA"
_LANE_D = "| D | `DG-104` |"
_TO = "**To:** Technical Lead, Scrum Master  "


def _escalation_cases() -> list[Case]:
    cases = []
    silent = {
        "plus": "- Lane D blocked until the lock on `cli.py` is released -> TL + SM -> ETA",
        "and-words": (
            "- Lane D blocked until the lock on `cli.py` is released -> Technical Lead and "
            "Scrum Master -> ETA"
        ),
        "informed-both": (
            "- Lane D blocked until the lock on `cli.py` is released -> TL informed; SM informed "
            "-> ETA"
        ),
    }
    for name, item in silent.items():
        cases.append(
            _case(
                f"outcomes/escalation/{name}",
                "PDP903",
                False,
                _changed(_WORKBOARD, _ESCALATED, item),
            )
        )
    firing = {
        "sm-not-informed": (
            "- Lane D blocked until the lock on `cli.py` is released -> owner TL; SM not "
            "informed yet -> ETA"
        ),
        "sm-to-be-notified": (
            "- Lane D blocked until the lock on `cli.py` is released -> TL (SM to be notified) "
            "-> ETA"
        ),
        "no-sm": "- Lane D blocked until the lock on `cli.py` is released -> TL, no SM -> ETA",
        "sm-pending": (
            "- Lane D blocked until the lock on `cli.py` is released -> owner TL; SM: pending "
            "-> ETA"
        ),
    }
    for name, item in firing.items():
        files = _changed(_WORKBOARD, _ESCALATED, item)
        cases.append(
            _case(
                f"outcomes/escalation/fires-{name}",
                "PDP903",
                True,
                files,
                path=_WORKBOARD,
                line=_line(_WORKBOARD, files, _LANE_D),
            )
        )
    documents = {
        "cc-not-sent": "**To:** Technical Lead  \n**Cc:** Scrum Master (not informed yet)  ",
        "to-sm-on-leave": "**To:** Technical Lead, Scrum Master (on leave)  ",
    }
    for name, lines in documents.items():
        files = _changed(_ESCALATION, _TO, lines)
        cases.append(
            _case(
                f"outcomes/escalation/fires-document-{name}",
                "PDP903",
                True,
                files,
                path=_DISPATCH,
                line=_line(_DISPATCH, {_DISPATCH: _clean(_DISPATCH)}, "| L4 | `DG-108` |"),
            )
        )
    cases.append(
        _case(
            "outcomes/escalation/document-cc",
            "PDP903",
            False,
            _changed(_ESCALATION, _TO, "**To:** Technical Lead  \n**Cc:** Scrum Master  "),
        )
    )
    # R5: the escalation kept as a table.
    tables = {
        "escalated-to-column": (
            "| Lane | Blocker | Escalated to | Raised |\n|---|---|---|---|\n"
            "| D | lock on `cli.py` | TL, SM | 2026-03-03 14:55 UTC |"
        ),
        "to-column": (
            "| Lane | Reason | To | Date |\n|---|---|---|---|\n"
            "| Lane D | waits for the lock on `cli.py` | Technical Lead + Scrum Master | "
            "2026-03-03 14:55 UTC |"
        ),
    }
    for name, table in tables.items():
        files = _changed(_WORKBOARD, _ESCALATED + " 2026-03-04 12:00 UTC", table)
        cases.append(_case(f"outcomes/escalation/table-{name}", "PDP903", False, files))
    firing_tables = {
        "table-tl-only": (
            "| Lane | Blocker | Escalated to | Raised |\n|---|---|---|---|\n"
            "| D | lock on `cli.py` | TL | 2026-03-03 14:55 UTC |"
        ),
        "table-sm-pending": (
            "| Lane | Blocker | Escalated to | Raised |\n|---|---|---|---|\n"
            "| D | lock on `cli.py` | TL; SM pending | 2026-03-03 14:55 UTC |"
        ),
    }
    for name, table in firing_tables.items():
        files = _changed(_WORKBOARD, _ESCALATED + " 2026-03-04 12:00 UTC", table)
        cases.append(
            _case(
                f"outcomes/escalation/fires-{name}",
                "PDP903",
                True,
                files,
                path=_WORKBOARD,
                line=_line(_WORKBOARD, files, _LANE_D),
            )
        )
    return cases


# -- assumptions left on a soft dependency (PDP604) -----------------------------------------

_FIXTURES = "- Fixtures: one week of digests for two users."
_L3_ROW = "| L3 | `DG-107` |"


def _assumption_cases() -> list[Case]:
    cases = []
    silent = {
        "struck-through": "- ~~[ASSUMPTION] the store keeps 30 days~~ (ADR-12 says 90)",
        "resolved-tag": "- [ASSUMPTION-RESOLVED] the store keeps 90 days",
        "resolved-colon-tag": "- [ASSUMPTION: resolved] the store keeps 90 days",
        "resolved-after": "- [ASSUMPTION] the store keeps 90 days — resolved: ADR-12 confirms it",
        "reconciled-after": "- [ASSUMPTION] retention is 90 days (reconciled with lane L1)",
        "struck-tag-only": "- ~~[ASSUMPTION]~~ retention is 90 days per ADR-12",
    }
    for name, line in silent.items():
        cases.append(
            _case(f"outcomes/assumption/{name}", "PDP604", False, _changed(_NOTES, _FIXTURES, line))
        )
    firing = {
        "open-tag": "- [ASSUMPTION] the store keeps 30 days",
        "not-yet-confirmed": "- [ASSUMPTION] the store keeps 30 days (not yet confirmed)",
        "struck-one-open-one": (
            "- ~~[ASSUMPTION] the store keeps 30 days~~\n- [ASSUMPTION] backups run nightly"
        ),
        "unresolved-word": "- [ASSUMPTION] the store keeps 30 days, unresolved",
    }
    for name, line in firing.items():
        files = _changed(_NOTES, _FIXTURES, line)
        cases.append(
            _case(
                f"outcomes/assumption/fires-{name}",
                "PDP604",
                True,
                files,
                path=_DISPATCH,
                line=_line(_DISPATCH, {_DISPATCH: _clean(_DISPATCH)}, _L3_ROW),
            )
        )
    return cases


# -- pushes kept in a table (PDP801) ---------------------------------------------------------

_PUSHED = "- Pushed: `6a6a6a6`, `7b7b7b7`, `4d4d4d4`\n"


def _push_cases() -> list[Case]:
    table = (
        "\n## Pushes\n\n| Commit | Pushed at |\n|---|---|\n"
        "| `6a6a6a6` | 2026-03-04 09:40 UTC |\n| `7b7b7b7` | 2026-03-04 10:25 UTC |\n"
    )
    mixed = table + "| `6a6a6a6..7b7b7b7` | 2026-03-04 10:50 UTC |\n"
    planned = table + "| `6a6a6a6..7b7b7b7` | planned, pending the verdict |\n"
    column = "\n## Release log\n\n| Pushed | By |\n|---|---|\n| `6a6a6a6..7b7b7b7` | TL |\n"
    cases = [
        _case("outcomes/push/table", "PDP801", False, _changed(_DISPATCH, _PUSHED, table)),
        _case(
            "outcomes/push/table-row-pending",
            "PDP801",
            False,
            _changed(_DISPATCH, _PUSHED, planned),
        ),
    ]
    for name, text in (("table-mixed-range", mixed), ("pushed-column", column)):
        files = _changed(_DISPATCH, _PUSHED, text)
        cases.append(
            _case(
                f"outcomes/push/fires-{name}",
                "PDP801",
                True,
                files,
                path=_DISPATCH,
                line=_line(_DISPATCH, files, "`6a6a6a6..7b7b7b7`"),
            )
        )
    return cases


# -- heartbeats: labels with lists and tables (PDP902, PDP901) -------------------------------

_BEAT_C = """## 2026-03-03 15:20 UTC - Lane C

- Status: regression suite written for criteria D1 to D4
- Blockers: none
- Next step: cover D5 and D6 on B's commit
"""


def _heartbeat_cases() -> list[Case]:
    nested = _BEAT_C.replace("- Blockers: none", "- Blockers:\n  - none, waiting for B's commit")
    bold = _BEAT_C.replace("- Blockers: none", "\n**Blockers:**\n- none\n").replace(
        "- Next step:", "\n- Next step:"
    )
    empty = _BEAT_C.replace("- Blockers: none", "- Blockers:")
    table = (
        "## Lane C heartbeats\n\n| Time | Lane | Status | Blockers | Next step |\n"
        "|---|---|---|---|---|\n"
        "| 2026-03-03 15:20 UTC | C | suite written for D1 to D4 | none | cover D5 and D6 |\n"
    )
    table_gap = table.replace("| none | cover", "|  | cover")
    cases = [
        _case(
            "outcomes/heartbeat/nested-blockers", "PDP902", False, _changed(_BEATS, _BEAT_C, nested)
        ),
        _case(
            "outcomes/heartbeat/bold-label-list", "PDP902", False, _changed(_BEATS, _BEAT_C, bold)
        ),
        _case("outcomes/heartbeat/table", "PDP902", False, _changed(_BEATS, _BEAT_C, table)),
        _case(
            "outcomes/heartbeat/table-keeps-lane-fresh",
            "PDP901",
            False,
            _changed(_BEATS, _BEAT_C, table),
        ),
    ]
    for name, text, needle in (
        ("fires-label-without-list", empty, "## 2026-03-03 15:20 UTC - Lane C"),
        ("fires-table-empty-blockers", table_gap, "| 2026-03-03 15:20 UTC | C |"),
    ):
        files = _changed(_BEATS, _BEAT_C, text)
        cases.append(
            _case(
                f"outcomes/heartbeat/{name}",
                "PDP902",
                True,
                files,
                path=_BEATS,
                line=_line(_BEATS, files, needle),
            )
        )
    stale = table.replace("2026-03-03 15:20 UTC", "2026-03-03 09:20 UTC")
    files = _changed(_BEATS, _BEAT_C, stale)
    cases.append(
        _case(
            "outcomes/heartbeat/fires-table-stale",
            "PDP901",
            True,
            files,
            path=_WORKBOARD,
            line=_line(_WORKBOARD, {_WORKBOARD: _clean(_WORKBOARD)}, "| C | `DG-103` |"),
        )
    )
    return cases


CASES = (
    _approval_cases()
    + _override_cases()
    + _rebase_cases()
    + _escalation_cases()
    + _assumption_cases()
    + _push_cases()
    + _heartbeat_cases()
)
