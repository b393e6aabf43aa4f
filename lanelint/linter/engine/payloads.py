"""What a rule attaches to a finding it can fix. Plain data; no knowledge of files."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Replace:
    """Replace columns ``column`` to ``end_column`` (1-based, end exclusive) of ``line``."""

    line: int
    column: int
    end_column: int
    text: str


@dataclass(frozen=True, slots=True)
class InsertLines:
    """Insert ``lines`` after line ``after`` (0 inserts at the top of the file).

    Insertions after the same line are ordered by ``rank``, then by the order they came in.
    """

    after: int
    lines: tuple[str, ...]
    rank: int = 0


@dataclass(frozen=True, slots=True)
class InsertGateSection:
    """Insert gate-report section ``index`` (0-6) at its place, with the template's stub."""

    index: int


Payload = Replace | InsertLines | InsertGateSection
#: What a finding carries: one payload, or several applied together.
Fix = Payload | tuple[Payload, ...]


def payloads(fix: Fix | None) -> tuple[Payload, ...]:
    """The payloads of a finding's fix, in order."""
    if fix is None:
        return ()
    if isinstance(fix, tuple):
        return fix
    return (fix,)
