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

Use, for a driver that keeps results between runs (a warm run, an editor session)::

    new_index = build_index(summaries, root, roles)
    changes = changed_groups(pairs_of_old_and_new_summaries, old_index, new_index)
    outcome = run_workspace_incremental(new_index, settings, kept_by_batch, changes.stale)
    kept_by_batch = outcome.by_batch  # keep, with new_index, for the next change

(:func:`~lanelint.linter.engine.passes.run_workspace_incremental` runs the ``"run"`` rules
and the stale batches, and takes every other batch's findings from ``kept_by_batch``.)
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
    """The batches a document writes lanes, rows or notes for (and its own, as a whole)."""
    path = summary.path
    yield summary.batch or path
    for plan in summary.plans:
        yield plan.batch or path
    for ledger in summary.ledgers:
        yield ledger.batch or path
    if summary.notes is not None:
        for note in summary.notes.overrides:
            yield summary.batch_at(note.line) or path
    yield from summary.batch_ids


def _reach(summary: DocumentSummary, index: WorkspaceIndex) -> tuple[set[str], set[str], set[str]]:
    """What a document's records can be matched to, in ``index``: batches they name (that hold
    lanes), lane ids they name without such a batch, and the task ids they name.

    Ledger rows match a lane id only inside their own batch (one of the document's own), so
    only their task ids reach further.
    """
    batches: set[str] = set()
    loose: set[str] = set()
    tasks: set[str] = set()

    def record(line: int, lane: str, task: str) -> None:
        tasks.add(key(task))
        batch = summary.batch_at(line)
        if batch and batch in index.batches:
            batches.add(batch)
        elif lane:
            loose.add(lane_key(lane))

    for plan in summary.plans:
        for lane in plan.lanes:
            tasks.add(key(lane.task))
    for ledger in summary.ledgers:
        for row in ledger.rows:
            tasks.add(key(row.task))
    for beat in summary.heartbeats:
        record(beat.line, beat.lane, beat.task)
    for escalation in summary.escalations:
        record(escalation.line, escalation.lane, escalation.task)
    for stamp in summary.stamps:
        lane_field = stamp.field("Lane") or stamp.field("Lane id")
        task_field = stamp.field("Task") or stamp.field("Task id")
        record(
            stamp.line,
            lane_field.value if lane_field else "",
            task_field.value if task_field else "",
        )
    if summary.gate_report is not None:
        tasks.add(key(summary.gate_report.task))
    for note in summary.task_notes:
        tasks.add(key(note.task))
    loose.discard("")
    tasks.discard("")
    return batches, loose, tasks


def touched(summary: DocumentSummary, index: WorkspaceIndex) -> set[str]:
    """The batch ids whose ``"batch"`` findings a document's facts can reach, in ``index``.

    Its own batches; the batches its heartbeats, escalations and stamps name; the batches of
    every lane whose task id it names (rows, reports, notes and records match lanes by task
    id in any batch, and a new lane can take such a match from another); and the batches of
    every lane with a lane id that a record names without a batch of the run, or that the
    document's own lanes share with such a record elsewhere (a lane's arrival can change
    which lane that record matches).
    """
    found = set(_own_batches(summary))
    batches, loose, tasks = _reach(summary, index)
    found.update(batches)
    elsewhere = index.loose_lane_names()
    loose.update(
        key(lane.id) for plan in summary.plans for lane in plan.lanes if key(lane.id) in elsewhere
    )
    for task in tasks:
        found.update(ref.batch for ref in index.lanes_with_task(task))
    for lane_id in loose:
        found.update(ref.batch for ref in index.lanes_with_id(lane_id))
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
