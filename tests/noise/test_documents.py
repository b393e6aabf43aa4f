"""Which documents are protocol documents: the artifact must be recognisable, not just readable.

Each case is one document, the path it stands at, and the protocol kinds it must be taken for
(empty: not a protocol document). The negative cases are the shapes that the forgiving readers
would take for artifacts; the positive ones are the shapes real protocol documents have.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.passes import document_class
from lanelint.linter.run.api import lint_paths, lint_text

STAMP = """```text
PREFLIGHT STAMP
Runtime: <runtime>
Role: <role>
Timestamp: <YYYY-MM-DD HH:MM TZ>

1) Instruction injection: <PASS|FAIL>
```
"""

CASES: list[tuple[str, str, str, tuple[str, ...]]] = [
    (
        "swimming-lanes",
        "docs/pool.md",
        "# Club night\n\n| Lane | Owner | Task | Status |\n|---|---|---|---|\n"
        "| 1 | Coach Dana | warm-up | open |\n| 2 | Coach Lee | sprints | booked |\n",
        (),
    ),
    (
        "fastlane-lanes-owned-by-sre",
        "docs/mobile.md",
        "# Fastlane\n\n| Lane | Owner | Description |\n|---|---|---|\n"
        "| beta | SRE | upload to TestFlight |\n| release | DevOps | submit |\n",
        (),
    ),
    (
        "git-bisect-log",
        "docs/bisect.md",
        "# Bisect\n\n| Commit | Verdict |\n|---|---|\n| `a1b2c3d` | good |\n| `e4f5a6b` | bad |\n",
        (),
    ),
    (
        "other-process-gate-report",
        "docs/gate_report_phase2.md",
        "# Gate Report: Phase 2 exit\n\n## Decisions\n\n- Passed.\n\n## Risks\n\n- Budget.\n\n"
        "## Artifacts\n\n- `reports/load.pdf`\n",
        (),
    ),
    (
        "adr-titled-like-a-task",
        "docs/adr/0007-use-postgres.md",
        "# ADR-0007: Use Postgres\n\n## Status\n\nAccepted\n\n## Acceptance criteria\n\n- fast\n",
        (),
    ),
    (
        "memo-from-to",
        "docs/memo.md",
        "# Memo\n\n**From:** Ana\n**To:** Product Owner\n**Reason:** budget review\n",
        (),
    ),
    (
        "service-heartbeat-runbook",
        "ops/heartbeat-monitor.md",
        "# Heartbeat monitor\n\n## 2026-03-01 10:00 UTC outage\n\n- Status: resolved\n"
        "- Next step: postmortem\n",
        (),
    ),
    (
        "performance-baseline",
        "docs/perf.md",
        "# Perf\n\n## Performance baseline\n\n- PERF-12: p95 180 ms\n",
        (),
    ),
    (
        "glossary-batch-and-baseline-words",
        "docs/glossary.md",
        "# Glossary\n\n- **Batch**: a group of jobs.\n- **Baseline**: a measurement.\n"
        "- **Approved by**: the reviewer.\n",
        (),
    ),
    (
        "stamp-shown-as-an-example",
        "agents/lead/SKILL.md",
        "# Skill\n\nThe stamp looks like this:\n\n" + STAMP,
        (),
    ),
    (
        "workboard",
        "spec/workboard.md",
        "# Workboard\n\n| Lane | Task ID | Role | Dependency | Locked files | Status |\n"
        "|---|---|---|---|---|---|\n| A | `T-1` | System Analyst | none | `spec/a.md` | active |\n",
        ("lane-plan",),
    ),
    (
        "lane-plan-with-sequence-ids",
        "spec/plan.md",
        "# Plan\n\n| Lane | Task | Owner |\n|---|---|---|\n| L1 | T-1 | TL |\n| L2 | T-2 | EA |\n",
        ("lane-plan",),
    ),
    (
        "ledger",
        "spec/ledger.md",
        "# Ledger\n\n| Commit | Lane | Verdict |\n|---|---|---|\n| `a1b2c3d` | A | accepted |\n",
        ("ledger",),
    ),
    (
        "protocol-gate-report",
        "spec/gate_report_T-1_2026-02-16.md",
        "# Gate Report: T-1\n\n## 1) Role confirmation\n\nActing as TL.\n",
        ("gate-report",),
    ),
    (
        "filled-stamp",
        "spec/session.md",
        "# Log\n\n" + STAMP.replace("<role>", "TL"),
        ("preflight-stamp",),
    ),
    (
        "lane-heartbeat",
        "spec/heartbeats.md",
        "# Heartbeats\n\n## 2026-02-16 11:00 UTC - Lane B\n\n- Status: active\n",
        ("heartbeat",),
    ),
    (
        "escalation",
        "spec/escalation.md",
        "# Escalation\n\n**From:** EA\n**To:** TL, SM\n**Lane:** B\n**Reason:** blocked\n",
        ("escalation",),
    ),
    (
        "approved-baseline",
        "spec/sprint_plan.md",
        "# Sprint plan\n\n## Approved baseline\n\n- T-101\n- T-102\n",
        ("baseline",),
    ),
    (
        "task-file",
        "spec/TASKS/TASK_T-1.md",
        "# Task T-1: API\n\n## Acceptance checks\n\n- ok\n",
        ("task",),
    ),
    (
        "batch-notes",
        "spec/decisions.md",
        "# Decisions\n\n- Batch id: `B-1`\n- TL override: lane B may edit `AGENTS.md`.\n",
        ("batch-notes",),
    ),
]


@pytest.mark.parametrize(
    ("path", "text", "kinds"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_protocol_kinds(path: str, text: str, kinds: tuple[str, ...], tmp_path: Path) -> None:
    config = Config(root=tmp_path, cache=False)
    result = lint_text(text, str(tmp_path / path), config=config)
    (document,) = result.documents
    taken = document_class(document)
    assert taken.kinds == kinds
    assert taken.is_protocol == bool(kinds)
    if not kinds:
        assert [d.code for d in result.diagnostics if d.code.startswith("PDP")] == []


PLAN = """\
# Dispatch: B-1

