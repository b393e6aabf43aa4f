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
from typing import TYPE_CHECKING, ClassVar

from lanelint.linter.engine.config import Config, default_paths
from lanelint.linter.engine.diagnostics import Diagnostic
from lanelint.linter.io.discovery import FileEntry, discover
from lanelint.linter.io.source import buffer_text, digest_bytes, read_file
from lanelint.linter.run import record
from lanelint.linter.run.record import RunRecord
from lanelint.linter.run.result import LintResult

# The rule engine, the readers and the rules are imported where first needed, not here: a run
# whose findings are recorded (nothing changed) never loads them, and that saves most of its
# time (about 0.2 s of imports against 0.1 s of reading and printing).
if TYPE_CHECKING:
    from lanelint.linter.engine.passes import DocumentResult, RunSettings
    from lanelint.linter.workspace.index import WorkspaceIndex
    from lanelint.linter.workspace.repository import RepositoryFiles
    from lanelint.linter.workspace.summary import DocumentSummary


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
    #: The workspace phase's findings, by the document they are located in.
    workspace: dict[str, list[Diagnostic]]
    #: Every document's final findings, sorted.
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
        incremental: bool = False,
    ) -> None:
        Run.assemblies += 1
        self.config = config
        self.jobs = jobs
        self.use_cache = use_cache and config.cache
        self.cwd = cwd
        self.rules = rules
        #: Keep the workspace phase's state between calls of :meth:`diagnostics` and check
        #: again only the batches a change touched (a language-server session).
        self.incremental = incremental
        self._phase: _Phase | None = None
        self._last: _Last | None = None
        #: Digests of the files read for the run record's key (display path -> digest).
        self._digests: dict[str, str] = {}
        self._record_key: str | None = None
        self._recorded: RunRecord | None = None
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
            from lanelint.linter.engine.passes import RunSettings
            from lanelint.linter.run.settings import make_settings

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
        from lanelint.linter.run import parallel

        with parallel.collector_paused():
            self._load()

    def _load(self) -> None:
        from lanelint.linter.engine.passes import DocumentResult, check_text
        from lanelint.linter.run import parallel
        from lanelint.linter.run.cache import Cache
        from lanelint.linter.run.reading import read_bytes

        settings = self.settings
        for display, text in self.buffers.items():
            if display not in self.results:
                self.results[display] = check_text(display, text, settings)
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
            data: bytes | None = None
            digest = self._digests.get(entry.display)
            if digest is None:
                found = read_bytes(entry)
                if isinstance(found, DocumentResult):  # unreadable: reported, never cached
                    self.results[entry.display] = found
                    continue
                data, digest = found, digest_bytes(found)
            hit = store.get(entry.display, digest)
            if hit is not None:
                self.results[entry.display] = hit
                continue
            todo.append((index, entry))
            if data is not None:
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
        """An open (possibly unsaved) buffer, or standard input, stands in for the file (it is
        checked when the run's results are next asked for)."""
        self.buffers[display] = buffer_text(text)
        self.results.pop(display, None)

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
        from lanelint.linter.run import parallel

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
        """The workspace phase over every document, then suppressions and sorting.

        With the cache on, a run whose documents and surroundings are those of the last
        recorded run takes that run's findings (see :mod:`lanelint.linter.run.record`).
        """
        if self.incremental:
            self._update_incremental()
            assert self._last is not None
            found = [d for path in sorted(self._last.by_path) for d in self._last.by_path[path]]
            if self._last.orphans:
                found.extend(self._last.orphans)
                found.sort(key=Diagnostic.sort_key)
            return found
        recorded = self._from_record()
        if recorded is not None:
            return list(recorded.diagnostics)
        edited = self._edited_buffers()
        if edited is not None:
            return edited
        from lanelint.linter.engine.passes import finalize, run_workspace_rules
        from lanelint.linter.workspace.repository import RepositoryFiles

        results = self.ordered()
        repository = RepositoryFiles(self.config.root)
        workspace = run_workspace_rules(
            results, self.settings, repository=repository, base=self.cwd
        )
        final = finalize(results, workspace, self.settings)
        self._keep_record(final, results, repository, workspace)
        return final

    def _edited_buffers(self) -> list[Diagnostic] | None:
        """The findings of a run whose buffers differ from their files only in what no
        cross-document rule reads (prose, a typo: each buffer's summary equals its file's),
        from the record of the files on disk: the other documents' findings as recorded, and
        each buffer's own findings with the cross-document findings recorded for its file.
        ``None`` where that does not hold (then the whole run is checked)."""
        if not self.buffers or any(d not in self.entries for d in self.buffers):
            return None
        key = self._disk_key()
        if key is None:
            return None
        kept = record.load(self.config.root, key)
        located = record.load_workspace(self.config.root, key) if kept is not None else None
        if kept is None or located is None:
            return None
        from lanelint.linter.engine.passes import check_text, finalize
        from lanelint.linter.run.cache import Cache

        settings = self.settings
        store = Cache.for_run(settings)
        fresh: dict[str, DocumentResult] = {}
        for display, text in self.buffers.items():
            before = store.get(display, self._digests[display])
            now = check_text(display, text, settings)
            if before is None or before.summary != now.summary:
                return None
            fresh[display] = now
        found = [d for d in kept.diagnostics if d.path not in fresh]
        for display, now in fresh.items():
            found.extend(finalize([now], located.get(display, []), settings))
        found.sort(key=Diagnostic.sort_key)
        self.results.update(fresh)
        self._recorded = kept
        return found

    # -- the run record ----------------------------------------------------------------------

    def _recordable(self) -> bool:
        """Whether the run's findings may come from, or go to, the run record: with the cache
        on, the rules on, and every buffer the same text as its file on disk (an editor's
        save-time check sends what it just saved)."""
        if not (self.use_cache and self.rules and self.entries):
            return False
        return all(self._buffer_is_file(display) for display in self.buffers)

    def _buffer_is_file(self, display: str) -> bool:
        entry = self.entries.get(display)
        if entry is None:
            return False
        # byte for byte: a file with a BOM or CRLF lines reads differently from its buffer
        return read_file(entry.path) == self.buffers[display].encode("utf-8")

    def recorded(self) -> RunRecord | None:
        """The record of a run over exactly these documents and buffers, if one is kept and
        still valid (see :mod:`lanelint.linter.run.record`); reads every file to know."""
        return self._from_record()

    def _from_record(self) -> RunRecord | None:
        """The recorded findings of a run over exactly these documents, if still valid."""
        if self._recorded is not None:
            return self._recorded
        key = self._key()
        if key is None:
            return None
        self._recorded = record.load(self.config.root, key)
        return self._recorded

    def _key(self) -> str | None:
        """The run record's key for these documents (reads every file once), or ``None``
        where the run cannot be recorded."""
        if not self._recordable():
            return None
        return self._disk_key()

    def _disk_key(self) -> str | None:
        """The run record's key of the files on disk, buffers or not (``None`` where one
        cannot be read)."""
        if self._record_key is not None:
            return self._record_key
        if not (self.use_cache and self.rules and self.entries):
            return None
        from lanelint.linter.run.digests import file_digests

        here = os.getcwd()
        located = {display: os.path.join(here, e.path) for display, e in self.entries.items()}
        digests: dict[str, str] = {}
        for display in located:
            known = None if display in self.buffers else self.results.get(display)
            if known is not None and known.digest is not None:
                digests[display] = known.digest
        unknown = {display: where for display, where in located.items() if display not in digests}
        found = file_digests(self.config.root, unknown)
        if found is None:
            return None  # an unreadable file is reported afresh by every run
        digests.update(found)
        self._digests = digests
        self._record_key = record.record_key(self.config, digests, located)
        return self._record_key

    def remembered(self, name: str, make: Callable[[WorkspaceIndex], str]) -> str:
        """``make(index)`` for this run's workspace index, kept under the run record's key
        as ``name``: a run over the same documents and surroundings reads it back without
        building the index (``board`` with nothing changed)."""
        from lanelint.linter.workspace.repository import RepositoryFiles

        key = self._key()
        if key is not None:
            kept = record.load_text(self.config.root, name, key)
            if kept is not None:
                return kept
        repository = RepositoryFiles(self.config.root)
        text = make(self.index(repository))
        if key is not None:
            folders = repository.folders if repository.walked else None
            record.save_text(self.config.root, name, key, folders, text)
        return text

    def _keep_record(
        self,
        final: Sequence[Diagnostic],
        results: Sequence[DocumentResult],
        repository: RepositoryFiles,
        workspace: Sequence[Diagnostic],
    ) -> None:
        """Record a complete run's findings for the next run over the same documents."""
        key = self._record_key
        if key is None or not self._recordable():
            return
        if any(r.digest is None or self._digests.get(r.path) != r.digest for r in results):
            return  # unreadable, or changed since its digest was taken
        if any(d.code.startswith("LL9") for d in final):
            return  # incomplete: the next run tries again
        documents = [record.RecordedDocument(r.path, r.line_count, r.taken) for r in results]
        folders = repository.folders if repository.walked else None
        record.save(self.config.root, key, folders, final, documents)
        record.save_workspace(self.config.root, key, workspace)

    def findings_by_document(
        self,
    ) -> tuple[dict[str, list[Diagnostic]], list[Diagnostic], set[str] | None]:
        """For an incremental run (a language-server session): every document's findings
        (sorted), the findings located in no known document, and the documents whose
        findings may differ from the last call's (``None``: any of them)."""
        changed = self._update_incremental()
        assert self._last is not None
        return self._last.by_path, self._last.orphans, changed

    def _update_incremental(self) -> set[str] | None:
        """Bring the kept findings up to date; the documents that may have changed.

        Where every changed document kept its summary (an edit of prose, a typo), the
        workspace findings cannot change: only the changed documents are finalized again
        (at 10,000 documents this is what keeps an edit in the tens of milliseconds).
        Otherwise the incremental workspace phase runs, and everything is finalized.
        """
        from lanelint.linter.engine.passes import finalize

        self.load()
        current = dict(self.results)
        last = self._last
        if last is not None and last.results.keys() == current.keys():
            changed = [path for path, r in current.items() if last.results[path] is not r]
            if all(last.results[p].summary == current[p].summary for p in changed):
                by_path = dict(last.by_path)
                for path in changed:
                    own = last.workspace.get(path, [])
                    by_path[path] = finalize([current[path]], own, self.settings)
                self._last = _Last(current, last.workspace, by_path, last.orphans)
                return set(changed)
        results = [current[key] for key in sorted(current)]
        workspace = self._incremental_phase(results)
        final = finalize(results, workspace, self.settings)
        grouped: dict[str, list[Diagnostic]] = {path: [] for path in current}
        orphans: list[Diagnostic] = []
        for diagnostic in final:
            bucket = grouped.get(diagnostic.path)
            (bucket if bucket is not None else orphans).append(diagnostic)
        located: dict[str, list[Diagnostic]] = {}
        for diagnostic in workspace:
            located.setdefault(diagnostic.path, []).append(diagnostic)
        self._last = _Last(current, located, grouped, orphans)
        return None

    def _incremental_phase(self, results: Sequence[DocumentResult]) -> list[Diagnostic]:
        """The workspace phase from summaries: batch rules run again only for the batches
        that the documents changed since the last phase touch; the others keep their
        findings."""
        from lanelint.linter.engine.passes import run_workspace_incremental
        from lanelint.linter.workspace.groups import changed_groups
        from lanelint.linter.workspace.index import build_index

        settings = self.settings
        summaries = {r.path: r.summary for r in results if r.summary is not None}
        before = self._phase
        index = build_index(
            summaries.values(),
            self.config.root,
            settings.roles,
            self._repository(before),
            self.cwd,
        )
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

    def _repository(self, before: _Phase | None) -> RepositoryFiles | None:
        """The last phase's view of the files on disk while no folder it listed changed (a
        new file or folder changes its folder's modification time), else ``None`` (a new
        view). At 10,000 documents this saves a walk of the tree and every claim's lookup
        on each edit that changes a summary."""
        from lanelint.linter.workspace.repository import folders_unchanged

        if before is None:
            return None
        kept = before.index.repository
        if kept.walked and folders_unchanged(self.config.root, kept.folders):
            return kept
        return None

    def report(self, only: Collection[str] | None = None) -> LintResult:
        """The findings located in ``only`` (default: every document); internal errors are
        always kept, since they make the run incomplete."""
        diagnostics = self.diagnostics()
        known = self._known_paths()
        if only is None:
            shown = sorted(known)
        else:
            wanted = set(only)
            shown = sorted(wanted & known)
            diagnostics = [d for d in diagnostics if d.path in wanted or d.code.startswith("LL9")]
        return LintResult(diagnostics, shown, self.config, lambda: self._documents(shown))

    def _documents(self, shown: Sequence[str]) -> list[DocumentResult]:
        """The results of ``shown``: checked or cached, else what the run record kept."""
        from lanelint.linter.engine.passes import DocumentResult

        kept = {d.path: d for d in self._recorded.documents} if self._recorded else {}
        found: list[DocumentResult] = []
        for display in shown:
            result = self.results.get(display)
            if result is None:
                slim = kept[display]
                result = DocumentResult(slim.path, line_count=slim.line_count, taken=slim.taken)
            found.append(result)
        return found

    def _known_paths(self) -> set[str]:
        if self._recorded is not None:
            return {d.path for d in self._recorded.documents} | set(self.results)
        return set(self.results)

    def index(self, repository: RepositoryFiles | None = None) -> WorkspaceIndex:
        """The workspace index of every document (for ``board``)."""
        from lanelint.linter.workspace.index import build_index

        documents = [r.summary for r in self.ordered() if r.summary is not None]
        return build_index(documents, self.config.root, self.settings.roles, repository, self.cwd)
