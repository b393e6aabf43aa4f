"""After a change, re-checking only the touched batches gives what a full phase gives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic
from lanelint.linter.engine.passes import (
    RunSettings,
    check_text,
    run_workspace_incremental,
    run_workspace_rules,
)
from lanelint.linter.run.api import make_settings
from lanelint.linter.workspace.groups import RUN_GROUP, batch_group, changed_groups
from lanelint.linter.workspace.index import WorkspaceIndex, build_index
from lanelint.linter.workspace.summary import DocumentSummary
from lanelint.rules import all_rules
from tests.conftest import EXAMPLES

HEADER = "| Lane | Task | Role | Dependency | Files | Status |\n|---|---|---|---|---|---|\n"


def _project() -> dict[str, str]:
    """Six batches: split ones, a two-batch file, a loose one, a ledger and a heartbeat log."""
    return {
        "spec/b1_dispatch.md": "# Dispatch\n\n- Batch id: `B-1`\n\n"
        + HEADER
        + "| A | T-1 | System Analyst | hard(E) | `src/app.py` | active |\n"
        + "| B | T-2 | Executive Assistant | none | `AGENTS.md` | active |\n",
        "spec/b1_workboard.md": "# Workboard\n\n**Batch:** B-1\n\n"
        + HEADER
        + "| C | T-3 | QA/SET | hard(A) | `src/app.py` | active |\n"
        + "| E | T-5 | Technical Lead | hard(A) | `AGENTS.md` | active |\n",
        "spec/sprint.md": "# Sprint\n\n## Batch B-2\n\n"
        + HEADER
        + "| A | T-7 | System Analyst | none | `src/x.py` | active |\n"
        + "| B | T-8 | Executive Assistant | hard(A) | `src/x.py` | blocked |\n\n## Batch B-3\n\n"
        + HEADER
        + "| A | T-9 | System Analyst | none | `src/y.py` | done |\n"
        + "| C | T-10 | QA/SET | hard(Q) | `src/y.py` | active |\n",
        "spec/loose.md": "# Loose plan\n\n"
        + HEADER
        + "| L1 | T-20 | System Analyst | none | `docs/a.md` | active |\n"
        + "| L2 | T-21 | Executive Assistant | hard(L1) | `docs/a.md` | active |\n",
        "spec/ledger.md": "# Ledger\n\n- Batch id: `B-2`\n\n| Commit | Lane | Task | Verdict |\n"
        "|---|---|---|---|\n| `abcdef1` | A | T-7 | accepted |\n| `abcdef2` | | T-1 | pending |\n",
        "spec/escalation.md": "# Escalation\n\n**From:** Executive Assistant\n"
        "**To:** Technical Lead\n"
        "**Date:** 2026-02-16 10:00 UTC\n**Reason:** T-8 blocked on the schema\n",
        "spec/heartbeats.md": "# Heartbeat log\n\n## 2026-02-16 11:00 UTC - Lane L1\n\n"
        "**Status:** ok\n**Blockers:** none\n**Next step:** tests\n",
        "spec/b4.md": "# Batch B-4 board\n\n"
        + HEADER
        + "| A | T-30 | System Analyst | none | `src/z.py` | active |\n",
    }


def _summaries(files: dict[str, str], settings: RunSettings) -> list[DocumentSummary]:
    found = []
    for path, text in sorted(files.items()):
        summary = check_text(path, text, settings).summary
        assert summary is not None
        found.append(summary)
    return found


def _facts(diagnostics: Sequence[Diagnostic]) -> Counter[str]:
    return Counter(repr(d) for d in diagnostics)


def _index(summaries: list[DocumentSummary], root: Path, settings: RunSettings) -> WorkspaceIndex:
    return build_index(summaries, root, settings.roles)


def _settings(root: Path) -> RunSettings:
    return make_settings(Config(root=root))


def test_the_rules_that_read_one_batch_are_declared() -> None:
    batch = {rule.code for rule in all_rules() if rule.reads == "batch"}
    assert batch == {
        "PDP201", "PDP501", "PDP502", "PDP503", "PDP601", "PDP602", "PDP603", "PDP901", "PDP903"
    }  # fmt: skip


def test_a_full_incremental_phase_equals_the_plain_phase(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    files = _project()
    results = [check_text(path, text, settings) for path, text in sorted(files.items())]
    index = _index([r.summary for r in results if r.summary], tmp_path, settings)
    outcome = run_workspace_incremental(index, settings, {}, lambda group: True)
    plain = run_workspace_rules(results, settings)
    assert _facts(outcome.diagnostics) == _facts(plain)
    assert {d.code for d in plain} >= {"PDP501", "PDP502", "PDP601", "PDP602"}
    assert set(outcome.by_batch) == set(index.batches)


Edit = Callable[[dict[str, str]], None]


def _replace(path: str, old: str, new: str) -> Edit:
    def edit(files: dict[str, str]) -> None:
        assert old in files[path]
        files[path] = files[path].replace(old, new)

    return edit


def _remove(path: str) -> Edit:
    return lambda files: files.pop(path) and None


def _add(path: str, text: str) -> Edit:
    return lambda files: files.__setitem__(path, text)


EDITS: dict[str, Edit] = {
    "lane finished": _replace("spec/b1_workboard.md", "app.py` | active", "app.py` | done"),
    "lane moved batch": _replace("spec/b1_workboard.md", "**Batch:** B-1", "**Batch:** B-2"),
    "dependency fixed": _replace("spec/sprint.md", "hard(Q)", "hard(A)"),
    "section renamed": _replace("spec/sprint.md", "## Batch B-3", "## Batch B-4"),
    "file removed": _remove("spec/b1_dispatch.md"),
    "loose removed": _remove("spec/loose.md"),
    "ledger row": _replace("spec/ledger.md", "| T-1 | pending", "| T-1 | accepted"),
    "escalation reach": _replace("spec/escalation.md", "Technical Lead", "TL, SM"),
    "heartbeat lane": _replace("spec/heartbeats.md", "Lane L1", "Lane L2"),
    "new file": _add("spec/b1_log.md", "# Log\n\n- Batch id: `B-1`\n\n" + HEADER
                     + "| D | T-4 | DevOps/SRE | hard(C) | `AGENTS.md` | active |\n"),
    "new lone batch": _add("spec/b9.md", "# B\n\n- Batch id: `B-9`\n\n" + HEADER
                           + "| A | T-90 | System Analyst | none | `src/app.py` | active |\n"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EDITS))
def test_rechecking_the_changed_groups_gives_the_full_result(tmp_path: Path, name: str) -> None:
    settings = _settings(tmp_path)
    before_files = _project()
    after_files = dict(before_files)
    EDITS[name](after_files)
    before = _summaries(before_files, settings)
    after = _summaries(after_files, settings)
    old_index = _index(before, tmp_path, settings)
    new_index = _index(after, tmp_path, settings)
    kept = run_workspace_incremental(old_index, settings, {}, lambda group: True).by_batch
    by_path_before = {s.path: s for s in before}
    by_path_after = {s.path: s for s in after}
    pairs = [
        (by_path_before.get(path), by_path_after.get(path))
        for path in sorted(set(before_files) | set(after_files))
        if before_files.get(path) != after_files.get(path)
    ]
    changes = changed_groups(pairs, old_index, new_index)
    incremental = run_workspace_incremental(new_index, settings, kept, changes.stale)
    full = run_workspace_incremental(new_index, settings, {}, lambda group: True)
    assert _facts(incremental.diagnostics) == _facts(full.diagnostics)
    assert incremental.by_batch == full.by_batch
    # A local change leaves some batch alone: the phase is incremental, not a full re-run.
    assert not changes.everything
    every = set(new_index.batches) | set(old_index.batches)
    assert changes.batches & every < every


def test_an_unchanged_summary_touches_nothing(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    summaries = _summaries(_project(), settings)
    index = _index(summaries, tmp_path, settings)
    changes = changed_groups([(s, s) for s in summaries], index, index)
    assert changes.groups == frozenset()
    assert not changes.stale(batch_group("B-1"))
    assert changes.stale(RUN_GROUP)


def test_going_from_one_batch_to_two_rechecks_everything(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    files = {"spec/a.md": _project()["spec/b4.md"]}
    before = _summaries(files, settings)
    files["spec/b.md"] = (
        "# B\n\n- Batch id: `B-5`\n\n" + HEADER + "| A | T-1 | SA | none | `a` | active |\n"
    )
    after = _summaries(files, settings)
    old, new = _index(before, tmp_path, settings), _index(after, tmp_path, settings)
    assert changed_groups([(None, after[1])], old, new).everything


def test_the_seeded_example_rechecks_only_what_each_removal_touches() -> None:
    root = EXAMPLES / "seeded"
    settings = _settings(root)
    files = {
        p.relative_to(root).as_posix(): p.read_bytes().decode("utf-8", "replace")
        for p in sorted(root.rglob("*.md"))
    }
    summaries = _summaries(files, settings)
    index = _index(summaries, root, settings)
    kept = run_workspace_incremental(index, settings, {}, lambda group: True).by_batch
    for removed in summaries:
        rest = [s for s in summaries if s is not removed]
        new_index = _index(rest, root, settings)
        changes = changed_groups([(removed, None)], index, new_index)
        incremental = run_workspace_incremental(new_index, settings, kept, changes.stale)
        full = run_workspace_incremental(new_index, settings, {}, lambda group: True)
        assert incremental.by_batch == full.by_batch, removed.path
