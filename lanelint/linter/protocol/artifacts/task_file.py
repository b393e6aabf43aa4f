"""Task files and dispatch briefs (protocol sections 4, 5): a lane's checks and files.

A lane's acceptance checks (and, for a lane with no table row, its files) may live outside
its lane table:

- in the **task's own file**: a document whose ``Task:`` / ``Task id:`` metadata, title
  (``# T-101: Build the API``, ``# Task T-101``) or file name (``T-101.md``,
  ``T-101_api.md``) names the task. Gate reports are not task files.
- in a **dispatch brief**: a ``##``-or-deeper heading that names the task id, in any of the
  shapes teams write: ``## T-101 - Build the API``, ``### T-201 (System Analyst + Product
  Owner)``, ``## Brief for T-102 (API)``, ``### Brief: T-101``, ``## Dispatch brief T-101``,
  ``## Lane B — T-102``, ``## Lane L2: `DG-106```, ``## Task T-103``.

Either has acceptance checks when it holds, with content:

- a section headed ``Acceptance``, ``Acceptance checks``, ``Acceptance criteria``,
  ``Definition of done`` or ``Done when`` (numbered or not);
- an ``Acceptance...:`` metadata line with a value (``**Acceptance:** tests green``,
  ``- Acceptance checks: tests green``);
- such a label followed by a list (``Acceptance:`` then bullets, ``**Acceptance:**`` then
  bullets, ``- Acceptance checks:`` with nested bullets).

A brief also records its lane (``Lane B`` in the heading or a ``Lane:`` line), its owner (a
role in parentheses in the heading, or an ``Owner:`` / ``Role:`` line) and its files: paths
in backticks after a ``Files in scope:`` / ``File scope:`` / ``Files:`` / ``Target files:``
label, on the same line or as the list that follows it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import PurePosixPath

from lanelint.linter.markdown.document import Document, LabelList, MetaLine, Section
from lanelint.linter.protocol.artifacts.mentions import TASK_ID, first_task_id
from lanelint.linter.protocol.artifacts.tables import is_blank
from lanelint.linter.protocol.values import path_core, read_value, split_items
from lanelint.linter.protocol.vocabulary.labels import (
    BRIEF_LEADS,
    is_acceptance_label,
    is_file_scope_label,
    is_lane_label,
    is_owner_label,
)

_LEADS = "|".join(re.escape(lead).replace(r"\ ", r"[ \t]{1,3}") for lead in BRIEF_LEADS)
_BRIEF = re.compile(
    r"[ \t]*+(?:(?:" + _LEADS + r")[ \t]*+)?"
    r"(?:[:#—–-][ \t]*+)?"
    r"(?:lane[ \t]{1,3}`?(?P<lane>[A-Z][0-9]{0,3})`?[ \t]*+(?:[:—–·|(-][ \t]*+)?)?"
    r"(?:(?:" + _LEADS + r")[ \t]*+(?:[:#—–-][ \t]*+)?)?"
    r"`?(?<![A-Za-z0-9_-])(?P<task>[A-Za-z][A-Za-z0-9]{0,23}(?:-[A-Za-z0-9]{1,23}){1,5})",
    re.IGNORECASE,
)
_EXPLICIT = re.compile(r"\b(?:brief|lane|dispatch)\b", re.IGNORECASE)
_OWNER_PARENS = re.compile(r"\(([^()]{1,120})\)")


@dataclass(frozen=True, slots=True)
class ScopeClaim:
    """A path (or glob) a brief claims, where it is written."""

    path: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class TaskNote:
    """A task file (``kind == "file"``) or a dispatch brief (``kind == "brief"``)."""

    task: str
    line: int
    kind: str
    acceptance_line: int | None
    lane: str = ""
    owner_text: str = ""
    files: tuple[ScopeClaim, ...] = ()
    #: The heading says it is a brief or a lane (``Brief for T-1``, ``Lane B — T-1``), not
    #: only a task id (``## T-1 - API``).
    explicit: bool = False


class _Lines:
    """Where a document's metadata lines and labels stand, to take a range of them quickly."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.meta = [item.line for item in document.meta]  # in line order, as parsed
        self.labels = sorted(document.label_index)

    def meta_in(self, start: int, end: int) -> list[MetaLine]:
        """The metadata lines on lines ``start`` to ``end``."""
        first = bisect_left(self.meta, start)
        return self.document.meta[first : bisect_right(self.meta, end, lo=first)]

    def labels_in(self, start: int, end: int) -> list[LabelList]:
        """The labels-with-lists whose label stands on lines ``start`` to ``end``."""
        first = bisect_left(self.labels, start)
        found = self.labels[first : bisect_right(self.labels, end, lo=first)]
        return [self.document.label_index[line] for line in found]


