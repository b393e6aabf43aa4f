"""Probes: ``check``, standard input, ``board``, ``--fix`` and the language server all go
through one :class:`~lanelint.linter.run.driver.Run`.

Each probe is a fresh ``python -c`` process that wraps the pipeline's pieces before anything
imports them (the per-document phase, the workspace phase, finalizing) and records, for every
call, whether a :class:`Run` method is on the stack; then it runs one entry point and prints the
number of runs built and the calls made outside a run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO

PROBE = r"""
import json, sys, traceback
import lanelint.linter.engine.passes as passes

outside = []
calls = []

def wrap(name):
    original = getattr(passes, name)
    def probe(*args, **kwargs):
        stack = traceback.extract_stack()[:-1]
        inside = any(f.filename.endswith(("run/driver.py", "run/parallel.py")) for f in stack)
        calls.append(name)
        if not inside:
            outside.append(name + " from " + stack[-1].filename)
        return original(*args, **kwargs)
    return original, probe

import lanelint.cli, lanelint.lsp.project, lanelint.linter.fixes.engine, lanelint.linter.run.collect
from lanelint.linter.run.driver import Run

# Replace every reference to the pipeline's pieces, wherever a lanelint module holds one
# (imported names, and defaults of parameters such as the Run's workspace phase).
for name in (
    "check_bytes", "check_text", "run_workspace_rules", "run_workspace_incremental", "finalize"
):
    original, probe = wrap(name)
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("lanelint"):
            for attr, value in list(vars(module).items()):
                if value is original:
                    setattr(module, attr, probe)
    defaults = Run.__init__.__kwdefaults__
    for key, value in defaults.items():
        if value is original:
            defaults[key] = probe

def report():
    print(json.dumps({"runs": Run.assemblies, "calls": sorted(set(calls)), "outside": outside}))

kind = sys.argv[1]
if kind == "lsp":
    from pathlib import Path
    from lanelint.linter.engine.config import load_config
    from lanelint.lsp.project import Project
    target = Path(sys.argv[2]).resolve()
    project = Project.for_file(target, load_config([target]))
    project.relint()
    text = target.read_text("utf-8")
    for edit in range(3):
        project.set_buffer(target, text + "\n" * (edit + 1))
        project.relint()
    project.close_buffer(target)
    project.relint()
    report()
else:
    from lanelint.cli import main
    try:
        main(sys.argv[2:])
    except SystemExit:
        pass
    finally:
        sys.stdout.flush()
        print("\nPROBE", end=" ")
        report()
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = EXAMPLES / "seeded"
    if not source.is_dir():
        pytest.skip(f"{source} is absent")
    target = tmp_path_factory.mktemp("probe") / "seeded"
    shutil.copytree(source, target)
    return target


def probe(folder: Path, *args: str, stdin: str | None = None) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=folder,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    last = done.stdout.rsplit("PROBE", 1)[-1] if "PROBE" in done.stdout else done.stdout
    assert last.strip(), done.stderr
    found: dict[str, object] = json.loads(last.strip().splitlines()[-1])
    return found


GATE = "spec/operations/gate_report_DG-101_2026-03-03.md"
CASES = {
    "check": ("check", "--no-cache", "."),
    "check-warm": ("check", "."),
    "check-jobs": ("check", "--no-cache", "--jobs", "2", "."),
    "one-file": ("check", "--no-cache", GATE),
    "stdin": ("check", "--no-cache", "--stdin-filename", GATE, "-"),
    "board": ("board", "."),
    "fix": ("check", "--fix", "--no-cache", "."),
    "diff": ("check", "--diff", "--no-cache", "."),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_command_goes_through_one_run(project: Path, case: str) -> None:
    stdin = (project / GATE).read_text("utf-8") if case == "stdin" else None
    found = probe(project, "cli", *CASES[case], stdin=stdin)
    assert found["outside"] == []
    assert found["runs"] == 1
    calls = set(found["calls"])  # type: ignore[call-overload]
    if case == "board":  # the board reads the documents' artifacts, not findings
        assert "check_bytes" in calls
    elif case != "diff":  # --diff prints and exits before any report
        assert "finalize" in calls


def test_a_language_server_session_keeps_one_run(project: Path) -> None:
    found = probe(project, "lsp", GATE)
    assert found["outside"] == []
    assert found["runs"] == 1
    calls = set(found["calls"])  # type: ignore[call-overload]
    assert {"check_text", "finalize", "run_workspace_incremental"} <= calls


def test_the_probe_sees_a_pipeline_assembled_elsewhere(project: Path) -> None:
    """The probe can fail: a call from outside a run is reported."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE.replace(
                "kind = sys.argv[1]",
                "from lanelint.linter.run.settings import make_settings\n"
                "from lanelint.linter.engine.config import Config\n"
                "passes.finalize([], [], make_settings(Config()))\n"
                "kind = sys.argv[1]",
            ),
            "cli",
            "rules",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    found = json.loads(done.stdout.rsplit("PROBE", 1)[-1].strip())
    assert found["outside"]
    assert found["outside"][0].startswith("finalize from")
