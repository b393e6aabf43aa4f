"""Acceptance ledgers (protocol sections 7, 8): a verdict for each lane commit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.markdown.document import Cell, Document
from lanelint.linter.protocol.artifacts.tables import column_map, plain, unplaced_headers
from lanelint.linter.protocol.values import read_items, read_value, verdict_of
from lanelint.linter.protocol.vocabulary.headers import LEDGER_COLUMNS
from lanelint.linter.protocol.vocabulary.verdicts import VERDICTS

__all__ = ["LEDGER_COLUMNS", "VERDICTS"]

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
    """The verdict as written (``verdict`` is the vocabulary's verdict, or the case-folded
    core value when the vocabulary does not know it)."""
    commits: tuple[str, ...] = ()
    """Every commit the cell names (`` `a1a1a1a`, `b2b2b2b` ``); ``commit`` is the first."""

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
    #: Header cells lanelint cannot place (no field, no known free-text column).
    unplaced: tuple[Cell, ...] = ()


def is_commit_ref(text: str) -> bool:
    """A commit id (7 to 40 hex digits) or a range ``abc1234..def5678``."""
    return _COMMIT.fullmatch(text) is not None or _RANGE.fullmatch(text) is not None


def _first_commit(commits: tuple[str, ...], written: str) -> str:
    """The row's commit: the only one, the first of a list of commits, else the cell's text."""
    if len(commits) == 1 or (commits and all(is_commit_ref(c) for c in commits)):
        return commits[0]
    return written


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

            commit_cell = cells.get("commit")
            commits = tuple(v.core for v in read_items(commit_cell.text)) if commit_cell else ()
            verdict_cell = cells.get("verdict")
            verdict = verdict_of(verdict_cell.text) if verdict_cell else ""
            if verdict is None:
                verdict = read_value(verdict_cell.text).key if verdict_cell else ""
            rows.append(
                LedgerRow(
                    line=row.line,
                    commit=_first_commit(commits, text("commit")),
                    verdict=verdict,
                    lane=text("lane"),
                    task=text("task"),
                    role=text("role"),
                    evidence=text("evidence") if "evidence" in columns else None,
                    cells=tuple(cells.items()),
                    verdict_text=text("verdict"),
                    commits=commits,
                )
            )
        unplaced = unplaced_headers(table, LEDGER_COLUMNS, ("evidence",))
        ledgers.append(Ledger(table.line, table.end_line, tuple(columns), tuple(rows), unplaced))
    return ledgers
