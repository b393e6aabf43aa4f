"""Paths as CI services want them: relative to the root of the repository."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

#: Set by GitHub Actions to the folder the repository is checked out in.
WORKSPACE_VARIABLE = "GITHUB_WORKSPACE"
#: The path of a buffer read from standard input without ``--stdin-filename``.
STDIN_NAME = "<stdin>"


def repository_root(root: Path) -> Path:
    """The repository holding the project root (the nearest folder with ``.git``), else it."""
    start = Path(os.path.abspath(root))
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def annotation_base(root: Path, environ: Mapping[str, str] | None = None) -> Path:
    """``$GITHUB_WORKSPACE`` when set, else the repository holding ``root``."""
    env = os.environ if environ is None else environ
    workspace = env.get(WORKSPACE_VARIABLE, "")
    if workspace:
        return Path(os.path.abspath(workspace))
    return repository_root(root)


def relative_to_base(path: str, base: Path) -> str:
    """``path`` relative to ``base`` with ``/`` where it lies below it, else as given."""
    if path == STDIN_NAME:
        return path
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return Path(path).as_posix()
