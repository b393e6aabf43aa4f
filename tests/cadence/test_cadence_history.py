"""Cadence over time: every heartbeat gap, lanes with no timestamps, daily syncs, stamps in time,
and ``--now`` for "overdue"."""

from __future__ import annotations

from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.run.api import LintResult, lint_paths

BOARD = """# Workboard B-3

- Batch id: `B-3`

## Lanes

| Lane | Task ID | Role | Dependency | Files | Status | Last update |
|---|---|---|---|---|---|---|
{rows}
"""
LANE_B = "| B | `T-2` | Executive Assistant | none | `src/b.py` | {status} | {update} |"
LANE_C = "| C | `T-3` | QA/SET | none | `tests/c.py` | {status} | {update} |"


def beat(moment: str, lane: str, status: str = "in progress") -> str:
    return f"## {moment} - Lane {lane}\n- Status: {status}\n- Blockers: none\n- Next step: go on\n"


def stamp(role: str, moment: str, task: str = "", lane: str = "") -> str:
    extra = (f"Task: {task}\n" if task else "") + (f"Lane: {lane}\n" if lane else "")
    return (
        "```text\nPREFLIGHT STAMP\nRuntime: Codex\n"
        f"Role: {role}\nTimestamp: {moment}\n{extra}"
        "1) Instruction injection: PASS\n2) Skill discovery (R2): PASS\n3) Task discovery: PASS\n"
        "4) Permissions readiness: PASS\n5) Framework readiness (System Analyst planning only): "
        "SKIP\n\nPreflight status: READY TO EXECUTE\n```\n"
    )


def project(tmp_path: Path, rows: list[str], beats: list[str], **more: str) -> Path:
    spec = tmp_path / "spec"
    spec.mkdir(exist_ok=True)
    (spec / "workboard_B-3.md").write_text(BOARD.format(rows="\n".join(rows)))
    (spec / "heartbeats_B-3.md").write_text(
        "# Heartbeats B-3\n\n- Batch id: `B-3`\n\n" + "\n".join(beats)
    )
    for name, text in more.items():
        (spec / name).write_text(text)
    return tmp_path


def lint(root: Path, **extra: object) -> LintResult:
    config = Config(root=root.resolve(), cache=False, git=False).with_overrides(**extra)
    return lint_paths([root / "spec"], config=config)


def messages(result: LintResult, code: str) -> list[str]:
    return [
        f"{d.path.rsplit('/', 1)[-1]}:{d.line} {d.message}"
        for d in result.diagnostics
        if d.code == code
    ]


# -- PDP910: every gap -----------------------------------------------------------------------


def test_an_early_gap_is_reported_though_the_newest_beat_is_fresh(tmp_path: Path) -> None:
    rows = [LANE_B.format(status="active", update="2026-03-03 15:00 UTC")]
    beats = [
        beat("2026-03-03 09:00 UTC", "B"),
        beat("2026-03-03 09:50 UTC", "B"),
        beat("2026-03-03 14:30 UTC", "B"),
        beat("2026-03-03 15:00 UTC", "B"),
    ]
    result = lint(project(tmp_path, rows, beats))
    assert messages(result, "PDP910") == [
        "heartbeats_B-3.md:15 lane 'B' went 4h40m without a heartbeat: heartbeat 2026-03-03 "
        "09:50 UTC to heartbeat 2026-03-03 14:30 UTC (interval 2h)"
    ]
    assert messages(result, "PDP901") == []


def test_a_regular_cadence_an_early_done_lane_and_a_night_stay_silent(tmp_path: Path) -> None:
    rows = [
        LANE_B.format(status="active", update="2026-03-04 10:00 UTC"),
        LANE_C.format(status="done", update="2026-03-03 11:00 UTC"),
    ]
    beats = [
        beat("2026-03-03 16:00 UTC", "B"),
        beat("2026-03-03 17:30 UTC", "B"),
        beat("2026-03-04 09:00 UTC", "B"),  # the night is no gap
        beat("2026-03-04 10:00 UTC", "B"),
        beat("2026-03-03 10:00 UTC", "C"),  # done an hour later, before a second beat was due
    ]
    assert messages(lint(project(tmp_path, rows, beats)), "PDP910") == []


