"""Preflight stamps (protocol section 3) and the schema a stamp template defines."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from lanelint.linter.markdown.document import Document, Fence
from lanelint.linter.protocol.values import read_value
from lanelint.linter.protocol.vocabulary import placeholders

STAMP_MARKER = "PREFLIGHT STAMP"
_CHECK = re.compile(r"(\d{1,2})\)[ \t]*([^:\n]{1,120}):[ \t]*(.*)")
_FIELD = re.compile(r"([A-Za-z][A-Za-z0-9 ()/_-]{0,60}):[ \t]*(.*)")


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One line of the stamp template: a field (``number is None``) or a numbered check."""

    key: str
    allowed: tuple[str, ...] | None
    hint: str
    number: int | None = None

    @property
    def label(self) -> str:
        return f"{self.number}) {self.key}" if self.number is not None else self.key


@dataclass(frozen=True, slots=True)
class StampSchema:
    fields: tuple[FieldSpec, ...]
    source: str

    def field(self, key: str) -> FieldSpec | None:
        wanted = key.casefold()
        for spec in self.fields:
            if spec.number is None and spec.key.casefold() == wanted:
                return spec
        return None


@dataclass(frozen=True, slots=True)
class StampEntry:
    """A ``Key: value`` line or a numbered check of a filled stamp."""

    key: str
    value: str
    line: int
    column: int
    number: int | None = None

    @property
    def core(self) -> str:
        """The value without qualifiers: ``PASS (AGENTS.md loaded)`` is ``PASS``."""
        return read_value(self.value).core

    @property
    def qualifiers(self) -> tuple[str, ...]:
        return read_value(self.value).qualifiers


def field_named(fields: Iterable[StampEntry], key: str) -> StampEntry | None:
    """The first of a stamp's ``Key: value`` fields named ``key`` (any letter case)."""
    wanted = key.casefold()
    for entry in fields:
        if entry.key.casefold() == wanted:
            return entry
    return None


@dataclass(frozen=True, slots=True)
class PreflightStamp:
    line: int
    end_line: int
    fields: tuple[StampEntry, ...]
    checks: tuple[StampEntry, ...]

    def field(self, key: str) -> StampEntry | None:
        return field_named(self.fields, key)

    def check(self, number: int) -> StampEntry | None:
        for entry in self.checks:
            if entry.number == number:
                return entry
        return None

    @property
    def role(self) -> str:
        entry = self.field("Role")
        return entry.value if entry else ""


def is_stamp(fence: Fence) -> bool:
    for line in fence.text.split("\n"):
        if line.strip():
            return line.strip().upper() == STAMP_MARKER
    return False


def _entries(fence: Fence, indent: int = 0) -> tuple[list[StampEntry], list[StampEntry]]:
    """Fields and checks of a stamp; ``indent`` is where the fence stands in its line."""
    fields: list[StampEntry] = []
    checks: list[StampEntry] = []
    for offset, raw in enumerate(fence.text.split("\n")):
        line = raw.strip()
        if not line or line.startswith("-") or line.upper() == STAMP_MARKER:
            continue
        number = fence.line + 1 + offset
        column = indent + len(raw) - len(raw.lstrip()) + 1
        check = _CHECK.fullmatch(line)
        if check:
            value = check.group(3).strip()
            value_col = column + line.find(value) if value else column
            checks.append(
                StampEntry(check.group(2).strip(), value, number, value_col, int(check.group(1)))
            )
            continue
        match = _FIELD.fullmatch(line)
        if match:
            value = match.group(2).strip()
            value_col = column + line.find(value, len(match.group(1)) + 1) if value else column
            fields.append(StampEntry(match.group(1).strip(), value, number, value_col))
    return fields, checks


def read_stamps(document: Document) -> list[PreflightStamp]:
    """Every preflight stamp in a document, in order."""
    stamps = []
    for fence in document.fences:
        if is_stamp(fence):
            opening = document.line_text(fence.line)
            indent = len(opening) - len(opening.lstrip(" \t>"))  # in a list item or quote
            fields, checks = _entries(fence, indent)
            stamps.append(PreflightStamp(fence.line, fence.end_line, tuple(fields), tuple(checks)))
    return stamps


def _spec(key: str, value: str, number: int | None) -> FieldSpec | None:
    match = placeholders.PLACEHOLDER.fullmatch(value.strip())
    if not match:
        return None
    inner = match.group(1)
    allowed = tuple(part.strip() for part in inner.split("|")) if "|" in inner else None
    return FieldSpec(key, allowed, inner, number)


def schema_from_text(text: str, source: str) -> StampSchema | None:
    """The schema of a stamp template: every ``Key: <...>`` and ``N) Check: <...>`` line.

    Returns ``None`` when the text holds no stamp block with placeholder values.
    """
    from lanelint.linter.markdown.parse import parse_document

    document = parse_document(source, text)
    for fence in document.fences:
        if not is_stamp(fence):
            continue
        specs: list[FieldSpec] = []
        fields, checks = _entries(fence)
        for entry in fields:
            spec = _spec(entry.key, entry.value, None)
            if spec:
                specs.append(spec)
        for entry in checks:
            spec = _spec(entry.key, entry.value, entry.number)
            if spec:
                specs.append(spec)
        if specs:
            return StampSchema(tuple(specs), source)
    return None


def builtin_schema() -> StampSchema:
    """lanelint's own stamp template, with the protocol's fields and allowed values."""
    text = (
        resources.files("lanelint.linter.protocol")
        .joinpath("preflight_stamp.md")
        .read_text("utf-8")
    )
    schema = schema_from_text(text, "<built-in preflight stamp>")
    assert schema is not None
    return schema
