"""Findings as the engine reports them: a location, a code, a severity and a message."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from lanelint.linter.engine.payloads import Fix


class Severity(enum.IntEnum):
    """How serious a finding is. Ordered, so that ``severity >= Severity.WARNING`` reads well."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected error, warning or info)"
            ) from None


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file. Lines and columns are 1-based; ``end_line`` is inclusive."""

    path: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    message: str = ""

    @property
    def last_line(self) -> int:
        return self.end_line if self.end_line is not None else self.line


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: a place in the current document and a message.

    The engine turns a finding into a :class:`Diagnostic` by adding the rule's code, its
    configured severity and the document's path. ``path`` overrides the document's path for
    cross-document rules, whose findings may sit in any document of the workspace.
    """

    line: int
    message: str
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    path: str | None = None
    related: tuple[Location, ...] = ()
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One reported finding."""

    code: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Location, ...] = field(default=())
    fixable: bool = False

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def line(self) -> int:
        return self.location.line

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)
