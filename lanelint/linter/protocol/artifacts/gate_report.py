"""Gate reports (protocol section 7): seven sections, in order, each with content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from lanelint.linter.markdown import inline
from lanelint.linter.markdown.document import Document, Section
from lanelint.linter.protocol.vocabulary.sections import GATE_SECTIONS

__all__ = ["GATE_SECTIONS"]

_NUMBER = re.compile(r"(\d{1,2})(?:[ \t]*[).:][ \t]*|[ \t]+)")
_TITLE = re.compile(r"gate[ \t_-]*report\b[ \t]*[:—–-]*[ \t]*(.*)", re.IGNORECASE)
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


def section_index(heading: str) -> tuple[int | None, int | None]:
    """``(canonical index 0-6 or None, written number or None)`` of a section heading."""
    text = heading.strip()
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


def is_gate_report(document: Document) -> bool:
    title = document.title
    if title and _TITLE.match(title.text) and title.text.casefold().startswith("gate"):
        return True
    return PurePosixPath(document.path).name.casefold().startswith("gate_report")


def _task(document: Document) -> str:
    title = document.title
    if title:
        match = _TITLE.match(title.text)
        if match and match.group(1).strip():
            return match.group(1).replace("`", "").strip().strip("()[]").strip()
    stem = PurePosixPath(document.path).stem
    if stem.casefold().startswith("gate_report_"):
        return _FILE_DATE.sub("", stem[len("gate_report_") :])
    return ""


def _sections(document: Document) -> list[Section]:
    """The ``##`` sections of the report, wherever the title sits."""
    found: list[Section] = []
    for section in document.root.walk():
        if section.level == 2:
            found.append(section)
    return found


def read_gate_report(document: Document) -> GateReport | None:
    if not is_gate_report(document):
        return None
    sections = []
    artifact_lines: list[tuple[int, int]] = []
    for section in _sections(document):
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
        task=_task(document),
        sections=tuple(sections),
        artifacts=tuple(claims),
        role=meta("Role"),
        runtime=meta("Runtime"),
        date=meta("Date"),
    )


def _looks_like_path(text: str) -> bool:
    return bool(text) and " " not in text.strip() and ("/" in text or "." in text)
