"""The index build is linear: heartbeats and escalations find their lanes by lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from lanelint.linter.protocol.artifacts.heartbeat import Heartbeat
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.workspace import index as index_module
from lanelint.linter.workspace.index import build_index
from lanelint.linter.workspace.summary import DocumentSummary, LaneFact, PlanFact


def _lane(task: str) -> LaneFact:
    return LaneFact("A", 3, task, "System Analyst", ("System Analyst",), None, (), "active", "",
                    None, (("lane", 3),))  # fmt: skip


def _folder(batches: int) -> list[DocumentSummary]:
    """``batches`` plans with a lane A each, and a log with one heartbeat per lane naming its
    lane id and task but no batch: every heartbeat has as many candidate lanes as batches."""
    plans = [
        DocumentSummary(f"spec/d{n}.md", batch=f"B-{n}",
                        plans=(PlanFact(3, 4, ("lane", "task"), (_lane(f"T-{n}"),), f"B-{n}", ()),))
        for n in range(batches)
    ]  # fmt: skip
    beats = tuple(
        Heartbeat(n + 1, "A", f"T-{n}", "2026-02-16 11:00 UTC", "ok", "none", "go")
        for n in range(batches)
    )
    return [*plans, DocumentSummary("spec/heartbeats.md", heartbeats=beats)]


def _key_calls(batches: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> int:
    calls = 0
    original = index_module.key

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return original(text)

    monkeypatch.setattr(index_module, "key", counting)
    index = build_index(_folder(batches), tmp_path, RoleBook())
    assert all(len(index.heartbeats_of(lane)) == 1 for lane in index.lanes)
    return calls


def test_matching_heartbeats_to_lanes_is_linear(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    small = _key_calls(200, monkeypatch, tmp_path)
    large = _key_calls(800, monkeypatch, tmp_path)
    # Four times the lanes and heartbeats: about four times the work (it was sixteen).
    assert large <= 4 * small + 50


def test_a_rebuilt_index_can_keep_the_walked_repository(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("")
    first = build_index(_folder(3), tmp_path, RoleBook())
    assert first.repository.exists("src/a.py")
    (tmp_path / "src" / "b.py").write_text("")
    kept = build_index(_folder(4), tmp_path, RoleBook(), first.repository)
    assert kept.repository is first.repository
    assert not kept.repository.exists("src/b.py")  # walked once: the driver decides when
    assert build_index(_folder(4), tmp_path, RoleBook()).repository.exists("src/b.py")
