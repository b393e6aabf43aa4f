"""Coordination notes: what a document records beside its tables (protocol sections 5-10).

None of these has a template; lanelint recognises them in this forgiving shape:

- **Batch id**: ``- Batch id: `B-7``` / ``**Batch:** B-7``. Documents with the same batch id
  belong to one batch; a document without one is its own batch.
- **Baseline source**: ``**Baseline source:** `spec/plan.md``` (paths in backticks).
- **Assumption tags**: every ``[ASSUMPTION]`` (section 6) in the text.
- **TL overrides** (section 5): a metadata line whose key contains ``override``
  (``- TL override: lane B may edit `AGENTS.md` until 12:00``). It covers the lanes and
  tasks named in it.
- **Approvals** (section 10): a metadata line whose key contains ``approv``
  (``**CA approval:** lane B, `db/schema.sql` (ADR-7)``, ``- Approved by: Chief Architect``).
  Its roles are those named in the key and the value.
- **Push records** (section 8): a metadata line whose key contains ``push``
  (``- Pushed: `a1b2c3d..e4f5a6b```) and the commit ids and ranges in its value.
- **Rebase notes** (section 8): every line that mentions ``rebase``/``rebased``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.markdown import inline
from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.artifacts.mentions import clip, roles_in
from lanelint.linter.protocol.artifacts.tables import core, plain
from lanelint.linter.protocol.roles import RoleBook

_COMMITS = re.compile(
    r"(?<![0-9A-Za-z])[0-9a-fA-F]{7,40}(?:\.\.\.?[0-9a-fA-F]{7,40})?(?![0-9A-Za-z])"
)
_REBASE = re.compile(r"\brebas(?:e|ed|ing)\b", re.IGNORECASE)
_TAG = re.compile(r"\[ASSUMPTION\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Note:
    """A recorded line: its key (for metadata lines), its text, and roles it names."""

    line: int
    column: int
    key: str
    text: str
    roles: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Notes:
    batch: str
    baseline_sources: tuple[str, ...]
    baseline_source_line: int
    assumptions: tuple[Note, ...]
    overrides: tuple[Note, ...]
    approvals: tuple[Note, ...]
    pushes: tuple[Note, ...]
    rebase_notes: tuple[Note, ...]


def _assumptions(document: Document) -> tuple[Note, ...]:
    if _TAG.search(document.text) is None:
        return ()
    found = []
    for number, line in enumerate(document.lines, start=1):
        match = _TAG.search(line)
        if match is not None:
            found.append(Note(number, match.start() + 1, "", clip(line)))
    return tuple(found)


def read_notes(document: Document, roles: RoleBook) -> Notes:
    batch_item = document.meta_value("Batch id", "Batch", "Batch ID")
    source = document.meta_value("Baseline source", "Baseline")
    sources: tuple[str, ...] = ()
    if source is not None:
        spans = tuple(text for text, _ in inline.code_spans(source.value))
        sources = spans or ((plain(source.value),) if plain(source.value) else ())
    overrides, approvals, pushes = [], [], []
    for item in document.meta:
        key = item.key.casefold()
        if "override" in key:
            note = Note(item.line, item.column, item.key, clip(item.value))
            overrides.append(note)
        elif "approv" in key:
            named = roles_in(f"{item.key} {item.value}", roles)
            approvals.append(Note(item.line, item.column, item.key, clip(item.value), named))
        elif "push" in key:
            refs = tuple(_COMMITS.findall(item.value))
            pushes.append(Note(item.line, item.column, item.key, clip(item.value), (), refs))
    rebases: tuple[Note, ...] = ()
    if _REBASE.search(document.text):
        rebases = tuple(
            Note(number, 1, "", clip(line))
            for number, line in enumerate(document.lines, start=1)
            if _REBASE.search(line)
        )
    return Notes(
        batch=core(batch_item.value) if batch_item else "",
        baseline_sources=sources,
        baseline_source_line=source.line if source else 0,
        assumptions=_assumptions(document),
        overrides=tuple(overrides),
        approvals=tuple(approvals),
        pushes=tuple(pushes),
        rebase_notes=rebases,
    )
