"""Editing a file's text line by line while keeping its line endings exactly as they were."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lanelint.linter.engine.payloads import InsertLines, Replace

_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(slots=True)
class Lines:
    """A file as lines plus the ending each line had (``""`` for a last line without one)."""

    lines: list[str]
    endings: list[str]
    newline: str

    @classmethod
    def parse(cls, text: str) -> Lines:
        lines: list[str] = []
        endings: list[str] = []
        position = 0
        for match in _BREAK.finditer(text):
            lines.append(text[position : match.start()])
            endings.append(match.group(0))
            position = match.end()
        if position < len(text):
            lines.append(text[position:])
            endings.append("")
        crlf = endings.count("\r\n")
        newline = "\r\n" if crlf and crlf >= endings.count("\n") else "\n"
        return cls(lines, endings, newline)

    def text(self) -> str:
        """The exact text, with every original line ending."""
        return "".join(line + ending for line, ending in zip(self.lines, self.endings, strict=True))

    def lf_text(self) -> str:
        """The text with ``\\n`` endings, as the parser sees it."""
        if not self.lines:
            return ""
        tail = "\n" if self.endings[-1] else ""
        return "\n".join(self.lines) + tail


def apply(lines: Lines, replaces: Sequence[Replace], inserts: Sequence[InsertLines]) -> list[bool]:
    """Apply edits in place; returns, per edit (replaces first), whether it was applied.

    Replacements that overlap an earlier one on the same line are skipped; insertions after the
    same line keep the order they were given in.
    """
    applied = [False] * (len(replaces) + len(inserts))
    taken: dict[int, list[tuple[int, int]]] = {}
    order = sorted(range(len(replaces)), key=lambda i: (replaces[i].line, -replaces[i].column))
    for i in order:
        edit = replaces[i]
        if not 1 <= edit.line <= len(lines.lines):
            continue
        text = lines.lines[edit.line - 1]
        start, end = edit.column - 1, edit.end_column - 1
        if start < 0 or end < start or end > len(text):
            continue
        spans = taken.setdefault(edit.line, [])
        if any((start < b and a < end) or start == end == a for a, b in spans):
            continue
        spans.append((start, end))
        lines.lines[edit.line - 1] = text[:start] + edit.text + text[end:]
        applied[i] = True
    # Bottom up; equal anchors: the later ones first, so a block ends up in the given order.
    positions = sorted(range(len(inserts)), key=lambda i: (-inserts[i].after, -inserts[i].rank, -i))
    for i in positions:
        insert = inserts[i]
        if not 0 <= insert.after <= len(lines.lines) or not insert.lines:
            continue
        new_endings = [lines.newline] * len(insert.lines)
        if insert.after == len(lines.lines) and lines.endings and lines.endings[-1] == "":
            lines.endings[-1] = lines.newline
            new_endings[-1] = ""
        lines.lines[insert.after : insert.after] = list(insert.lines)
        lines.endings[insert.after : insert.after] = new_endings
        applied[len(replaces) + i] = True
    return applied
