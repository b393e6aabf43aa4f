"""Acceptance ledgers (protocol sections 7, 8): a verdict for each lane commit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.markdown.document import Cell, Document
from lanelint.linter.protocol.artifacts.tables import column_map, plain

LEDGER_COLUMNS: dict[str, frozenset[str]] = {
    "commit": frozenset({"commit", "commits", "commit id", "sha", "commit range"}),
    "verdict": frozenset({"verdict"}),
    "lane": frozenset({"lane", "lane id"}),
    "task": frozenset({"task", "task id"}),
    "role": frozenset({"role", "owner", "role owner", "owner role"}),
    "evidence": frozenset({"evidence"}),
}
VERDICTS = ("accepted", "rejected", "pending")

_COMMIT = re.compile(r"[0-9a-fA-F]{7,40}")
_RANGE = re.compile(r"([0-9a-fA-F]{7,40})\.\.\.?([0-9a-fA-F]{7,40})")


@dataclass(frozen=True, slots=True)
class LedgerRow:
    line: int
    commit: str
    verdict: str
    lane: str
    task: str
    role: str
    evidence: str | None
    cells: tuple[tuple[str, Cell], ...]
    verdict_text: str = ""
    """The verdict as written (``verdict`` is case-folded for comparison)."""

    def column(self, name: str) -> int:
        for key, cell in self.cells:
            if key == name:
                return cell.column
        return 1

    @property
    def is_range(self) -> bool:
        return _RANGE.fullmatch(self.commit) is not None

    @property
    def range_ends(self) -> tuple[str, str] | None:
        match = _RANGE.fullmatch(self.commit)
        return (match.group(1), match.group(2)) if match else None


@dataclass(frozen=True, slots=True)
class Ledger:
    line: int
    end_line: int
    columns: tuple[str, ...]
    rows: tuple[LedgerRow, ...]


def is_commit_ref(text: str) -> bool:
    """A commit id (7 to 40 hex digits) or a range ``abc1234..def5678``."""
    return _COMMIT.fullmatch(text) is not None or _RANGE.fullmatch(text) is not None


def read_ledgers(document: Document) -> list[Ledger]:
    ledgers = []
    for table in document.tables:
        columns = column_map(table, LEDGER_COLUMNS)
        if "commit" not in columns or "verdict" not in columns:
            continue
        rows = []
        for row in table.rows:
            cells = {
                name: row.cells[index] for name, index in columns.items() if index < len(row.cells)
            }

            def text(name: str, cells: dict[str, Cell] = cells) -> str:
                cell = cells.get(name)
                return plain(cell.text) if cell else ""

            rows.append(
                LedgerRow(
                    line=row.line,
                    commit=text("commit"),
                    verdict=text("verdict").casefold(),
                    lane=text("lane"),
                    task=text("task"),
                    role=text("role"),
                    evidence=text("evidence") if "evidence" in columns else None,
                    cells=tuple(cells.items()),
                    verdict_text=text("verdict"),
                )
            )
        ledgers.append(Ledger(table.line, table.end_line, tuple(columns), tuple(rows)))
    return ledgers
