"""The language server: diagnostics as you type, hover docs, and quick fixes (pygls 2).

Diagnostics are published on open, on change (debounced) and on save. Each project (the folder
``lanelint check`` would lint for a file) is a :class:`~lanelint.lsp.project.Project` held in
memory: an edit re-runs the edited document's own rules and the cross-document rules, and every
document whose findings changed (a gate report when its lane plan changes) is republished.

Which documents get diagnostics is one rule, chosen with the initialization option
``publish``: ``"project"`` (the default) publishes every document of a project that has
findings as soon as the project is loaded (on the first open of one of its documents) and keeps
them all up to date; ``"open"`` publishes only the documents open in the editor, and clears a
document's diagnostics when it is closed.

Opening the first document of a project loads the project (every document's result and the first
cross-document phase: seconds in a folder of thousands) in a worker thread, so the server keeps
answering meanwhile. Where the last ``lanelint check`` of the project recorded its findings and
nothing changed since, the opened document's findings are published from that record at once;
every request about the project waits for it to load.

Files changed on disk by other tools (a ``git pull``, another editor) are picked up through
``workspace/didChangeWatchedFiles`` on ``**/*.md``, ``**/*.markdown``, ``lanelint.toml`` and
``pyproject.toml``: a changed document is read again (an open buffer keeps precedence), a
changed configuration file reloads every project.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from lanelint.linter.engine.config import Config, ConfigError, load_config
from lanelint.linter.engine.diagnostics import Diagnostic, Severity
from lanelint.linter.markdown.cells import cell_end
from lanelint.linter.report.sarif import rule_help_uri
from lanelint.linter.run.driver import context_folder
from lanelint.linter.version import __version__
from lanelint.lsp.fixes import code_action_fix
from lanelint.lsp.project import Project
from lanelint.rules import get_rule

#: Seconds to wait after the last keystroke before linting again.
DEBOUNCE_SECONDS = 0.2
#: The values of the ``publish`` initialization option; the first is the default.
PUBLISH_POLICIES = ("project", "open")
#: Files whose change on disk the server hears of (``workspace/didChangeWatchedFiles``).
WATCHED_GLOBS = ("**/*.md", "**/*.markdown", "**/lanelint.toml", "**/pyproject.toml")
_CONFIG_NAMES = ("lanelint.toml", "pyproject.toml")

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class LanelintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "lanelint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.projects: dict[Path, Project] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.debounce = DEBOUNCE_SECONDS
        self.policy = PUBLISH_POLICIES[0]
        self.watch_files = False
        #: URIs whose last published diagnostics were not empty.
        self.published: set[str] = set()
        #: Projects being loaded (by folder), with the URIs to lint once each is ready.
        self.loading: dict[Path, tuple[asyncio.Future[Project | None], set[str]]] = {}

    # -- projects ----------------------------------------------------------------------------

    def known_project(self, path: Path) -> Project | None:
        """The loaded project that holds ``path``, if any."""
        for project in self.projects.values():
            if project.contains(path):
                return project
        return None

    def project_for(self, path: Path) -> Project | None:
        """The project of ``path``, loaded here and now where it is not yet."""
        project = self.known_project(path)
        if project is not None:
            return project
        config = self._config(path)
        if config is None:
            return None
        return self._adopt(Project.loaded(path, config))

    async def project_ready(self, path: Path) -> Project | None:
        """The project of ``path``, once loaded (waiting for a load under way)."""
        project = self.known_project(path)
        if project is not None:
            return project
        folder = self._loading_folder(path)
        if folder is not None:
            await asyncio.shield(self.loading[folder][0])
            return self.known_project(path)
        return self.project_for(path)

    def _config(self, path: Path) -> Config | None:
        try:
            return load_config([path])
        except ConfigError as exc:
            self.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"lanelint: {exc}")
            )
            return None

    def _adopt(self, project: Project) -> Project:
        """A loaded project joins the session; the ``project`` rule publishes its findings."""
        self.projects[project.folder] = project
        if self.policy == "project":
            for display in project.documents():
                if project.findings(display):
                    self.publish(project, display)
        return project

    def _loading_folder(self, path: Path) -> Path | None:
        absolute = Path(os.path.abspath(path))
        return next((f for f in self.loading if absolute.is_relative_to(f)), None)

    def start_loading(self, uri: str, path: Path) -> None:
        """Load the project of ``path`` in a worker thread, lint ``uri`` once it is ready, and
        meanwhile publish the document's recorded findings where the record still holds."""
        folder = self._loading_folder(path)
        if folder is not None:
            self.loading[folder][1].add(uri)
            return
        config = self._config(path)
        if config is None:
            return
        folder = context_folder(path, config)
        document = self.workspace.text_documents.get(uri)
        if document is not None:
            found = Project.recorded(path, config, document.source)
            if found is not None:
                self.publish_findings(uri, document.source, found, config.root, document.version)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Project | None] = loop.run_in_executor(
            None, Project.loaded, path, config
        )
        self.loading[folder] = (future, {uri})
        future.add_done_callback(lambda done: self._loaded(folder, done))

    def _loaded(self, folder: Path, done: asyncio.Future[Project | None]) -> None:
        entry = self.loading.get(folder)
        if entry is None or entry[0] is not done:
            return  # the configuration changed meanwhile: a new load replaces this one
        del self.loading[folder]
        waiting = entry[1]
        if done.cancelled():
            return
        problem = done.exception()
        if problem is not None:  # isolation: one project that fails must not stop the server
            self.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Error,
                    f"lanelint: cannot load the project at {folder}: {problem!r}; "
                    "the next request for it tries again",
                )
            )
            return
        project = done.result()
        if project is None:
            return
        self._adopt(project)
        for uri in sorted(waiting):
            self.lint(uri)

    # -- publishing --------------------------------------------------------------------------

    def lint(self, uri: str, *, force_publish: bool = True) -> None:
        """Lint the document at ``uri`` (its buffer if open) and republish what changed."""
        path = _path(uri)
        if path is None or not path.name.lower().endswith((".md", ".markdown")):
            return
        project = self.known_project(path)
        if project is None:
            self.start_loading(uri, path)
            return
        document = self.workspace.text_documents.get(uri)
        if document is not None:
            project.set_buffer(path, document.source)
        else:
            project.close_buffer(path)
        self.relint(project, project.display(path) if force_publish else None)

    def relint(self, project: Project, also: str | None = None) -> None:
        """Run the project's cross-document phase; publish what changed (and ``also``)."""
        changed = project.relint()
        if also is not None:
            changed.add(also)
        for display in sorted(changed):
            self.publish(project, display)

    def uri_of(self, project: Project, display: str) -> str:
        path = project.path_of(display)
        return from_fs_path(str(path)) or path.as_uri()

    def publish_findings(
        self, uri: str, text: str, found: list[Diagnostic], root: Path, version: int | None
    ) -> None:
        """Publish ``found`` (every finding of one document, in ``text``) for ``uri``."""
        lines = text.split("\n")
        items = [self.to_lsp(d, lines, root) for d in found]
        if items:
            self.published.add(uri)
        else:
            self.published.discard(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=items, version=version)
        )

    def publish(self, project: Project, display: str) -> None:
        """Publish a document's findings, as the publishing rule allows (else clear them)."""
        uri = self.uri_of(project, display)
        opened = self.workspace.text_documents.get(uri)
        shown = self.policy == "project" or opened is not None
        found = project.findings(display) if shown else []
        if not found and uri not in self.published and not (shown and opened is not None):
            return  # nothing was shown and nothing is: no message needed
        version = opened.version if opened is not None else None
        self.publish_findings(uri, project.text_of(display), found, project.root, version)

    def position(self, lines: list[str], line: int, character: int) -> types.Position:
        """A 0-based LSP position, in the client's code units, from code-point columns."""
        codec = self.workspace.position_codec
        return codec.position_to_client_units(lines, types.Position(line, character))

    def to_lsp(self, diagnostic: Diagnostic, lines: list[str], root: Path) -> types.Diagnostic:
        """An LSP diagnostic; ``root`` is the project root that finding paths are relative to."""
        return types.Diagnostic(
            range=self.range_of(diagnostic, lines),
            message=diagnostic.message,
            severity=_SEVERITIES[diagnostic.severity],
            code=diagnostic.code,
            code_description=_link(diagnostic.code, self.docs_url(root)),
            source="lanelint",
            related_information=[
                types.DiagnosticRelatedInformation(
                    location=types.Location(
                        uri=_uri_in(other.path, root),
                        range=types.Range(
                            types.Position(other.line - 1, max(other.column - 1, 0)),
                            types.Position(other.line - 1, max(other.column - 1, 0)),
                        ),
                    ),
                    message=other.message or f"related to {diagnostic.code}",
                )
                for other in diagnostic.related
            ]
            or None,
            data={"fixable": diagnostic.fixable},
        )

    def docs_url(self, root: Path) -> str | None:
        for project in self.projects.values():
            if project.root == root:
                return project.config.docs_url
        return None

    def range_of(self, diagnostic: Diagnostic, lines: list[str]) -> types.Range:
        """Our 1-based line/column to LSP's 0-based range.

        Without an end column: to the end of the table cell the finding points at (so that a
        finding covers its value, not the rest of the row), else to the end of the line.
        """
        loc = diagnostic.location
        start_line = max(loc.line - 1, 0)
        end_line = max(loc.last_line - 1, start_line)
        start_char = max(loc.column - 1, 0)
        cell = None
        if loc.end_column is None and end_line == start_line and start_line < len(lines):
            cell = cell_end(lines[start_line], loc.column)
        if loc.end_column is not None:
            end_char = max(loc.end_column - 1, 0)
        elif cell is not None:
            end_char = cell - 1
        else:
            end_char = len(lines[end_line]) if end_line < len(lines) else 0
            if end_line == start_line and end_char <= start_char:
                end_char = start_char
        return types.Range(
            self.position(lines, start_line, start_char),
            self.position(lines, end_line, end_char),
        )

    # -- debounce ----------------------------------------------------------------------------

    def schedule(self, uri: str) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._later(uri))

    async def _later(self, uri: str) -> None:
        await asyncio.sleep(self.debounce)
        self.pending.pop(uri, None)
        self.lint(uri)

    def cancel(self, uri: str) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()

    # -- files changed on disk -----------------------------------------------------------------

    def files_changed(self, changes: list[types.FileEvent]) -> None:
        """Documents and configuration files changed by another program."""
        paths = [p for p in (_path(change.uri) for change in changes) if p is not None]
        if any(p.name in _CONFIG_NAMES for p in paths):
            self.reload_projects()
            return
        touched: dict[Path, Project] = {}
        for path in paths:
            if not path.name.lower().endswith((".md", ".markdown")):
                continue
            project = next((p for p in self.projects.values() if p.contains(path)), None)
            if project is None:
                continue
            if from_fs_path(str(path)) in self.workspace.text_documents:
                continue  # the open buffer is what the user sees: it keeps precedence
            project.reload(path)
            touched[project.folder] = project
        for project in touched.values():
            self.relint(project)

    def reload_projects(self) -> None:
        """Forget every project (its configuration changed) and lint the open documents anew."""
        before = set(self.published)
        self.projects.clear()
        self.loading.clear()
        for uri in list(self.workspace.text_documents):
            self.lint(uri)
        for uri in sorted(before - self.published):
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )


