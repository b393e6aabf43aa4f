"""The pre-commit hook, run by pre-commit itself on a scratch repository.

The hook repository is a scratch copy of this working tree (committed in a temporary git
repository), so the test runs the hook as it is now, not as of the last commit. pre-commit
installs lanelint into its own virtual environment, which needs the package index; where that
cannot be reached the test skips, saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.integrations._support import GATE_REPORT, SEEDED

NETWORK_ERRORS = ("NewConnectionError", "Could not find a version", "No matching distribution")


def _git(folder: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.email=test@example.com", "-c", "user.name=test", *args],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def _hook_repository(target: Path) -> str:
    """A git repository holding the package and its hook definitions; returns its commit."""
    target.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, target / name)
    shutil.copytree(
        REPO / "lanelint", target / "lanelint", ignore=shutil.ignore_patterns("__pycache__")
    )
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "hook")
    return _git(target, "rev-parse", "HEAD")


def test_pre_commit_runs_the_lanelint_hook(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    hooks = tmp_path / "hooks"
    rev = _hook_repository(hooks)
    project = tmp_path / "project"
    shutil.copytree(SEEDED, project)
    (project / "notes.txt").write_text("not Markdown\n", "utf-8")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: lanelint\n",
        "utf-8",
    )
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("GITHUB_STEP_SUMMARY", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "run", *args],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    failing = run("--files", GATE_REPORT)
    output = failing.stdout + failing.stderr
    if failing.returncode != 1 and any(error in output for error in NETWORK_ERRORS):
        pytest.skip("pre-commit could not install lanelint: the package index is unreachable")
    assert failing.returncode == 1, output
    assert "lanelint" in output
    assert "Failed" in output
    assert f"{GATE_REPORT}:1:1: PDP701" in output
    # Cross-document findings too: the hook lints the whole spec folder, not one file.
    assert "spec/operations/workboard_B-7.md" in output

    skipped = run("--files", "notes.txt")
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "Skipped" in skipped.stdout
