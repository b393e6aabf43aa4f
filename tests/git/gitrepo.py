"""Real git repositories in temporary folders, with real commits (no mock of git)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config
from lanelint.linter.run.api import LintResult, lint_paths

_ENV = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.com",
    "GIT_COMMITTER_NAME": "Test Author",
    "GIT_COMMITTER_EMAIL": "author@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def needs_git() -> None:
    if shutil.which("git") is None:
        pytest.skip("the git command is not installed")


class Repo:
    """A work tree at ``path`` on branch ``main``; each commit gets a distinct fixed date."""

    def __init__(self, path: Path) -> None:
        needs_git()
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self._tick = 0
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, data: str | None = None) -> str:
        self._tick += 1
        moment = f"2026-03-01T10:{self._tick // 60:02d}:{self._tick % 60:02d}+00:00"
        env = {
            **os.environ,
            **_ENV,
            "HOME": str(self.path),
            "GIT_AUTHOR_DATE": moment,
            "GIT_COMMITTER_DATE": moment,
        }
        done = subprocess.run(
            ["git", "-c", "user.name=Test", "-c", "user.email=t@example.com", *args],
            cwd=self.path,
            input=data,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return done.stdout.strip()

    def commit(self, message: str, files: dict[str, str] | None = None) -> str:
        """Write ``files`` (relative path -> text), commit them, return the full id."""
        for name, text in (files or {}).items():
            target = self.path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def branch(self, name: str, start: str = "HEAD") -> None:
        self.git("checkout", "-q", "-b", name, start)

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)

    def merge(self, name: str, message: str | None = None) -> str:
        self.git("merge", "-q", "--no-ff", "-m", message or f"merge {name}", name)
        return self.git("rev-parse", "HEAD")

    def write(self, name: str, text: str) -> Path:
        target = self.path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target


def lint(root: Path, **overrides: object) -> LintResult:
    """Lint ``root/spec`` with ``root`` as the project root (no configuration file)."""
    config = Config(root=root.resolve(), cache=False)
    if overrides:
        config = config.with_overrides(**overrides)
    return lint_paths([root / "spec"], config=config)


def found(result: LintResult, code: str) -> list[str]:
    """``path:line message`` of each finding of ``code``."""
    return [
        f"{d.path.rsplit('/', 1)[-1]}:{d.line} {d.message}"
        for d in result.diagnostics
        if d.code == code
    ]


def board(lanes: list[str], rows: list[str], extra: str = "") -> str:
    """A workboard: batch B-1, lane rows ``| A | T-1 | Role | dep | files | status |`` and
    ledger rows ``| commit | lane | task | verdict | evidence |``."""
    lane_table = "\n".join(lanes)
    ledger = "\n".join(rows)
    return f"""# Workboard B-1

- Batch id: `B-1`

## Lanes

| Lane | Task ID | Role | Dependency | Files | Status |
|---|---|---|---|---|---|
{lane_table}
{extra}
## Acceptance ledger

| Commit | Lane | Task | Verdict | Evidence |
|---|---|---|---|---|
{ledger}
"""
