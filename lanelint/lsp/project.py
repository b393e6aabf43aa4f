"""A workspace's lint state, kept in memory between edits (no LSP knowledge here).

Every document of the project's folder has its per-document result cached. When one document
changes, only its per-document phase runs again, then the cross-document phase over all
cached results; the caller learns which documents' findings changed, so that it republishes
exactly those.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic
from lanelint.linter.engine.passes import DocumentResult, check_text, finalize, run_workspace_rules
from lanelint.linter.io.discovery import FileEntry, discover
from lanelint.linter.io.source import buffer_text
from lanelint.linter.run.api import buffer_folder, make_settings, read_entry
from lanelint.linter.run.parallel import check_entries


class Project:
    """The documents of one project folder: on disk, with open buffers in place of files."""

    def __init__(self, config: Config, folder: Path) -> None:
        self.config = config
        self.root = Path(os.path.abspath(config.root))
        self.folder = Path(os.path.abspath(folder))
        entries = (
            discover([self.folder], root=self.root, exclude=config.exclude)
            if self.folder.is_dir()
            else []
        )
        self.settings = make_settings(config, entries)
        self.results: dict[str, DocumentResult] = {}
        self.buffers: dict[str, str] = {}
        # The first load reads unchanged files from the content cache, as ``check`` does.
        shown = [FileEntry(e.path, self.display(e.path)) for e in entries if e.path.is_file()]
        for result in check_entries(shown, self.settings, use_cache=config.cache):
            self.results[result.path] = result
        self.current: dict[str, list[Diagnostic]] = {}

    @classmethod
    def for_file(cls, path: Path, config: Config) -> Project:
        return cls(config, buffer_folder(path, config))

    def display(self, path: Path) -> str:
        """The path findings carry: relative to the project root, as ``lanelint check`` run
        from the root shows it."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.as_posix()

    def path_of(self, display: str) -> Path:
        return self.root / display

    def contains(self, path: Path) -> bool:
        absolute = Path(os.path.abspath(path))
        return absolute.is_relative_to(self.folder) or self.display(path) in self.results

    def text_of(self, display: str) -> str:
        """The text a document's findings refer to: its buffer, else the file on disk."""
        if display in self.buffers:
            return self.buffers[display]
        try:
            return self.path_of(display).read_text("utf-8-sig", errors="replace")
        except OSError:
            return ""

    # -- the per-document phase ------------------------------------------------------------

    def set_buffer(self, path: Path, text: str) -> None:
        """An open (possibly unsaved) buffer replaces the file's text."""
        display = self.display(path)
        clean = buffer_text(text)
        self.buffers[display] = clean
        self.results[display] = check_text(display, clean, self.settings)

    def close_buffer(self, path: Path) -> None:
        """A closed buffer gives way to the file on disk (or to nothing, if it was never saved)."""
        display = self.display(path)
        self.buffers.pop(display, None)
        self.reload(path)

    def reload(self, path: Path) -> None:
        display = self.display(path)
        if display in self.buffers:
            return
        if Path(path).is_file():
            self.results[display] = read_entry(FileEntry(Path(path), display), self.settings)
        else:
            self.results.pop(display, None)

    # -- the cross-document phase ----------------------------------------------------------

    def relint(self) -> set[str]:
        """Run the cross-document phase and finalize; return the documents whose findings
        changed since the last call."""
        results = [self.results[key] for key in sorted(self.results)]
        workspace = run_workspace_rules(results, self.settings)
        diagnostics = finalize(results, workspace, self.settings)
        grouped: dict[str, list[Diagnostic]] = {key: [] for key in self.results}
        for diagnostic in diagnostics:
            grouped.setdefault(diagnostic.path, []).append(diagnostic)
        changed = {
            key
            for key in set(grouped) | set(self.current)
            if grouped.get(key, []) != self.current.get(key, [])
        }
        self.current = grouped
        return changed

    def diagnostics(self, path: Path) -> list[Diagnostic]:
        return self.current.get(self.display(path), [])

    def documents(self) -> Iterable[str]:
        return sorted(self.results)
