"""Finding the Markdown files to lint below the paths a user names."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")

#: Folder names that never hold a team's specs: version control, dependencies, caches.
SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        ".lanelint_cache",
        "site-packages",
    }
)


class PathNotFoundError(Exception):
    """A path named on the command line does not exist."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file to lint: where it is, and the path diagnostics show for it."""

    path: Path
    display: str
    explicit: bool = False


def display_path(path: Path, cwd: Path | None = None) -> str:
    """A path relative to ``cwd`` where it lies below it, else absolute; always with ``/``."""
    base = cwd or Path.cwd()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def is_excluded(relative: str, patterns: Sequence[str]) -> bool:
    """Whether a ``/``-separated path relative to the project root matches an exclude glob.

    A pattern without ``/`` matches any single path component (like ``.gitignore``); a pattern
    with ``/`` matches the whole relative path or any leading part of it.
    """
    parts = relative.split("/")
    for pattern in patterns:
        pat = pattern.strip().rstrip("/")
        if not pat:
            continue
        if "/" not in pat:
            if any(fnmatchcase(part, pat) for part in parts):
                return True
            continue
        pat = pat.removeprefix("./")
        for i in range(1, len(parts) + 1):
            if fnmatchcase("/".join(parts[:i]), pat):
                return True
    return False


def _relative_to_root(path: Path, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.abspath(path)).as_posix()


def _walk(folder: str, root: str, exclude: Sequence[str]) -> Iterator[str]:
    """Markdown files below ``folder``; links to folders are not followed (no loops).

    Works on strings (a :class:`Path` per entry costs more than the walk itself); the
    root-relative path is computed only when there are exclude patterns to match.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = entry.path
        if exclude and is_excluded(_relative_to_root(Path(path), Path(root)), exclude):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_dir:
            if entry.name in SKIPPED_DIRS or os.path.isfile(os.path.join(path, "pyvenv.cfg")):
                continue
            yield from _walk(path, root, exclude)
        elif entry.name.lower().endswith(MARKDOWN_SUFFIXES):
            yield path


def _shown(file: str, prefix: str | None, cwd: Path | None) -> str:
    """:func:`display_path` of a walked file (an absolute, normalised path), by string where
    it lies below ``prefix``."""
    if prefix is not None and file.startswith(prefix) and "//" not in file:
        return file[len(prefix) :]
    return display_path(Path(file), cwd)


def discover(
    paths: Iterable[Path],
    *,
    root: Path,
    exclude: Sequence[str] = (),
    cwd: Path | None = None,
) -> list[FileEntry]:
    """Every Markdown file named by ``paths``, each once, sorted by display path.

    A file named explicitly is linted even if an exclude pattern matches it, like ruff does
    without ``--force-exclude``. A path that does not exist raises :class:`PathNotFoundError`.
    """
    root = Path(os.path.abspath(root))
    base = str(cwd or Path.cwd())
    prefix = base + "/" if os.path.isabs(base) and base != "/" and "//" not in base else None
    found: dict[str, FileEntry] = {}
    for given in paths:
        if not os.path.lexists(given):
            raise PathNotFoundError(f"{given}: no such file or directory")
        try:
            mode = os.stat(given).st_mode
        except OSError:
            mode = 0
        if stat.S_ISDIR(mode):
            # walked from the absolute folder: every file comes out absolute and normalised,
            # so its display path is a slice (an abspath per file costs a getcwd call)
            for file in _walk(os.path.abspath(given), str(root), exclude):
                shown = _shown(file, prefix, cwd)
                if shown not in found:
                    found[shown] = FileEntry(Path(file), shown)
        else:
            shown = display_path(Path(given), cwd)
            found[shown] = FileEntry(Path(given), shown, explicit=True)
    return [found[key] for key in sorted(found)]
