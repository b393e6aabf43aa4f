"""Lanes described in dispatch briefs: they take part in the overlap and lock checks.

A brief that lists files (``Files in scope:`` then paths) describes a lane. When no lane table
of its document gives that lane (same task id or lane id) any files, the brief's files are the
lane's: two briefs claiming ``apps/x/tests/*`` overlap just as two table rows would, and a
brief lane touching a locked file needs the lock or a TL override like any other lane. The
rules of section 5 (PDP501, PDP502, PDP503) and PDP404 call in here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lanelint.linter.engine.context import WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location
from lanelint.linter.io import globs
from lanelint.linter.protocol.artifacts.lane_plan import Lane, PathClaim
from lanelint.linter.protocol.artifacts.locks import LockAssignment
from lanelint.linter.protocol.artifacts.mentions import lane_ids, roles_in, task_ids
from lanelint.linter.protocol.artifacts.model import Artifacts
from lanelint.linter.protocol.artifacts.notes import Note
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.protocol.vocabulary.statuses import BLOCKED, FINISHED_STATES
from lanelint.linter.workspace.index import Located
from lanelint.linter.workspace.index import key as id_key


def brief_lanes(artifacts: Artifacts, roles: RoleBook) -> list[Lane]:
    """Lanes whose files only the document's dispatch briefs give, one per task.

    A brief that lists files (``Files in scope:`` then paths) describes a lane. When no lane
    table of its document gives that lane (same task id or lane id) any files, the brief's
    files are the lane's; a brief for a finished table lane is skipped. Only documents of a
    batch hold briefs (a lane table, a batch id, or a dispatch-like file name), unless the
    heading itself says brief or lane (``## Brief for T-1``, ``## Lane B — T-1``).
    """
    by_task: dict[str, Lane] = {}
    by_id: dict[str, Lane] = {}
    for plan in artifacts.lane_plans:
        for lane in plan.lanes:
            if lane.task:
                by_task.setdefault(id_key(lane.task), lane)
            if lane.id:
                by_id.setdefault(id_key(lane.id), lane)
    found: list[Lane] = []
    seen: set[str] = set()
    dispatch = _is_dispatch(artifacts)
    for note in artifacts.task_notes:
        if note.kind != "brief" or not note.files or id_key(note.task) in seen:
            continue
        if not (dispatch or note.explicit):
            continue  # ``## UTF-8 handling`` with a ``Files:`` list is no brief
        seen.add(id_key(note.task))
        row = by_task.get(id_key(note.task)) or (
            by_id.get(id_key(note.lane)) if note.lane else None
        )
        if row is not None and (row.files or row.state in FINISHED_STATES):
            continue
        owners, unknown = roles.split(note.owner_text) if note.owner_text else ([], [])
        found.append(
            Lane(
                id=row.id if row is not None else (note.lane or note.task),
                line=note.line,
                task=note.task,
                owner_text=note.owner_text,
                owners=tuple(owners) or (row.owners if row is not None else ()),
                unknown_owners=tuple(unknown),
                dependency=row.dependency if row is not None else None,
                files=tuple(PathClaim(c.path, c.line, c.column) for c in note.files),
                status=row.status if row is not None else "",
                last_update=row.last_update if row is not None else "",
                acceptance=None,
                cells=(),
                state=row.state if row is not None else "",
            )
        )
    return found


_DISPATCH_NAMES = ("dispatch", "brief", "workboard", "batch", "lane")


def _is_dispatch(artifacts: Artifacts) -> bool:
    """A document of a batch: it has a lane table, a batch id, or a dispatch-like name."""
    if artifacts.lane_plans or (artifacts.notes is not None and artifacts.notes.batch):
        return True
    name = artifacts.path.replace("\\", "/").rsplit("/", 1)[-1].casefold()
    return any(word in name for word in _DISPATCH_NAMES)


def _running(artifacts: Artifacts) -> list[Lane]:
    return [
        lane
        for plan in artifacts.lane_plans
        for lane in plan.lanes
        if lane.state not in FINISHED_STATES
    ]


def brief_overlaps(
    artifacts: Artifacts, roles: RoleBook
) -> Iterator[tuple[Lane, Lane, PathClaim, PathClaim]]:
    """Overlapping pairs of a document's lanes in which at least one lane is a brief's."""
    briefs = brief_lanes(artifacts, roles)
    if not briefs:
        return
    from_briefs = {id(lane) for lane in briefs}
    for pair in _pairs([*_running(artifacts), *briefs]):
        if id(pair[0]) in from_briefs or id(pair[1]) in from_briefs:
            yield pair


def _pairs(lanes: Sequence[Lane]) -> Iterator[tuple[Lane, Lane, PathClaim, PathClaim]]:
    """Each pair of lanes and the first pair of their paths that can name one file.

    Plain paths are indexed, so a lane is compared only with earlier lanes that share one of
    its paths or claim a glob (all earlier lanes when it claims a glob itself): linear in the
    rows for plain paths, where comparing every pair was quadratic.
    """
    by_path: dict[str, list[int]] = {}
    globbed: list[int] = []
    for index, lane in enumerate(lanes):
        paths = {globs.normalise(claim.path) for claim in lane.files}
        if any(globs.is_glob(path) for path in paths):
            globbed.append(index)
        for path in paths:
            if not globs.is_glob(path):
                by_path.setdefault(path, []).append(index)
    globbed_set = set(globbed)
    for index, later in enumerate(lanes):
        if index in globbed_set:
            candidates: Sequence[int] = range(index)
        else:
            found = {i for i in globbed if i < index}
            for claim in later.files:
                found.update(i for i in by_path.get(globs.normalise(claim.path), ()) if i < index)
            candidates = sorted(found)
        for position in candidates:
            earlier = lanes[position]
            for claim in later.files:
                other = next((c for c in earlier.files if globs.overlap(c.path, claim.path)), None)
                if other is not None:
                    yield earlier, later, other, claim


def names_lock_owner(locks: Sequence[LockAssignment], path: str) -> bool:
    """Whether a lock record names an owner for ``path`` (``Lock owner: TBD`` names none)."""
    return any(
        any(globs.overlap(path, locked) for locked in lock.paths) and lock.owner for lock in locks
    )


def overrides_lane(
    batch: str, path: str, lane_id: str, task: str, overrides: list[Located[Note]]
) -> bool:
    """Whether a TL override of the batch (or the document) names the lane or its task."""
    for item in overrides:
        if item.batch != batch and item.path != path:
            continue
        text = item.item.text
        if id_key(lane_id) in {id_key(name) for name in lane_ids(text)}:
            return True
        if task and id_key(task) in {id_key(found) for found in task_ids(text)}:
            return True
    return False


def _owners_among(owner: str, lanes: Sequence[Lane], roles: RoleBook) -> list[Lane]:
    """``_lock_owners`` for plain lanes: the lane named, else the lanes of the role named."""
    head = owner.split("(", 1)[0]
    named = lane_ids(head)
    if named:
        return [lane for lane in lanes if id_key(lane.id) == id_key(named[0])]
    words = {id_key(word) for word in head.split()}
    found = [lane for lane in lanes if id_key(lane.id) in words or id_key(lane.task) in words]
    if not found:
        wanted = set(roles_in(head, roles))
        found = [lane for lane in lanes if wanted & set(lane.owners)]
    return found


def brief_lock_findings(ctx: WorkspaceContext) -> Iterator[Finding]:
    """PDP503 for documents whose briefs give lanes: locks of the batch against those lanes."""
    index = ctx.index
    for artifacts in index.documents:
        briefs = brief_lanes(artifacts, ctx.roles)
        if not briefs:
            continue
        batch = index.batch_of_path.get(artifacts.path, artifacts.path)
        locks = [
            (other.path, lock)
            for other in index.documents
            if index.batch_of_path.get(other.path) == batch
            for lock in other.locks
            if lock.owner and not lock.released
        ]
        if not locks:
            continue
        in_batch = index.batches.get(batch)
        table = [ref.lane for ref in in_batch.lanes] if in_batch is not None else []
        candidates = [*table, *briefs]
        for lane in briefs:
            if lane.state == BLOCKED:
                continue
            for lock_path, lock in locks:
                owners = _owners_among(lock.owner, candidates, ctx.roles)
                if not owners or any(owner is lane for owner in owners):
                    continue
                if any(id_key(owner.id) == id_key(lane.id) for owner in owners):
                    continue
                claim = next(
                    (
                        c
                        for c in lane.files
                        for locked in lock.paths
                        if globs.overlap(c.path, locked)
                    ),
                    None,
                )
                if claim is None or overrides_lane(
                    batch, artifacts.path, lane.id, lane.task, index.overrides
                ):
                    continue
                yield Finding(
                    claim.line,
                    f"lane '{lane.id}' claims locked file '{claim.path}' owned by "
                    f"lane '{owners[0].id}', is not blocked and has no TL override",
                    column=claim.column,
                    path=artifacts.path,
                    related=(Location(lock_path, lock.line, message="file lock"),),
                )
