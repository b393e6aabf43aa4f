"""``lanelint check --stdin-filename PATH -``: an editor's buffer, linted as if it stood at PATH."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lanelint.linter.engine.config import load_config
from lanelint.linter.run.api import lint_buffer, lint_paths
from tests.conftest import run_cli
from tests.integrations._support import GATE_REPORT, SEEDED, SESSION_LOG, WORKBOARD, copy_seeded


def _json(folder: Path, *args: str, text: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    result = run_cli(["check", "--no-cache", "--format", "json", *args], cwd=folder, input=text)
    diagnostics: list[dict[str, Any]] = json.loads(result.output)["diagnostics"]
    return result.exit_code, diagnostics


@pytest.mark.parametrize("name", [WORKBOARD, GATE_REPORT, SESSION_LOG, "spec/api.md"])
def test_stdin_gives_the_findings_of_the_file_on_disk(name: str) -> None:
    _, on_disk = _json(SEEDED)
    expected = [d for d in on_disk if d["path"] == name]
    text = (SEEDED / name).read_text("utf-8")
    code, found = _json(SEEDED, "--stdin-filename", name, "-", text=text)
    assert found == expected
    assert code == (1 if expected else 0)


def test_stdin_from_another_folder_uses_the_files_project(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    path = folder / WORKBOARD
    _, found = _json(tmp_path, "--stdin-filename", str(path), "-", text=path.read_text("utf-8"))
    assert {"PDP501", "PDP202", "PDP307"} <= {d["code"] for d in found}
    assert {d["path"] for d in found} == {f"seeded/{WORKBOARD}"}


def test_stdin_text_wins_over_the_file_on_disk(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    text = (folder / GATE_REPORT).read_text("utf-8") + "\n## 7) ADR status\n\nNo ADR change.\n"
    code, found = _json(folder, "--stdin-filename", GATE_REPORT, "-", text=text)
    assert (code, found) == (0, [])
    original = (folder / WORKBOARD).read_text("utf-8")
    _, on_disk = _json(folder, "--stdin-filename", WORKBOARD, "-", text=original)
    board = (folder / WORKBOARD).read_text("utf-8").replace("`spec/api*.md`", "`spec/dox*.md`")
    _, found = _json(folder, "--stdin-filename", WORKBOARD, "-", text=board)
    assert "PDP501" in [d["code"] for d in on_disk]
    assert [d for d in found if d["code"] != "PDP501"] == [
        d for d in on_disk if d["code"] != "PDP501"
    ]
    assert "PDP501" not in [d["code"] for d in found]


def test_cross_document_rules_read_the_folder_on_disk(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    board = (folder / WORKBOARD).read_text("utf-8")
    _, found = _json(folder, "--stdin-filename", WORKBOARD, "-", text=board)
    assert "PDP307" in [d["code"] for d in found]  # lane C: no DevOps/SRE stamp anywhere
    log = folder / SESSION_LOG
    stamp = (
        log.read_text("utf-8")
        .split("## Lane B start")[1]
        .replace("Role: Executive Assistant", "Role: DevOps/SRE")
    )
    log.write_text(log.read_text("utf-8") + "\n## Lane C start" + stamp, "utf-8")
    _, found = _json(folder, "--stdin-filename", WORKBOARD, "-", text=board)
    assert "PDP307" not in [d["code"] for d in found]


def test_stdin_for_a_new_file_that_is_not_on_disk(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    text = "# Gate Report: NEW-01\n\n## 1) Role confirmation\n\nQA/SET.\n"
    code, found = _json(
        folder, "--stdin-filename", "spec/gates/gate_report_NEW-01.md", "-", text=text
    )
    assert code == 1
    assert {d["code"] for d in found} == {"PDP701"}
    assert {d["path"] for d in found} == {"spec/gates/gate_report_NEW-01.md"}


def test_lint_buffer_sees_the_rest_of_the_folder(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    config = load_config([folder])
    text = (folder / WORKBOARD).read_text("utf-8")
    # The API behind --stdin-filename agrees with linting the whole folder, file by file.
    result = lint_buffer(folder / WORKBOARD, text, config=config)
    whole = lint_paths([folder], config=config)
    assert result.files == [r for r in whole.files if r.endswith(WORKBOARD)]
    assert result.diagnostics == [d for d in whole.diagnostics if d.path.endswith(WORKBOARD)]


def test_bare_dash_lints_stdin_without_a_path() -> None:
    result = run_cli(
        ["check", "--format", "json", "--isolated", "-"],
        cwd=SEEDED,
        input="# Gate Report: X\n\n## 1) Role confirmation\n\nme\n",
    )
    data = json.loads(result.output)
    assert {d["path"] for d in data["diagnostics"]} == {"<stdin>"}
    assert result.exit_code == 1


def test_dash_with_other_paths_is_a_usage_error() -> None:
    result = run_cli(["check", "--stdin-filename", WORKBOARD, "-", "spec"], cwd=SEEDED, input="")
    assert result.exit_code == 2
    assert "only path" in result.output


def test_stdin_that_is_not_utf8_is_a_usage_error() -> None:
    result = run_cli(["check", "--stdin-filename", WORKBOARD, "-"], cwd=SEEDED, input=None)
    assert result.exit_code == 0  # empty input: an empty document, nothing to report
    runner_result = _run_bytes(b"\xff\xfe\x00bad")
    assert runner_result[0] == 2
    assert WORKBOARD in runner_result[1]
    assert "Traceback" not in runner_result[1]


def _run_bytes(data: bytes) -> tuple[int, str]:
    import os

    from click.testing import CliRunner

    from lanelint.cli import cli

    old = Path.cwd()
    os.chdir(SEEDED)
    try:
        result = CliRunner().invoke(cli, ["check", "--stdin-filename", WORKBOARD, "-"], input=data)
    finally:
        os.chdir(old)
    return result.exit_code, result.output
