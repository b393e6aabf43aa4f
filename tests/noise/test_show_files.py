"""``lanelint check -v`` / ``--show-files``: why each file was or was not checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

WORKBOARD = """\
# Parallel Workboard: B-3

- Batch id: `B-3`

| Lane | Task ID | Role | Dependency | Locked files | Status |
|---|---|---|---|---|---|
| A | `T-1` | System Analyst | none | `spec/a.md` | active |
"""
SWIMMING = """\
# Club night

| Lane | Owner | Task | Status |
|---|---|---|---|
| 1 | Coach Dana | warm-up | open |
| 2 | Coach Lee | sprints | booked |
"""


def _project(tmp_path: Path) -> Path:
    (tmp_path / "spec" / "templates").mkdir(parents=True)
    (tmp_path / "spec" / "workboard_B-3.md").write_text(WORKBOARD, "utf-8")
    (tmp_path / "spec" / "pool.md").write_text(SWIMMING, "utf-8")
    (tmp_path / "spec" / "templates" / "WORKBOARD_TEMPLATE.md").write_text(
        WORKBOARD.replace("`T-1`", "`<task>`"), "utf-8"
    )
    (tmp_path / "lanelint.toml").write_text("cache = false\n", "utf-8")
    return tmp_path


@pytest.mark.parametrize("flag", ["-v", "--show-files"])
def test_show_files_lists_how_each_file_was_taken(flag: str, tmp_path: Path) -> None:
    result = run_cli(["check", flag, "--exit-zero", "spec"], cwd=_project(tmp_path))
    lines = sorted(result.stderr.splitlines())
    assert lines == [
        "spec/pool.md: not a protocol document",
        "spec/templates/WORKBOARD_TEMPLATE.md: template",
        "spec/workboard_B-3.md: protocol document (lane-plan)",
    ]
    assert "pool.md" not in result.stdout


def test_without_the_flag_nothing_is_listed(tmp_path: Path) -> None:
    result = run_cli(["check", "--exit-zero", "spec"], cwd=_project(tmp_path))
    assert result.stderr == ""


def test_a_configured_document_says_so(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "lanelint.toml").write_text('cache = false\ndocuments = ["spec/pool.md"]\n')
    result = run_cli(["check", "-v", "--exit-zero", "spec/pool.md"], cwd=project)
    assert result.stderr.splitlines() == [
        "spec/pool.md: protocol document (no artifact; configured)"
    ]
