"""What one document contributes to the workspace: a small, typed, immutable summary.

The per-document phase computes a :class:`DocumentSummary` once per content digest, from the
document and its artifacts, with :func:`summarize`. The workspace index is built by merging
summaries (never artifacts, never Markdown), so a summary is all a cached or worker-checked
document has to hand over.

A summary keeps what the cross-document rules and the board read (values, lines, columns), not
table cells or tokens: lanes and ledger rows keep the column of each field, not its cell. The
types are ``msgspec`` structs, ``frozen`` and not tracked by the garbage collector (they hold
no reference cycles: values, tuples and small frozen records only), so that the cache and the
workers move them as plain arrays: ``msgspec.msgpack.encode(summary)`` and
``msgspec.msgpack.decode(data, type=DocumentSummary)`` round-trip, and so do
:func:`msgspec.to_builtins` and :func:`msgspec.convert`.

**Batches within a document.** A document declares its batch with a ``Batch id`` metadata line
(``- Batch id: `B-7```, ``**Batch:** B-7``) or a heading naming the batch (``## Batch B-2``,
``# Workboard, batch B-7``). Each declaration covers the section it is written in (a line before
any heading, or under the document's title, covers the whole document); the innermost
declaration around a line wins. So a document with ``## Batch B-1`` and ``## Batch B-2``
sections holds two batches, and a document with one declaration is one batch as a whole.
Tables and records outside every declaration belong to the document's first declared batch,
else to none (the document is then a batch of its own, named by its path).
"""

from __future__ import annotations

import re
from dataclasses import replace

import msgspec

from lanelint.linter.markdown.document import Document, Section
from lanelint.linter.protocol.artifacts.baseline import BaselineFacts, BaselineSection
from lanelint.linter.protocol.artifacts.escalation import Escalation
from lanelint.linter.protocol.artifacts.gate_report import GateReport
from lanelint.linter.protocol.artifacts.heartbeat import Heartbeat
from lanelint.linter.protocol.artifacts.lane_plan import (
    Dependency,
    Lane,
    LanePlan,
    PathClaim,
)
from lanelint.linter.protocol.artifacts.ledger import Ledger, LedgerRow
from lanelint.linter.protocol.artifacts.locks import LockAssignment
from lanelint.linter.protocol.artifacts.model import Artifacts
from lanelint.linter.protocol.artifacts.notes import Notes
from lanelint.linter.protocol.artifacts.stamp import PreflightStamp, StampEntry, field_named
from lanelint.linter.protocol.artifacts.sync import SyncRecord
from lanelint.linter.protocol.artifacts.tables import core
from lanelint.linter.protocol.artifacts.task_file import TaskNote

#: Metadata keys that name a batch (matched case-insensitively).
BATCH_KEYS = frozenset({"batch id", "batch"})
#: A heading that names a batch: ``Batch B-2``, ``Batch: `B-7```, ``batch #12``. The id must
#: hold a digit, so that ``Batch metadata`` or ``Batch lanes`` name no batch.
_BATCH_HEADING = re.compile(
    r"(?<![\w-])batch(?:\s+id)?\s*[:#]?\s*`?([A-Za-z][\w.-]*\d[\w.-]*|\d[\w.-]*)`?(?![\w`-])",
    re.IGNORECASE,
)


def _column_of(columns: tuple[tuple[str, int], ...], name: str) -> int:
    for key, column in columns:
        if key == name:
            return column
    return 1


