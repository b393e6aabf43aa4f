"""Skeletons from ``lanelint new`` lint as the protocol expects.

Straight from ``new`` they report only placeholder findings (PDP001); with their placeholders
filled by realistic values they lint clean, alone and together as one realistic spec folder.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config, load_config
from lanelint.linter.run.api import lint_paths, lint_text
from lanelint.linter.skeletons import KINDS, Values
from lanelint.rules import all_rules
from tests.conftest import run_cli
from tests.templates._skeleton_support import (
    ALL_OPTIONS,
    NO_VALUES,
    REALISTIC,
    fill,
    render,
    write,
)

DOCUMENT_CODES = tuple(rule.code for rule in all_rules() if rule.scope == "document")
#: Kinds the linter recognises as protocol documents (so PDP001 applies to them).
PROTOCOL_KINDS = ("preflight-stamp", "gate-report", "workboard")


def _path(tmp_path: Path, kind: str) -> str:
    return str(tmp_path / KINDS[kind].output.format(task="T-101", lane="B", date="2026-02-16"))


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("given", ["all", "none"])
def test_new_output_reports_only_placeholders(kind: str, given: str, tmp_path: Path) -> None:
    """Linted in a repository that has an approved baseline, as a real one does."""
    options = ALL_OPTIONS if given == "all" else ()
    result = run_cli(["new", kind, "--output", "-", *options], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    text = result.stdout if given == "all" else render(kind, NO_VALUES)
    write(tmp_path, "spec/baseline.md", "# Approved baseline\n\n## Baseline\n\n- T-101\n")
    write(tmp_path, _path(tmp_path, kind), text)
    if kind == "workboard":  # the lane's task file, as `lanelint new task` writes it
        write(tmp_path, "spec/TASKS/TASK_T-101.md", render("task"))
    config = Config(root=tmp_path, baseline_files=("spec/baseline.md",))
    linted = lint_paths([tmp_path / "spec"], config=config)
    codes = {d.code for d in linted.diagnostics}
    assert codes <= {"PDP001"}, linted.diagnostics
    skeleton = next(
        d for d in linted.documents if d.path.endswith(Path(_path(tmp_path, kind)).name)
    )
    assert skeleton.summary is not None
    if kind in PROTOCOL_KINDS:
        assert skeleton.summary.kinds
    if skeleton.summary.kinds:  # a protocol document: its placeholders are reported
        assert "PDP001" in codes


def test_new_without_values_uses_placeholders_and_today(tmp_path: Path) -> None:
    result = run_cli(["new", "gate-report", "--output", "-"], cwd=tmp_path)
    assert result.exit_code == 0
    assert "# Gate Report: `<TASK-ID>`" in result.stdout
    import datetime as dt

    assert f"**Date:** {dt.date.today().isoformat()}" in result.stdout


@pytest.mark.parametrize("kind", list(KINDS))
def test_filled_skeleton_lints_clean(kind: str, tmp_path: Path) -> None:
    text = fill(render(kind), REALISTIC[kind])
    assert "<" not in text.replace("->", "")
    linted = lint_text(
        text,
        _path(tmp_path, kind),
        config=Config(root=tmp_path, select=(*DOCUMENT_CODES, "LL")),
    )
    assert linted.diagnostics == []


def _realistic_folder(root: Path) -> None:
    """One opened batch: lane A (requirements) active, the rest planned; all from skeletons."""
    write(
        root,
        "lanelint.toml",
        'spec = "spec"\nbaseline-files = ["spec/operations/approved_baseline.md"]\n',
    )
    write(
        root,
        "spec/operations/approved_baseline.md",
        "# Approved baseline B-12\n\n## Baseline\n\n- REQ-100\n- T-101\n- QA-103\n- OPS-104\n",
    )
    write(root, "spec/requirements/export.md", "# Export requirements\n")
    values = copy.deepcopy(REALISTIC)
    analyst = Values("REQ-100", "A", "System Analyst", "Codex", "2026-02-16")
    values["preflight-stamp"]["PASS|SKIP|FAIL"] = "PASS"  # an analyst reads the framework
    write(
        root,
        "spec/operations/preflight_stamp_REQ-100_2026-02-16.md",
        fill(render("preflight-stamp", analyst), values["preflight-stamp"]),
    )
    board = values["workboard"]
    board.update(
        {
            # Lane A is given; rows B, C, D, then the acceptance queue and the escalation.
            "task": ["`T-101`", "`QA-103`", "`OPS-104`", "`REQ-100`"],
            "role": ["`Executive Assistant`", "`QA/SET`", "`DevOps/SRE`", "TL, SM"],
            "type": ["none", "hard(A)", "hard(B)", "soft(B)"],
            "active/blocked/done": ["active", "planned", "planned", "planned"],
            "time": "2026-02-16 13:00 UTC",
        }
    )
    lane_a = Values("REQ-100", "A", "System Analyst", None, "2026-02-16")
    write(
        root,
        "spec/operations/parallel_workboard_2026-02-16.md",
        fill(render("workboard", lane_a), board),
    )
    beat = values["heartbeat"]
    beat["2026-02-16 HH:MM TZ"] = "2026-02-16 11:15 UTC"
    write(
        root,
        "spec/operations/heartbeat_A_2026-02-16.md",
        fill(render("heartbeat", analyst), beat),
    )
    report = values["gate-report"]
    report["changed file"] = "`spec/requirements/export.md`"
    report["requirement or acceptance check"] = "`REQ-100` acceptance criteria"
    write(
        root,
        "spec/operations/gate_report_REQ-100_2026-02-16.md",
        fill(render("gate-report", analyst), report),
    )
    lanes = (
        ("REQ-100", "A", "System Analyst"),
        ("T-101", "B", "Executive Assistant"),
        ("QA-103", "C", "QA/SET"),
        ("OPS-104", "D", "DevOps/SRE"),
    )
    for task, lane, role in lanes:
        text = render("task", Values(task, lane, role, None, "2026-02-16"))
        write(root, f"spec/TASKS/TASK_{task}.md", fill(text, values["task"]))
    write(
        root,
        "spec/operations/escalation_T-101_2026-02-16.md",
        fill(
            render("escalation", Values("T-101", "B", "Executive Assistant", None, "2026-02-16")),
            values["escalation"],
        ),
    )


def test_realistic_folder_from_skeletons_lints_clean(tmp_path: Path) -> None:
    _realistic_folder(tmp_path)
    config = load_config([tmp_path], explicit=tmp_path / "lanelint.toml")
    result = lint_paths([], config=config)
    assert len(result.files) == 11
    # tmp_path is no git work tree: the one LL010 note says the git checks were skipped
    assert [d for d in result.diagnostics if d.code != "LL010"] == []


def _skeleton_only_folder(root: Path) -> dict[str, Path]:
    """A batch written only with ``lanelint new`` skeletons, filled with valid values: no
    configuration, no hand-written baseline or other document."""
    values = copy.deepcopy(REALISTIC)
    analyst = Values("REQ-100", "A", "System Analyst", "Codex", "2026-02-16")
    values["preflight-stamp"]["PASS|SKIP|FAIL"] = "PASS"
    board = values["workboard"]
    board.update(
        {
            "task": ["`T-101`", "`QA-103`", "`OPS-104`", "`REQ-100`"],
            "role": ["`Executive Assistant`", "`QA/SET`", "`DevOps/SRE`", "TL, SM"],
            "type": ["none", "hard(A)", "hard(B)", "soft(B)"],
            "active/blocked/done": ["active", "planned", "planned", "planned"],
            "time": "2026-02-16 13:00 UTC",
            "files of lane A": "`spec/TASKS/TASK_REQ-100.md`",
        }
    )
    beat = values["heartbeat"]
    beat["2026-02-16 HH:MM TZ"] = "2026-02-16 11:15 UTC"
    report = values["gate-report"]
    report["changed file"] = "`spec/TASKS/TASK_REQ-100.md`"
    report["requirement or acceptance check"] = "`REQ-100` acceptance criteria"
    lane_a = Values("REQ-100", "A", "System Analyst", None, "2026-02-16")
    blocked = Values("T-101", "B", "Executive Assistant", None, "2026-02-16")
    files = {
        "stamp": write(
            root,
            _path(root, "preflight-stamp").replace("T-101", "REQ-100"),
            fill(render("preflight-stamp", analyst), values["preflight-stamp"]),
        ),
        "workboard": write(
            root, _path(root, "workboard"), fill(render("workboard", lane_a), board)
        ),
        "heartbeat": write(
            root,
            _path(root, "heartbeat").replace("_B_", "_A_"),
            fill(render("heartbeat", analyst), beat),
        ),
        "gate-report": write(
            root,
            _path(root, "gate-report").replace("T-101", "REQ-100"),
            fill(render("gate-report", analyst), report),
        ),
        "escalation": write(
            root,
            _path(root, "escalation"),
            fill(render("escalation", blocked), values["escalation"]),
        ),
    }
    lanes = (
        ("REQ-100", "A", "System Analyst"),
        ("T-101", "B", "Executive Assistant"),
        ("QA-103", "C", "QA/SET"),
        ("OPS-104", "D", "DevOps/SRE"),
    )
    for task, lane, role in lanes:
        text = render("task", Values(task, lane, role, None, "2026-02-16"))
        files[task] = write(root, f"spec/TASKS/TASK_{task}.md", fill(text, values["task"]))
    return files


def test_a_folder_of_filled_skeletons_lints_clean(tmp_path: Path) -> None:
    files = _skeleton_only_folder(tmp_path)
    # tmp_path is no repository: the ledger's commit cannot be compared with git here
    result = lint_paths([tmp_path / "spec"], config=Config(root=tmp_path, cache=False, git=False))
    assert len(result.files) == len(files) == 9
    assert result.diagnostics == []
    taken = {Path(d.path).name: d.taken for d in result.documents}
    assert len(taken) == 9
    # every skeleton is taken for a protocol document, for an artifact it holds
    assert all(t is not None and t.is_protocol and t.kinds for t in taken.values()), taken


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [("Task", "REQ-999", "task 'REQ-999'"), ("Lane", "Q", "")],
)
def test_the_stamp_task_and_lane_of_a_skeleton_are_read(
    field: str, value: str, named: str, tmp_path: Path
) -> None:
    """``new preflight-stamp`` writes ``Task:`` and ``Lane:`` inside the stamp, where rules read
    them: a stamp naming a task or lane that no lane has is a finding."""
    files = _skeleton_only_folder(tmp_path)
    stamp = files["stamp"]
    text = stamp.read_text("utf-8")
    original = "Task: REQ-100" if field == "Task" else "Lane: A"
    assert text.count(original) == 1
    stamp.write_text(text.replace(original, f"{field}: {value}"), "utf-8")
    result = lint_paths([tmp_path / "spec"], config=Config(root=tmp_path, cache=False, git=False))
    on_stamp = [d for d in result.diagnostics if Path(d.path).name == stamp.name]
    assert [d.code for d in on_stamp] == ["PDP308"]
    assert named in on_stamp[0].message  # (PDP308 quotes the task where the stamp has one)
