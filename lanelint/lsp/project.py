"""A workspace's lint state, kept in memory between edits (no LSP knowledge here).

A project is one :class:`~lanelint.linter.run.driver.Run` kept alive for the session: every
document of the project's folder has its per-document result held by the run. When one document
changes, only its per-document phase runs again, then the cross-document phase over all results;
the caller learns which documents' findings changed, so that it republishes exactly those.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic
from lanelint.linter.engine.passes import DocumentResult, RunSettings
from lanelint.linter.run.driver import Run, context_folder


class Project:
    """The documents of one project folder: on disk, with open buffers in place of files."""

    def __init__(self, config: Config, folder: Path) -> None:
        self.config = config
        self.root = Path(os.path.abspath(config.root))
        self.folder = Path(os.path.abspath(folder))
        # Paths relative to the project root, as ``lanelint check`` run from the root shows
        # them; the first load reads unchanged files from the content cache, as ``check`` does.
        self.run = Run(config, use_cache=config.cache, cwd=self.root, incremental=True)
        if self.folder.is_dir():
            self.run.discover([self.folder])
        self.run.load()
        self.current: dict[str, list[Diagnostic]] | None = None

    @classmethod
    def for_file(cls, path: Path, config: Config) -> Project:
        return cls(config, context_folder(path, config))

    @classmethod
    def loaded(cls, path: Path, config: Config) -> Project:
        """The project of ``path`` with its first cross-document phase run (the slow part of
        opening a document: every document's result and every batch's rules)."""
        project = cls.for_file(path, config)
        project.relint()
        return project

    @staticmethod
    def recorded(path: Path, config: Config, text: str) -> list[Diagnostic] | None:
        """The findings of ``path`` from the last recorded ``lanelint check`` of its project,
        where ``text`` is the file as saved and no document changed since (else ``None``): what
        an editor can show at once, while the project loads."""
        root = Path(os.path.abspath(config.root))
        run = Run(config, use_cache=config.cache, cwd=root)
        folder = context_folder(path, config)
        if not folder.is_dir():
            return None
        run.discover([folder])
        display = run.display(path)
        run.set_buffer(display, text)
        found = run.recorded()
        if found is None:
            return None
        return [d for d in found.diagnostics if d.path == display]

    @property
    def settings(self) -> RunSettings:
        return self.run.settings

    @property
    def results(self) -> dict[str, DocumentResult]:
        return self.run.results

    @property
    def buffers(self) -> dict[str, str]:
        return self.run.buffers

    def display(self, path: Path) -> str:
        """The path findings carry: relative to the project root where below it."""
        return self.run.display(path)

    def path_of(self, display: str) -> Path:
        return self.root / display

    def contains(self, path: Path) -> bool:
        absolute = Path(os.path.abspath(path))
        return absolute.is_relative_to(self.folder) or self.display(path) in self.run.results

    def text_of(self, display: str) -> str:
        """The text a document's findings refer to: its buffer, else the file on disk."""
        if display in self.run.buffers:
            return self.run.buffers[display]
        try:
            return self.path_of(display).read_text("utf-8-sig", errors="replace")
        except OSError:
            return ""

    # -- the per-document phase ------------------------------------------------------------

    def set_buffer(self, path: Path, text: str) -> None:
        """An open (possibly unsaved) buffer replaces the file's text."""
        self.run.set_buffer(self.display(path), text)

    def close_buffer(self, path: Path) -> None:
        """A closed buffer gives way to the file on disk (or to nothing, if it was never saved)."""
        self.run.close_buffer(self.display(path), Path(path))

    def reload(self, path: Path) -> None:
        self.run.reload(self.display(path), Path(path))

    # -- the cross-document phase ----------------------------------------------------------

    def relint(self) -> set[str]:
        """Run the cross-document phase and finalize; return the documents whose findings
        changed since the last call (none on the first call: it sets the baseline, and the
        caller publishes the documents it was asked about)."""
        by_path, orphans, maybe = self.run.findings_by_document()
        grouped = by_path
        if orphans:
            grouped = dict(by_path)
            for diagnostic in orphans:
                grouped.setdefault(diagnostic.path, []).append(diagnostic)
        before = self.current
        self.current = grouped
        if before is None:
            return set()
        candidates = set(grouped) | set(before) if maybe is None else maybe
        return {key for key in candidates if grouped.get(key, []) != before.get(key, [])}

    def findings(self, display: str) -> list[Diagnostic]:
        """The findings published for the document at ``display``."""
        return (self.current or {}).get(display, [])

    def diagnostics(self, path: Path) -> list[Diagnostic]:
        return (self.current or {}).get(self.display(path), [])

    def documents(self) -> Iterable[str]:
        return sorted(self.run.results)
