"""Daily synchronization records (protocol section 9): a dated checkpoint naming who took part.

Teams write them as a heading (``## Daily sync 2026-03-03``, or ``## 2026-03-03`` under a
``# Daily sync log`` title) with the attendees and notes below it, or as a list item
(``- 2026-03-03 daily sync: TL, SA, EA, QA/SET``). A record keeps its date as written (the
team's own calendar day) and the text that names the attendees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.vocabulary.cadence import SYNC_TITLES

_SYNC = re.compile(r"\b(" + "|".join(SYNC_TITLES) + r")\b", re.IGNORECASE)
_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
#: At most this many lines under a heading are read as the record's text.
MAX_LINES = 60


@dataclass(frozen=True, slots=True)
class SyncRecord:
    line: int
    day: str  # YYYY-MM-DD, as written
    text: str


@lru_cache(maxsize=4096)
def is_sync_title(text: str) -> bool:
    """Cached: asked of every heading and list item, whose texts repeat from document to
    document (61,000 questions, 33,000 texts, for the 2,000 benchmark documents)."""
    return _SYNC.search(text) is not None


def read_syncs(document: Document) -> list[SyncRecord]:
    found: list[SyncRecord] = []
    headings = document.headings
    lines = document.lines
    title_is_sync = bool(headings) and headings[0].level == 1 and is_sync_title(headings[0].text)
    name_is_sync = is_sync_title(document.path.rsplit("/", 1)[-1].replace("_", " "))
    context: list[tuple[int, bool]] = []  # (level, is sync) of the enclosing headings
    covered: set[int] = set()
    for position, heading in enumerate(headings):
        while context and context[-1][0] >= heading.level:
            context.pop()
        sync_here = is_sync_title(heading.text)
        inside = sync_here or any(flag for _, flag in context) or title_is_sync or name_is_sync
        context.append((heading.level, sync_here))
        if not inside:
            continue
        end = len(lines)
        for later in headings[position + 1 :]:
            if later.level <= heading.level:
                end = later.line - 1
                break
        body_end = min(end, heading.line + MAX_LINES)
        body = "\n".join(lines[heading.line : body_end])
        date = _DATE.search(heading.text) or _DATE.search(
            "\n".join(lines[heading.line : heading.line + 3])
        )
        if date is None:
            continue
        found.append(SyncRecord(heading.line, date.group(1), heading.text + "\n" + body))
        covered.update(range(heading.line, end + 1))
    for item in document.list_items:
        if item.line in covered or not is_sync_title(item.text):
            continue
        date = _DATE.search(item.text)
        if date is not None:
            found.append(SyncRecord(item.line, date.group(1), item.text))
    return found
