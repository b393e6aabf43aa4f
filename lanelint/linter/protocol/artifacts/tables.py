"""Recognising protocol tables by their header names, whatever the spelling."""

from __future__ import annotations

from collections.abc import Mapping
from difflib import SequenceMatcher

from lanelint.linter.markdown.document import Cell, Table
from lanelint.linter.protocol.values import header_key, read_value
from lanelint.linter.protocol.vocabulary.blanks import BLANK_WORDS
from lanelint.linter.protocol.vocabulary.headers import (
    FREE_TEXT_COLUMNS,
    LANE_COLUMNS,
    LEDGER_COLUMNS,
)

_ALL_HEADERS = (*LANE_COLUMNS.values(), *LEDGER_COLUMNS.values())
#: How alike a header and a known one must be to read as its misspelling.
_NEAR = 0.8

#: Cell values that say "nothing here yet" (the vocabulary's blank stand-ins).
BLANK_VALUES = BLANK_WORDS


def normalise_header(text: str) -> str:
    """Lower case, no backticks, nothing in parentheses, single spaces."""
    return header_key(text)


def column_map(table: Table, names: Mapping[str, frozenset[str]]) -> dict[str, int]:
    """Field name -> column index, for the header cells that match one of ``names``."""
    found: dict[str, int] = {}
    for index, cell in enumerate(table.header):
        header = normalise_header(cell.text)
        for field_name, variants in names.items():
            if header in variants and field_name not in found:
                found[field_name] = index
                break
    return found


def unplaced_headers(
    table: Table, names: Mapping[str, frozenset[str]], wanted: tuple[str, ...] = ()
) -> tuple[Cell, ...]:
    """The header cells of ``table`` that lanelint cannot place and that may hide a field.

    A header is unplaced when it names no field of ``names`` and no header the vocabulary
    knows (another table kind's, or a free-text column such as ``Notes``). It is returned
    when it looks like a misspelt known header, or when one of the ``wanted`` fields has no
    column (the unplaced header may be that column). A team's own extra column beside a
    complete table (``Priority``, ``Risk level``) is not returned.
    """
    found = column_map(table, names)
    missing = any(name not in found for name in wanted)
    unplaced = []
    for cell in table.header:
        header = normalise_header(cell.text)
        if not header or header in FREE_TEXT_COLUMNS:
            continue
        if any(header in variants for variants in names.values()):
            continue
        if any(header in variants for variants in _ALL_HEADERS):
            continue
        if missing or _near_known(header):
            unplaced.append(cell)
    return tuple(unplaced)


def _near_known(header: str) -> bool:
    """Whether ``header`` reads like a misspelling of a header the vocabulary knows."""
    if len(header) > 60:
        return False
    for variants in _ALL_HEADERS:
        for known in variants:
            if abs(len(known) - len(header)) <= 3 and (
                SequenceMatcher(None, header, known).ratio() >= _NEAR
            ):
                return True
    return False


def is_blank(text: str | None) -> bool:
    """Whether a cell value is empty or one of the usual stand-ins for nothing (``TBD``, ``-``)."""
    return text is None or read_value(text).blank


def plain(text: str) -> str:
    """A cell's value without backticks or surrounding emphasis."""
    return text.replace("`", "").strip().strip("*_").strip()


def core(text: str) -> str:
    """A cell's core value: no qualifiers, backticks or emphasis (see ``protocol.values``)."""
    return read_value(text).core
