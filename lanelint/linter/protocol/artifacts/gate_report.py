"""Gate reports (protocol section 7): seven sections, in order, each with content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath

from lanelint.linter.markdown import inline
from lanelint.linter.markdown.document import Document, Section
from lanelint.linter.protocol.values import read_value
from lanelint.linter.protocol.vocabulary.sections import GATE_SECTIONS

__all__ = ["GATE_SECTIONS"]

_NUMBER = re.compile(r"(\d{1,2})(?:[ \t]*[).:][ \t]*|[ \t]+)")
_TITLE = re.compile(r"gate[ \t_-]*report\b[ \t]*[:—–-]*[ \t]*(.*)", re.IGNORECASE)
#: A task id: ``T-101``, ``DG-104``, ``PARALLEL-POLICY-01``.
_TASK_ID = re.compile(r"[A-Za-z][A-Za-z0-9]{0,20}(?:-[A-Za-z0-9]{1,20}){0,4}-\d{1,6}")
_FILE_DATE = re.compile(r"_\d{4}-\d{2}-\d{2}$")
_ALNUM = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True, slots=True)
class GateSection:
    heading: str
    line: int
    end_line: int
    index: int | None
    number: int | None
    has_content: bool

    @property
    def name(self) -> str:
        return GATE_SECTIONS[self.index][0] if self.index is not None else self.heading


@dataclass(frozen=True, slots=True)
class ArtifactClaim:
    path: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class GateReport:
    line: int
    task: str
    sections: tuple[GateSection, ...]
    artifacts: tuple[ArtifactClaim, ...]
    role: str
    runtime: str
    date: str


@lru_cache(maxsize=4096)
def section_index(heading: str) -> tuple[int | None, int | None]:
    """``(canonical index 0-6 or None, written number or None)`` of a section heading.

    Cached, like :func:`title_task`: the same headings come back in document after document.
    """
    text = read_value(heading).core or heading.strip()
    number: int | None = None
    match = _NUMBER.match(text)
    if match:
        number = int(match.group(1))
        text = text[match.end() :]
    key = _ALNUM.sub("", text.casefold())
    for index, (_, spellings) in enumerate(GATE_SECTIONS):
        if key in spellings:
            return index, number
    return None, number


@lru_cache(maxsize=4096)
def title_task(text: str) -> str | None:
    """The task a gate-report title names, ``""`` for a title naming none, ``None`` for a
    heading that is no gate-report title.

    Accepted: ``Gate Report: T-101``, ``Gate Report — T-101``, ``Gate Report: T-101 (rework
    2)``, ``Gate Report — Lane A (T-101)``, ``T-101 — Gate Report``, ``**Gate report** T-101``.
    Cached: it is asked of every ``#`` and ``##`` heading of every document (20,000 questions
    for the 2,000 benchmark documents), and headings repeat.
    """
    plain = inline.strip_inline(text)
    match = _TITLE.match(plain)
    if match and plain.casefold().startswith("gate"):
        rest = match.group(1)
    else:
        words = plain.casefold().replace("_", " ").replace("-", " ").rstrip()
        if not words.endswith("gate report") or len(words) == len("gate report"):
            return None
        rest = plain[: len(plain.rstrip()) - len("gate report")].rstrip(" \t:—–-")
    value = read_value(rest)
    for candidate in (value.core, *value.qualifiers):
        found = _TASK_ID.search(candidate)
        if found:
            return found.group(0)
    return value.core.strip("()[]").strip()


def _report_heading(document: Document) -> Section | None:
    """The section the report lives in: the title's, or a ``##`` heading naming a task."""
    title = document.title
    for section in document.root.walk():
        if section.heading is None or section.level > 2:
            continue
        task = title_task(section.title)
        if task is None:
            continue
        if title is not None and section.line == title.line:
            return section
        if section.level == 2 and _TASK_ID.search(task) and _has_gate_sections(section):
            return section
    return None


def _has_gate_sections(section: Section) -> bool:
    return any(
        child.level == 3 and section_index(child.title)[0] is not None for child in section.walk()
    )


def is_gate_report(document: Document) -> bool:
    return _report_heading(document) is not None or _named_gate_report(document)


def _named_gate_report(document: Document) -> bool:
    return PurePosixPath(document.path).name.casefold().startswith("gate_report")


def _task(document: Document, heading: Section | None) -> str:
    if heading is not None:
        task = title_task(heading.title)
        if task:
            return task
    stem = PurePosixPath(document.path).stem
    if stem.casefold().startswith("gate_report_"):
        return _FILE_DATE.sub("", stem[len("gate_report_") :])
    return ""


def _sections(document: Document, heading: Section | None) -> list[Section]:
    """The report's sections: one level below its heading (``##`` under a ``#`` title,
    ``###`` under a ``## Gate Report: T-101`` heading); ``##`` sections otherwise."""
    if heading is not None and heading.level == 2:
        return [s for s in heading.walk() if s.level == 3]
    found: list[Section] = []
    for section in document.root.walk():
        if section.level == 2:
            found.append(section)
    return found


def read_gate_report(document: Document) -> GateReport | None:
    heading = _report_heading(document)
    if heading is None and not _named_gate_report(document):
        return None
    sections = []
    artifact_lines: list[tuple[int, int]] = []
    for section in _sections(document, heading):
        index, number = section_index(section.title)
        sections.append(
            GateSection(
                heading=section.title,
                line=section.line,
                end_line=section.end_line,
                index=index,
                number=number,
                has_content=section.has_content(),
            )
        )
        if index == 2:
            artifact_lines.append((section.line + 1, section.end_line))
    claims = [
        ArtifactClaim(span.text, span.line, span.column)
        for span in document.code_spans
        if any(start <= span.line <= end for start, end in artifact_lines)
        and _looks_like_path(span.text)
    ]

    def meta(key: str) -> str:
        item = document.meta_value(key)
        return inline.strip_inline(item.value) if item else ""

    title = document.title
    return GateReport(
        line=title.line if title else 1,
        task=_task(document, heading),
        sections=tuple(sections),
        artifacts=tuple(claims),
        role=meta("Role"),
        runtime=meta("Runtime"),
        date=meta("Date"),
    )


def _looks_like_path(text: str) -> bool:
    return bool(text) and " " not in text.strip() and ("/" in text or "." in text)
