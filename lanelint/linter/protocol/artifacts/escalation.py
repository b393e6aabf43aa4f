"""Escalations (protocol section 9): a blocked lane is escalated to the TL and the SM.

Two shapes are recognised (lanelint's own template renders the first):

1. **An escalation document** (or a part of one): metadata lines ``**From:**``, ``**To:**``,
   ``**Date:**``, ``**Reason:**`` (also as ``- From: ...`` list items), optionally ``Cc``,
   ``Lane`` and ``Task``. Each ``From`` line starts a new escalation; ``To`` and ``Cc`` name
   the roles it reaches (``Technical Lead, Scrum Master``, ``TL + SM``). The lane it concerns
   is the ``Lane:`` field, else a ``lane X`` named in the reason or the title; the task is
   the ``Task:`` field, else a task id in the reason or the title.
2. **An escalation list item** under a heading containing ``escalation`` (the workboard's
   ``## Escalations`` section): ``- lane B blocked on API review -> owner TL, SM -> ETA
   2026-02-16 15:00``. Every role named in the item counts as reached.
3. **An escalation table**: a table under a heading containing ``escalation``, or with an
   ``Escalated to`` column: ``| Lane | Reason | Escalated to | Date |``. The roles of its
   recipient column (``To``, ``Escalated to``, ``Recipients``, ``Notified``, ``Cc``), or of
   the whole row when it has none, are reached; its ``Lane``, ``Task``, ``Date`` and
   ``Reason`` columns fill the rest.

A role is not reached when its clause says so: ``-> owner TL; SM not informed yet``, ``To:
Technical Lead (SM to be notified)``, ``no SM``, ``SM: pending``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.markdown.document import Document, MetaLine, Table
from lanelint.linter.protocol.artifacts.mentions import (
    clip,
    first_task_id,
    lane_ids,
    roles_in,
)
from lanelint.linter.protocol.artifacts.tables import normalise_header
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.protocol.vocabulary.labels import (
    ESCALATION_COLUMNS,
    ESCALATION_KEYS,
    RECIPIENT_HEADERS,
)
from lanelint.linter.protocol.vocabulary.outcomes import reach_clauses, unreached_clause

_PARENS = re.compile(r"\(([^()]{0,200})\)")


def reached_roles(text: str, roles: RoleBook) -> tuple[str, ...]:
    """The roles an escalation line reaches: those named in clauses that do not deny it.

    ``owner TL, SM`` -> both; ``owner TL; SM not informed yet`` -> the TL only.
    """
    found: list[str] = []
    for clause in reach_clauses(text):
        outer = _PARENS.sub(" ", clause)
        denied = unreached_clause(outer)
        for inner in _PARENS.findall(clause):
            named = roles_in(inner, roles)
            if named and not unreached_clause(inner):
                found.extend(role for role in named if role not in found)
            elif not named and unreached_clause(inner):
                denied = True  # ``Scrum Master (not informed yet)``
        if not denied:
            found.extend(role for role in roles_in(outer, roles) if role not in found)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Escalation:
    line: int
    sender: str
    recipients: tuple[str, ...]
    date: str
    reason: str
    lane: str
    task: str


def _document_escalations(document: Document, roles: RoleBook) -> list[Escalation]:
    groups: list[list[MetaLine]] = []
    for item in document.meta:
        key = " ".join(item.key.casefold().split())
        if key not in ESCALATION_KEYS:
            continue
        if key == "from":
            groups.append([item])
        elif groups:
            groups[-1].append(item)
    title = document.title.text if document.title else ""
    found = []
    for group in groups:
        values: dict[str, str] = {}
        recipients: list[str] = []
        for item in group:
            key = " ".join(item.key.casefold().split()).split()[0]
            values.setdefault(key, item.value.replace("`", "").strip())
            if key in ("to", "cc"):
                reached = reached_roles(item.value, roles)
                recipients.extend(r for r in reached if r not in recipients)
        if "to" not in values:
            continue
        context = f"{values.get('reason', '')} {values.get('subject', '')} {title}"
        lanes = lane_ids(context)
        found.append(
            Escalation(
                line=group[0].line,
                sender=clip(values.get("from", ""), 120),
                recipients=tuple(recipients),
                date=values.get("date", ""),
                reason=clip(values.get("reason", "")),
                lane=values.get("lane", "").strip() or (lanes[0] if lanes else ""),
                task=first_task_id(values.get("task", "")) or first_task_id(context),
            )
        )
    return found


def _list_escalations(document: Document, roles: RoleBook) -> list[Escalation]:
    found = []
    for item in document.list_items:
        if "escalat" not in item.section.casefold():
            continue
        text = item.text
        lanes = lane_ids(text)
        found.append(
            Escalation(
                line=item.line,
                sender="",
                recipients=reached_roles(text, roles),
                date="",
                reason=clip(text),
                lane=lanes[0] if lanes else "",
                task=first_task_id(text),
            )
        )
    return found


def _is_escalation_table(table: Table, headers: list[str]) -> bool:
    if "escalat" in table.section.casefold():
        return True
    return any("escalat" in header for header in headers)


def _table_escalations(table: Table, roles: RoleBook) -> list[Escalation]:
    headers = [normalise_header(cell.text) for cell in table.header]
    if not _is_escalation_table(table, headers):
        return []
    to = [i for i, h in enumerate(headers) if h in RECIPIENT_HEADERS or h.startswith("escalated")]
    fields = {i: ESCALATION_COLUMNS[h] for i, h in enumerate(headers) if h in ESCALATION_COLUMNS}
    found = []
    for row in table.rows:
        cells = [cell.text.replace("`", "").strip() for cell in row.cells]
        values: dict[str, str] = {}
        for index, name in fields.items():
            if index < len(cells) and name not in values:
                values[name] = cells[index]
        targets = [cells[i] for i in to if i < len(cells)] if to else cells
        recipients: list[str] = []
        for target in targets:
            recipients.extend(r for r in reached_roles(target, roles) if r not in recipients)
        text = " ".join(cells)
        lane = values.get("lane", "")
        lanes = lane_ids(lane) or lane_ids(text)
        found.append(
            Escalation(
                line=row.line,
                sender=clip(values.get("from", ""), 120),
                recipients=tuple(recipients),
                date=values.get("date", ""),
                reason=clip(values.get("reason", "") or text),
                lane=(lanes[0] if lanes else lane.strip()),
                task=first_task_id(values.get("task", "")) or first_task_id(text),
            )
        )
    return found


def read_escalations(document: Document, roles: RoleBook) -> list[Escalation]:
    found = _document_escalations(document, roles) + _list_escalations(document, roles)
    for table in document.tables:
        found.extend(_table_escalations(table, roles))
    return found
