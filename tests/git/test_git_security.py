"""Inside a git work tree the one program lanelint starts is git, and it never writes there."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.git.gitrepo import Repo, board
from tests.robustness.test_security import PACKAGE

_AUDIT = r"""
import json, sys
programs = []
def hook(event, args):
    if event == "subprocess.Popen":
        programs.append(str(args[0]).rsplit("/", 1)[-1])
    elif event.startswith(("socket.", "os.system", "os.exec", "os.posix_spawn", "os.spawn")):
        programs.append(event)
sys.addaudithook(hook)
from lanelint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write("AUDIT " + json.dumps(sorted(set(programs))) + "\n")
"""


def test_only_git_runs_and_the_repository_is_unchanged(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "project")
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    repo.write(
        "spec/board.md",
        board(
            ["| A | `T-1` | System Analyst | none | `docs/` | done |"],
            [f"| `{a[:7]}` | A | `T-1` | accepted | gate report |"],
        ),
    )
    (repo.path / ".gitignore").write_text(".lanelint_cache/\n")
    repo.commit("docs", {})
    before = repo.git("status", "--porcelain", "--ignored")
    refs = repo.git("for-each-ref")
    done = subprocess.run(
        [sys.executable, "-c", _AUDIT, "check", "--jobs", "1", "--no-cache", "spec"],
        cwd=repo.path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", "PYTHONPATH": str(PACKAGE.parent)},
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("AUDIT "))
    assert json.loads(line[6:]) == ["git"]
    assert repo.git("status", "--porcelain", "--ignored") == before
    assert repo.git("for-each-ref") == refs
