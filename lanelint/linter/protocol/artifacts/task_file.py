"""Task files and dispatch briefs (protocol section 4): where a lane's acceptance checks live.

A lane's acceptance checks may live outside its lane table (FORMATS.md, "Lane plan"):

- in the **task's own file**: a document whose ``Task:`` / ``Task id:`` metadata, title
  (``# T-101: Build the API``, ``# Task T-101``) or file name (``T-101.md``,
  ``T-101_api.md``) names the task. Gate reports are not task files.
- in a **dispatch brief headed by the task id**: a ``##``-or-deeper heading that starts with
  the task id, optionally after ``Brief``, ``Task`` or ``Dispatch brief``
  (``## T-101 - Build the API``, ``### Brief: T-101``).

Either has acceptance checks when it holds a section headed ``Acceptance``, ``Acceptance
checks`` or ``Acceptance criteria`` with content, or an ``Acceptance...:`` metadata line with
a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from lanelint.linter.markdown.document import Document, Section
from lanelint.linter.protocol.artifacts.mentions import TASK_ID, first_task_id

_BRIEF = re.compile(
    r"[ \t]*+(?:(?:(?:dispatch[ \t]{1,3})?brief|task)[ \t]*+)?(?:[:#—–-][ \t]*+)?`?"
    + TASK_ID.pattern,
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TaskNote:
    """A task file (``kind == "file"``) or a dispatch brief (``kind == "brief"``)."""

    task: str
    line: int
    kind: str
    acceptance_line: int | None


def _is_acceptance_heading(text: str) -> bool:
    return text.casefold().lstrip("0123456789.) ").startswith("acceptance")


def _acceptance(document: Document, section: Section) -> int | None:
    for child in section.walk():
        if child is section and section.heading is not None:
            continue
        heading = child.heading
        if heading is not None and _is_acceptance_heading(heading.text) and child.has_content():
            return heading.line
    start = section.line
    end = section.end_line
    for item in document.meta:
        if (
            start <= item.line <= end
            and item.key.casefold().startswith("acceptance")
            and item.value
        ):
            return item.line
    return None


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
            return match.group(1)
    stem = PurePosixPath(document.path).stem
    if stem[:5].casefold() in ("task_", "task-"):
        stem = stem[5:]
    match = TASK_ID.match(stem)
    if match and any(c.isdigit() for c in match.group(1)):
        return match.group(1)
    return ""


def read_task_notes(document: Document, is_gate_report: bool) -> list[TaskNote]:
    notes: list[TaskNote] = []
    if not is_gate_report:
        task = _file_task(document)
        if task:
            notes.append(TaskNote(task, 1, "file", _acceptance(document, document.root)))
    for section in document.root.walk():
        heading = section.heading
        if heading is None or heading.level < 2:
            continue
        match = _BRIEF.match(heading.text)
        if match is None or not any(c.isdigit() for c in match.group(1)):
            continue
        notes.append(
            TaskNote(match.group(1), heading.line, "brief", _acceptance(document, section))
        )
    return notes
