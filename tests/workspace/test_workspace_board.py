"""`lanelint board` on the seeded example: three formats snapshotted, Mermaid checked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from lanelint.linter.engine.config import load_config
from lanelint.linter.report.board import build_board
from lanelint.linter.report.board.mermaid import flowchart, node_ids
from lanelint.linter.report.board.model import BoardBatch, BoardLane, Edge
from lanelint.linter.run.collect import index_paths
from tests.conftest import EXAMPLES, REPO, run_cli

SEEDED = EXAMPLES / "seeded"
_NODE = re.compile(r'^    (lane_[A-Za-z0-9_]+)\["[^"\n]*"\](?::::missing)?$')
_EDGE = re.compile(r"^    (lane_[A-Za-z0-9_]+) (-->|-\.->)\|(hard|soft)\| (lane_[A-Za-z0-9_]+)$")


def _board(fmt: str) -> str:
    result = run_cli(["board", "examples/spec/seeded", "--format", fmt], cwd=REPO)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_board_snapshot_on_seeded_example(fmt: str, snapshot: SnapshotAssertion) -> None:
    assert _board(fmt) == snapshot


def _mermaid_blocks(markdown: str) -> list[str]:
    return re.findall(r"```mermaid\n(.*?)\n```", markdown, flags=re.DOTALL)


def _check_flowchart(block: str) -> tuple[set[str], list[tuple[str, str, str, str]]]:
    lines = block.split("\n")
    assert lines[0] == "flowchart LR"
    nodes: set[str] = set()
    edges: list[tuple[str, str, str, str]] = []
    for line in lines[1:]:
        if line.startswith("    classDef "):
            continue
        node = _NODE.match(line)
        edge = _EDGE.match(line)
        assert node or edge, f"not a node or an edge: {line!r}"
        if node:
            assert node.group(1) not in nodes, f"node {node.group(1)} declared twice"
            nodes.add(node.group(1))
        elif edge:
            source, arrow, kind, target = edge.groups()
            assert (arrow == "-.->") == (kind == "soft")
            edges.append((source, arrow, kind, target))
    for source, _, _, target in edges:
        assert source in nodes, f"edge from undeclared node {source}"
        assert target in nodes, f"edge to undeclared node {target}"
    return nodes, edges


def test_mermaid_is_well_formed_with_one_edge_per_marked_dependency() -> None:
    index = index_paths([SEEDED], load_config([SEEDED]))
    board = build_board(index)
    blocks = _mermaid_blocks(_board("markdown"))
    assert len(blocks) == len(board.batches) == 2
    for batch, block in zip(board.batches, blocks, strict=True):
        nodes, edges = _check_flowchart(block)
        dependencies = [
            ref.lane.dependency
            for ref in index.batches[batch.id].lanes
            if ref.lane.dependency is not None and ref.lane.dependency.marked
        ]
        expected = sum(len(dependency.upstream()) for dependency in dependencies)
        assert expected > 0
        assert len(edges) == expected
        assert {f"lane_{lane.id}" for lane in batch.lanes} <= nodes


def test_mermaid_node_ids_are_safe_and_unique() -> None:
    ids = node_ids(["L 1", "L-1", "A", "a", 'x"y'])
    assert ids == {"l 1": "lane_L_1", "l-1": "lane_L_1_2", "a": "lane_A", 'x"y': "lane_x_y"}


def test_mermaid_escapes_labels_and_draws_missing_upstreams() -> None:
    lane = BoardLane('B"1', "B", "implementation", "EA <team>", "T-1#2", "hard(Z)", "active",
                     [], "", "spec/d.md", 3)  # fmt: skip
    batch = BoardBatch("B-1", "spec/d.md", [lane], [Edge("Z", 'B"1', "hard", False)], [], [])
    nodes, edges = _check_flowchart(flowchart(batch))
    assert nodes == {"lane_B_1", "lane_Z"}
    assert edges == [("lane_Z", "-->", "hard", "lane_B_1")]
    assert "#quot;" in flowchart(batch)
    assert "#lt;team#gt;" in flowchart(batch)


def test_board_json_names_every_lane_field() -> None:
    data = json.loads(_board("json"))
    assert data["version"] == 1
    lane = data["batches"][0]["lanes"][0]
    assert set(lane) >= {"id", "type", "owner", "task", "dependency", "status", "files", "verdict"}


def test_board_marks_overlaps_and_locks() -> None:
    text = _board("text")
    assert "[overlap: C]" in text
    assert "[lock: lane L1]" in text


def test_board_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run_cli(["board", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


def test_board_on_a_folder_without_plans(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n")
    result = run_cli(["board", str(tmp_path), "--isolated"])
    assert result.exit_code == 0
    assert result.output == "No lane plans found.\n"