def _path(uri: str) -> Path | None:
    path = to_fs_path(uri)
    return Path(path) if path else None


def _uri_in(display: str, root: Path) -> str:
    path = Path(display) if os.path.isabs(display) else root / display
    return from_fs_path(str(path)) or path.as_uri()


def _link(code: str, docs_url: str | None) -> types.CodeDescription | None:
    """A link to the rule's page, only where the project configures ``docs-url``."""
    href = rule_help_uri(code, docs_url)
    return types.CodeDescription(href=href) if href else None


def _covers(diagnostic: types.Diagnostic, position: types.Position) -> bool:
    start, end = diagnostic.range.start, diagnostic.range.end
    if not start.line <= position.line <= end.line:
        return False
    if start.line == end.line and end.character > start.character:
        return start.character <= position.character <= end.character
    return True


def create_server() -> LanelintServer:
    server = LanelintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: LanelintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce"), int | float):
            ls.debounce = max(float(options["debounce"]), 0.0)
        if isinstance(options, dict) and options.get("publish") in PUBLISH_POLICIES:
            ls.policy = str(options["publish"])
        workspace = params.capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        ls.watch_files = bool(watched and watched.dynamic_registration)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: LanelintServer, params: types.InitializedParams) -> None:
        if not ls.watch_files:
            return
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="lanelint-watched-files",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[
                                types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED_GLOBS
                            ]
                        ),
                    )
                ]
            )
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(
        ls: LanelintServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        ls.files_changed(list(params.changes))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanelintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanelintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: LanelintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.cancel(params.text_document.uri)
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanelintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.cancel(params.text_document.uri)
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: LanelintServer, params: types.HoverParams) -> types.Hover | None:
        path = _path(params.text_document.uri)
        project = await ls.project_ready(path) if path else None
        if path is None or project is None:
            return None
        display = project.display(path)
        lines = project.text_of(display).split("\n")
        sections: list[str] = []
        for found in project.findings(display):
            if not _covers(ls.to_lsp(found, lines, project.root), params.position):
                continue
            rule = get_rule(found.code)
            if rule is not None and rule.code not in {s.split()[1] for s in sections}:
                sections.append(f"### {rule.code} {rule.name}\n\n{rule.docs}")
        if not sections:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(sections)
            )
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def code_action(
        ls: LanelintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        uri = params.text_document.uri
        path = _path(uri)
        project = await ls.project_ready(path) if path else None
        if path is None or project is None:
            return []
        display = project.display(path)
        text = project.text_of(display)
        lines = text.split("\n")
        wanted = {(d.code, d.range.start.line) for d in params.context.diagnostics}
        actions: list[types.CodeAction] = []
        for found in project.findings(display):
            converted = ls.to_lsp(found, lines, project.root)
            if not found.fixable:
                continue
            in_range = params.range.start.line <= converted.range.end.line and (
                converted.range.start.line <= params.range.end.line
            )
            if not in_range and (found.code, converted.range.start.line) not in wanted:
                continue
            fix = code_action_fix(found, text, display, project.settings)
            if fix is None:
                continue
            edits = [
                types.TextEdit(
                    range=types.Range(types.Position(r.start, 0), types.Position(r.end, 0)),
                    new_text=r.text,
                )
                for r in fix.replacements
            ]
            actions.append(
                types.CodeAction(
                    title=fix.title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[converted],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                )
            )
        return actions

    return server


def main(**_: Any) -> None:
    """Serve LSP over standard input and output until the client disconnects."""
    create_server().start_io()