def test_the_gap_to_the_done_record_counts(tmp_path: Path) -> None:
    rows = [LANE_C.format(status="done", update="2026-03-03 15:00 UTC")]
    beats = [beat("2026-03-03 10:00 UTC", "C")]
    assert messages(lint(project(tmp_path, rows, beats)), "PDP910") == [
        "workboard_B-3.md:9 lane 'C' went 5h without a heartbeat: heartbeat 2026-03-03 10:00 "
        "UTC to done record 2026-03-03 15:00 UTC (interval 2h)"
    ]


# -- PDP911: no timestamps at all ----------------------------------------------------------------


def test_an_active_lane_with_no_heartbeat_in_a_batch_without_timestamps(tmp_path: Path) -> None:
    rows = [
        LANE_B.format(status="active", update="-"),
        LANE_C.format(status="active", update="-"),
    ]
    beats = ["## Lane B\n- Status: started\n- Blockers: none\n- Next step: x\n"]
    other = "# Heartbeats B-9\n\n- Batch id: `B-9`\n\n" + beat("2026-03-01 10:00 UTC", "Z")
    result = lint(project(tmp_path, rows, beats, **{"heartbeats_B-9.md": other}))
    found = messages(result, "PDP911")
    assert found == [
        "workboard_B-3.md:9 active lane 'B' has no heartbeat, and its batch records no timestamp",
        "workboard_B-3.md:10 active lane 'C' has no heartbeat, and its batch records no timestamp",
    ]


def test_no_timestamps_anywhere_in_the_run_is_not_judged(tmp_path: Path) -> None:
    rows = [LANE_B.format(status="active", update="-")]
    assert messages(lint(project(tmp_path, rows, [])), "PDP911") == []


# -- --now ---------------------------------------------------------------------------------------


def test_now_decides_overdue(tmp_path: Path) -> None:
    rows = [LANE_B.format(status="active", update="2026-03-03 10:00 UTC")]
    root = project(tmp_path, rows, [beat("2026-03-03 10:00 UTC", "B")])
    assert messages(lint(root), "PDP901") == []
    assert messages(lint(root, now="2026-03-03 13:00 UTC"), "PDP901") == [
        "workboard_B-3.md:9 active lane 'B' last heartbeat 2026-03-03 10:00 UTC is more than 2h "
        "before --now 2026-03-03 13:00 UTC"
    ]


# -- PDP912: daily sync ------------------------------------------------------------------------

TWO_DAYS = [
    beat("2026-03-03 10:00 UTC", "B"),
    beat("2026-03-03 11:00 UTC", "C"),
    beat("2026-03-04 10:00 UTC", "B"),
    beat("2026-03-04 11:00 UTC", "C"),
]
ROWS = [
    LANE_B.format(status="active", update="2026-03-04 10:00 UTC"),
    LANE_C.format(status="active", update="2026-03-04 11:00 UTC"),
]


def test_a_missing_daily_sync(tmp_path: Path) -> None:
    sync = "# Daily sync log\n\n## 2026-03-03\n\nAttendees: TL, Executive Assistant, QA/SET\n"
    result = lint(project(tmp_path, ROWS, TWO_DAYS, **{"daily_sync.md": sync}))
    assert messages(result, "PDP912") == [
        "workboard_B-3.md:7 batch 'B-3' has no daily sync record for 2026-03-04, a day its "
        "lanes 'B', 'C' worked"
    ]


def test_a_sync_that_leaves_out_an_owner(tmp_path: Path) -> None:
    sync = (
        "# Notes\n\n- 2026-03-03 daily sync: TL, EA, QA/SET\n"
        "- 2026-03-04 daily sync: TL, Executive Assistant\n"
    )
    result = lint(project(tmp_path, ROWS, TWO_DAYS, **{"notes.md": sync}))
    assert messages(result, "PDP912") == [
        "workboard_B-3.md:7 the daily sync of 2026-03-04 does not name the owner of every lane "
        "active that day: QA/SET (lane 'C')"
    ]


def test_syncs_in_another_file_one_afternoon_and_no_sync_records_stay_silent(
    tmp_path: Path,
) -> None:
    sync = (
        "# Team notes\n\n## Daily sync 2026-03-03\n\nall lane owners present\n\n"
        "## Stand-up 2026-03-04\n\n- Executive Assistant (lane B)\n- lane C\n"
    )
    assert messages(lint(project(tmp_path, ROWS, TWO_DAYS, **{"team.md": sync})), "PDP912") == []
    one_day = TWO_DAYS[:2]
    other = tmp_path / "one"
    other.mkdir()
    root = project(other, ROWS, one_day, **{"team.md": "# Daily sync 2026-03-01\n\nTL\n"})
    assert messages(lint(root), "PDP912") == []
    third = tmp_path / "none"
    third.mkdir()
    assert messages(lint(project(third, ROWS, TWO_DAYS)), "PDP912") == []


