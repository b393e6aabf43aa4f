"""Small helpers the cross-document rules share: where a lane, a row or a note is written."""

from __future__ import annotations

from lanelint.linter.engine.diagnostics import Finding, Location
from lanelint.linter.protocol.vocabulary.verdicts import VERDICTS
from lanelint.linter.workspace.index import LaneRef, RowRef, WorkspaceIndex

#: At most this many related locations per finding.
MAX_RELATED = 5


def lane_at(lane: LaneRef, message: str = "", column: str = "lane") -> Location:
    label = message or f"lane '{lane.id}'"
    return Location(lane.path, lane.lane.line, lane.lane.column(column), message=label)


def verdict_unknown(index: WorkspaceIndex, lane: LaneRef) -> bool:
    """Whether a ledger row of ``lane`` holds a verdict the vocabulary does not know.

    Such a row may be the lane's acceptance, misspelt (PDP705 reports it): rules that need an
    accepted commit make no guess about the lane.
    """
    return any(ref.row.verdict not in ("", *VERDICTS) for ref in index.rows_of(lane))


def row_at(ref: RowRef, message: str = "") -> Location:
    label = message or f"ledger row for '{ref.row.commit}' ({ref.row.verdict or 'no verdict'})"
    return Location(ref.path, ref.row.line, ref.row.column("commit"), message=label)


def on_lane(
    lane: LaneRef, message: str, column: str = "lane", related: tuple[Location, ...] = ()
) -> Finding:
    return Finding(
        lane.lane.line,
        message,
        column=lane.lane.column(column),
        path=lane.path,
        related=related[:MAX_RELATED],
    )


def on_row(
    ref: RowRef, message: str, column: str = "commit", related: tuple[Location, ...] = ()
) -> Finding:
    return Finding(
        ref.row.line,
        message,
        column=ref.row.column(column),
        path=ref.path,
        related=related[:MAX_RELATED],
    )
