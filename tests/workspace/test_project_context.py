"""``check PATHS`` sees the whole project and reports only on PATHS; ``init`` and ``clean``
respect the project around them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, run_cli


def _findings(output: str) -> list[dict[str, Any]]:
    findings: list[dict[str, Any]] = json.loads(output)["diagnostics"]
    return findings


@pytest.fixture(scope="module", params=["clean", "seeded"])
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = EXAMPLES / request.param
    if not source.is_dir():
        pytest.skip(f"{source} is absent")
    target = tmp_path_factory.mktemp("project") / request.param
    shutil.copytree(source, target)
    return target


def _by_file(folder: Path, *args: str) -> dict[str, list[dict[str, Any]]]:
    result = run_cli(["check", ".", "--format", "json", "--no-cache", *args], cwd=folder)
    assert result.exit_code in (0, 1), result.output
    grouped: dict[str, list[dict[str, Any]]] = {}
    for finding in _findings(result.output):
        grouped.setdefault(finding["path"], []).append(finding)
    return grouped


def test_one_file_gets_exactly_what_the_whole_project_reports_for_it(example: Path) -> None:
    whole = _by_file(example)
    files = sorted(p.relative_to(example).as_posix() for p in example.rglob("*.md"))
    assert len(files) > 15
    differing = []
    for name in files:
        result = run_cli(["check", name, "--format", "json", "--no-cache"], cwd=example)
        assert result.exit_code in (0, 1), result.output
        if _findings(result.output) != whole.get(name, []):
            differing.append(name)
    assert differing == []


def test_without_project_context_a_named_file_loses_what_lies_out_of_view(
    example: Path,
) -> None:
    """The test above means something: its cross-document findings need the other files."""
    whole = _by_file(example)
    differing = []
    for name in ("spec/operations/dispatch_B-15.md", "spec/operations/workboard_B-14.md"):
        args = ["check", name, "--format", "json", "--no-cache", "--no-project-context"]
        result = run_cli(args, cwd=example)
        if _findings(result.output) != whole.get(name, []):
            differing.append(name)
    assert differing


def test_a_folder_inside_the_project_reports_only_on_its_files(example: Path) -> None:
    result = run_cli(["check", "spec/TASKS", "--format", "json", "--no-cache"], cwd=example)
    paths = {f["path"] for f in _findings(result.output)}
    assert all(path.startswith("spec/TASKS/") for path in paths)
    summary = json.loads(result.output)["summary"]
    assert summary["files"] == len(list((example / "spec" / "TASKS").glob("*.md")))


def test_the_configuration_key_turns_project_context_off(example: Path) -> None:
    name = "spec/operations/workboard_B-14.md"
    flag = run_cli(
        ["check", name, "--format", "json", "--no-cache", "--no-project-context"], cwd=example
    )
    config = example / "lanelint.toml"
    original = config.read_text("utf-8")
    try:
        config.write_text(original + "project-context = false\n", "utf-8")
        keyed = run_cli(["check", name, "--format", "json", "--no-cache"], cwd=example)
    finally:
        config.write_text(original, "utf-8")
    assert _findings(keyed.output) == _findings(flag.output)


def test_init_inside_a_configured_project_finds_its_configuration(tmp_path: Path) -> None:
    (tmp_path / "lanelint.toml").write_text('spec = "spec"\n', "utf-8")
    inner = tmp_path / "spec" / "operations"
    inner.mkdir(parents=True)
    result = run_cli(["init"], cwd=inner)
    assert result.exit_code == 0, result.output
    assert not (inner / "lanelint.toml").exists()
    assert "lanelint.toml (configuration exists)" in result.output
    assert (tmp_path / "spec" / "templates").is_dir()
    assert not (inner / "spec").exists()


def test_clean_fails_on_a_path_that_does_not_exist(tmp_path: Path) -> None:
    result = run_cli(["clean", "no-such-folder"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "no-such-folder: no such file or directory" in result.output