# -- PDP320, PDP321, PDP322: stamps in time ------------------------------------------------------


def test_a_stale_stamp_and_a_stamp_after_the_first_heartbeat(tmp_path: Path) -> None:
    sessions = (
        "# Sessions B-3\n\n- Batch id: `B-3`\n\n"
        + stamp("Executive Assistant", "2026-02-20 09:00 UTC", task="T-2")
        + "\n"
        + stamp("QA/SET", "2026-03-03 12:00 UTC", task="T-3")
    )
    result = lint(project(tmp_path, ROWS, TWO_DAYS, **{"sessions.md": sessions}))
    assert messages(result, "PDP320") == [
        "sessions.md:5 preflight stamp of lane 'B' is dated 2026-02-20 09:00 UTC, more than 24h "
        "before the batch's first heartbeat 2026-03-03 10:00 UTC",
        "sessions.md:20 preflight stamp of lane 'C' is dated 2026-03-03 12:00 UTC, after the "
        "lane's first heartbeat 2026-03-03 11:00 UTC",
    ]


def test_stamps_in_time_stay_silent(tmp_path: Path) -> None:
    sessions = (
        "# Sessions B-3\n\n- Batch id: `B-3`\n\n"
        + stamp("Executive Assistant", "2026-03-02 17:00 UTC", task="T-2")
        + "\n"
        + stamp("QA/SET", "2026-03-03 10:55 UTC", lane="C")
    )
    result = lint(project(tmp_path, ROWS, TWO_DAYS, **{"sessions.md": sessions}))
    assert messages(result, "PDP320") == []
    assert messages(result, "PDP321") == []


def test_a_waiting_heartbeat_before_the_stamp_is_no_work(tmp_path: Path) -> None:
    beats = [beat("2026-03-03 08:00 UTC", "C", "waiting for lane B"), *TWO_DAYS]
    sessions = "# Sessions B-3\n\n- Batch id: `B-3`\n\n" + stamp(
        "QA/SET", "2026-03-03 10:55 UTC", task="T-3"
    )
    result = lint(project(tmp_path, ROWS, beats, **{"sessions.md": sessions}))
    assert messages(result, "PDP320") == []


def test_a_sync_naming_people_is_not_compared(tmp_path: Path) -> None:
    sync = "# Notes\n\n- 2026-03-03 daily sync: Ana, Ben\n- 2026-03-04 daily sync: Ana, Ben\n"
    assert messages(lint(project(tmp_path, ROWS, TWO_DAYS, **{"notes.md": sync})), "PDP912") == []


def test_a_stamp_without_task_or_lane_covers_only_its_day(tmp_path: Path) -> None:
    sessions = (
        "# Sessions\n\n"
        + stamp("QA/SET", "2026-03-03 10:50 UTC")
        + "\n"
        + stamp("Executive Assistant", "2026-03-03 09:50 UTC")
        + "\n"
        + stamp("Executive Assistant", "2026-03-04 09:50 UTC")
    )
    result = lint(project(tmp_path, ROWS, TWO_DAYS, **{"sessions.md": sessions}))
    assert messages(result, "PDP321") == [
        "heartbeats_B-3.md:20 lane 'C' worked on 2026-03-04 with no preflight stamp of that "
        "day; its stamps name no task or lane and cover only their own day (2026-03-03)"
    ]


def test_a_stamp_claiming_two_active_lanes(tmp_path: Path) -> None:
    rows = [*ROWS, "| D | `T-4` | Executive Assistant | none | `src/d.py` | done | - |"]
    two = "# S\n\n- Batch id: `B-3`\n\n" + stamp(
        "Executive Assistant", "2026-03-03 09:00 UTC", lane="B, C"
    )
    result = lint(project(tmp_path, rows, TWO_DAYS, **{"s.md": two}))
    assert messages(result, "PDP322") == [
        "s.md:10 preflight stamp claims lanes 'B', 'C', active at the same time; one active "
        "lane maps to one session"
    ]
    serial = "# S\n\n- Batch id: `B-3`\n\n" + stamp(
        "Executive Assistant", "2026-03-03 09:00 UTC", lane="B and D"
    )
    assert messages(lint(project(tmp_path, rows, TWO_DAYS, **{"s.md": serial})), "PDP322") == []
