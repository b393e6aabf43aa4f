"""Which parts of the workspace a change touches, so that only those are checked again.

A cross-document rule declares what it reads (``reads=`` of
:func:`~lanelint.linter.engine.registry.workspace_rule`):

- ``"batch"``: the lanes, lane plans and lock assignments of **one batch** (from every document
  that writes them), the TL overrides recorded in that batch, and the records related to its
  lanes: the ledger rows, heartbeats, escalations, gate reports, task notes and stamps that the
  index matches to them by lane id or task id. Its findings for a batch depend on nothing else,
  so they are kept per batch (group ``batch:<id>``, see :func:`batch_group`) and a batch that a
  change does not touch keeps its findings.
- ``"run"``: anything in the index (baselines, paths across the repository, every row or
  report); such a rule is checked again after any change.

:func:`changed_groups` takes the old and the new summary of each changed document (``None``
for a document that appeared or went away) and the indexes before and after, and returns the
batch groups whose ``"batch"`` findings may differ. It is conservative: it may name a batch
whose findings stay the same, never miss one whose findings change. It answers
"everything" (:attr:`Changes.everything`) where the relations of the whole run move: a change
of the number of batches from or to one (ledger rows then match lanes across batches).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from lanelint.linter.workspace.index import WorkspaceIndex, key, lane_key
from lanelint.linter.workspace.summary import DocumentSummary

#: What a cross-document rule reads: one batch and what relates to its lanes, or the whole run.
Reads = Literal["batch", "run"]
#: The group of every ``"run"`` rule.
RUN_GROUP = "run"


def batch_group(batch_id: str) -> str:
    """The group key of a batch (its id, or the path of a document that declares none)."""
    return f"batch:{batch_id}"


@dataclass(frozen=True)
class Changes:
    """The groups a change touches: ``everything``, or the listed batch groups."""

    everything: bool
    groups: frozenset[str]

    def stale(self, group: str) -> bool:
        """Whether the findings kept for ``group`` must be computed again."""
        return self.everything or group == RUN_GROUP or group in self.groups

    @property
    def batches(self) -> frozenset[str]:
        """The ids of the touched batches (without the ``batch:`` prefix)."""
        return frozenset(g.removeprefix("batch:") for g in self.groups if g.startswith("batch:"))


NOTHING = Changes(False, frozenset())


def _own_batches(summary: DocumentSummary) -> Iterator[str]:
    """The batches a document writes lanes, rows or notes for."""
    path = summary.path
    for plan in summary.plans:
        yield plan.batch or path
    for ledger in summary.ledgers:
        yield ledger.batch or path
    if summary.notes is not None:
        for note in summary.notes.overrides:
            yield summary.batch_at(note.line) or path
    yield from summary.batch_ids


def _named(summary: DocumentSummary) -> tuple[set[str], set[str]]:
    """The lane ids and the task ids that a document's lanes and records name."""
    lanes: set[str] = set()
    tasks: set[str] = set()
    for plan in summary.plans:
        for lane in plan.lanes:
            lanes.add(key(lane.id))
            tasks.add(key(lane.task))
    for ledger in summary.ledgers:
        for row in ledger.rows:
            lanes.add(lane_key(row.lane))
            tasks.add(key(row.task))
    for beat in summary.heartbeats:
        lanes.add(lane_key(beat.lane))
        tasks.add(key(beat.task))
    for escalation in summary.escalations:
        lanes.add(lane_key(escalation.lane))
        tasks.add(key(escalation.task))
    for stamp in summary.stamps:
        for name in ("Lane", "Lane id"):
            found = stamp.field(name)
            if found is not None:
                lanes.add(lane_key(found.value))
        for name in ("Task", "Task id"):
            found = stamp.field(name)
            if found is not None:
                tasks.add(key(found.value))
    if summary.gate_report is not None:
        tasks.add(key(summary.gate_report.task))
    for note in summary.task_notes:
        tasks.add(key(note.task))
    lanes.discard("")
    tasks.discard("")
    return lanes, tasks


def _batches_naming(index: WorkspaceIndex, lanes: set[str], tasks: set[str]) -> Iterator[str]:
    for task in tasks:
        for ref in index.lanes_with_task(task):
            yield ref.batch
    for lane in lanes:
        for ref in index.lanes_with_id(lane):
            yield ref.batch


def touched(summary: DocumentSummary, index: WorkspaceIndex) -> set[str]:
    """The batch ids whose ``"batch"`` findings a document's facts can reach, in ``index``.

    Its own batches; the batches of every lane whose task id it names; the batches of every
    lane whose lane id it names (records without a batch match lanes by id in any batch, and
    a lane's arrival can change which one). A lane id named only inside the document's own
    batches reaches no further than those, unless some record of the run names that lane id
    without a batch.
    """
    found = set(_own_batches(summary))
    lanes, tasks = _named(summary)
    own_lanes = {key(lane.id) for plan in summary.plans for lane in plan.lanes}
    loose = index.loose_lane_names()
    wide = {lane for lane in lanes if lane not in own_lanes or lane in loose}
    found.update(_batches_naming(index, wide, tasks))
    return found


def changed_groups(
    changes: Iterable[tuple[DocumentSummary | None, DocumentSummary | None]],
    old: WorkspaceIndex,
    new: WorkspaceIndex,
) -> Changes:
    """The groups to check again after ``changes`` (pairs of old and new summaries).

    ``old`` and ``new`` are the indexes before and after the change; each summary is looked up
    in both, since a change can move a record from one lane (or batch) to another.
    """
    if (len(old.batches) == 1) != (len(new.batches) == 1):
        return Changes(True, frozenset())
    batches: set[str] = set()
    for before, after in changes:
        if before == after:
            continue
        for summary in (before, after):
            if summary is None or summary.is_template:
                continue
            batches.update(touched(summary, old))
            batches.update(touched(summary, new))
    return Changes(False, frozenset(batch_group(b) for b in batches))
