"""The board as JSON (version 1): batches with lanes, edges, overlaps and locks."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from lanelint.linter.report.board.mermaid import flowchart
from lanelint.linter.report.board.model import Board

VERSION = 1


def as_dict(board: Board) -> dict[str, Any]:
    batches = []
    for batch in board.batches:
        lanes = []
        for lane in batch.lanes:
            item = asdict(lane)
            del item["marks"]
            item["files"] = [{"path": p, "marks": lane.file_marks(p)} for p in lane.files]
            lanes.append(item)
        batches.append(
            {
                "id": batch.id,
                "path": batch.path,
                "lanes": lanes,
                "edges": [asdict(edge) for edge in batch.edges],
                "overlaps": [asdict(o) for o in batch.overlaps],
                "locks": [
                    {**asdict(lock), "claimed_by": list(lock.claimed_by)} for lock in batch.locks
                ],
                "mermaid": flowchart(batch),
            }
        )
    return {"version": VERSION, "batches": batches}


def render(board: Board) -> str:
    return json.dumps(as_dict(board), indent=2, ensure_ascii=False) + "\n"
