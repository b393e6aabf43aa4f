"""What earlier runs learnt about commits, kept in ``.lanelint_cache/git.msgpack``.

Commits are immutable: a commit's parents and changed files never change, and a full commit
id keeps naming the same commit. The history of the integration branch is kept for one tip;
a later tip that descends from it only reads the new commits. Every failure to read or write
is silent: the cache only ever saves work.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from lanelint.linter.io.cache_folder import write_in_cache_folder

FILE_NAME = "git.msgpack"
#: Bump when the layout changes; other versions are ignored.
VERSION = 3


class _Stored(msgspec.Struct, array_like=True):
    """The file's layout (MessagePack, decoded with its types checked; never pickle)."""

    version: int
    repository: str
    resolved: dict[str, str]
    files: dict[str, tuple[str, ...]]
    tip: str
    parents: dict[str, str]
    reached: dict[str, int]


_DECODER = msgspec.msgpack.Decoder(_Stored)
_ENCODER = msgspec.msgpack.Encoder()
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
            data = _DECODER.decode((folder / FILE_NAME).read_bytes())
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return cache
        if data.version != VERSION or data.repository != repository:
            return cache
        if len(data.parents) != len(data.reached):
            return cache
        cache.resolved, cache.files = data.resolved, data.files
        cache.history_tip, cache._history, cache._reached = data.tip, data.parents, data.reached
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
        files = self.files
        if len(files) > MAX_FILES:
            files = dict(list(files.items())[-MAX_FILES:])
        data = _Stored(
            VERSION,
            self.repository,
            self.resolved,
            files,
            self.history_tip,
            self._history,
            self._reached,
        )
        if write_in_cache_folder(folder, FILE_NAME, _ENCODER.encode(data)):
            self.dirty = False