def _acceptance(lines: _Lines, section: Section) -> int | None:
    for child in section.walk():
        if child is section and section.heading is not None:
            continue
        heading = child.heading
        if heading is not None and is_acceptance_label(heading.text) and child.has_content():
            return heading.line
    start = section.line
    end = section.end_line
    for item in lines.meta_in(start, end):
        if is_acceptance_label(item.key) and not is_blank(item.value):
            return item.line
    for found in lines.labels_in(start, end):
        if is_acceptance_label(found.label) and found.items:
            return found.line
    return None


def _claims(text: str, line: int, column: int) -> list[ScopeClaim]:
    """The paths of a value: `` `a.md`, `b/*` ``, ``src/api.py (handlers only)``,
    ``spec/req.md:10-40``. Qualifiers are not paths; a bare word is a path only with a ``/``
    or a ``.`` in it."""
    found: list[ScopeClaim] = []
    for offset, part in split_items(text):
        value = read_value(part)
        if value.blank:
            continue
        pieces = value.core.split(",") if value.code else [value.core]
        for piece in pieces:
            path = path_core(piece.strip())
            if not path or " " in path or is_blank(path):
                continue
            if value.code or "/" in path or "." in path.strip("."):
                found.append(ScopeClaim(path, line, column + offset + value.start))
    return found


def _files(lines: _Lines, start: int, end: int) -> tuple[ScopeClaim, ...]:
    document = lines.document
    found: list[ScopeClaim] = []
    for item in lines.meta_in(start, end):
        if is_file_scope_label(item.key) and item.value:
            found.extend(_claims(item.value, item.line, item.column))
    for group in lines.labels_in(start, end):
        if not is_file_scope_label(group.label):
            continue
        for entry in group.items:
            column = document.column_of(entry.line, entry.raw[:20], 1)
            found.extend(_claims(entry.raw, entry.line, column))
    seen: set[str] = set()
    unique = []
    for claim in found:
        if claim.path not in seen:
            seen.add(claim.path)
            unique.append(claim)
    return tuple(unique)


def _brief_fields(lines: _Lines, section: Section, lane: str, title: str) -> TaskNote:
    end = section.children[0].line - 1 if section.children else section.end_line
    whole_end = section.end_line
    owner = ""
    parens = _OWNER_PARENS.search(title)
    if parens is not None:
        owner = parens.group(1).strip()
    for item in lines.meta_in(section.line + 1, end):
        if not lane and is_lane_label(item.key):
            lane = item.value.replace("`", "").strip()
            lane = lane[5:].strip() if lane.casefold().startswith("lane ") else lane
        if is_owner_label(item.key) and item.value:
            owner = item.value.replace("`", "").strip()
    match = _BRIEF.match(title)
    task = match.group("task") if match else ""
    explicit = match is not None and match.start("task") > 0 and _EXPLICIT.search(title) is not None
    return TaskNote(
        task,
        section.line,
        "brief",
        _acceptance(lines, section),
        lane,
        owner,
        _files(lines, section.line, whole_end),
        explicit,
    )


def _file_task(document: Document) -> str:
    item = document.meta_value("Task", "Task id", "Task ID")
    if item is not None:
        task = first_task_id(item.value)
        if task:
            return task
    title = document.title
    if title is not None and title.level == 1:
        match = _BRIEF.match(title.text)
        if match:
            return match.group("task")
    stem = PurePosixPath(document.path).stem
    if stem[:5].casefold() in ("task_", "task-"):
        stem = stem[5:]
    match = TASK_ID.match(stem)
    if match and any(c.isdigit() for c in match.group(1)):
        return match.group(1)
    return ""


def brief_task(text: str) -> tuple[str, str] | None:
    """``(task id, lane id)`` of a brief heading, or ``None`` when it heads no brief."""
    match = _BRIEF.match(text)
    if match is None or not any(c.isdigit() for c in match.group("task")):
        return None
    return match.group("task"), match.group("lane") or ""


def read_task_notes(document: Document, is_gate_report: bool) -> list[TaskNote]:
    notes: list[TaskNote] = []
    lines = _Lines(document)
    if not is_gate_report:
        task = _file_task(document)
        if task:
            root = document.root
            notes.append(TaskNote(task, 1, "file", _acceptance(lines, root), "", "", ()))
    for section in document.root.walk():
        heading = section.heading
        if heading is None or heading.level < 2:
            continue
        found = brief_task(heading.text)
        if found is None:
            continue
        note = _brief_fields(lines, section, found[1], heading.text)
        notes.append(note)
    return notes
