"""The one place that assembles the pipeline: discovery, settings, per-document results, the
workspace phase, finalizing.

A :class:`Run` holds the documents it knows (files found on disk, and editor or standard-input
buffers standing in for files), their per-document results (from the cache, from workers, or
checked here), and runs the workspace phase over all of them. ``check``, ``check --fix``,
standard input, ``board`` and the language server all build one; a language-server session keeps
one alive and updates it per changed document.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic
from lanelint.linter.engine.passes import (
    DocumentResult,
    RunSettings,
    check_text,
    finalize,
    run_workspace_incremental,
    run_workspace_rules,
)
from lanelint.linter.io.discovery import FileEntry, discover
from lanelint.linter.io.source import buffer_text, digest_bytes
from lanelint.linter.run import parallel
from lanelint.linter.run.cache import Cache
from lanelint.linter.run.reading import read_bytes
from lanelint.linter.run.result import LintResult
from lanelint.linter.run.settings import default_paths, make_settings
from lanelint.linter.workspace.groups import changed_groups
from lanelint.linter.workspace.index import WorkspaceIndex, build_index
from lanelint.linter.workspace.summary import DocumentSummary

#: The workspace phase: every cross-document rule over the per-document results.
WorkspacePhase = Callable[[Sequence[DocumentResult], RunSettings], list[Diagnostic]]


def context_folder(path: Path, config: Config) -> Path:
    """The folder whose documents give ``path`` its context (cross-document rules).

    The configured spec folder where the path lies in it, else the project root where the path
    lies below it, else the path's own folder.
    """
    absolute = Path(os.path.abspath(path))
    root = Path(os.path.abspath(config.root))
    if config.spec and absolute.is_relative_to(root / config.spec):
        return root / config.spec
    if absolute.is_relative_to(root):
        return root
    return absolute if absolute.is_dir() else absolute.parent


def context_folders(paths: Iterable[Path], config: Config) -> list[Path]:
    """The context folders of ``paths``, none inside another."""
    folders = sorted({context_folder(path, config) for path in paths})
    kept: list[Path] = []
    for folder in folders:
        if not any(folder.is_relative_to(outer) for outer in kept):
            kept.append(folder)
    return [folder for folder in kept if folder.is_dir()]


@dataclass(frozen=True)
class _Phase:
    """What the last incremental workspace phase saw and found."""

    summaries: dict[str, DocumentSummary]
    index: WorkspaceIndex
    by_batch: dict[str, list[Diagnostic]]


@dataclass(frozen=True)
class _Last:
    """The last findings of an incremental run: per document, and those of no document."""

    results: dict[str, DocumentResult]
    workspace: list[Diagnostic]
    by_path: dict[str, list[Diagnostic]]
    orphans: list[Diagnostic]


class Run:
    """The documents of one run and everything learnt about them."""

    #: Runs built in this process: probes count pipeline assemblies with it.
    assemblies: ClassVar[int] = 0

    def __init__(
        self,
        config: Config,
        *,
        jobs: int = 1,
        use_cache: bool = False,
        cwd: Path | None = None,
        rules: bool = True,
        workspace_phase: WorkspacePhase = run_workspace_rules,
        incremental: bool = False,
    ) -> None:
        Run.assemblies += 1
        self.config = config
        self.jobs = jobs
        self.use_cache = use_cache and config.cache
        self.cwd = cwd
        self.rules = rules
        self.workspace_phase = workspace_phase
        #: Keep the workspace phase's state between calls of :meth:`diagnostics` and check
        #: again only the batches a change touched (a language-server session).
        self.incremental = incremental
        self._phase: _Phase | None = None
        self._last: _Last | None = None
        self.entries: dict[str, FileEntry] = {}
        self.results: dict[str, DocumentResult] = {}
        self.buffers: dict[str, str] = {}
        self._settings: RunSettings | None = None
        #: ``progress(done, total)``: told of the documents read and checked by :meth:`load`.
        self.progress: Callable[[int, int], None] | None = None

    # -- discovery and settings ------------------------------------------------------------

    def discover(self, paths: Iterable[Path]) -> list[FileEntry]:
        """Add the Markdown files below ``paths`` (raises ``PathNotFoundError``); the entries
        found, in display order. A file already known keeps its entry."""
        found = discover(paths, root=self.config.root, exclude=self.config.exclude, cwd=self.cwd)
        for entry in found:
            self.entries.setdefault(entry.display, entry)
        return found

    def add_targets(
        self, paths: Sequence[Path], *, project_context: bool = False
    ) -> list[FileEntry]:
        """The files to report on (``paths``, else the configured default); with
        ``project_context``, the documents around them are added for context too."""
        targets = list(paths) or default_paths(self.config)
        reported = self.discover(targets)
        if project_context:
            walked = [Path(os.path.abspath(t)) for t in targets if os.path.isdir(t)]
            folders = [
                folder
                for folder in context_folders(targets, self.config)
                if not any(folder.is_relative_to(done) for done in walked)
            ]
            if folders:
                self.discover(folders)
        return reported

    @property
    def settings(self) -> RunSettings:
        """The run's settings, made once from the documents known when first asked."""
        if self._settings is None:
            settings = make_settings(self.config, list(self.entries.values()))
            if not self.rules:
                settings = RunSettings(
                    settings.config, (), settings.known_codes, settings.stamp_schema
                )
            self._settings = settings
        return self._settings

    def display(self, path: Path) -> str:
        """The path findings carry for ``path``: relative to the run's folder where below it."""
        from lanelint.linter.io.discovery import display_path

        return display_path(path, self.cwd)

    # -- per-document results --------------------------------------------------------------

    def load(self) -> None:
        """Per-document results for every known file without one: from the cache, else from
        workers where the work outweighs their start-up, else checked here."""
        with parallel.collector_paused():
            self._load()

    def _load(self) -> None:
        settings = self.settings
        pending = [e for key, e in sorted(self.entries.items()) if key not in self.results]
        if not pending:
            return
        store = Cache.for_run(settings) if self.use_cache else None
        todo: list[tuple[int, FileEntry]] = []
        read: dict[int, bytes] = {}
        for index, entry in enumerate(pending):
            if store is None:
                todo.append((index, entry))
                continue
            data = read_bytes(entry)
            if isinstance(data, DocumentResult):  # unreadable: reported, never cached
                self.results[entry.display] = data
                continue
            hit = store.get(entry.display, digest_bytes(data))
            if hit is not None:
                self.results[entry.display] = hit
            else:
                todo.append((index, entry))
                read[index] = data
        checked = len(pending) - len(todo)

        def advance(count: int) -> None:
            nonlocal checked
            checked += count
            if self.progress is not None:
                self.progress(checked, len(pending))

        advance(0)
        jobs = parallel.workers_for(len(todo), self.jobs)
        if jobs > 1:
            done = parallel.check_in_workers(todo, settings, jobs, advance)
            for index, (result, encoded) in done.items():
                self.results[pending[index].display] = result
                if store is not None:
                    store.put(result, encoded)
        for index, entry in todo:
            if entry.display in self.results:
                continue
            result = parallel.check_entry(entry, read.get(index), settings)
            self.results[entry.display] = result
            if store is not None:
                store.put(result)
            advance(1)
        if store is not None:
            store.flush()

    def set_buffer(self, display: str, text: str) -> None:
        """An open (possibly unsaved) buffer, or standard input, stands in for the file."""
        clean = buffer_text(text)
        self.buffers[display] = clean
        self.results[display] = check_text(display, clean, self.settings)

    def close_buffer(self, display: str, path: Path | None = None) -> None:
        """A closed buffer gives way to the file on disk (or to nothing, if never saved)."""
        self.buffers.pop(display, None)
        self.reload(display, path)

    def reload(self, display: str, path: Path | None = None) -> None:
        """Check the file at ``display`` again (it changed on disk, or appeared, or went)."""
        if display in self.buffers:
            return
        self.results.pop(display, None)
        entry = self.entries.get(display)
        if path is not None and Path(path).is_file():
            entry = FileEntry(Path(path), display, entry.explicit if entry else False)
            self.entries[display] = entry
        if entry is None or not entry.path.is_file():
            self.entries.pop(display, None)
            return
        self.results[display] = parallel.check_entry(entry, None, self.settings)

    # -- the workspace phase ---------------------------------------------------------------

    def ordered_paths(self) -> list[str]:
        """The display paths of every document, in order."""
        self.load()
        return sorted(self.results)

    def ordered(self) -> list[DocumentResult]:
        """Every per-document result, in display order."""
        self.load()
        return [self.results[key] for key in sorted(self.results)]

    def diagnostics(self) -> list[Diagnostic]:
        """The workspace phase over every document, then suppressions and sorting."""
        results = self.ordered()
        if self.incremental:
            return self._incremental_diagnostics(results)
        workspace = self.workspace_phase(results, self.settings)
        return finalize(results, workspace, self.settings)

    def _incremental_diagnostics(self, results: Sequence[DocumentResult]) -> list[Diagnostic]:
        """Where every changed document kept its summary (an edit of prose, a typo), the
        workspace findings cannot change: only the changed documents are finalized again.
        Otherwise the incremental workspace phase runs, and everything is finalized."""
        current = {r.path: r for r in results}
        last = self._last
        if last is not None and set(last.results) == set(current):
            changed = [path for path, r in current.items() if last.results[path] is not r]
            if all(last.results[p].summary == current[p].summary for p in changed):
                by_path = dict(last.by_path)
                for path in changed:
                    own = [d for d in last.workspace if d.path == path]
                    by_path[path] = finalize([current[path]], own, self.settings)
                self._last = _Last(current, last.workspace, by_path, last.orphans)
                found = [d for path in sorted(by_path) for d in by_path[path]]
                found.extend(last.orphans)
                found.sort(key=Diagnostic.sort_key)
                return found
        workspace = self._incremental_phase(results)
        final = finalize(results, workspace, self.settings)
        grouped: dict[str, list[Diagnostic]] = {path: [] for path in current}
        orphans: list[Diagnostic] = []
        for diagnostic in final:
            bucket = grouped.get(diagnostic.path)
            (bucket if bucket is not None else orphans).append(diagnostic)
        self._last = _Last(current, workspace, grouped, orphans)
        return final

    def _incremental_phase(self, results: Sequence[DocumentResult]) -> list[Diagnostic]:
        """The workspace phase from summaries: batch rules run again only for the batches
        that the documents changed since the last phase touch; the others keep their
        findings."""
        settings = self.settings
        summaries = {r.path: r.summary for r in results if r.summary is not None}
        index = build_index(summaries.values(), self.config.root, settings.roles)
        before = self._phase
        if before is None:
            outcome = run_workspace_incremental(index, settings, {}, lambda group: True)
        else:
            pairs = [
                (before.summaries.get(path), summaries.get(path))
                for path in sorted(set(before.summaries) | set(summaries))
                if before.summaries.get(path) is not summaries.get(path)
            ]
            changes = changed_groups(pairs, before.index, index)
            outcome = run_workspace_incremental(index, settings, before.by_batch, changes.stale)
        self._phase = _Phase(summaries, index, outcome.by_batch)
        return outcome.diagnostics

    def report(self, only: Collection[str] | None = None) -> LintResult:
        """The findings located in ``only`` (default: every document); internal errors are
        always kept, since they make the run incomplete."""
        diagnostics = self.diagnostics()
        if only is None:
            shown = sorted(self.results)
        else:
            wanted = set(only)
            shown = sorted(wanted & set(self.results))
            diagnostics = [d for d in diagnostics if d.path in wanted or d.code.startswith("LL9")]
        documents = [self.results[key] for key in shown]
        return LintResult(diagnostics, shown, self.config, documents)

    def index(self) -> WorkspaceIndex:
        """The workspace index of every document (for ``board``)."""
        documents = [r.summary for r in self.ordered() if r.summary is not None]
        return build_index(documents, self.config.root, self.settings.roles)
