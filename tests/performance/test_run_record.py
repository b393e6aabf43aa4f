"""The run record: a run with nothing changed takes the last run's findings, and anything the
findings depend on (a document, a file a report claims, the date, the branches) changes that."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from lanelint.linter.engine import passes
from lanelint.linter.engine.config import load_config
from lanelint.linter.run import record
from lanelint.linter.run.api import lint_paths
from lanelint.linter.run.keys import CACHE_DIR
from tests.performance.conftest import MakeProject

DISPATCH = """\
# Dispatch B-7

**Owner:** Technical Lead

| Lane | Task ID | Role | Dependency | Locked files | Status | Acceptance checks |
|---|---|---|---|---|---|---|
| A | `PLAN-001` | System Analyst | none | `docs/plan.md` | active | `pytest -q` |
| B | `PLAN-002` | Executive Assistant | hard(A) | `apps/x/models.py` | active | `pytest -q` |
"""

REPORT = """\
# Gate Report: PLAN-001

## 1) Role confirmation

Acting as System Analyst.

## Artifacts

- `docs/plan.md`: the plan as agreed.
"""

WAIVED = """\
# Notes

<!-- lanelint: waive PDP001 owner=QA until=2026-06-30 reason="kept for the demo" -->
Value: <placeholder>
"""

Findings = list[tuple[str, int, str, str]]


class Phases:
    """Counts the workspace phases that really ran (a recorded run runs none)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = passes.run_workspace_rules

        def counting(*args: object, **kwargs: object) -> object:
            self.count += 1
            return original(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(passes, "run_workspace_rules", counting)

    def take(self) -> int:
        found, self.count = self.count, 0
        return found


@pytest.fixture
def project(make_project: MakeProject) -> Path:
    return make_project(
        'spec = "spec"\n', {"spec/dispatch.md": DISPATCH, "spec/gate_report_plan.md": REPORT}
    )


def lint(project: Path, use_cache: bool = True, **overrides: object) -> Findings:
    config = load_config([project / "spec"])
    if overrides:
        config = config.with_overrides(**overrides)
    result = lint_paths([Path("spec")], config=config, use_cache=use_cache)
    return [(d.path, d.line, d.code, d.message) for d in result.diagnostics]


def codes(findings: Findings) -> list[str]:
    return [code for _, _, code, _ in findings]


def test_nothing_changed_runs_no_phase_and_says_the_same(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    phases = Phases(monkeypatch)
    first = lint(project)
    assert phases.take() == 1
    assert (project / CACHE_DIR / record.FILE_NAME).is_file()
    assert lint(project) == first
    assert phases.take() == 0
    assert first == lint(project, use_cache=False)


def test_an_edited_document_is_a_new_run(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    phases = Phases(monkeypatch)
    lint(project)
    phases.take()
    dispatch = project / "spec" / "dispatch.md"
    dispatch.write_text(DISPATCH.replace("| B |", "| C |"), "utf-8")
    after = lint(project)
    assert phases.take() == 1
    assert after == lint(project, use_cache=False)


def test_a_file_a_report_claims_appearing_is_a_new_run(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDP711 reads the files on disk: the record holds only while no folder changed."""
    phases = Phases(monkeypatch)
    before = lint(project)
    assert "PDP711" in codes(before)
    phases.take()
    (project / "docs").mkdir()
    (project / "docs" / "plan.md").write_text("# Plan\n", "utf-8")
    after = lint(project)
    assert phases.take() == 1
    assert "PDP711" not in codes(after)
    assert lint(project) == after
    assert phases.take() == 0


def test_another_day_is_a_new_run(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Waivers compare their dates with today's unless ``--now`` is given."""
    (project / "spec" / "notes.md").write_text(WAIVED, "utf-8")
    phases = Phases(monkeypatch)

    class Clock(datetime):
        current = date(2026, 6, 1)

        @classmethod
        def now(cls, tz: object = None) -> Clock:
            return cls(cls.current.year, cls.current.month, cls.current.day, tzinfo=UTC)

    monkeypatch.setattr(record, "datetime", Clock)
    lint(project)
    phases.take()
    lint(project)
    assert phases.take() == 0
    Clock.current = date(2026, 7, 1)
    lint(project)
    assert phases.take() == 1


def test_another_now_is_a_new_run(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "spec" / "notes.md").write_text(WAIVED, "utf-8")
    phases = Phases(monkeypatch)
    early = lint(project, now="2026-06-01")
    late = lint(project, now="2026-07-01")
    assert phases.take() == 2
    assert early != late  # the waiver expired in between
    assert lint(project, now="2026-07-01") == late
    assert phases.take() == 0
    assert lint(project, now="2026-06-01") == early  # one record is kept: the last run's
    assert phases.take() == 1


def _git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="git fixture uses POSIX paths")
def test_a_new_commit_on_a_branch_is_a_new_run(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The git checks read the branches: moving one makes the record stale."""
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "start")
    phases = Phases(monkeypatch)
    lint(project)
    lint(project)
    assert phases.take() == 1
    _git(project, "commit", "-q", "--allow-empty", "-m", "more")
    lint(project)
    assert phases.take() == 1


def test_no_git_checks_ignore_the_branches(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _git(project, "init", "-q", "-b", "main")
    _git(project, "commit", "-q", "--allow-empty", "-m", "start")
    phases = Phases(monkeypatch)
    lint(project, git=False)
    _git(project, "commit", "-q", "--allow-empty", "-m", "more")
    lint(project, git=False)
    assert phases.take() == 1


@pytest.mark.parametrize("damage", [b"", b"not msgpack {", b"\x93\x01\xa1x\x90"])
def test_a_corrupt_record_is_ignored_and_rewritten(
    project: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    phases = Phases(monkeypatch)
    expected = lint(project)
    phases.take()
    kept = project / CACHE_DIR / record.FILE_NAME
    kept.write_bytes(damage)
    assert lint(project) == expected
    assert phases.take() == 1
    assert lint(project) == expected
    assert phases.take() == 0


def test_a_run_over_some_paths_uses_the_whole_run_record(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check FILE`` reads the project for context: the same documents, the same record."""
    phases = Phases(monkeypatch)
    whole = lint(project)
    phases.take()
    config = load_config([project / "spec"])
    one = lint_paths(
        [Path("spec/gate_report_plan.md")], config=config, use_cache=True, project_context=True
    )
    assert phases.take() == 0
    assert [(d.path, d.line, d.code, d.message) for d in one.diagnostics] == [
        f for f in whole if f[0] == "spec/gate_report_plan.md"
    ]
    assert one.files == ["spec/gate_report_plan.md"]
    assert [d.taken for d in one.documents] == [
        d.taken
        for d in lint_paths([Path("spec")], config=config, use_cache=False).documents
        if d.path == "spec/gate_report_plan.md"
    ]


def test_an_unreadable_file_is_never_recorded(project: Path) -> None:
    (project / "spec" / "broken.md").symlink_to(project / "nowhere.md")
    found = lint(project)
    assert "LL001" in codes(found)
    assert not (project / CACHE_DIR / record.FILE_NAME).exists()


def test_no_cache_writes_no_record(project: Path) -> None:
    lint(project, use_cache=False)
    assert not (project / CACHE_DIR).exists()


def test_a_recorded_run_loads_no_reader_or_rule(project: Path) -> None:
    """What makes a run with nothing changed fast: it imports neither the Markdown reader,
    the rule engine nor any rule (measured: about 0.2 s of imports)."""
    subprocess.run([sys.executable, "-m", "lanelint", "check"], cwd=project, capture_output=True)
    probe = (
        "import sys\n"
        "from lanelint.cli import main\n"
        "sys.argv = ['lanelint', 'check']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in sys.modules if m.startswith(('lanelint.rules', "
        "'lanelint.linter.engine.passes', 'lanelint.linter.markdown', 'markdown_it'))]\n"
        "print('HEAVY', sorted(heavy), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, check=False
    )
    assert "HEAVY []" in done.stderr, done.stderr


def test_a_buffer_equal_to_its_file_takes_the_record(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's save-time check sends what it just saved: the recorded run answers it."""
    from lanelint.linter.run.api import lint_buffer

    whole = lint(project)
    phases = Phases(monkeypatch)
    config = load_config([project / "spec"])
    target = Path("spec/gate_report_plan.md")
    saved = lint_buffer(target, REPORT, config=config, use_cache=True)
    assert phases.take() == 0
    assert [(d.path, d.line, d.code, d.message) for d in saved.diagnostics] == [
        f for f in whole if f[0] == target.as_posix()
    ]
    crlf = lint_buffer(target, REPORT.replace("\n", "\r\n"), config=config, use_cache=True)
    assert phases.take() == 0  # the editor's line ends are not the document's content
    assert crlf.diagnostics == saved.diagnostics


@pytest.mark.parametrize(
    ("edit", "phase"),
    [
        pytest.param("\nA line of prose.\n", 0, id="prose: the record answers"),
        pytest.param("\n<!-- lanelint-disable-next-line PDP711 -->\n", 0, id="a suppression"),
        pytest.param(
            "\n| C | `PLAN-003` | QA/SET | none | `a.md` | active | `pytest` |\n",
            1,
            id="a lane: the whole run",
        ),
    ],
)
def test_an_edited_buffer_whose_summary_holds_takes_the_record(
    project: Path, monkeypatch: pytest.MonkeyPatch, edit: str, phase: int
) -> None:
    """Standard input or an editor buffer that changes nothing a cross-document rule reads
    is answered from the record of the files on disk; the answer is a fresh run's."""
    from lanelint.linter.run.api import lint_buffer

    lint(project)
    phases = Phases(monkeypatch)
    config = load_config([project / "spec"])
    for name, text in (("spec/dispatch.md", DISPATCH), ("spec/gate_report_plan.md", REPORT)):
        edited = text + edit
        quick = lint_buffer(Path(name), edited, config=config, use_cache=True)
        assert phases.take() == phase, name
        fresh = lint_buffer(Path(name), edited, config=config, use_cache=False)
        phases.take()
        assert quick.diagnostics == fresh.diagnostics
        assert quick.files == fresh.files == [name]
