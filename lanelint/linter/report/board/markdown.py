"""The board as Markdown for a file or a pull-request comment, with a Mermaid flowchart."""

from __future__ import annotations

from lanelint.linter.report.board.mermaid import flowchart
from lanelint.linter.report.board.model import Board
from lanelint.linter.report.board.text import HEADERS, notes, rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render(board: Board) -> str:
    if not board.batches:
        return "No lane plans found.\n"
    out: list[str] = []
    for batch in board.batches:
        out.append(f"## Batch {batch.id}")
        out.append("")
        out.append(f"Source: `{batch.path}`")
        out.append("")
        out.append("| " + " | ".join(HEADERS) + " |")
        out.append("|" + "---|" * len(HEADERS))
        for row in rows(batch):
            out.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
        out.append("")
        extra = notes(batch)
        if extra:
            out.extend(f"- {_cell(line)}" for line in extra)
            out.append("")
        out.append("```mermaid")
        out.append(flowchart(batch))
        out.append("```")
        out.append("")
    return "\n".join(out)
