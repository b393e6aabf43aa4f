"""File locks (protocol section 5): which lane or role holds a high-risk file.

A lock is recorded in any of these shapes:

- a metadata line whose key is a lock-owner label (``- Lock owner: `AGENTS.md` -> lane A``,
  ``**File lock owner:** `AGENTS.md` (lane A)``), paths in backticks, the owner the rest;
- a list item under a heading about locks (``## File locks``): `` - `AGENTS.md`: lane B ``,
  `` - `AGENTS.md` -> lane B (until 12:00) ``;
- a table row whose header has a file column and an owner column, under a heading about locks
  or with ``lock`` in a header: ``| File | Lock owner |``, ``| Locked file | Held by |
  Status |``.

An owner that is a blank stand-in (``TBD``, ``-``, ``n/a``, ``unassigned``, ``pending``) is no
owner. A lock whose line or status says it was released (``released``, ``unlocked``) is
recorded with ``released=True``: it named an owner, but holds nothing any more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.markdown import inline
from lanelint.linter.markdown.document import Document, Table
from lanelint.linter.protocol.artifacts.tables import column_map, is_blank, normalise_header
from lanelint.linter.protocol.vocabulary.labels import (
    LOCK_TABLE_COLUMNS,
    NOT_LOCK_HEADERS,
    has_lock_word,
    is_lock_heading,
    is_lock_owner_label,
)
from lanelint.linter.protocol.vocabulary.outcomes import PENDING, RELEASED, outcome_of

_ARROWS = re.compile(r"->|→|=>|—|–")
_PARENS = re.compile(r"\([^()]{0,200}\)")


@dataclass(frozen=True, slots=True)
class LockAssignment:
    """A recorded file lock: ``- Lock owner: `AGENTS.md` -> Lane A``.

    ``owner`` is empty when the record names nobody (``TBD``); ``released`` is set when the
    record says the lock was released.
    """

    paths: tuple[str, ...]
    owner: str
    line: int
    released: bool = False
    owner_text: str = ""


def _owner(text: str) -> tuple[str, bool]:
    """``(owner, released)`` of the text left once the paths are taken out."""
    released = outcome_of(text) == RELEASED
    owner = " ".join(_ARROWS.sub(" ", text).split()).strip(" :-,;.")
    if owner.startswith("(") and owner.endswith(")"):
        owner = owner[1:-1].strip()  # ``(lane A)`` after the path: the owner in parentheses
    head = _PARENS.sub(" ", owner).strip(" :-,;.")
    if not head or is_blank(head) or outcome_of(head) in (PENDING, RELEASED):
        return "", released
    return owner, released


def _split(value: str) -> tuple[tuple[str, ...], str]:
    paths = tuple(text for text, _ in inline.code_spans(value))
    rest = value
    for path in paths:
        rest = rest.replace(f"`{path}`", " ")
    return paths, rest


def _from_meta(document: Document) -> list[LockAssignment]:
    found = []
    for item in document.meta:
        if not is_lock_owner_label(item.key):
            continue
        paths, rest = _split(item.value)
        owner, released = _owner(rest)
        found.append(LockAssignment(paths, owner, item.line, released, item.value))
    return found


def _from_lists(document: Document, seen: set[int]) -> list[LockAssignment]:
    found = []
    for entry in document.list_items:
        if entry.line in seen or entry.depth != 0 or not is_lock_heading(entry.section):
            continue
        paths, rest = _split(entry.raw)
        if not paths:
            continue
        owner, released = _owner(rest)
        found.append(LockAssignment(paths, owner, entry.line, released, entry.raw))
    return found


def _is_lock_table(table: Table, columns: dict[str, int]) -> bool:
    if "file" not in columns or "owner" not in columns:
        return False
    headers = {normalise_header(cell.text) for cell in table.header}
    if headers & NOT_LOCK_HEADERS:
        return False
    return is_lock_heading(table.section) or any(has_lock_word(header) for header in headers)


def _from_tables(document: Document) -> list[LockAssignment]:
    found = []
    for table in document.tables:
        columns = column_map(table, LOCK_TABLE_COLUMNS)
        if not _is_lock_table(table, columns):
            continue
        for row in table.rows:
            cells = row.cells
            if max(columns["file"], columns["owner"]) >= len(cells):
                continue
            file_text = cells[columns["file"]].text
            paths = tuple(text for text, _ in inline.code_spans(file_text))
            if not paths:
                paths = tuple(p.strip() for p in file_text.split(",") if not is_blank(p))
            if not paths:
                continue
            owner_text = cells[columns["owner"]].text.replace("`", "")
            owner, released = _owner(owner_text)
            status = columns.get("status")
            if status is not None and status < len(cells):
                released = released or outcome_of(cells[status].text) == RELEASED
            found.append(LockAssignment(paths, owner, row.line, released, owner_text))
    return found


def read_locks(document: Document) -> tuple[LockAssignment, ...]:
    """Every file lock the document records, in metadata lines, lock lists and lock tables."""
    meta = _from_meta(document)
    seen = {lock.line for lock in meta}
    return tuple(meta + _from_lists(document, seen) + _from_tables(document))
