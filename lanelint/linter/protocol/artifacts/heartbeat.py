"""Lane heartbeats (protocol section 9): a timestamped note per lane every two hours.

No team template exists for heartbeats, so lanelint recognises this forgiving shape (and its
own template renders it):

- A **heartbeat log** is a document whose title or file name contains ``heartbeat``.
- A **heartbeat entry** is a ``##``/``###``/``####`` heading of a heartbeat log (or any
  heading that itself contains ``heartbeat``) with a date and time in its text or in a
  ``Timestamp:`` field below it; or a top-level list item of a heartbeat log that starts
  with a date and time.
- The entry names its lane as ``Lane A`` / ``lane L2`` in the heading or item, or in a
  ``Lane:`` field; its task in a ``Task:`` field or as a task id in the heading.
- Its fields are ``- Key: value`` or ``**Key:** value`` lines under the heading (for a list
  item: ``Key: value`` parts separated by ``;`` or ``|``): ``Status``, ``Blockers``
  (``Blocker``), ``Next step`` (``Next steps``, ``Next``). A field label followed by a list
  (``- Blockers:`` with a nested bullet) has the list's items as its value.
- A **heartbeat table**: a table of a heartbeat log, or under a heading containing
  ``heartbeat``, with a time column (``Time``, ``Timestamp``, ``When``, or ``Date`` with a
  time in it, or ``Date`` and ``Time`` columns) and columns for the fields above and the lane
  (``Lane``) or task (``Task``): ``| Time | Lane | Status | Blockers | Next step |``. Each row
  is an entry.

Example::

    ## 2026-02-16 11:00 UTC - Lane B
    - Status: active, API handlers half done
    - Blockers: none
    - Next step: finish the handlers and open the gate report
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import PurePosixPath

from lanelint.linter.markdown.document import Document, MetaLine, Table
from lanelint.linter.protocol.artifacts.mentions import (
    clip,
    first_task_id,
    first_timestamp,
    lane_ids,
)
from lanelint.linter.protocol.artifacts.tables import normalise_header
from lanelint.linter.protocol.vocabulary.labels import (
    HEARTBEAT_COLUMNS,
    HEARTBEAT_FIELDS,
    TIME_HEADERS,
)

_INLINE_KEY = re.compile(r"([A-Za-z][A-Za-z ]{0,20}):")
_PARTS = re.compile(r"[;|]")


@dataclass(frozen=True, slots=True)
class Heartbeat:
    line: int
    lane: str
    task: str
    timestamp: str
    status: str | None
    blockers: str | None
    next_step: str | None

    @property
    def missing(self) -> tuple[str, ...]:
        """The required fields this entry lacks or leaves empty."""
        names = (("status", self.status), ("blockers", self.blockers))
        out = [name for name, value in names if not value]
        if not self.next_step:
            out.append("next step")
        return tuple(out)


def is_heartbeat_log(document: Document) -> bool:
    title = document.title
    if title is not None and "heartbeat" in title.text.casefold():
        return True
    return "heartbeat" in PurePosixPath(document.path).name.casefold()


def _fields(meta: list[MetaLine], document: Document) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in meta:
        key = " ".join(item.key.casefold().split())
        name = HEARTBEAT_FIELDS.get(key)
        if name is None and key in ("lane", "lane id", "task", "task id", "timestamp", "time"):
            name = key.split()[0]
        if name is not None and name not in out:
            value = item.value
            if not value.strip():
                listed = document.label_list_at(item.line)
                value = "; ".join(entry.text for entry in listed.items) if listed else ""
            out[name] = clip(value.replace("`", ""))
    return out


def _table_entries(table: Table) -> list[Heartbeat]:
    headers = [normalise_header(cell.text) for cell in table.header]
    fields = {
        index: HEARTBEAT_COLUMNS[h] for index, h in enumerate(headers) if h in HEARTBEAT_COLUMNS
    }
    times = [index for index, h in enumerate(headers) if h in TIME_HEADERS]
    if not times or not ({"status", "blockers", "next_step"} & set(fields.values())):
        return []
    found = []
    for row in table.rows:
        cells = row.cells
        values: dict[str, str] = {}
        for index, name in fields.items():
            if index < len(cells) and name not in values:
                values[name] = clip(cells[index].text.replace("`", ""))
        moment = " ".join(cells[i].text for i in times if i < len(cells))
        entry = _entry(row.line, "", {**values, "timestamp": moment.replace("`", "")})
        if entry is not None:
            found.append(entry)
    return found


def _entry(line: int, title: str, fields: dict[str, str]) -> Heartbeat | None:
    timestamp = first_timestamp(title) or first_timestamp(fields.get("timestamp", ""))
    timestamp = timestamp or first_timestamp(fields.get("time", ""))
    if not timestamp:
        return None
    lanes = lane_ids(title)
    lane = fields.get("lane", "").strip() or (lanes[0] if lanes else "")
    task = first_task_id(fields.get("task", "")) or first_task_id(title.replace(timestamp, " "))
    return Heartbeat(
        line=line,
        lane=lane,
        task=task,
        timestamp=timestamp,
        status=fields.get("status"),
        blockers=fields.get("blockers"),
        next_step=fields.get("next_step"),
    )


def read_heartbeats(document: Document) -> list[Heartbeat]:
    log = is_heartbeat_log(document)
    if not log and "heartbeat" not in document.text.casefold():
        return []
    found: list[Heartbeat] = []
    meta_lines = [item.line for item in document.meta]  # in line order, as the parser adds them
    for section in document.root.walk():
        heading = section.heading
        if heading is None or not 2 <= heading.level <= 4:
            continue
        if not log and "heartbeat" not in heading.text.casefold():
            continue
        end = section.children[0].line - 1 if section.children else section.end_line
        first = bisect_right(meta_lines, heading.line)
        meta = document.meta[first : bisect_right(meta_lines, end, lo=first)]
        entry = _entry(heading.line, heading.text, _fields(meta, document))
        if entry is not None:
            found.append(entry)
    for table in document.tables:
        if log or "heartbeat" in table.section.casefold():
            found.extend(_table_entries(table))
    if log:
        for item in document.list_items:
            if item.depth != 0:
                continue
            head = item.text.split("\n", 1)[0]
            stamp = first_timestamp(head)
            if not stamp or not head.lstrip("`*_ ").startswith(stamp[:4]):
                continue
            fields: dict[str, str] = {}
            for part in _PARTS.split(head[head.find(stamp) + len(stamp) :]):
                for match in _INLINE_KEY.finditer(part):
                    key = " ".join(match.group(1).casefold().split())
                    name = HEARTBEAT_FIELDS.get(key, key if key in ("lane", "task") else None)
                    if name is not None and name not in fields:
                        fields[name] = clip(part[match.end() :].strip(" .,"))
            entry = _entry(item.line, head, fields)
            if entry is not None:
                found.append(entry)
    return found
