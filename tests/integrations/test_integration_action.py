"""The GitHub Action (``action.yml``): its script steps, run locally on the seeded example.

The ``uses:`` step (setting up Python) and the install step are GitHub's and pip's business;
here lanelint is already installed, so the test puts this interpreter's scripts first on
``PATH`` and runs every other ``run:`` step with bash, with the expressions filled in from the
inputs as GitHub would and the ``GITHUB_*`` files in a temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, REPO

yaml = pytest.importorskip("yaml", reason="PyYAML comes with the test extra (pre-commit)")

ACTION = REPO / "action.yml"
_EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def _action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text("utf-8"))
    return data


def _fill(text: str, inputs: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("inputs."):
            return inputs[name.removeprefix("inputs.")]
        if name == "github.action_path":
            return str(REPO)
        raise AssertionError(f"expression the test does not know: {name}")

    return _EXPRESSION.sub(value, text)


def run_action(workspace: Path, tmp_path: Path, **given: str) -> tuple[int, str, dict[str, str]]:
    """Run the action's script steps in ``workspace``; (exit code, output, step outputs)."""
    action = _action()
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    unknown = set(given) - set(inputs)
    assert not unknown, f"the action has no inputs {unknown}"
    inputs.update(given)
    outputs_file = tmp_path / "github_output"
    outputs_file.write_text("", "utf-8")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(outputs_file),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "step_summary.md"),
        "GITHUB_WORKSPACE": str(workspace),
    }
    env.pop("NO_COLOR", None)
    output = ""
    code = 0
    for step in action["runs"]["steps"]:
        if "run" not in step or step.get("id") == "install":
            continue
        assert step["shell"] == "bash"
        step_env = {key: _fill(str(value), inputs) for key, value in step.get("env", {}).items()}
        # Inputs reach the script through the environment only: never pasted into the code.
        assert "${{" not in step["run"]
        done = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env={**env, **step_env},
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        output += done.stdout + done.stderr
        code = done.returncode
        if code:
            break
    outputs = dict(
        line.split("=", 1) for line in outputs_file.read_text("utf-8").splitlines() if "=" in line
    )
    return code, output, outputs


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "seeded", target)
    return target


def test_the_action_declares_its_inputs_and_outputs() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "config", "fail-on", "sarif-file"} <= set(action["inputs"])
    assert {"sarif-file", "exit-code"} <= set(action["outputs"])
    installs = [s for s in action["runs"]["steps"] if s.get("id") == "install"]
    assert installs
    assert "pip install" in installs[0]["run"]


def test_the_action_annotates_and_writes_sarif_on_the_seeded_example(
    seeded: Path, tmp_path: Path
) -> None:
    code, output, outputs = run_action(seeded, tmp_path)
    assert code == 1
    annotations = [line for line in output.splitlines() if line.startswith("::")]
    assert any(line.startswith("::error file=spec/operations/") for line in annotations)
    assert any(line.startswith("::warning ") for line in annotations)
    sarif = json.loads((seeded / "lanelint.sarif").read_text("utf-8"))
    results = sarif["runs"][0]["results"]
    assert len(results) == len(annotations)
    assert outputs == {"sarif-file": "lanelint.sarif", "exit-code": "1"}
    assert (tmp_path / "step_summary.md").read_text("utf-8").startswith("## lanelint")


def test_the_action_inputs_paths_config_and_fail_on(seeded: Path, tmp_path: Path) -> None:
    config = seeded / "lanelint.toml"
    moved = tmp_path / "team.toml"
    shutil.copy2(config, moved)
    config.unlink()
    # Only warnings in this folder: failing on errors passes, the SARIF is still written.
    code, output, outputs = run_action(
        seeded,
        tmp_path,
        paths="spec/operations/heartbeats_B-14.md",
        config=str(moved),
        **{"fail-on": "error", "sarif-file": "out/report.sarif"},
    )
    assert code == 0, output
    assert "::warning " in output
    assert "::error " not in output
    assert outputs["exit-code"] == "0"
    assert json.loads((seeded / "out" / "report.sarif").read_text("utf-8"))["runs"][0]["results"]


def test_the_action_fails_on_a_usage_error(seeded: Path, tmp_path: Path) -> None:
    code, output, _ = run_action(seeded, tmp_path, paths="no/such/folder")
    assert code == 2
    assert "lanelint: error: " in output


def test_the_clean_example_passes(tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    shutil.copytree(EXAMPLES / "clean", clean)
    code, output, outputs = run_action(clean, tmp_path)
    assert code == 0, output
    assert outputs["exit-code"] == "0"
