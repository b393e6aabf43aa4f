"""Coordination notes: what a document records beside its tables (protocol sections 5-10).

None of these has a template; lanelint recognises them in this forgiving shape:

- **Batch id**: ``- Batch id: `B-7``` / ``**Batch:** B-7``. Documents with the same batch id
  belong to one batch; a document without one is its own batch.
- **Baseline source**: ``**Baseline source:** `spec/plan.md``` (paths in backticks).
- **Assumption tags**: every ``[ASSUMPTION]`` (section 6) in the text.
- **TL overrides** (section 5): a metadata line whose key contains ``override``
  (``- TL override: lane B may edit `AGENTS.md` until 12:00``). It covers the lanes and
  tasks named in it. Not an override: a request nobody granted (``Override request: lane
  C``), one refused (``Override request: lane C (denied by TL)``, ``TL override: rejected``)
  and one granted by another role (``SM override: ...``, ``Override: lane B (by SM)``).
- **Approvals** (section 10): a metadata line whose key contains ``approv``
  (``**CA approval:** lane B, `db/schema.sql` (ADR-7)``, ``- Approved by: Chief Architect``).
  Its roles are those named in the key and the value. Not an approval: one whose value or
  key states another outcome (``CA approval: pending``, ``rejected for lane B``,
  ``requested``, ``not approved``, ``TBD``).
- **Push records** (section 8): a metadata line whose key contains ``push``
  (``- Pushed: `a1b2c3d..e4f5a6b```) and the commit ids and ranges in its value; and the
  rows of a push table (a table under a heading about pushes, or with a ``Pushed`` column)
  with their commit cells. A line or row that says the push is pending or planned is not a
  push.
- **Rebase notes** (section 8): every line that mentions ``rebase``/``rebased`` as done. A
  reminder or an intention is not a rebase: ``Reminder: lane B must rebase``, ``B needs to
  rebase``, ``rebase pending``, ``not rebased yet``.
- **Assumption tags** that are resolved are not recorded: ``~~[ASSUMPTION] ...~~``,
  ``[ASSUMPTION-RESOLVED]``, ``[ASSUMPTION: resolved]``, ``[ASSUMPTION] ... resolved``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.markdown import inline
from lanelint.linter.markdown.document import Document, Table
from lanelint.linter.protocol.artifacts.mentions import clip, roles_in
from lanelint.linter.protocol.artifacts.tables import core, normalise_header, plain
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.protocol.vocabulary.labels import (
    APPROVAL_KEY_WORD,
    OVERRIDE_KEY_WORD,
    PUSH_KEY_WORD,
)
from lanelint.linter.protocol.vocabulary.outcomes import (
    APPROVED,
    is_granted,
    is_resolved_assumption,
    is_undone,
    outcome_of,
)

TECHNICAL_LEAD = "Technical Lead"
_GRANTED_BY = re.compile(
    r"\b(?:by|from)[ \t]{1,3}(?:the[ \t]{1,3})?([A-Za-z/ ]{2,40})", re.IGNORECASE
)

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
        for match in _TAG.finditer(line):
            if not is_resolved_assumption(line, match.start()):
                found.append(Note(number, match.start() + 1, "", clip(line)))
                break
    return tuple(found)


def _is_tl_override(key: str, value: str, roles: RoleBook) -> bool:
    """Whether an override line is granted, and by the Technical Lead (or by nobody named).

    The roles named in the key decide (``SM override``); else a ``by <role>`` in the value
    (``Override: lane B (approved by SM)``); a line naming no role is taken as written.
    """
    if not is_granted(key, value):
        return False
    named = roles_in(key, roles)
    if not named:
        by = _GRANTED_BY.search(value)
        named = roles_in(by.group(1), roles) if by else ()
    return not named or TECHNICAL_LEAD in named


def _pushed(key: str, value: str) -> bool:
    """A push line records a push unless it states another outcome: ``Push: pending``."""
    return outcome_of(key) is None and outcome_of(value) in (None, APPROVED)


def _rebase_done(line: str) -> bool:
    return any(not is_undone(line, m.start(), m.end()) for m in _REBASE.finditer(line))


def _is_push_table(table: Table) -> bool:
    headers = [normalise_header(cell.text) for cell in table.header]
    if any(header in ("verdict", "status of verdict") for header in headers):
        return False  # an acceptance ledger
    if PUSH_KEY_WORD in table.section.casefold():
        return True
    return any(header.startswith(PUSH_KEY_WORD) for header in headers)


def _push_rows(document: Document) -> list[Note]:
    """Rows of push tables: ``| Pushed | Commits |`` or any table under ``## Pushes``."""
    found: list[Note] = []
    for table in document.tables:
        if not _is_push_table(table):
            continue
        for row in table.rows:
            text = " | ".join(cell.text for cell in row.cells)
            words = " ".join(c.text for c in row.cells if not _COMMITS.search(c.text))
            if outcome_of(words) not in (None, APPROVED):
                continue  # "pending", "planned": not pushed yet
            refs = tuple(ref for cell in row.cells for ref in _COMMITS.findall(cell.text))
            if refs:
                column = next((c.column for c in row.cells if _COMMITS.search(c.text)), 1)
                found.append(Note(row.line, column, "push", clip(text), (), refs))
    return found


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
        if OVERRIDE_KEY_WORD in key:
            if _is_tl_override(item.key, item.value, roles):
                note = Note(item.line, item.column, item.key, clip(item.value))
                overrides.append(note)
        elif APPROVAL_KEY_WORD in key:
            if is_granted(item.key, item.value):
                named = roles_in(f"{item.key} {item.value}", roles)
                approvals.append(Note(item.line, item.column, item.key, clip(item.value), named))
        elif PUSH_KEY_WORD in key and _pushed(item.key, item.value):
            refs = tuple(_COMMITS.findall(item.value))
            pushes.append(Note(item.line, item.column, item.key, clip(item.value), (), refs))
    pushes.extend(_push_rows(document))
    rebases: tuple[Note, ...] = ()
    # The case-blind search walks the whole text (125 ms for 2,000 benchmark documents);
    # ``r``, ``e``, ``b`` and ``a`` match only themselves and their capitals without regard to
    # case, so a text whose lower case lacks ``reba`` cannot match (4 ms for the same test).
    if "reba" in document.text.lower() and _REBASE.search(document.text):
        rebases = tuple(
            Note(number, 1, "", clip(line))
            for number, line in enumerate(document.lines, start=1)
            if _REBASE.search(line) and _rebase_done(line)
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
