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
VERSION = 2
#: At most this many commits' files are kept (the oldest entries go first).
MAX_FILES = 50_000


class GitCache:
    def __init__(self, repository: str) -> None:
        self.repository = repository
        self.resolved: dict[str, str] = {}
        self.files: dict[str, tuple[str, ...]] = {}
        self.history_tip = ""
        #: commit -> its parents, space-separated (split only where asked: most never are)
        self._history: dict[str, str] = {}
        #: commit -> position of the first-parent commit that brought it onto the branch
        self._reached: dict[str, int] = {}
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
            resolved, files = data["resolved"], data["files"]
            tip, parents, reached = data["tip"], data["parents"], data["reached"]
        except KeyError:
            return cache
        if not (
            isinstance(resolved, dict)
            and isinstance(files, dict)
            and isinstance(tip, str)
            and isinstance(parents, dict)
            and isinstance(reached, dict)
            and len(parents) == len(reached)
        ):
            return cache
        try:
            cache.resolved = {str(k): str(v) for k, v in resolved.items()}
            cache.files = {str(k): tuple(map(str, v)) for k, v in files.items()}
        except TypeError:
            return cls(repository)
        # the history is large and written by lanelint alone: checked by its shape, not per entry
        cache.history_tip, cache._history, cache._reached = tip, parents, reached
        return cache

    def history(self, tip: str) -> tuple[dict[str, str], dict[str, int]] | None:
        """``(parents, reached)`` of the commits reachable from ``tip``, when that tip is the
        one kept: each commit's parents (space-separated) and the position at which it reached
        the branch."""
        if tip and tip == self.history_tip and self._history:
            return self._history, self._reached
        return None

    def remember_resolved(self, text: str, sha: str) -> None:
        self.resolved[text] = sha
        self.dirty = True

    def remember_files(self, sha: str, files: tuple[str, ...]) -> None:
        self.files[sha] = files
        self.dirty = True

    def remember_history(self, tip: str, parents: dict[str, str], reached: dict[str, int]) -> None:
        self.history_tip = tip
        self._history = parents
        self._reached = reached
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
            "parents": self._history,
            "reached": self._reached,
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