- Batch id: `B-1`

## Approved baseline

- T-1

| Lane | Task | Role | Dependency | Files | Status | Acceptance |
|---|---|---|---|---|---|---|
| A | T-1 | System Analyst | none | `spec/a.md` | done | reviewed |

| Commit | Lane | Task | Verdict | Evidence |
|---|---|---|---|---|
| `a1a1a1a` | A | T-1 | accepted | checks green |
| `b2b2b2b` | A | T-1 | rejected | tests fail |
| `c3c3c3c` | A | T-1 | accepted | checks green |
"""
#: Not a protocol document: release notes that happen to record a push.
NOTES = "# Release notes\n\n- Pushed: `a1a1a1a..c3c3c3c` to prod\n"


def test_other_documents_contribute_nothing_to_the_workspace(tmp_path: Path) -> None:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "plan.md").write_text(PLAN, "utf-8")
    config = Config(root=tmp_path, cache=False)
    clean = lint_paths([tmp_path], config=config)
    (tmp_path / "spec" / "release.md").write_text(NOTES, "utf-8")
    noisy = lint_paths([tmp_path], config=config)
    assert [d.code for d in noisy.diagnostics] == [d.code for d in clean.diagnostics]
    # The same push record in a protocol document is read: it mixes accepted and rejected.
    (tmp_path / "spec" / "release.md").write_text(
        "# Release notes\n\n- Batch id: `B-1`\n- Pushed: `a1a1a1a..c3c3c3c` to prod\n", "utf-8"
    )
    read = lint_paths([tmp_path], config=config)
    added = [d for d in read.diagnostics if d.path.endswith("release.md")]
    assert [d.code for d in added] == ["PDP801"], read.diagnostics


def test_the_board_shows_protocol_documents_only(tmp_path: Path) -> None:
    from lanelint.linter.run.collect import index_paths

    (tmp_path / "docs").mkdir()
    pool = (
        "| Lane | Owner | Task | Status |\n|---|---|---|---|\n| 1 | Coach Dana | warm-up | open |\n"
    )
    (tmp_path / "docs" / "pool.md").write_text("# Club night\n\n" + pool, "utf-8")
    (tmp_path / "docs" / "plan.md").write_text(PLAN, "utf-8")
    index = index_paths([tmp_path], Config(root=tmp_path, cache=False))
    assert [lane.id for lane in index.lanes] == ["A"]


@pytest.mark.parametrize(
    ("path", "template"),
    [
        ("spec/templates/WORKBOARD.md", True),
        ("spec/PREFLIGHT_STAMP_TEMPLATE.md", True),
        (".github/ISSUE_TEMPLATE/bug_report.md", True),
        (".github/pull_request_template.md", True),
        ("docs/template-guide.md", False),
        ("spec/operations/workboard.md", False),
    ],
)
def test_template_paths(path: str, template: bool) -> None:
    from lanelint.linter.protocol.artifacts.placeholders import is_template_path

    assert is_template_path(path) is template
