"""Recognising protocol tables by their header names, whatever the spelling."""

from __future__ import annotations

import re
from collections.abc import Mapping

from lanelint.linter.markdown.document import Table

_PARENS = re.compile(r"\([^()]*\)")

#: Cell values that say "nothing here yet": a lane with task ``TBD`` has no task.
BLANK_VALUES = frozenset({"", "-", "--", "—", "–", "n/a", "na", "none", "tbd", "todo", "?", "…"})


def normalise_header(text: str) -> str:
    """Lower case, no backticks, nothing in parentheses, single spaces."""
    text = _PARENS.sub(" ", text.replace("`", ""))
    return " ".join(text.replace("*", "").split()).casefold()


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


def is_blank(text: str | None) -> bool:
    """Whether a cell value is empty or one of the usual stand-ins for nothing (``TBD``, ``-``)."""
    return text is None or plain(text).casefold() in BLANK_VALUES


def plain(text: str) -> str:
    """A cell's value without backticks or surrounding emphasis."""
    return text.replace("`", "").strip().strip("*_").strip()
