"""The dependency graph of a batch as a Mermaid ``flowchart`` (GitHub renders it).

Node ids are ``lane_`` and the lane id with every character outside ``[A-Za-z0-9_]``
replaced by ``_`` (made unique with a numeric suffix). Labels are quoted, with ``#``,
``"``, ``<`` and ``>`` written as entity codes (``#quot;``). One edge per upstream lane of
each marked dependency: ``-->`` for hard, ``-.->`` for soft. An upstream lane that the batch
does not have is drawn as a ``missing`` node.
"""

from __future__ import annotations

import re

from lanelint.linter.report.board.model import BoardBatch

_UNSAFE = re.compile(r"[^A-Za-z0-9_]")
#: Characters Mermaid reads as markup inside a quoted label, as its entity codes (``#`` first).
_ENTITIES = (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"))


def node_ids(names: list[str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        if name.casefold() in ids:
            continue
        base = "lane_" + _UNSAFE.sub("_", name)
        candidate = base
        suffix = 2
        while candidate in used:
            candidate = f"{base}_{suffix}"
            suffix += 1
        used.add(candidate)
        ids[name.casefold()] = candidate
    return ids


def _label(text: str) -> str:
    for char, code in _ENTITIES:
        text = text.replace(char, code)
    return " ".join(text.split())


def flowchart(batch: BoardBatch) -> str:
    names = [lane.id for lane in batch.lanes] + [e.upstream for e in batch.edges]
    ids = node_ids(names)
    lines = ["flowchart LR"]
    for lane in batch.lanes:
        parts = [f"{lane.id}: {lane.task}" if lane.task else lane.id]
        parts.append(lane.owner or "no owner")
        parts.append(lane.status or "no status")
        if lane.verdict:
            parts.append(lane.verdict)
        lines.append(f'    {ids[lane.id.casefold()]}["{_label(" · ".join(parts))}"]')
    missing = []
    for edge in batch.edges:
        node = ids[edge.upstream.casefold()]
        if not edge.known and node not in missing:
            missing.append(node)
            lines.append(f'    {node}["{_label(edge.upstream)} (missing)"]:::missing')
    for edge in batch.edges:
        arrow = "-.->" if edge.kind == "soft" else "-->"
        source = ids[edge.upstream.casefold()]
        target = ids[edge.lane.casefold()]
        lines.append(f"    {source} {arrow}|{edge.kind}| {target}")
    if missing:
        lines.append("    classDef missing stroke-dasharray: 4 4")
    return "\n".join(lines)
