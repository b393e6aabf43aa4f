"""A batch is a batch wherever it is written: split over files, or several in one file.

Each test lints two spellings of the same lanes (one document per batch, and the split or
combined form) and compares the findings by code and message: the places differ, the facts
must not.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config
from lanelint.linter.run.api import LintResult
from tests.conftest import lint_folder

HEADER = "| Lane | Task | Role | Dependency | Files | Status |\n|---|---|---|---|---|---|\n"
#: Five active lanes (PDP201), an overlap on `src/app.py` between A and C (PDP501), a
#: high-risk overlap on `AGENTS.md` between B and D (PDP502), a cycle A -> E -> A (PDP602)
#: and an upstream that no lane has (PDP601).
LANES = {
    "A": "| A | T-1 | System Analyst | hard(E) | `src/app.py` | active |\n",
    "B": "| B | T-2 | Executive Assistant | none | `AGENTS.md`, `src/b.py` | active |\n",
    "C": "| C | T-3 | QA/SET | soft(A) | `src/app.py`, `tests/c.py` | active |\n",
    "D": "| D | T-4 | DevOps/SRE | hard(Z) | `AGENTS.md` | active |\n",
    "E": "| E | T-5 | Technical Lead | hard(A) | `docs/e.md` | active |\n",
}
BATCH_CODES = {"PDP201", "PDP501", "PDP502", "PDP601", "PDP602"}


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "spec" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def _facts(result: LintResult) -> Counter[tuple[str, str]]:
    return Counter((d.code, d.message) for d in result.diagnostics if d.code.startswith("PDP"))


def _table(*ids: str) -> str:
    return HEADER + "".join(LANES[i] for i in ids)


def _lint(root: Path) -> LintResult:
    return lint_folder(root, ignore=("LL",))


def test_a_batch_split_over_three_files_gives_the_findings_of_one_document(
    tmp_path: Path,
) -> None:
    one = _write(
        tmp_path / "one",
        {"workboard.md": "# Workboard\n\n- Batch id: `B-9`\n\n" + _table("A", "B", "C", "D", "E")},
    )
    split = _write(
        tmp_path / "split",
        {
            "a_dispatch.md": "# Dispatch\n\n- Batch id: `B-9`\n\n" + _table("A", "B"),
            "b_workboard.md": "# Workboard\n\n**Batch:** B-9\n\n" + _table("C", "D"),
            "c_lane_log.md": "# Batch B-9 lane log\n\n" + _table("E"),
        },
    )
    expected = _facts(_lint(one))
    assert {code for code, _ in expected} >= BATCH_CODES  # the case exercises every rule
    assert _facts(_lint(split)) == expected


def test_the_split_findings_point_into_the_files_that_write_the_lanes(tmp_path: Path) -> None:
    split = _write(
        tmp_path,
        {
            "a_dispatch.md": "# Dispatch\n\n- Batch id: `B-9`\n\n" + _table("A", "B"),
            "b_workboard.md": "# Workboard\n\n**Batch:** B-9\n\n" + _table("C", "D"),
            "c_lane_log.md": "# Batch B-9 lane log\n\n" + _table("E"),
        },
    )
    found = {d.code: d for d in _lint(split).diagnostics}
    overlap = found["PDP501"]
    assert overlap.path.endswith("b_workboard.md")
    assert overlap.message == "lanes 'A' and 'C' both claim 'src/app.py'"
    assert overlap.related[0].path.endswith("a_dispatch.md")
    assert found["PDP601"].path.endswith("b_workboard.md")
    cycle = found["PDP602"]
    assert cycle.path.endswith("a_dispatch.md")
    assert cycle.related[0].path.endswith("c_lane_log.md")


def test_a_file_holding_two_batches_gives_the_findings_of_one_document_per_batch(
    tmp_path: Path,
) -> None:
    first = _table("A", "B", "C")
    second = HEADER + (
        "| A | T-7 | System Analyst | none | `src/app.py` | active |\n"
        "| C | T-8 | QA/SET | hard(B) | `tests/c.py` | active |\n"
    )
    apart = _write(
        tmp_path / "apart",
        {
            "b1.md": "# Workboard B-1\n\n- Batch id: `B-1`\n\n" + first,
            "b2.md": "# Workboard B-2\n\n- Batch id: `B-2`\n\n" + second,
        },
    )
    together = _write(
        tmp_path / "together",
        {"sprint.md": "# Sprint 12\n\n## Batch B-1\n\n" + first + "\n## Batch B-2\n\n" + second},
    )
    expected = _facts(_lint(apart))
    # B-2 has no lane B, whatever B-1 holds; lane A of B-2 shares no batch with lane C of B-1.
    assert ("PDP601", "lane 'C' depends on lane 'B', which the batch does not have") in expected
    assert sum(1 for code, _ in expected.elements() if code == "PDP501") == 1
    assert _facts(_lint(together)) == expected


def test_batches_with_the_same_lanes_do_not_see_each_other(tmp_path: Path) -> None:
    root = _write(
        tmp_path,
        {
            "b1.md": "# One\n\n- Batch id: `B-1`\n\n" + _table("A", "B"),
            "b2.md": "# Two\n\n- Batch id: `B-2`\n\n" + _table("C", "D"),
            "loose.md": "# Loose\n\n" + _table("A", "C"),
        },
    )
    found = [d for d in _lint(root).diagnostics if d.code in {"PDP501", "PDP502"}]
    # Only the loose document (a batch of its own) writes A and C together.
    assert [(d.code, d.path.rsplit("/", 1)[-1]) for d in found] == [("PDP501", "loose.md")]


@pytest.mark.parametrize("finished", ["done", "merged", "cancelled"])
def test_across_documents_a_lane_is_finished_when_any_of_its_rows_says_so(
    tmp_path: Path, finished: str
) -> None:
    done_c = LANES["C"].replace("| active |", f"| {finished} |")
    files = {
        "a_dispatch.md": "# Dispatch\n\n- Batch id: `B-3`\n\n" + _table("A"),
        "b_workboard.md": "# Workboard\n\n- Batch id: `B-3`\n\n" + HEADER + LANES["A"] + done_c,
        "c_log.md": "# Log\n\n- Batch id: `B-3`\n\n" + _table("C"),
    }
    found = list(_lint(_write(tmp_path / "done", files)).diagnostics)
    assert [d for d in found if d.code == "PDP501"] == []  # A never meets itself; C is done
    files["b_workboard.md"] = files["b_workboard.md"].replace(done_c, "")
    found = list(_lint(_write(tmp_path / "running", files)).diagnostics)
    assert [d.message for d in found if d.code == "PDP501"] == [
        "lanes 'A' and 'C' both claim 'src/app.py'"
    ]


def test_a_lane_written_twice_counts_once_towards_the_active_limit(tmp_path: Path) -> None:
    root = _write(
        tmp_path,
        {
            "a_dispatch.md": "# Dispatch\n\n- Batch id: `B-4`\n\n" + _table("A", "B", "C"),
            "b_workboard.md": "# Workboard\n\n- Batch id: `B-4`\n\n" + _table("A", "B", "C", "D"),
        },
    )
    assert [d for d in _lint(root).diagnostics if d.code == "PDP201"] == []


def test_the_board_shows_a_split_batch_once_and_a_two_batch_file_twice(tmp_path: Path) -> None:
    from lanelint.linter.report.board import build_board
    from lanelint.linter.report.board.mermaid import flowchart
    from lanelint.linter.run.collect import index_paths

    split = _write(
        tmp_path / "split",
        {
            "a_dispatch.md": "# Dispatch\n\n- Batch id: `B-9`\n\n" + _table("A", "B"),
            "b_workboard.md": "# Workboard\n\n**Batch:** B-9\n\n" + _table("B", "C"),
            "c_sprint.md": "# Sprint\n\n## Batch B-1\n\n"
            + _table("D")
            + "\n## Batch B-2\n\n"
            + _table("E"),
        },
    )
    board = build_board(index_paths([split], Config(root=split.resolve())))
    shown = {batch.id: [lane.id for lane in batch.lanes] for batch in board.batches}
    assert shown == {"B-9": ["A", "B", "C"], "B-1": ["D"], "B-2": ["E"]}
    (nine,) = [batch for batch in board.batches if batch.id == "B-9"]
    assert [lane.path.rsplit("/", 1)[-1] for lane in nine.lanes] == [
        "a_dispatch.md",
        "b_workboard.md",  # lane B's last row stands for it
        "b_workboard.md",
    ]
    nodes = [line for line in flowchart(nine).split("\n") if line.endswith('"]')]
    assert len(nodes) == len(set(nodes)) == 3
    assert all("overlap: B" not in marks for lane in nine.lanes for marks in lane.marks.values())


def test_a_record_under_a_batch_with_no_lanes_still_finds_its_lane(tmp_path: Path) -> None:
    """A heading such as "batch 12" where the lanes say `B-12`: out of view, not missing."""
    root = _write(
        tmp_path,
        {
            "dispatch.md": "# Dispatch\n\n- Batch id: `B-12`\n\n"
            "| Lane | Task | Role | Dependency | Files | Status | Last update |\n"
            "|---|---|---|---|---|---|---|\n"
            "| A | T-1 | System Analyst | none | `a.md` | active | 2026-02-16 11:00 UTC |\n",
            "heartbeats.md": "# Heartbeat log, batch 12\n\n## 2026-02-16 11:00 UTC - Lane A\n\n"
            "- Status: ok\n- Blockers: none\n- Next step: review\n",
        },
    )
    assert [d.message for d in _lint(root).diagnostics if d.code == "PDP901"] == []
    # The same log under the lanes' own batch id, and under another batch that has lanes.
    log = (root / "spec" / "heartbeats.md").read_text().replace("batch 12", "batch B-12")
    (root / "spec" / "heartbeats.md").write_text(log)
    assert [d.message for d in _lint(root).diagnostics if d.code == "PDP901"] == []
    other = "# Other\n\n- Batch id: `B-13`\n\n" + HEADER + LANES["A"].replace("T-1", "T-9")
    (root / "spec" / "other.md").write_text(other)
    (root / "spec" / "heartbeats.md").write_text(log.replace("B-12", "B-13"))
    assert [d.message for d in _lint(root).diagnostics if d.code == "PDP901"] == [
        "active lane 'A' has no heartbeat (batch's newest timestamp 2026-02-16 11:00 UTC)"
    ]


def test_a_stamp_under_a_batch_with_no_lanes_still_fits_its_lane(tmp_path: Path) -> None:
    stamp = (
        "# Session log, batch {batch}\n\n```text\nPREFLIGHT STAMP\nRuntime: Codex\n"
        "Role: System Analyst\nTimestamp: 2026-02-16 09:00 UTC\nTask: T-1\n\n"
        "Preflight status: READY TO EXECUTE\n```\n"
    )
    root = _write(
        tmp_path,
        {
            "dispatch.md": "# Dispatch\n\n- Batch id: `B-12`\n\n" + _table("A"),
            "session.md": stamp.format(batch="12"),
        },
    )
    assert [d.message for d in _lint(root).diagnostics if d.code == "PDP307"] == []
    other = "# Other\n\n- Batch id: `B-13`\n\n" + HEADER + LANES["B"].replace("T-2", "T-9")
    (root / "spec" / "other.md").write_text(other)
    (root / "spec" / "session.md").write_text(stamp.format(batch="B-13"))
    found = [d.message for d in _lint(root).diagnostics if d.code == "PDP307"]
    assert [m for m in found if m.startswith("active lane 'A'")]  # B-13 has lanes: no fit
