"""Helpers for the fixable rules: canonical spellings and where a fix goes in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from lanelint.linter.engine.payloads import InsertLines, Replace
from lanelint.linter.markdown.document import Cell, Document
from lanelint.linter.protocol.artifacts.stamp import (
    FieldSpec,
    PreflightStamp,
    StampEntry,
    StampSchema,
)
from lanelint.linter.protocol.roles import ROLE_ALIASES, RoleBook
from lanelint.linter.protocol.values import read_value, split_items
from lanelint.linter.protocol.vocabulary.dependencies import DEPENDENCY_KINDS

_DEPENDENCY_WORD = re.compile(
    rf"\b({'|'.join(DEPENDENCY_KINDS)})\b([ \t]{{1,20}}(?=\())?", re.IGNORECASE
)

#: Spellings FORMATS.md accepts as written: full names and the usual abbreviations.
_ACCEPTED: dict[str, str] = {
    spelling: spelling
    for canonical, aliases in ROLE_ALIASES.items()
    for spelling in (canonical, *aliases)
}


def respell_role(text: str, roles: RoleBook, aliases: Mapping[str, str]) -> str | None:
    """The spelling to write instead of ``text``, or ``None`` when it is fine as written.

    Accepted as written: canonical names, FORMATS.md's abbreviations (``TL``, ``QA``, ...) and
    the configured ``role-aliases``. A case, spacing or punctuation variant of one of them is
    respelt: an abbreviation to its usual case (``tl`` -> ``TL``), a name to the canonical
    name (``technical lead`` -> ``Technical Lead``). Unknown roles are left to other rules.
    """
    value = read_value(text).core
    if not value or value in _ACCEPTED or value in aliases or value in aliases.values():
        return None
    canonical = roles.canonical(value)
    if canonical is None:
        return None
    folded = value.casefold()
    for spelling in ROLE_ALIASES.get(canonical, ()):
        if spelling.casefold() == folded:
            return spelling
    return canonical


def _inner(text: str) -> tuple[int, str]:
    """``(offset, text)`` of ``text``'s core value, else of ``text`` without backticks."""
    value = read_value(text)
    if value.core and text[value.start : value.start + len(value.core)] == value.core:
        return value.start, value.core
    start = 0
    end = len(text)
    while start < end and text[start] in "` \t":
        start += 1
    while end > start and text[end - 1] in "` \t":
        end -= 1
    return start, text[start:end]


def _cell_is_raw(document: Document, cell: Cell) -> bool:
    line = document.line_text(cell.line)
    return line[cell.column - 1 : cell.column - 1 + len(cell.text)] == cell.text


def stamp_role_fix(entry: StampEntry, spelling: str) -> Replace:
    offset, inner = _inner(entry.value)
    column = entry.column + offset
    return Replace(entry.line, column, column + len(inner), spelling)


def owner_parts(cell: Cell) -> Iterator[tuple[int, str]]:
    """``(offset in the cell, text)`` of each owner a lane's owner cell names."""
    yield from split_items(cell.text)


def owner_fixes(
    document: Document, cell: Cell, roles: RoleBook, aliases: Mapping[str, str]
) -> list[tuple[str, str, Replace | None]]:
    """``(written, respelt, fix)`` for each owner in ``cell`` written in another spelling."""
    whole = respell_role(cell.text, roles, aliases)
    parts: list[tuple[int, str]]
    if whole is not None or roles.canonical(cell.text) is not None:
        parts = [(0, cell.text)]
    else:
        parts = list(owner_parts(cell))
    raw = _cell_is_raw(document, cell)
    found: list[tuple[str, str, Replace | None]] = []
    for offset, part in parts:
        spelling = respell_role(part, roles, aliases)
        if spelling is None:
            continue
        inner_offset, inner = _inner(part)
        column = cell.column + offset + inner_offset
        fix = Replace(cell.line, column, column + len(inner), spelling) if raw else None
        found.append((inner, spelling, fix))
    return found


def dependency_fixes(document: Document, cell: Cell) -> tuple[str, tuple[Replace, ...]]:
    """The canonical spelling of a marked dependency cell and the edits that write it."""
    fixes: list[Replace] = []
    text = cell.text
    out: list[str] = []
    position = 0
    for match in _DEPENDENCY_WORD.finditer(text):
        word = match.group(1)
        # ``none (parallel-safe)``: parentheses after ``none`` hold a note, not upstream lanes.
        spaced = bool(match.group(2)) and word.lower() != "none"
        if word == word.lower() and not spaced:
            continue
        out.append(text[position : match.start()])
        out.append(word.lower())
        position = match.end()
        column = cell.column + match.start()
        fixes.append(Replace(cell.line, column, column + len(match.group(0)), word.lower()))
    out.append(text[position:])
    if not _cell_is_raw(document, cell):
        fixes = []
    return "".join(out).replace("`", "").strip(), tuple(fixes)


def _indent(document: Document, line: int) -> str:
    text = document.line_text(line)
    return text[: len(text) - len(text.lstrip())]


def _stamp_lines(document: Document, stamp: PreflightStamp) -> list[int]:
    """The line numbers of the stamp's content (between the fences)."""
    return list(range(stamp.line + 1, stamp.end_line))


def _sequence(schema: StampSchema) -> list[FieldSpec]:
    """The template's lines in stamp order: fields, numbered checks, then the status line."""

    def closing(spec: FieldSpec) -> bool:
        return spec.number is None and "status" in spec.key.casefold()

    fields = [s for s in schema.fields if s.number is None and not closing(s)]
    checks = sorted((s for s in schema.fields if s.number is not None), key=lambda s: s.number or 0)
    return fields + checks + [s for s in schema.fields if closing(s)]


def _order_of(entry: StampEntry, sequence: list[FieldSpec]) -> int | None:
    for order, spec in enumerate(sequence):
        if entry.number is not None and spec.number == entry.number:
            return order
        if (
            entry.number is None
            and spec.number is None
            and spec.key.casefold() == entry.key.casefold()
        ):
            return order
    return None


def insert_stamp_field(
    document: Document, stamp: PreflightStamp, schema: StampSchema, order: int
) -> InsertLines | None:
    """Where the missing field ``schema.fields[order]`` goes in ``stamp``, and its line."""
    content = _stamp_lines(document, stamp)
    if not content:
        return None
    marker = next((n for n in content if document.line_text(n).strip()), None)
    if marker is None:
        return None
    spec = schema.fields[order]
    text = f"{_indent(document, marker)}{spec.label}: <{spec.hint}>"
    sequence = _sequence(schema)
    order = sequence.index(spec)
    if order == len(sequence) - 1:
        last = max(n for n in content if document.line_text(n).strip())
        return InsertLines(last, (text,), order)
    anchor: tuple[int, int] | None = None
    for entry in (*stamp.fields, *stamp.checks):
        found = _order_of(entry, sequence)
        if found is not None and found < order and (anchor is None or found >= anchor[0]):
            anchor = (found, entry.line)
    after = marker if anchor is None else anchor[1]
    if anchor is not None:
        while after + 1 < stamp.end_line and document.line_text(after + 1).lstrip().startswith("-"):
            after += 1
    return InsertLines(after, (text,), order)


def fill_stamp_field(document: Document, entry: StampEntry, hint: str) -> Replace:
    line = document.line_text(entry.line).rstrip()
    end = len(line) + 1
    return Replace(entry.line, end, end, f" <{hint}>")
