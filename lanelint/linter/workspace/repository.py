"""The files that exist in the repository around the spec folder, for claims that a file exists.

The tree below the project root is walked once, on first use, skipping the folders discovery
skips (version control, dependencies, caches, virtual environments). Excluded Markdown still
exists, so ``exclude`` does not apply here.
"""

from __future__ import annotations

import os
from pathlib import Path

from lanelint.linter.io import globs
from lanelint.linter.io.discovery import SKIPPED_DIRS

#: A walk stops after this many entries; a claim beyond it is taken on trust.
MAX_ENTRIES = 200_000


def normalise_claim(path: str) -> str:
    """``./spec/a.md:12`` -> ``spec/a.md``; anchors and line suffixes are not part of a path."""
    text = path.strip().strip("`").replace("\\", "/")
    text = text.split("#", 1)[0]
    head, sep, tail = text.rpartition(":")
    if sep and tail.isdigit():
        text = head
    while text.startswith("./"):
        text = text[2:]
    return text.rstrip("/")


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def folders_unchanged(root: Path, folders: dict[str, int]) -> bool:
    """Whether every folder of an earlier walk (:attr:`RepositoryFiles.folders`) still has
    the modification time it had then: the walk would find the same files."""
    base = str(root)
    return all(
        _mtime(os.path.join(base, name) if name else base) == stamp
        for name, stamp in folders.items()
    )


class RepositoryFiles:
    """The set of files and folders below ``root``, relative to it, with ``/`` separators."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: set[str] | None = None
        self._dirs: set[str] = set()
        self._known: dict[str, bool] = {}
        self.complete = True
        #: Every folder the walk listed or skipped for holding a ``pyvenv.cfg`` (relative,
        #: ``""`` for the root) -> its modification time when read. A folder's time changes
        #: whenever an entry is added, removed or renamed in it, so equal times mean an equal
        #: walk: a run's record of findings is reused only while they hold.
        self.folders: dict[str, int] = {}

    def _walk(self) -> set[str]:
        files: set[str] = set()
        stack = [("", str(self.root))]
        count = 0
        while stack:
            prefix, folder = stack.pop()
            try:
                self.folders[prefix.rstrip("/")] = os.stat(folder).st_mtime_ns
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                count += 1
                if count > MAX_ENTRIES:
                    self.complete = False
                    return files
                relative = f"{prefix}{entry.name}"
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    continue
                if is_dir:
                    if entry.name in SKIPPED_DIRS:
                        continue
                    if os.path.isfile(os.path.join(entry.path, "pyvenv.cfg")):
                        self.folders[relative] = _mtime(entry.path)
                        continue
                    self._dirs.add(relative)
                    stack.append((relative + "/", entry.path))
                else:
                    files.add(relative)
        return files

    @property
    def walked(self) -> bool:
        """Whether a claim made the tree be walked (the findings then depend on it)."""
        return self._files is not None

    @property
    def files(self) -> set[str]:
        if self._files is None:
            self._files = self._walk()
        return self._files

    def exists(self, path: str) -> bool:
        """Whether ``path`` (relative to the root; a glob matches any file) exists.

        Memoised: reports name the same files many times, and the tree is walked once.
        """
        known = self._known.get(path)
        if known is None:
            known = self._known[path] = self._exists(path)
        return known

    def _exists(self, path: str) -> bool:
        claim = normalise_claim(path)
        if not claim:
            return True
        files = self.files
        if not self.complete:
            return True
        if globs.is_glob(claim):
            return any(globs.matches(name, claim) for name in files)
        return claim in files or claim in self._dirs
