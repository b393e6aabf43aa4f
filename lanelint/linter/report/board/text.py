"""The board for a terminal: one table per batch, then overlaps, locks and dependencies."""

from __future__ import annotations

from lanelint.linter.report.board.model import Board, BoardBatch

HEADERS = ("Lane", "Type", "Owner", "Task", "Dependency", "Status", "Verdict", "Files")


def rows(batch: BoardBatch) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for lane in batch.lanes:
        files = []
        for path in lane.files:
            marks = lane.file_marks(path)
            files.append(f"{path} [{'; '.join(marks)}]" if marks else path)
        out.append(
            (
                lane.id,
                f"{lane.type} {lane.type_name}".strip() or "-",
                lane.owner or "-",
                lane.task or "-",
                lane.dependency or "-",
                lane.status or "-",
                lane.verdict or "-",
                ", ".join(files) or "-",
            )
        )
    return out


def notes(batch: BoardBatch) -> list[str]:
    lines = []
    for overlap in batch.overlaps:
        lines.append(
            f"overlap: lanes {overlap.first} and {overlap.second} both claim {overlap.path}"
        )
    for lock in batch.locks:
        claimed = ", ".join(lock.claimed_by) or "no lane"
        lines.append(f"lock: {lock.path} -> {lock.owner} (claimed by {claimed})")
    for edge in batch.edges:
        missing = " (no such lane)" if not edge.known else ""
        lines.append(f"dependency: {edge.upstream} -> {edge.lane} ({edge.kind}){missing}")
    return lines


def _table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    return [
        "  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
        for row in [header, *body]
    ]


def render(board: Board) -> str:
    if not board.batches:
        return "No lane plans found.\n"
    out: list[str] = []
    for batch in board.batches:
        out.append(f"Batch {batch.id} ({batch.path}): {len(batch.lanes)} lane(s)")
        out.extend(_table(HEADERS, rows(batch)))
        out.extend("  " + line for line in notes(batch))
        out.append("")
    return "\n".join(out)
