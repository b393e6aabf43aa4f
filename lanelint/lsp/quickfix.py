"""Quick fixes for the editor: the edits that repair a finding, computed from the text.

Two findings have a quick fix: a gate report missing a section (PDP701: insert the section,
with a stub to fill in, at its place among the seven) and a preflight stamp missing a field or
check (PDP301: insert the line, with the template's hint as its value, in template order).
Positions are 0-based lines and code-point columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.artifacts.gate_report import GATE_SECTIONS, read_gate_report
from lanelint.linter.artifacts.stamp import FieldSpec, PreflightStamp, StampSchema, read_stamps
from lanelint.linter.diagnostics import Diagnostic
from lanelint.linter.parse import parse_document

GATE_SECTION_MISSING = "PDP701"
STAMP_FIELD_MISSING = "PDP301"
FIXABLE = frozenset({GATE_SECTION_MISSING, STAMP_FIELD_MISSING})

_MISSING_SECTION = re.compile(r"no section '(\d)\) ")


@dataclass(frozen=True, slots=True)
class Edit:
    """Insert ``text`` at 0-based ``line``, ``character`` (an insertion: no range replaced)."""

    line: int
    character: int
    text: str


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace 0-based lines ``start`` (inclusive) to ``end`` (exclusive) by ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class QuickFix:
    title: str
    edits: tuple[Edit, ...]
    replacements: tuple[Replacement, ...] = ()


def quick_fix(diagnostic: Diagnostic, text: str, path: str, schema: StampSchema) -> QuickFix | None:
    """The quick fix for ``diagnostic`` on the document ``text``, or ``None``."""
    if diagnostic.code == GATE_SECTION_MISSING:
        return _gate_section(diagnostic, text, path)
    if diagnostic.code == STAMP_FIELD_MISSING:
        return _stamp_field(diagnostic, text, path, schema)
    return None


def _append(text: str, block: str) -> Edit:
    """Insert ``block`` (whole lines) at the end of the document, after a blank line."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    last = len(lines) - 1
    if not text:
        return Edit(0, 0, block)
    prefix = "\n\n" if lines[-1].strip() else "\n"
    return Edit(max(last, 0), len(lines[-1]) if lines else 0, prefix + block.rstrip("\n"))


def _gate_section(diagnostic: Diagnostic, text: str, path: str) -> QuickFix | None:
    match = _MISSING_SECTION.search(diagnostic.message)
    if not match:
        return None
    index = int(match.group(1)) - 1
    if not 0 <= index < len(GATE_SECTIONS):
        return None
    report = read_gate_report(parse_document(path, text))
    if report is None or any(s.index == index for s in report.sections):
        return None
    name = GATE_SECTIONS[index][0]
    numbered = any(s.number is not None for s in report.sections) or not report.sections
    heading = f"## {index + 1}) {name}" if numbered else f"## {name}"
    block = f"{heading}\n\n<{name}: to be written>\n"
    later = [s for s in report.sections if s.index is not None and s.index > index]
    edit = Edit(min(s.line for s in later) - 1, 0, block + "\n") if later else _append(text, block)
    return QuickFix(f"Insert the missing gate-report section '{index + 1}) {name}'", (edit,))


def _stamp_line(spec: FieldSpec) -> str:
    hint = spec.hint if spec.allowed is None else "|".join(spec.allowed)
    return f"{spec.label}: <{hint}>"


def _stamp_field(
    diagnostic: Diagnostic, text: str, path: str, schema: StampSchema
) -> QuickFix | None:
    wanted = [spec for spec in schema.fields if f"'{spec.label}'" in diagnostic.message]
    if not wanted or "has no" not in diagnostic.message:
        return None
    spec = wanted[0]
    document = parse_document(path, text)
    stamp = next((s for s in read_stamps(document) if s.line == diagnostic.line), None)
    if stamp is None:
        return None
    after = _line_before(stamp, schema, spec, document.lines)
    return QuickFix(
        f"Add the missing stamp field '{spec.label}'",
        (Edit(after, 0, _stamp_line(spec) + "\n"),),
    )


def _entry_line(stamp: PreflightStamp, spec: FieldSpec) -> int | None:
    entry = stamp.check(spec.number) if spec.number is not None else stamp.field(spec.key)
    return entry.line if entry is not None else None


def _line_before(
    stamp: PreflightStamp, schema: StampSchema, spec: FieldSpec, lines: list[str] | tuple[str, ...]
) -> int:
    """The 0-based line to insert at: after the nearest earlier field that is present, else
    before the nearest later one, else right after the ``PREFLIGHT STAMP`` line."""
    position = schema.fields.index(spec)
    for earlier in reversed(schema.fields[:position]):
        line = _entry_line(stamp, earlier)
        if line is not None:
            return line  # 1-based line of the entry == 0-based line after it
    for later in schema.fields[position + 1 :]:
        line = _entry_line(stamp, later)
        if line is not None:
            return line - 1
    for number in range(stamp.line + 1, stamp.end_line):
        if 0 < number <= len(lines) and lines[number - 1].strip():
            return number
    return stamp.line
