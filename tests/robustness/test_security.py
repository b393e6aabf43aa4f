"""What SECURITY.md promises, as tests: no network, no processes, no code from documents,
no environment secrets, and team templates only in the sandbox."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from tests.robustness.corpus import seeded_copy
from tests.robustness.harness import run_lanelint

PACKAGE = Path(__file__).resolve().parents[2] / "lanelint"

#: Imports lanelint never makes: network, processes, unsafe deserialisation.
_FORBIDDEN_IMPORT = re.compile(
    r"^\s*(?:import|from)\s+(socket|ssl|http|urllib\.request|ftplib|smtplib|requests|httpx"
    r"|subprocess|pickle|shelve|marshal|dill|yaml|ctypes|webbrowser)\b",
    re.MULTILINE,
)
#: Environment variables lanelint may read (none is a secret), by module.
_ENV_ALLOWED = {
    "lanelint/linter/report/github.py": "GITHUB_STEP_SUMMARY",
    "lanelint/linter/report/paths.py": "GITHUB_WORKSPACE",
    "lanelint/cli/check_usage.py": "NO_COLOR, FORCE_COLOR",
}


def _sources() -> list[tuple[str, str]]:
    return [
        (path.relative_to(PACKAGE.parent).as_posix(), path.read_text("utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


#: The one module that starts a process: the read-only ``git`` reader.
_PROCESS_ALLOWED = {"lanelint/linter/workspace/git.py": "import subprocess"}


def test_no_network_process_or_pickle_imports() -> None:
    found = [
        f"{name}: {match.group(0).strip()}"
        for name, text in _sources()
        for match in _FORBIDDEN_IMPORT.finditer(text)
        if _PROCESS_ALLOWED.get(name) != match.group(0).strip()
    ]
    assert found == []


def test_no_eval_and_no_exec() -> None:
    found = [
        f"{name}: {match.group(0)}"
        for name, text in _sources()
        for match in re.finditer(r"(?<![\w.])(eval|exec|compile)\(", text)
    ]
    assert found == []


def test_environment_reads_are_the_documented_ones() -> None:
    found = []
    for name, text in _sources():
        for match in re.finditer(r"os\.environ|os\.getenv|environ\.get", text):
            line = text[: match.start()].count("\n") + 1
            found.append((name, line))
    for name, _ in found:
        assert name in _ENV_ALLOWED, f"{name} reads the environment"
    text = dict(_sources())["lanelint/linter/report/github.py"]
    assert 'SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"' in text


_AUDIT = r"""
import json, sys
events = []
WATCH = ("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
         "urllib.", "pickle.", "http.", "ftplib.", "smtplib.", "webbrowser.", "ctypes.")
def hook(event, args):
    if event.startswith(WATCH):
        events.append(event)
sys.addaudithook(hook)
from lanelint.cli import main
code = 0
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
sys.stderr.write("AUDIT " + json.dumps([code, sorted(set(events))]) + "\n")
"""


def _audited(args: list[str], root: Path) -> tuple[int, list[str], str]:
    import os
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", _AUDIT, *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(PACKAGE.parent)},
    )
    line = next(x for x in result.stderr.splitlines() if x.startswith("AUDIT "))
    code, events = json.loads(line[6:])
    return code, events, result.stdout


def test_a_run_opens_no_socket_and_starts_no_process(tmp_path: Path) -> None:
    root = seeded_copy(tmp_path / "project")
    code, events, output = _audited(["check", "--jobs", "1", "--format", "json", "spec"], root)
    assert code == 1
    assert events == []
    assert json.loads(output)["diagnostics"]


def test_team_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    folder = tmp_path / "spec" / "templates"
    folder.mkdir(parents=True)
    (tmp_path / "lanelint.toml").write_text('templates-dir = "spec/templates"\n')
    (folder / "task.md.j2").write_text(
        "# Task {{ task }}\n\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n"
    )
    target = tmp_path / "spec" / "task.md"
    args = ["new", "task", "--task", "T-1", "--lane", "A", "--role", "TL", "-o", str(target)]
    run = run_lanelint(args, tmp_path, seconds=20)
    assert run.code == 2, run.output
    assert "spec/templates/task.md.j2:3" in run.stderr
    assert "security error" in run.stderr
    assert "Traceback" not in run.output
    assert not target.exists()


def test_team_template_cannot_exhaust_memory(tmp_path: Path) -> None:
    folder = tmp_path / "spec" / "templates"
    folder.mkdir(parents=True)
    (tmp_path / "lanelint.toml").write_text('templates-dir = "spec/templates"\n')
    (folder / "task.md.j2").write_text("# Task\n\n{{ 'x' * 10000000000 }}\n")
    run = run_lanelint(
        ["new", "task", "--task", "T-1", "-o", "-"], tmp_path, seconds=20, memory_mb=512
    )
    assert run.code == 2, run.output
    assert "spec/templates/task.md.j2" in run.stderr
    assert "Traceback" not in run.output
