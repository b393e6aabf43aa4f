"""What earlier runs learnt about commits, kept in ``.lanelint_cache/git.json``.

Commits are immutable: a commit's parents and changed files never change, and a full commit
id keeps naming the same commit. The history of the integration branch is kept for one tip;
a later tip that descends from it only reads the new commits. Every failure to read or write
is silent: the cache only ever saves work.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FILE_NAME = "git.json"
#: Bump when the layout changes; other versions are ignored.
VERSION = 1
#: At most this many commits' files are kept (the oldest entries go first).
MAX_FILES = 50_000


class GitCache:
    def __init__(self, repository: str) -> None:
        self.repository = repository
        self.resolved: dict[str, str] = {}
        self.files: dict[str, tuple[str, ...]] = {}
        self.history_tip = ""
        self._history: dict[str, tuple[str, ...]] = {}
        self.dirty = False

    @classmethod
    def load(cls, folder: Path, repository: str) -> GitCache:
        cache = cls(repository)
        try:
            data: Any = json.loads((folder / FILE_NAME).read_bytes())
        except (OSError, ValueError):
            return cache
        if (
            not isinstance(data, dict)
            or data.get("version") != VERSION
            or data.get("repository") != repository
        ):
            return cache
        try:
            cache.resolved = {str(k): str(v) for k, v in data["resolved"].items()}
            cache.files = {str(k): tuple(map(str, v)) for k, v in data["files"].items()}
            cache.history_tip = str(data["tip"])
            cache._history = {
                str(k): tuple(map(str, v.split())) if v else () for k, v in data["parents"].items()
            }
        except (KeyError, TypeError, AttributeError):
            return cls(repository)
        return cache

    def history(self, tip: str) -> dict[str, tuple[str, ...]] | None:
        """Every commit reachable from ``tip`` -> its parents, when that tip is the one kept."""
        if tip and tip == self.history_tip and self._history:
            return self._history
        return None

    def remember_resolved(self, text: str, sha: str) -> None:
        self.resolved[text] = sha
        self.dirty = True

    def remember_files(self, sha: str, files: tuple[str, ...]) -> None:
        self.files[sha] = files
        self.dirty = True

    def remember_history(self, tip: str, parents: dict[str, tuple[str, ...]]) -> None:
        self.history_tip = tip
        self._history = parents
        self.dirty = True

    def save(self, folder: Path) -> None:
        if not self.dirty:
            return
        from lanelint.linter.io.writes import write_bytes_atomic, write_text_atomic

        files = self.files
        if len(files) > MAX_FILES:
            files = dict(list(files.items())[-MAX_FILES:])
        data = {
            "version": VERSION,
            "repository": self.repository,
            "resolved": self.resolved,
            "files": {k: list(v) for k, v in files.items()},
            "tip": self.history_tip,
            "parents": {k: " ".join(v) for k, v in self._history.items()},
        }
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.is_file():
                write_text_atomic(ignore, "# Created by lanelint: a cache, never committed.\n*\n")
            write_bytes_atomic(folder / FILE_NAME, json.dumps(data).encode("utf-8"))
        except OSError:
            return
        self.dirty = False
