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
"""

from __future__ import annotations

from dataclasses import dataclass

from lanelint.linter.markdown.document import Document, MetaLine
from lanelint.linter.protocol.artifacts.mentions import (
    clip,
    first_task_id,
    lane_ids,
    roles_in,
)
from lanelint.linter.protocol.roles import RoleBook

_KEYS = ("from", "to", "cc", "date", "reason", "lane", "lane id", "task", "task id", "subject")


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
        if key not in _KEYS:
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
                recipients.extend(r for r in roles_in(item.value, roles) if r not in recipients)
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
                recipients=roles_in(text, roles),
                date="",
                reason=clip(text),
                lane=lanes[0] if lanes else "",
                task=first_task_id(text),
            )
        )
    return found


def read_escalations(document: Document, roles: RoleBook) -> list[Escalation]:
    return _document_escalations(document, roles) + _list_escalations(document, roles)
