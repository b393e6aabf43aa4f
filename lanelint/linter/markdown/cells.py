"""Where a table cell ends: the span of the value a finding on a table row points at."""

from __future__ import annotations

import itertools


def _pipes(line: str) -> list[int]:
    """0-based offsets of the cell separators of a row: ``|`` not escaped by a backslash."""
    found = []
    escaped = False
    for offset, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            found.append(offset)
    return found


def cell_end(line: str, column: int) -> int | None:
    """The 1-based end column (exclusive) of the table cell at ``column`` of ``line``.

    ``None`` when ``line`` is not a table row (it does not start with ``|``) or ``column``
    points at a separator or outside the cells (a finding about the whole row). The end is
    the last character of the cell's text, trailing spaces left out.
    """
    if not line.lstrip().startswith("|"):
        return None
    offset = column - 1
    pipes = _pipes(line)
    for left, right in itertools.pairwise(pipes):
        if left < offset < right:
            text_end = len(line[:right].rstrip())
            return text_end + 1 if text_end > offset else None
    return None
