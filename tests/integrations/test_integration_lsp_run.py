"""A language-server session keeps one Run and checks again only the batches an edit touches;
what it publishes is what a fresh run over the same texts reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lanelint.linter.engine.config import load_config
from lanelint.linter.engine.diagnostics import Diagnostic
from lanelint.linter.run.driver import Run
from lanelint.lsp.project import Project
from tests.conftest import EXAMPLES

WORKBOARD = "spec/operations/workboard_B-14.md"
DISPATCH = "spec/operations/dispatch_B-15.md"
SESSION = "spec/operations/session_log_B-15.md"


def _fresh(project: Project) -> dict[str, list[Diagnostic]]:
    """What one full, non-incremental run over the same texts reports, by document."""
    run = Run(project.config, cwd=project.root)
    run.discover([project.folder])
    for display, text in project.buffers.items():
        run.set_buffer(display, text)
    grouped: dict[str, list[Diagnostic]] = {key: [] for key in run.ordered_paths()}
    for diagnostic in run.diagnostics():
        grouped.setdefault(diagnostic.path, []).append(diagnostic)
    return grouped


@pytest.fixture
def project(tmp_path: Path) -> Project:
    source = EXAMPLES / "seeded"
    if not source.is_dir():
        pytest.skip(f"{source} is absent")
    folder = tmp_path / "seeded"
    shutil.copytree(source, folder)
    config = load_config([folder])
    return Project(config, folder)


def _edit(project: Project, display: str, old: str, new: str) -> None:
    text = project.text_of(display)
    assert old in text, f"{old!r} not in {display}"
    project.set_buffer(project.path_of(display), text.replace(old, new, 1))


EDITS = [
    (SESSION, "\n", "\n\nA new paragraph of prose.\n"),
    (WORKBOARD, "| active | 2026-03-03 11:40 UTC |", "| done | 2026-03-03 11:40 UTC |"),
    (WORKBOARD, "| B | `DG-102` |", "| B | `DG-109` |"),
    (DISPATCH, "B-15", "B-16"),
    (SESSION, "B-15", "B-14"),
]


def test_every_edit_publishes_what_a_fresh_run_reports(project: Project) -> None:
    project.relint()
    assert project.current == _fresh(project)
    changed_any = False
    for display, old, new in EDITS:
        before = dict(project.current or {})
        _edit(project, display, old, new)
        changed = project.relint()
        assert project.current == _fresh(project), (display, old, new)
        assert changed == {
            k
            for k in set(before) | set(project.current or {})
            if before.get(k, []) != (project.current or {}).get(k, [])
        }
        changed_any = changed_any or bool(changed)
    assert changed_any, "the edits are meant to change some findings"


def test_an_edit_rechecks_only_the_touched_batches(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lanelint.linter.engine import passes

    project.relint()
    checked: list[frozenset[str] | None] = []
    original = passes._run_workspace_rule

    def recording(rule, context, anchor, config):  # type: ignore[no-untyped-def]
        if rule.reads == "batch":
            checked.append(context.only)
        return original(rule, context, anchor, config)

    monkeypatch.setattr(passes, "_run_workspace_rule", recording)
    _edit(project, SESSION, "B-15", "B-15")  # same text: nothing to check again
    project.relint()
    assert checked == []
    _edit(project, DISPATCH, "| active |", "| done |")
    project.relint()
    batches = {b for only in checked if only for b in only}
    assert batches
    assert len(batches) < len(project.run._phase.index.batches)  # type: ignore[union-attr]


def test_an_edit_that_keeps_the_summary_runs_no_workspace_rule(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lanelint.linter.engine import passes

    project.relint()
    calls: list[str] = []
    original = passes._run_workspace_rule

    def recording(rule, context, anchor, config):  # type: ignore[no-untyped-def]
        calls.append(rule.code)
        return original(rule, context, anchor, config)

    monkeypatch.setattr(passes, "_run_workspace_rule", recording)
    # A typo typed within a line of prose: the document's summary stays the same.
    _edit(project, WORKBOARD, "heartbeat; the Technical Lead", "heartbeat; teh Technical Lead")
    project.relint()
    assert calls == []
    assert project.current == _fresh(project)


def test_the_recorded_findings_of_an_opened_document_are_the_loaded_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the server shows on open before the project loads (from the record of the last
    ``lanelint check``) is what the loaded project then says; a changed file voids it."""
    source = EXAMPLES / "seeded"
    if not source.is_dir():
        pytest.skip(f"{source} is absent")
    folder = tmp_path / "seeded"
    shutil.copytree(source, folder)
    # a file that is not UTF-8 is reported afresh by every run: no run with it is recorded
    (folder / "spec" / "operations" / "standup_notes_B-14.md").unlink()
    monkeypatch.chdir(folder)
    config = load_config([folder])
    path = folder / WORKBOARD
    text = path.read_text("utf-8")
    assert Project.recorded(path, config, text) is None  # nothing recorded yet
    run = Run(config, use_cache=True, cwd=folder)
    run.add_targets([], project_context=True)
    run.report()
    found = Project.recorded(path, config, text)
    loaded = Project.loaded(path, config)
    assert found is not None
    assert found
    assert found == loaded.findings(WORKBOARD)
    assert Project.recorded(path, config, text + "\nAn edit.\n") is None
    session = folder / SESSION
    session.write_text(session.read_text("utf-8") + "\nMore.\n", "utf-8")
    assert Project.recorded(path, config, text) is None


def test_a_project_that_fails_to_load_is_said_and_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A load that raises (in its worker thread) becomes a message, and the next request for
    the project starts a new load instead of waiting for this one forever."""
    import asyncio

    from lsprotocol import types

    from lanelint.lsp.server import LanelintServer

    server = LanelintServer()
    shown: list[types.ShowMessageParams] = []
    monkeypatch.setattr(server, "window_show_message", shown.append)
    loop = asyncio.new_event_loop()
    try:
        failed: asyncio.Future[Project | None] = loop.create_future()
        failed.set_exception(RuntimeError("boom"))
        folder = Path("/nowhere/spec")
        server.loading[folder] = (failed, {"file:///nowhere/spec/a.md"})
        server._loaded(folder, failed)
    finally:
        loop.close()
    assert folder not in server.loading
    assert [m.type for m in shown] == [types.MessageType.Error]
    assert "boom" in shown[0].message
    assert server.projects == {}


def test_a_file_a_report_claims_appearing_is_seen_by_the_next_edit(tmp_path: Path) -> None:
    """The session keeps its view of the files on disk between edits only while no folder
    changed: a claimed file that appears is found by the next edit that re-runs the
    cross-document rules."""
    (tmp_path / "lanelint.toml").write_text('spec = "spec"\n', "utf-8")
    spec = tmp_path / "spec"
    spec.mkdir()
    report = spec / "gate_report_T-1.md"
    text = (
        "# Gate Report: T-1\n\n## 1) Role confirmation\n\nActing as System Analyst.\n\n"
        "## Artifacts\n\n- `src/tool.py`: the tool.\n"
    )
    report.write_text(text, "utf-8")
    config = load_config([spec])
    project = Project.loaded(report, config)
    display = project.display(report)
    assert "PDP711" in [d.code for d in project.findings(display)]
    project.set_buffer(report, text.replace("T-1", "T-2"))  # a new summary: a new phase
    project.relint()
    assert "PDP711" in [d.code for d in project.findings(display)]
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "tool.py").write_text("print()\n", "utf-8")
    project.set_buffer(report, text)
    project.relint()
    assert "PDP711" not in [d.code for d in project.findings(display)]
