"""The board of a run: per batch, its lanes with their state, and how they relate."""

from __future__ import annotations

from dataclasses import dataclass, field

from lanelint.linter.io import globs
from lanelint.linter.protocol.roles import lane_type_name
from lanelint.linter.workspace.index import Batch, LaneRef, WorkspaceIndex, is_done, key


@dataclass(frozen=True)
class Overlap:
    first: str
    second: str
    path: str


@dataclass(frozen=True)
class Lock:
    path: str
    owner: str
    line: int
    claimed_by: tuple[str, ...]


@dataclass(frozen=True)
class Edge:
    """One marked dependency on one upstream lane: ``upstream`` must come before ``lane``."""

    upstream: str
    lane: str
    kind: str
    known: bool


@dataclass
class BoardLane:
    id: str
    type: str
    type_name: str
    owner: str
    task: str
    dependency: str
    status: str
    files: list[str]
    verdict: str
    path: str
    line: int
    marks: dict[str, list[str]] = field(default_factory=dict)
    """File -> ``overlap: B`` / ``lock: lane A`` notes on it."""

    def file_marks(self, path: str) -> list[str]:
        return self.marks.get(path, [])


@dataclass
class BoardBatch:
    id: str
    path: str
    lanes: list[BoardLane]
    edges: list[Edge]
    overlaps: list[Overlap]
    locks: list[Lock]


@dataclass
class Board:
    batches: list[BoardBatch]


def _overlaps(lanes: list[LaneRef]) -> list[Overlap]:
    running = [lane for lane in lanes if not is_done(lane.lane.status)]
    found = []
    for index, later in enumerate(running):
        for earlier in running[:index]:
            for claim in later.lane.files:
                other = next(
                    (c for c in earlier.lane.files if globs.overlap(c.path, claim.path)), None
                )
                if other is not None:
                    found.append(Overlap(earlier.id, later.id, claim.path))
                    break
    return found


def _locks(batch: Batch) -> list[Lock]:
    seen: set[tuple[str, int]] = set()
    found = []
    for plan in batch.plans:
        for lock in plan.locks:
            for path in lock.paths:
                if (path, lock.line) in seen:
                    continue
                seen.add((path, lock.line))
                claimed = tuple(
                    lane.id
                    for lane in batch.lanes
                    if any(globs.overlap(c.path, path) for c in lane.lane.files)
                )
                owner = lock.owner.split("(", 1)[0].strip() or lock.owner
                found.append(Lock(path, owner, lock.line, claimed))
    return found


def _one_row_per_lane(lanes: list[LaneRef]) -> list[LaneRef]:
    """A batch's lanes from every document that writes them, each lane once: where a lane is
    written more than once, its last row, at the place of its first."""
    rows = {(key(ref.id) or f"\x00{n}"): ref for n, ref in enumerate(lanes)}
    return list(rows.values())


def _batch(index: WorkspaceIndex, batch: Batch) -> BoardBatch:
    shown_lanes = _one_row_per_lane(batch.lanes)
    overlaps = _overlaps(shown_lanes)
    locks = _locks(batch)
    known = {key(lane.id) for lane in batch.lanes}
    lanes: list[BoardLane] = []
    edges: list[Edge] = []
    for ref in shown_lanes:
        lane = ref.lane
        files = [claim.path for claim in lane.files]
        item = BoardLane(
            id=lane.id,
            type=ref.type or "",
            type_name=lane_type_name(ref.type) if ref.type else "",
            owner=lane.owner_text,
            task=lane.task,
            dependency=lane.dependency.raw if lane.dependency else "",
            status=lane.status,
            files=files,
            verdict=index.verdict(ref),
            path=ref.path,
            line=lane.line,
        )
        for overlap in overlaps:
            if lane.id in (overlap.first, overlap.second):
                other = overlap.second if overlap.first == lane.id else overlap.first
                for path in files:
                    if globs.overlap(path, overlap.path):
                        item.marks.setdefault(path, []).append(f"overlap: {other}")
        for lock in locks:
            for path in files:
                if globs.overlap(path, lock.path):
                    item.marks.setdefault(path, []).append(f"lock: {lock.owner}")
        lanes.append(item)
        if lane.dependency is not None:
            for term in lane.dependency.terms:
                for upstream in term.upstream:
                    edges.append(Edge(upstream, lane.id, term.kind, key(upstream) in known))
    shown = index.relative(batch.path) or batch.path
    return BoardBatch(batch.id, shown, lanes, edges, overlaps, locks)


def build_board(index: WorkspaceIndex) -> Board:
    batches = sorted(index.batches.values(), key=lambda b: (b.id, b.path, b.line))
    return Board([_batch(index, batch) for batch in batches])
