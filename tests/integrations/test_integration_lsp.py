"""The language server, driven through a real LSP client (pytest-lsp) over stdio."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest
import pytest_asyncio

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from tests.conftest import run_cli  # noqa: E402
from tests.integrations._support import (  # noqa: E402
    GATE_REPORT,
    LEDGER,
    SESSION_LOG,
    WORKBOARD,
    copy_seeded,
)

TIMEOUT = 20.0


async def _start(
    folder: Path, options: dict[str, object], capabilities: types.ClientCapabilities | None = None
) -> LanguageClient:
    config = ClientServerConfig(server_command=[sys.executable, "-m", "lanelint", "server"])
    client = await config.start()
    assert isinstance(client, LanguageClient)
    registered: list[types.Registration] = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registered.extend(params.registrations)

    client.registered = registered  # type: ignore[attr-defined]
    await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities or types.ClientCapabilities(),
            root_uri=folder.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="seeded")],
            initialization_options={"debounce": 0.05, **options},
        )
    )
    return client


@pytest_asyncio.fixture
async def started(tmp_path: Path) -> AsyncIterator[tuple[LanguageClient, Path]]:
    folder = copy_seeded(tmp_path)
    client = await _start(folder, {})
    try:
        yield client, folder
    finally:
        await client.shutdown_session()


class Buffer:
    """An open document on the client side: its text and version."""

    def __init__(self, client: LanguageClient, path: Path) -> None:
        self.client = client
        self.uri = path.as_uri()
        self.text = path.read_text("utf-8")
        self.version = 1
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(self.uri, "markdown", self.version, self.text)
            )
        )

    def replace_all(self, text: str) -> None:
        self.text = text
        self.version += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(self.version, self.uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )

    def apply(self, edits: Sequence[types.TextEdit]) -> None:
        """Apply edits as an editor does, sending them as incremental changes."""
        for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[
            ::-1
        ]:
            lines = self.text.split("\n")
            start = sum(len(x) + 1 for x in lines[: edit.range.start.line])
            start += edit.range.start.character
            end = sum(len(x) + 1 for x in lines[: edit.range.end.line]) + edit.range.end.character
            self.text = self.text[:start] + edit.new_text + self.text[end:]
            self.version += 1
            self.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(self.version, self.uri),
                    [types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)],
                )
            )


async def wait_for(
    client: LanguageClient,
    uri: str,
    condition: Callable[[Sequence[types.Diagnostic]], bool],
) -> Sequence[types.Diagnostic]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while loop.time() < deadline:
        if uri in client.diagnostics and condition(client.diagnostics[uri]):
            return client.diagnostics[uri]
        await asyncio.sleep(0.02)
    found = [(d.code, d.message) for d in client.diagnostics.get(uri, [])]
    raise AssertionError(f"diagnostics for {uri} never met the condition; last: {found}")


def _codes(diagnostics: Sequence[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def _range(d: types.Diagnostic) -> tuple[int, int, int, int]:
    return (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)


@pytest.mark.asyncio
async def test_open_publishes_diagnostics_with_ranges(
    started: tuple[LanguageClient, Path],
) -> None:
    client, folder = started
    gate = Buffer(client, folder / GATE_REPORT)
    found = await wait_for(client, gate.uri, lambda ds: "PDP701" in _codes(ds))
    [missing] = [d for d in found if d.code == "PDP701"]
    title = gate.text.split("\n")[0]
    assert _range(missing) == (0, 0, 0, len(title))  # no end column: the whole line
    assert missing.severity == types.DiagnosticSeverity.Error
    assert missing.source == "lanelint"
    assert missing.code_description is None  # no docs-url configured: no link made up

    board = Buffer(client, folder / WORKBOARD)
    found = await wait_for(client, board.uri, lambda ds: "PDP501" in _codes(ds))
    [overlap] = [d for d in found if d.code == "PDP501"]
    lines = board.text.split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("| B |"))
    column = lines[row].index("`spec/api*.md`")
    # The range is the cell's value, not the rest of the row.
    assert _range(overlap) == (row, column, row, column + len("`spec/api*.md`"))
    assert overlap.severity == types.DiagnosticSeverity.Warning
    assert overlap.related_information
    assert overlap.related_information[0].location.range.start.line == row - 1

    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(gate.uri), types.Position(0, 2))
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("### PDP701 gate-section-missing")
    assert "## What it does" in hover.contents.value


async def _fix(client: LanguageClient, buffer: Buffer, code: str) -> types.CodeAction:
    found = await wait_for(client, buffer.uri, lambda ds: code in _codes(ds))
    target = next(d for d in found if d.code == code)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(buffer.uri),
            target.range,
            types.CodeActionContext(diagnostics=[target]),
        )
    )
    assert actions
    [action] = [a for a in actions if isinstance(a, types.CodeAction)]
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.edit is not None
    assert action.edit.changes is not None
    buffer.apply(action.edit.changes[buffer.uri])
    await wait_for(client, buffer.uri, lambda ds: code not in _codes(ds))
    return action


@pytest.mark.asyncio
async def test_code_actions_make_the_finding_go(started: tuple[LanguageClient, Path]) -> None:
    client, folder = started
    gate = Buffer(client, folder / GATE_REPORT)
    action = await _fix(client, gate, "PDP701")
    assert "PDP701" in action.title
    assert "None known.\n\n## 7) ADR status\n" in gate.text

    log = Buffer(client, folder / SESSION_LOG)
    action = await _fix(client, log, "PDP301")
    assert "PDP301" in action.title
    lines = log.text.split("\n")
    role = lines.index("Role: Executive Assistant")
    assert lines[role + 1].startswith("Timestamp: ")
    # The unsaved buffers were linted, not the files: on disk the findings remain.
    result = run_cli(["check", "--select", "PDP301,PDP701"], cwd=folder)
    assert result.exit_code == 1


@pytest.mark.asyncio
async def test_editing_one_document_updates_a_related_one(
    started: tuple[LanguageClient, Path],
) -> None:
    client, folder = started
    board = Buffer(client, folder / WORKBOARD)
    await wait_for(client, board.uri, lambda ds: "PDP307" in _codes(ds))
    log = Buffer(client, folder / SESSION_LOG)
    await wait_for(client, log.uri, lambda ds: "PDP301" in _codes(ds))
    stamp = (
        "\n## Lane C start\n\n```text\nPREFLIGHT STAMP\nRuntime: Codex\nRole: DevOps/SRE\n"
        "Timestamp: 2026-02-16 09:20 UTC\n\n1) Instruction injection: PASS\n"
        "2) Skill discovery (R2): PASS\n3) Task discovery: PASS\n"
        "4) Permissions readiness: PASS\n"
        "5) Framework readiness (System Analyst planning only): SKIP\n\n"
        "Preflight status: READY TO EXECUTE\n```\n"
    )
    # Unsaved: the session log gains a DevOps/SRE stamp only in the editor.
    log.replace_all(log.text + stamp)
    await wait_for(client, board.uri, lambda ds: "PDP307" not in _codes(ds))
    # And back: the lane plan's diagnostics follow the other document again.
    log.replace_all(log.text.replace(stamp, ""))
    await wait_for(client, board.uri, lambda ds: "PDP307" in _codes(ds))


def test_server_without_pygls_is_a_clear_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    monkeypatch.delitem(sys.modules, "lanelint.lsp.server", raising=False)
    result = run_cli(["server"])
    assert result.exit_code == 2
    assert "python -m pip install '.[lsp]' in a checkout of lanelint" in result.output
    assert len(result.output.strip().splitlines()) == 1


def _uri(folder: Path, name: str) -> str:
    return (folder / name).as_uri()


async def _settle(client: LanguageClient, seconds: float = 1.0) -> None:
    """Give the server time to send what it would send (for asserting an absence)."""
    await asyncio.sleep(seconds)


@pytest.mark.asyncio
async def test_first_open_publishes_every_project_file_with_findings(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    client = await _start(folder, {})
    try:
        log = Buffer(client, folder / SESSION_LOG)
        await wait_for(client, log.uri, lambda ds: "PDP301" in _codes(ds))
        # The default rule: every document of the project that has findings, open or not.
        for name in (WORKBOARD, LEDGER, GATE_REPORT):
            await wait_for(client, _uri(folder, name), lambda ds: len(ds) > 0)
        await _settle(client, 0.3)
        assert _uri(folder, "spec/api.md") not in client.diagnostics  # no findings: no message
    finally:
        await client.shutdown_session()


@pytest.mark.asyncio
async def test_publish_open_shows_only_open_documents(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    client = await _start(folder, {"publish": "open"})
    try:
        log = Buffer(client, folder / SESSION_LOG)
        await wait_for(client, log.uri, lambda ds: "PDP301" in _codes(ds))
        await _settle(client)
        assert not client.diagnostics.get(_uri(folder, WORKBOARD))
        board = Buffer(client, folder / WORKBOARD)
        await wait_for(client, board.uri, lambda ds: "PDP501" in _codes(ds))
        assert not client.diagnostics.get(_uri(folder, GATE_REPORT))
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(board.uri))
        )
        await wait_for(client, board.uri, lambda ds: len(ds) == 0)
    finally:
        await client.shutdown_session()


@pytest.mark.asyncio
async def test_code_links_only_with_a_configured_docs_url(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    config = folder / "lanelint.toml"
    config.write_text(
        config.read_text("utf-8") + 'docs-url = "https://docs.example.test/rules/"\n', "utf-8"
    )
    client = await _start(folder, {})
    try:
        gate = Buffer(client, folder / GATE_REPORT)
        found = await wait_for(client, gate.uri, lambda ds: "PDP701" in _codes(ds))
        [missing] = [d for d in found if d.code == "PDP701"]
        assert missing.code_description is not None
        assert missing.code_description.href == "https://docs.example.test/rules/PDP701.md"
    finally:
        await client.shutdown_session()


_WATCHING = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
            dynamic_registration=True
        )
    )
)


@pytest.mark.asyncio
async def test_a_file_changed_on_disk_is_linted_again(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    client = await _start(folder, {}, _WATCHING)
    try:
        log = Buffer(client, folder / SESSION_LOG)
        await wait_for(client, log.uri, lambda ds: "PDP301" in _codes(ds))
        gate_uri = _uri(folder, GATE_REPORT)
        await wait_for(client, gate_uri, lambda ds: "PDP701" in _codes(ds))
        # Another program (a pull, another editor) adds the missing section on disk.
        gate = folder / GATE_REPORT
        gate.write_text(
            gate.read_text("utf-8") + "\n## 7) ADR status\n\nADR set unchanged.\n", "utf-8"
        )
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=gate_uri, type=types.FileChangeType.Changed)]
            )
        )
        await wait_for(client, gate_uri, lambda ds: "PDP701" not in _codes(ds))
    finally:
        await client.shutdown_session()


@pytest.mark.asyncio
async def test_the_server_registers_for_watched_files(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    client = await _start(folder, {}, _WATCHING)
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT
        while loop.time() < deadline and not _registrations(client):
            await asyncio.sleep(0.02)
        [registration] = _registrations(client)
        assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        watchers = _watchers(registration.register_options)
        globs = {w["globPattern"] if isinstance(w, dict) else w.glob_pattern for w in watchers}
        assert {"**/*.md", "**/lanelint.toml", "**/pyproject.toml"} <= globs
    finally:
        await client.shutdown_session()


def _registrations(client: LanguageClient) -> list[types.Registration]:
    return list(client.registered)  # type: ignore[attr-defined]


def _watchers(options: object) -> list[object]:
    if isinstance(options, dict):
        return list(options["watchers"])
    return list(options.watchers)  # type: ignore[attr-defined]
