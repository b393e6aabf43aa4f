"""Small helpers the rules share for reading cell and field values."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lanelint.linter.engine.diagnostics import Finding
from lanelint.linter.markdown.document import Cell
from lanelint.linter.protocol.vocabulary.placeholders import is_placeholder

__all__ = ["is_placeholder", "quote", "unplaced_headers"]


def quote(value: str, limit: int = 60) -> str:
    """``'value'`` for a message, shortened to ``limit`` characters."""
    text = " ".join(value.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def unplaced_headers(
    columns: Sequence[str], unplaced: Sequence[Cell], kind: str
) -> Iterator[Finding]:
    """A finding per header cell of a protocol table that lanelint cannot place, where the
    table is one (three or more columns, most of them placed)."""
    if len(columns) < 3 or len(unplaced) >= len(columns):
        return
    for cell in unplaced:
        yield Finding(
            cell.line,
            f"{kind} header {quote(cell.text)} is not a column lanelint knows; "
            "its values are not read",
            column=cell.column,
        )
