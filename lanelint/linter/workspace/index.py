"""The workspace index: the facts of every document of a run, related to each other.

Entry point: :func:`build_index` (or :class:`WorkspaceIndex` itself), given the
:class:`~lanelint.linter.workspace.summary.DocumentSummary` of every document of the run, the
project root and the role book. The index is built by merging summaries, never from artifacts
or raw Markdown, so that its inputs can be cached per file and sent from workers; an
:class:`Artifacts` given instead is summarised on the way in (without its Markdown, so only its
document-level batch id is known). Cross-document rules and ``lanelint board`` read this index;
:mod:`lanelint.linter.workspace.groups` tells which parts of it a change touches.

Relations, in short:

- a **batch** is a batch id (``Batch id`` metadata or a batch heading, in whichever documents
  it is written; a document may hold several, see
  :mod:`~lanelint.linter.workspace.summary`), else the path of a document that declares
  none; every lane plan, ledger, heartbeat and escalation belongs to the batch declared around
  it;
- a **ledger row** belongs to the lane of its batch with the same lane id, else to the lane
  whose task id it names, else (with one batch in the run) to the lane with its lane id;
- a lane's **gate reports** are the reports titled with its task id;
- a lane's **heartbeats** and **escalations** name its lane id (in its batch, or with no batch
  given, or with a batch that holds no lanes in the run) or its task id; a **stamp** under a
  batch that holds no lanes in the run fits lanes of any batch.

Building is linear in the number of lanes and records: every lookup goes through a dictionary
built once, and the identity of a lane is computed when the lane is added.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Generic, TypeVar

from lanelint.linter.io import globs
from lanelint.linter.protocol.artifacts.escalation import Escalation
from lanelint.linter.protocol.artifacts.gate_report import GateReport
from lanelint.linter.protocol.artifacts.heartbeat import Heartbeat
from lanelint.linter.protocol.artifacts.mentions import lane_ids
from lanelint.linter.protocol.artifacts.model import Artifacts
from lanelint.linter.protocol.artifacts.notes import Note
from lanelint.linter.protocol.artifacts.task_file import TaskNote
from lanelint.linter.protocol.roles import RoleBook, lane_type_of
from lanelint.linter.protocol.timestamps import parse_timestamp
from lanelint.linter.protocol.values import status_state
from lanelint.linter.protocol.vocabulary import statuses
from lanelint.linter.workspace.briefs import brief_lanes
from lanelint.linter.workspace.repository import RepositoryFiles
from lanelint.linter.workspace.summary import (
    DocumentSummary,
    LaneFact,
    LedgerFact,
    PlanFact,
    RowFact,
    StampFact,
    summarize,
)

#: The fields a brief gives its lane (a brief is read as a one-row lane plan).
_BRIEF_COLUMNS = ("lane", "task", "owner", "files")
#: Integration order of protocol section 7, by lane type.
INTEGRATION_RANK = {"A": 0, "B": 1, "C": 2, "D": 3}
#: Cache key of the baseline made of every document's baseline sections (no batch has it).
_ANY_BATCH = "\x00any"


def key(text: str) -> str:
    """A comparable form of an id: no backticks, no surrounding space, case-folded."""
    return text.replace("`", "").strip().casefold()


def lane_key(text: str) -> str:
    """``Lane B`` and ``B`` both give ``b``."""
    named = lane_ids(text) if "lane" in text.casefold() else []
    return key(named[0] if named else text)


def is_active(status: str) -> bool:
    """Whether a status cell means the lane is active (``in progress (day 2)`` does)."""
    return status_state(status) == statuses.ACTIVE


def is_blocked(status: str) -> bool:
    return status_state(status) == statuses.BLOCKED


def is_done(status: str) -> bool:
    return status_state(status) == statuses.DONE


@dataclass(frozen=True, slots=True)
class LaneRef:
    """A lane, where it is written, and the type its owner gives it.

    ``ident`` (batch and lane id) and ``task`` (the task id's key) are computed once, when the
    lane is added: the index looks lanes up by them many times.
    """

    path: str
    batch: str
    plan: PlanFact
    lane: LaneFact
    type: str | None
    ident: tuple[str, str]
    task: str

    @property
    def id(self) -> str:
        return self.lane.id


@dataclass(frozen=True, slots=True)
class RowRef:
    path: str
    batch: str
    order: int
    ledger: LedgerFact
    row: RowFact


@dataclass(frozen=True, slots=True)
class StampRef:
    path: str
    batch: str
    stamp: StampFact
    role: str | None
    task: str
    lane: str


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """An artifact and the document (and batch) it was read from."""

    path: str
    batch: str
    item: T


@dataclass
class Batch:
    """A batch: its id, where it is first written, and its lanes from every document."""

    id: str
    path: str
    line: int
    lanes: list[LaneRef] = field(default_factory=list)
    plans: list[PlanFact] = field(default_factory=list)
    rows: list[RowRef] = field(default_factory=list)
    #: Every document that writes a lane plan of the batch, in run order.
    paths: list[str] = field(default_factory=list)
    #: Lanes that only dispatch briefs describe (see :mod:`lanelint.linter.workspace.briefs`).
    briefs: list[LaneRef] = field(default_factory=list)


@dataclass
class BaselineFound:
    tasks: frozenset[str]
    where: list[tuple[str, int]]
    order_override: bool


def as_summary(document: DocumentSummary | Artifacts) -> DocumentSummary:
    return document if isinstance(document, DocumentSummary) else summarize(document)


class WorkspaceIndex:
    """Every cross-document fact of one run, merged from the documents' summaries."""

    def __init__(
        self,
        documents: Iterable[DocumentSummary | Artifacts],
        root: Path,
        roles: RoleBook,
        repository: RepositoryFiles | None = None,
        base: Path | None = None,
    ) -> None:
        #: The folder the documents' paths are relative to (the run's, else the current one).
        self._base = os.path.abspath(base) if base is not None else None
        # Building allocates many small records and no reference cycles; with few long-lived
        # objects tracked (summaries are not), the collector would otherwise run full passes
        # over every retained object again and again while the index grows.
        paused = gc.isenabled()
        gc.disable()
        try:
            self._build(documents, root, roles, repository)
        finally:
            if paused:
                gc.enable()

    def _build(
        self,
        documents: Iterable[DocumentSummary | Artifacts],
        root: Path,
        roles: RoleBook,
        repository: RepositoryFiles | None,
    ) -> None:
        self.root = root
        self.roles = roles
        summaries = (as_summary(d) for d in documents)
        self.documents = [d for d in summaries if not d.is_template]
        self.by_path = {d.path: d for d in self.documents}
        self.repository = repository if repository is not None else RepositoryFiles(root)
        self._relative: dict[str, str] = {}
        self._root_prefix = os.path.join(os.path.abspath(root), "")
        self.batches: dict[str, Batch] = {}
        self.lanes: list[LaneRef] = []
        self.rows: list[RowRef] = []
        self.stamps: list[StampRef] = []
        self.gate_reports: dict[str, list[Located[GateReport]]] = {}
        self.heartbeats: list[Located[Heartbeat]] = []
        self.escalations: list[Located[Escalation]] = []
        self.task_notes: dict[str, list[Located[TaskNote]]] = {}
        self.approvals: list[Located[Note]] = []
        self.overrides: list[Located[Note]] = []
        self.pushes: list[Located[Note]] = []
        self.rebase_notes: dict[str, list[Note]] = {}
        #: The batch of each document as a whole (its first declared id, else its path).
        self.batch_of_path: dict[str, str] = {}
        self._documents_of_batch: dict[str, list[DocumentSummary]] = {}
        self._moments: dict[str, datetime | None] = {}
        for document in self.documents:
            self._add(document)
        # A stamp under a batch id that holds no lanes in the run names no batch to fit.
        self.stamps = [
            ref if not ref.batch or ref.batch in self.batches else replace(ref, batch="")
            for ref in self.stamps
        ]
        # Where a batch writes a lane more than once, its last row stands for it.
        self._lanes_by_ident = {lane.ident: lane for lane in self.lanes}
        self._lanes_by_id: dict[str, list[LaneRef]] = {}
        self._lanes_by_id_task: dict[tuple[str, str], list[LaneRef]] = {}
        self._lanes_by_task: dict[str, list[LaneRef]] = {}
        for lane in self.lanes:
            self._lanes_by_id.setdefault(lane.ident[1], []).append(lane)
            self._lanes_by_id_task.setdefault((lane.ident[1], lane.task), []).append(lane)
            if lane.task:
                self._lanes_by_task.setdefault(lane.task, []).append(lane)
        self._one_batch: dict[tuple[str, str | None], bool] = {}
        self._loose: frozenset[str] | None = None
        self._baselines: dict[str, BaselineFound | None] = {}
        self._by_relative: dict[str, list[DocumentSummary]] | None = None
        self._names: dict[str, list[DocumentSummary]] | None = None
        self._rows_of_lane: dict[tuple[str, str], list[RowRef]] = {}
        self._lane_of_row: dict[int, LaneRef] = {}
        for row in self.rows:
            owner = self._match_row(row)
            if owner is not None:
                self._lane_of_row[row.order] = owner
                self._rows_of_lane.setdefault(owner.ident, []).append(row)
                self.batches[owner.batch].rows.append(row)
        self._beats: dict[tuple[str, str], list[Located[Heartbeat]]] = {}
        for beat in self.heartbeats:
            for lane in self._lanes_named(beat.batch, beat.item.lane, beat.item.task):
                self._beats.setdefault(lane.ident, []).append(beat)
        self._escalations: dict[tuple[str, str], list[Located[Escalation]]] = {}
        for item in self.escalations:
            for lane in self._lanes_named(item.batch, item.item.lane, item.item.task):
                self._escalations.setdefault(lane.ident, []).append(item)

    def documents_of(self, batch_id: str) -> list[DocumentSummary]:
        """Every document that declares the batch (or, without a batch id, is it)."""
        return self._documents_of_batch.get(batch_id, [])

    # -- building ------------------------------------------------------------------------
    def _add(self, document: DocumentSummary) -> None:
        path = document.path
        self.batch_of_path[path] = document.batch or path
        for batch_id in {document.batch or path, *document.batch_ids}:
            self._documents_of_batch.setdefault(batch_id, []).append(document)
        for plan in document.plans:
            batch = plan.batch or path
            entry = self.batches.get(batch)
            if entry is None:
                entry = self.batches[batch] = Batch(batch, path, plan.line)
            entry.plans.append(plan)
            if path not in entry.paths:
                entry.paths.append(path)
            for lane in plan.lanes:
                kind = next((t for t in map(lane_type_of, lane.owners) if t), None)
                ref = LaneRef(path, batch, plan, lane, kind, (batch, key(lane.id)), key(lane.task))
                entry.lanes.append(ref)
                self.lanes.append(ref)
        for lane in brief_lanes(document, self.roles):
            batch = document.batch_at(lane.line) or path
            entry = self.batches.get(batch)
            if entry is None:
                entry = self.batches[batch] = Batch(batch, path, lane.line)
            kind = next((t for t in map(lane_type_of, lane.owners) if t), None)
            plan = PlanFact(lane.line, lane.line, _BRIEF_COLUMNS, (lane,), batch, ())
            ident = (batch, key(lane.id))
            entry.briefs.append(LaneRef(path, batch, plan, lane, kind, ident, key(lane.task)))
        for ledger in document.ledgers:
            for row in ledger.rows:
                batch = ledger.batch or path
                self.rows.append(RowRef(path, batch, len(self.rows), ledger, row))
        for stamp in document.stamps:
            lane_field = stamp.field("Lane") or stamp.field("Lane id")
            task_field = stamp.field("Task") or stamp.field("Task id")
            self.stamps.append(
                StampRef(
                    path,
                    document.batch_at(stamp.line),
                    stamp,
                    self.roles.canonical(stamp.role) if stamp.role else None,
                    key(task_field.value) if task_field else "",
                    lane_key(lane_field.value) if lane_field else "",
                )
            )
        report = document.gate_report
        if report is not None and report.task:
            located = Located(path, document.batch, report)
            self.gate_reports.setdefault(key(report.task), []).append(located)
        self.heartbeats.extend(
            Located(path, document.batch_at(b.line), b) for b in document.heartbeats
        )
        self.escalations.extend(
            Located(path, document.batch_at(e.line), e) for e in document.escalations
        )
        for task_note in document.task_notes:
            located_note = Located(path, document.batch, task_note)
            self.task_notes.setdefault(key(task_note.task), []).append(located_note)
        notes = document.notes
        if notes is not None:
            self.approvals.extend(
                Located(path, document.batch_at(n.line) or path, n) for n in notes.approvals
            )
            self.overrides.extend(
                Located(path, document.batch_at(n.line) or path, n) for n in notes.overrides
            )
            self.pushes.extend(
                Located(path, document.batch_at(n.line) or path, n) for n in notes.pushes
            )
            if notes.rebase_notes:
                self.rebase_notes[path] = list(notes.rebase_notes)

    def _match_row(self, ref: RowRef) -> LaneRef | None:
        row = ref.row
        if row.lane:
            found = self._lanes_by_ident.get((ref.batch, lane_key(row.lane)))
            if found is not None:
                return found
        if row.task:
            candidates = self._lanes_by_task.get(key(row.task), [])
            same = [c for c in candidates if not row.lane or c.ident[1] == lane_key(row.lane)]
            if same or candidates:
                return (same or candidates)[0]
        if row.lane and len(self.batches) == 1:
            (only,) = self.batches
            return self._lanes_by_ident.get((only, lane_key(row.lane)))
        return None

    def _in_one_batch(self, lane: str, task: str | None) -> bool:
        """Whether every lane with this id (and task, where given) is in one batch (memoised)."""
        known = self._one_batch.get((lane, task))
        if known is None:
            pool = (
                self._lanes_by_id.get(lane, [])
                if task is None
                else self._lanes_by_id_task.get((lane, task), [])
            )
            known = all(ref.batch == pool[0].batch for ref in pool)
            self._one_batch[(lane, task)] = known
        return known

    def _lanes_named(self, batch: str, lane: str, task: str) -> list[LaneRef]:
        found: list[LaneRef] = []
        if batch and batch not in self.batches:
            batch = ""  # a batch the run holds no lanes of says nothing about which lane
        if lane:
            wanted = lane_key(lane)
            if batch:
                hit = self._lanes_by_ident.get((batch, wanted))
                if hit is not None:
                    found.append(hit)
            else:
                task_key = key(task) if task else None
                candidates = (
                    self._lanes_by_id.get(wanted, [])
                    if task_key is None
                    else self._lanes_by_id_task.get((wanted, task_key), [])
                )
                if candidates and self._in_one_batch(wanted, task_key):
                    found.extend(candidates)
        if not found and task:
            found.extend(self._lanes_by_task.get(key(task), []))
        return found

    # -- questions -----------------------------------------------------------------------
    def relative(self, path: str) -> str:
        """A document's path relative to the project root (``/`` separators)."""
        cached = self._relative.get(path)
        if cached is None:
            if self._base is not None and not os.path.isabs(path):
                absolute = os.path.normpath(os.path.join(self._base, path))
            else:
                absolute = os.path.abspath(path)
            cached = ""
            if absolute.startswith(self._root_prefix):
                cached = absolute[len(self._root_prefix) :].replace(os.sep, "/")
            self._relative[path] = cached
        return cached

    def inside_root(self, path: str) -> bool:
        return bool(self.relative(path))

    def lanes_with_id(self, lane_id: str) -> list[LaneRef]:
        """Every lane of the run with this id (``B`` and ``Lane B`` alike), in any batch."""
        return self._lanes_by_id.get(lane_key(lane_id), [])

    def loose_lane_names(self) -> frozenset[str]:
        """The lane ids that heartbeats or escalations name without a batch of the run
        (computed once). Such a record matches the lane with that id in whichever batch holds
        the only one.
        """
        if self._loose is None:
            known = self.batches
            loose = {lane_key(b.item.lane) for b in self.heartbeats if b.batch not in known}
            loose.update(lane_key(e.item.lane) for e in self.escalations if e.batch not in known)
            loose.discard("")
            self._loose = frozenset(loose)
        return self._loose

    def lanes_with_task(self, task: str) -> list[LaneRef]:
        return self._lanes_by_task.get(key(task), [])

    def rows_of(self, lane: LaneRef) -> list[RowRef]:
        return self._rows_of_lane.get(lane.ident, [])

    def lane_of(self, row: RowRef) -> LaneRef | None:
        return self._lane_of_row.get(row.order)

    def accepted_row(self, lane: LaneRef) -> RowRef | None:
        return next((r for r in self.rows_of(lane) if r.row.verdict == "accepted"), None)

    def verdict(self, lane: LaneRef) -> str:
        """The latest verdict recorded for a lane, or ``""``."""
        rows = self.rows_of(lane)
        return rows[-1].row.verdict if rows else ""

    def reports_of(self, lane: LaneRef) -> list[Located[GateReport]]:
        return self.gate_reports.get(lane.task, []) if lane.task else []

    def reports_for_row(self, ref: RowRef) -> list[Located[GateReport]]:
        lane = self.lane_of(ref)
        task = key(ref.row.task) or (lane.task if lane else "")
        return self.gate_reports.get(task, []) if task else []

    def heartbeats_of(self, lane: LaneRef) -> list[Located[Heartbeat]]:
        return self._beats.get(lane.ident, [])

    def escalations_of(self, lane: LaneRef) -> list[Located[Escalation]]:
        return self._escalations.get(lane.ident, [])

    def task_notes_of(self, lane: LaneRef) -> list[Located[TaskNote]]:
        return self.task_notes.get(lane.task, []) if lane.task else []

    def upstream(self, lane: LaneRef, kind: str | None = None) -> list[LaneRef]:
        if lane.lane.dependency is None:
            return []
        found = []
        for name in lane.lane.dependency.upstream(kind):
            hit = self._lanes_by_ident.get((lane.batch, key(name)))
            if hit is not None:
                found.append(hit)
        return found

    def baseline(self, batch: Batch, configured: Iterable[str]) -> BaselineFound | None:
        """The approved baseline of a batch, or ``None`` when the run holds none for it.

        The documents its ``Baseline source`` names (baseline sections there, else every task
        id they name), the baseline sections of the batch's own documents, and the configured
        baseline files; with none of these, the baseline sections of any document of the run.
        """
        if batch.id not in self._baselines:
            self._baselines[batch.id] = self._baseline(batch, tuple(configured))
        return self._baselines[batch.id]

    def _baseline(self, batch: Batch, configured: tuple[str, ...]) -> BaselineFound | None:
        tasks: set[str] = set()
        where: list[tuple[str, int]] = []
        override = False
        sources: list[DocumentSummary] = []
        own = self._documents_of_batch.get(batch.id, [])
        named = [s for d in own if d.notes for s in d.notes.baseline_sources]
        for wanted in [*named, *configured]:
            sources.extend(self._documents_at(wanted))
        source_ids = {id(d) for d in sources}
        for document in [*own, *sources]:
            if document.baselines:
                for section in document.baselines:
                    tasks.update(key(t) for t in section.tasks)
                    where.append((document.path, section.line))
                    override = override or section.order_override_line is not None
            elif id(document) in source_ids and document.baseline_facts is not None:
                tasks.update(key(t) for t in document.baseline_facts.tasks)
                where.append((document.path, 1))
                override = override or document.baseline_facts.order_override_line is not None
        if not where:
            return self._any_baseline()
        return BaselineFound(frozenset(tasks), where, override)

    def _any_baseline(self) -> BaselineFound | None:
        """The baseline sections of every document of the run together (computed once)."""
        if _ANY_BATCH not in self._baselines:
            tasks: set[str] = set()
            where: list[tuple[str, int]] = []
            override = False
            for document in self.documents:
                for section in document.baselines:
                    tasks.update(key(t) for t in section.tasks)
                    where.append((document.path, section.line))
                    override = override or section.order_override_line is not None
            found = BaselineFound(frozenset(tasks), where, override) if where else None
            self._baselines[_ANY_BATCH] = found
        return self._baselines[_ANY_BATCH]

    def _relative_map(self) -> dict[str, list[DocumentSummary]]:
        if self._by_relative is None:
            self._by_relative = {}
            for document in self.documents:
                for name in {self.relative(document.path), document.path}:
                    if name:
                        self._by_relative.setdefault(name, []).append(document)
        return self._by_relative

    def _documents_at(self, wanted: str) -> list[DocumentSummary]:
        target = wanted.strip().strip("`").removeprefix("./")
        if not target:
            return []
        exact = self._relative_map().get(target)
        if exact:
            return exact
        name = target.rsplit("/", 1)[-1]
        return [
            d for d in self._by_name().get(name, []) if self.relative(d.path).endswith("/" + target)
        ]

    def _by_name(self) -> dict[str, list[DocumentSummary]]:
        if self._names is None:
            self._names = {}
            for document in self.documents:
                self._names.setdefault(document.path.rsplit("/", 1)[-1], []).append(document)
        return self._names

    def documents_matching(self, claims: Iterable[str]) -> list[DocumentSummary]:
        """The documents of the run that the path claims (or globs) name."""
        found: list[DocumentSummary] = []
        seen: set[int] = set()
        names = self._relative_map()
        for claim in claims:
            path = claim.strip().removeprefix("./")
            if not path:
                continue
            if not globs.is_glob(path):
                for document in names.get(path, []):
                    if id(document) not in seen:
                        seen.add(id(document))
                        found.append(document)
                continue
            prefix = path[: min(path.find(c) for c in "*?[" if c in path)]
            for name, documents in names.items():
                if name.startswith(prefix) and globs.matches(name, path):
                    for document in documents:
                        if id(document) not in seen:
                            seen.add(id(document))
                            found.append(document)
        return found

    def when(self, text: str) -> datetime | None:
        """``parse_timestamp``, memoised: the same stamps are compared many times."""
        if text not in self._moments:
            self._moments[text] = parse_timestamp(text) if text else None
        return self._moments[text]

    def newest(self, batch: Batch) -> datetime | None:
        """The newest timestamp the batch records: lane updates, heartbeats, escalations."""
        values: list[datetime] = []
        for lane in batch.lanes:
            if lane.lane.last_update:
                parsed = self.when(lane.lane.last_update)
                if parsed is not None:
                    values.append(parsed)
            for beat in self.heartbeats_of(lane):
                parsed = self.when(beat.item.timestamp)
                if parsed is not None:
                    values.append(parsed)
            for escalation in self.escalations_of(lane):
                parsed = self.when(escalation.item.date)
                if parsed is not None:
                    values.append(parsed)
        return max(values) if values else None


def build_index(
    documents: Iterable[DocumentSummary | Artifacts],
    root: Path,
    roles: RoleBook,
    repository: RepositoryFiles | None = None,
    base: Path | None = None,
) -> WorkspaceIndex:
    """The index of a run, merged from its documents' summaries (see the module doc).

    ``repository`` (the files below the root, walked once on first use) may be the previous
    index's, where a driver rebuilds the index after an edit and knows no file appeared or
    went away on disk. ``base`` is the folder the documents' paths are relative to where that
    is not the current folder (a language-server session shows paths from the project root).
    """
    return WorkspaceIndex(documents, root, roles, repository, base)
