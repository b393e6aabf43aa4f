"""Lanes that dispatch briefs describe: a brief that lists files is a lane of its batch.

A brief is a heading naming a task id (``## Brief for T-102 (API)``, ``## Lane B — T-102``,
``### T-201 (QA/SET)``) with a file scope under it (``Files in scope:`` then paths). Its files
are the lane's when no lane table of its document gives that task (or lane) any files. Briefs
are read in documents of a batch (a lane table, a ``Batch id``, or a name such as
``dispatch_B-7.md``), or anywhere when the heading itself says brief or lane.
"""

from __future__ import annotations

from lanelint.linter.protocol.artifacts.lane_plan import PathClaim
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.protocol.vocabulary.labels import DISPATCH_NAME_WORDS
from lanelint.linter.protocol.vocabulary.statuses import FINISHED_STATES
from lanelint.linter.workspace.summary import DocumentSummary, LaneFact


def _key(text: str) -> str:
    return text.strip().casefold()


def is_dispatch(summary: DocumentSummary) -> bool:
    """A document of a batch: it has a lane table, a batch id, or a dispatch-like name."""
    if summary.plans or summary.batch or (summary.notes is not None and summary.notes.batch):
        return True
    name = summary.path.replace("\\", "/").rsplit("/", 1)[-1].casefold()
    return any(word in name for word in DISPATCH_NAME_WORDS)


def brief_lanes(summary: DocumentSummary, roles: RoleBook) -> list[LaneFact]:
    """The lanes whose files only the document's briefs give, one per task.

    A brief for a lane that a table of the same document gives files, or that is finished
    there, is skipped; the table row speaks for the lane.
    """
    by_task: dict[str, LaneFact] = {}
    by_id: dict[str, LaneFact] = {}
    for plan in summary.plans:
        for lane in plan.lanes:
            if lane.task:
                by_task.setdefault(_key(lane.task), lane)
            if lane.id:
                by_id.setdefault(_key(lane.id), lane)
    found: list[LaneFact] = []
    seen: set[str] = set()
    dispatch = is_dispatch(summary)
    for note in summary.task_notes:
        if note.kind != "brief" or not note.files or _key(note.task) in seen:
            continue
        if not (dispatch or note.explicit):
            continue  # ``## UTF-8 handling`` with a ``Files:`` list is no brief
        seen.add(_key(note.task))
        row = by_task.get(_key(note.task)) or (by_id.get(_key(note.lane)) if note.lane else None)
        if row is not None and (row.files or row.state in FINISHED_STATES):
            continue
        owners, _ = roles.split(note.owner_text) if note.owner_text else ([], [])
        found.append(
            LaneFact(
                id=row.id if row is not None else (note.lane or note.task),
                line=note.line,
                task=note.task,
                owner_text=note.owner_text,
                owners=tuple(owners) or (row.owners if row is not None else ()),
                dependency=row.dependency if row is not None else None,
                files=tuple(PathClaim(c.path, c.line, c.column) for c in note.files),
                status=row.status if row is not None else "",
                last_update=row.last_update if row is not None else "",
                acceptance=None,
                columns=(),
                state=row.state if row is not None else "",
            )
        )
    return found