class LaneFact(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """One lane row: the values the rules read, and the column of each field."""

    id: str
    line: int
    task: str
    owner_text: str
    owners: tuple[str, ...]
    dependency: Dependency | None
    files: tuple[PathClaim, ...]
    status: str
    last_update: str
    acceptance: str | None
    columns: tuple[tuple[str, int], ...]
    #: What the status means (a ``vocabulary.statuses`` state); ``""`` without a status.
    state: str = ""

    def column(self, name: str) -> int:
        """The column of the field ``name`` (``lane``, ``task``, ``status``, ...), else 1."""
        return _column_of(self.columns, name)


class PlanFact(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """A lane table and the batch it belongs to."""

    line: int
    end_line: int
    columns: tuple[str, ...]
    lanes: tuple[LaneFact, ...]
    #: The batch id declared around the table, ``""`` where none is.
    batch: str
    locks: tuple[LockAssignment, ...]


class RowFact(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """One acceptance-ledger row."""

    line: int
    commit: str
    verdict: str
    lane: str
    task: str
    role: str
    evidence: str | None
    verdict_text: str
    columns: tuple[tuple[str, int], ...]
    #: The two ends of a commit range (``abc1234..def5678``), ``None`` for a single commit.
    range_ends: tuple[str, str] | None = None

    def column(self, name: str) -> int:
        return _column_of(self.columns, name)

    @property
    def is_range(self) -> bool:
        return self.range_ends is not None


class LedgerFact(msgspec.Struct, frozen=True, array_like=True, gc=False):
    line: int
    end_line: int
    rows: tuple[RowFact, ...]
    #: The batch id declared around the table, ``""`` where none is.
    batch: str


class StampFact(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """A preflight stamp's ``Key: value`` fields (``Role``, ``Task``, ``Lane``, ``Preflight
    status``, ...). Its numbered checks are facts of its own document only, and stay there."""

    line: int
    end_line: int
    fields: tuple[StampEntry, ...]

    def field(self, key: str) -> StampEntry | None:
        return field_named(self.fields, key)

    @property
    def role(self) -> str:
        entry = self.field("Role")
        return entry.value if entry else ""


class BatchMark(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """A batch declaration and the lines it covers (``line`` to ``end_line``, inclusive)."""

    id: str
    line: int
    end_line: int
    declared_at: int


class DocumentSummary(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """Everything one document contributes to the cross-document phase."""

    path: str
    is_template: bool = False
    #: The document's own batch id (its first declaration), ``""`` where it declares none.
    batch: str = ""
    marks: tuple[BatchMark, ...] = ()
    plans: tuple[PlanFact, ...] = ()
    ledgers: tuple[LedgerFact, ...] = ()
    stamps: tuple[StampFact, ...] = ()
    gate_report: GateReport | None = None
    heartbeats: tuple[Heartbeat, ...] = ()
    escalations: tuple[Escalation, ...] = ()
    task_notes: tuple[TaskNote, ...] = ()
    baselines: tuple[BaselineSection, ...] = ()
    baseline_facts: BaselineFacts | None = None
    notes: Notes | None = None
    kinds: tuple[str, ...] = ()
    syncs: tuple[SyncRecord, ...] = ()
    #: Every file lock the document records (tables, lists and lines; see ``artifacts.locks``).
    locks: tuple[LockAssignment, ...] = ()

    def batch_at(self, line: int) -> str:
        """The batch id declared around ``line``, else the document's, else ``""``."""
        best: BatchMark | None = None
        for mark in self.marks:
            if mark.line <= line <= mark.end_line and (best is None or mark.line >= best.line):
                best = mark
        return best.id if best is not None else self.batch

    @property
    def batch_ids(self) -> tuple[str, ...]:
        """Every batch id the document declares, in order, without repeats."""
        seen: dict[str, None] = {}
        for mark in self.marks:
            seen.setdefault(mark.id, None)
        return tuple(seen)


# -- building -----------------------------------------------------------------------------


def _lane(lane: Lane) -> LaneFact:
    return LaneFact(
        lane.id,
        lane.line,
        lane.task,
        lane.owner_text,
        lane.owners,
        lane.dependency,
        lane.files,
        lane.status,
        lane.last_update,
        lane.acceptance,
        tuple((name, cell.column) for name, cell in lane.cells),
        lane.state,
    )


def _stamp(stamp: PreflightStamp) -> StampFact:
    return StampFact(stamp.line, stamp.end_line, stamp.fields)


def _row(row: LedgerRow) -> RowFact:
    return RowFact(
        row.line,
        row.commit,
        row.verdict,
        row.lane,
        row.task,
        row.role,
        row.evidence,
        row.verdict_text,
        tuple((name, cell.column) for name, cell in row.cells),
        row.range_ends,
    )


def _enclosing(sections: list[Section], line: int) -> Section | None:
    """The innermost section with a heading whose lines hold ``line``."""
    found: Section | None = None
    for section in sections:
        inside = section.line <= line <= section.end_line
        if inside and (found is None or section.line >= found.line):
            found = section
    return found


def batch_marks(document: Document) -> tuple[BatchMark, ...]:
    """The batch declarations of a document and the lines each covers (see the module doc)."""
    sections = [s for s in document.root.walk() if s.heading is not None]
    last = max(len(document.lines), 1)
    marks: list[BatchMark] = []
    for section in sections:
        heading = section.heading.text if section.heading is not None else ""
        match = _BATCH_HEADING.search(heading)
        if match is not None:
            marks.append(BatchMark(match.group(1), section.line, section.end_line, section.line))
    for item in document.meta:
        if item.key.strip().casefold() not in BATCH_KEYS:
            continue
        value = core(item.value)
        if not value:
            continue
        around = _enclosing(sections, item.line)
        if around is None or around.level <= 1:
            marks.append(BatchMark(value, 1, last, item.line))
        else:
            marks.append(BatchMark(value, around.line, around.end_line, item.line))
    marks.sort(key=lambda mark: (mark.declared_at, mark.line))
    return tuple(marks)


def _document_batch(notes: Notes | None, marks: tuple[BatchMark, ...]) -> str:
    if notes is not None and notes.batch:
        return notes.batch
    return marks[0].id if marks else ""


def _plan_batch(plan: LanePlan, marks: tuple[BatchMark, ...], default: str) -> str:
    return _within(marks, plan.line, default)


def _within(marks: tuple[BatchMark, ...], line: int, default: str) -> str:
    best: BatchMark | None = None
    for mark in marks:
        if mark.line <= line <= mark.end_line and (best is None or mark.line >= best.line):
            best = mark
    return best.id if best is not None else default


def _ledger(ledger: Ledger, marks: tuple[BatchMark, ...], default: str) -> LedgerFact:
    rows = tuple(_row(row) for row in ledger.rows)
    return LedgerFact(ledger.line, ledger.end_line, rows, _within(marks, ledger.line, default))


def _report(report: GateReport | None) -> GateReport | None:
    """A gate report as the workspace phase reads it: where each section starts, not where it
    ends (no cross-document rule reads the end, and a line typed at the end of a report's last
    section must not count as a change of the summary, which would re-check its batch)."""
    if report is None:
        return None
    return replace(report, sections=tuple(replace(s, end_line=s.line) for s in report.sections))


def summarize(artifacts: Artifacts, document: Document | None = None) -> DocumentSummary:
    """The summary of one document. Without ``document`` only document-level batch ids are
    known (its ``Batch id`` metadata), as if it declared one batch."""
    if artifacts.is_template:
        return DocumentSummary(artifacts.path, is_template=True)
    marks = batch_marks(document) if document is not None else ()
    batch = _document_batch(artifacts.notes, marks)
    if marks and not any(mark.id == batch for mark in marks):
        batch = marks[0].id
    return DocumentSummary(
        path=artifacts.path,
        batch=batch,
        marks=marks,
        plans=tuple(
            PlanFact(
                plan.line,
                plan.end_line,
                plan.columns,
                tuple(_lane(lane) for lane in plan.lanes),
                _plan_batch(plan, marks, batch),
                plan.locks,
            )
            for plan in artifacts.lane_plans
        ),
        ledgers=tuple(_ledger(ledger, marks, batch) for ledger in artifacts.ledgers),
        stamps=tuple(_stamp(stamp) for stamp in artifacts.stamps),
        gate_report=_report(artifacts.gate_report),
        heartbeats=tuple(artifacts.heartbeats),
        escalations=tuple(artifacts.escalations),
        task_notes=tuple(artifacts.task_notes),
        baselines=tuple(artifacts.baselines),
        baseline_facts=artifacts.baseline_facts,
        notes=artifacts.notes,
        kinds=tuple(artifacts.kinds),
        syncs=tuple(artifacts.syncs),
        locks=tuple(artifacts.locks),
    )


def encode(summary: DocumentSummary) -> bytes:
    """MessagePack bytes of a summary (for caches and workers)."""
    return msgspec.msgpack.encode(summary)


def decode(data: bytes) -> DocumentSummary:
    """A summary from :func:`encode`'s bytes; raises ``msgspec.DecodeError`` on bad data."""
    return msgspec.msgpack.decode(data, type=DocumentSummary)
