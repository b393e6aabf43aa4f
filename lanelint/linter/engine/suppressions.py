"""Inline suppressions: ``<!-- lanelint-disable CODE -->`` and its siblings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.markdown.document import Comment

_DIRECTIVE = re.compile(
    r"[ \t\n]*lanelint-(disable-next-line|disable-file|disable|enable"
    r"|waive-next-line|waive-file|waive)\b(.*)",
    re.DOTALL,
)
_CODE_SPLIT = re.compile(r"[\s,]+")


@dataclass(slots=True)
class Suppression:
    """One directive: the codes it names (empty: every code) and the lines it covers."""

    kind: str
    codes: tuple[str, ...]
    line: int
    column: int
    start: int
    end: int
    #: Waivers (``lanelint-waive...`` and prose exception records) only: who granted it,
    #: until when (``YYYY-MM-DD``) and why.
    owner: str = ""
    until: str = ""
    reason: str = ""

    @property
    def is_waiver(self) -> bool:
        return self.kind.startswith("waive") or self.kind == "exception"

    def covers(self, code: str, line: int) -> bool:
        if not self.start <= line <= self.end:
            return False
        return not self.codes or any(code.startswith(c) for c in self.codes)


def read_suppressions(comments: list[Comment], last_line: int) -> list[Suppression]:
    """Turn a document's comments into suppressions with resolved line ranges."""
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for comment in comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        kind = match.group(1)
        if kind.startswith("waive"):
            found.append(_waiver(kind, match.group(2), comment, last_line, open_ranges))
            continue
        # A reason may follow the codes after "--": <!-- lanelint-disable PDP501 -- why -->
        named = match.group(2).split("\n", 1)[0].split("--", 1)[0]
        codes = tuple(c.upper() for c in _CODE_SPLIT.split(named.strip()) if c)
        if kind == "disable-next-line":
            target = comment.end_line + 1
            found.append(Suppression(kind, codes, comment.line, comment.column, target, target))
        elif kind == "disable-file":
            found.append(Suppression(kind, codes, comment.line, comment.column, 1, last_line))
        elif kind == "disable":
            item = Suppression(kind, codes, comment.line, comment.column, comment.line, last_line)
            found.append(item)
            open_ranges.append(item)
        else:  # enable
            for item in open_ranges:
                if item.end == last_line and (
                    not codes or set(codes) & set(item.codes) or not item.codes
                ):
                    item.end = comment.line
            open_ranges = [item for item in open_ranges if item.end == last_line]
    return found


def _waiver(
    kind: str, text: str, comment: Comment, last_line: int, open_ranges: list[Suppression]
) -> Suppression:
    from lanelint.linter.engine.waivers import parse_waiver

    fields = parse_waiver(" ".join(text.split()))
    line, column = comment.line, comment.column
    if kind == "waive-next-line":
        start = end = comment.end_line + 1
    elif kind == "waive-file":
        start, end = 1, last_line
    else:
        start, end = line, last_line
    item = Suppression(
        kind, fields.codes, line, column, start, end, fields.owner, fields.until, fields.reason
    )
    if kind == "waive":
        open_ranges.append(item)
    return item
