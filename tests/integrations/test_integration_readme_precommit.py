"""The README's pre-commit snippet (a ``repo: local`` hook), run by pre-commit itself.

The snippet is read from the README, so the test proves what users copy. It runs the lanelint
installed beside this interpreter (as the README says: installed in the environment one
commits from), in a scratch git repository; nothing is fetched.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO


def _snippet() -> str:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("### pre-commit\n", 1)[1].split("\n### ", 1)[0]
    [block] = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert "repo: local" in block
    return block


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=test@example.com", "-c", "user.name=test", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def _run_hook(tmp_path: Path, example: str) -> subprocess.CompletedProcess[str]:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    pre_commit = pre_commit or shutil.which("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    project = tmp_path / "project"
    shutil.copytree(EXAMPLES / example, project)
    (project / ".pre-commit-config.yaml").write_text(_snippet(), "utf-8")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [pre_commit, "run", "--all-files", "--color", "never"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_the_local_hook_fails_on_the_seeded_example(tmp_path: Path) -> None:
    done = _run_hook(tmp_path, "seeded")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "lanelint" in done.stdout
    assert "Failed" in done.stdout
    assert re.search(r"PDP\d+ (\[\*\] )?(error|warning):", done.stdout)


def test_the_local_hook_passes_on_the_clean_example(tmp_path: Path) -> None:
    done = _run_hook(tmp_path, "clean")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
