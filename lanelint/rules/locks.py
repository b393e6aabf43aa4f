"""Protocol section 5, file overlap and lock rules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lanelint.linter.engine.context import WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location, Severity
from lanelint.linter.engine.registry import workspace_rule
from lanelint.linter.io import globs
from lanelint.linter.protocol.artifacts.lane_plan import PathClaim
from lanelint.linter.protocol.artifacts.locks import LockAssignment
from lanelint.linter.protocol.artifacts.mentions import lane_ids, roles_in, task_ids
from lanelint.linter.protocol.artifacts.notes import Note
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.protocol.vocabulary.statuses import BLOCKED, FINISHED_STATES, UNKNOWN
from lanelint.linter.workspace.index import Batch, LaneRef, Located, WorkspaceIndex
from lanelint.linter.workspace.index import key as id_key
from lanelint.rules._relations import lane_at

Overlap = tuple[LaneRef, LaneRef, PathClaim, PathClaim]


def _pairs(lanes: Sequence[LaneRef]) -> Iterator[Overlap]:
    """Each pair of lanes and the first pair of their paths that can name one file.

    Plain paths are indexed, so a lane is compared only with earlier lanes that share one of
    its paths or claim a glob (all earlier lanes when it claims a glob itself): linear in the
    rows for plain paths, where comparing every pair was quadratic.
    """
    by_path: dict[str, list[int]] = {}
    globbed: list[int] = []
    for index, ref in enumerate(lanes):
        paths = {globs.normalise(claim.path) for claim in ref.lane.files}
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
            for claim in later.lane.files:
                found.update(i for i in by_path.get(globs.normalise(claim.path), ()) if i < index)
            candidates = sorted(found)
        for position in candidates:
            earlier = lanes[position]
            for claim in later.lane.files:
                other = next(
                    (c for c in earlier.lane.files if globs.overlap(c.path, claim.path)), None
                )
                if other is not None:
                    yield earlier, later, other, claim


def _overlaps(batch: Batch) -> Iterator[Overlap]:
    """The overlapping pairs of running lanes of a batch, from every document that writes it.

    Lanes of one table are compared with each other, row by row, by their own status (as a
    table always was). Lanes written in different tables (or documents) are compared once per
    pair of lane ids, by the first row of each, unless some table writes both (that table's
    comparison decides); across tables a lane is one lane, never compared with itself, and
    finished when any of its rows says so.
    """
    running = [r for r in batch.lanes if r.lane.state not in FINISHED_STATES]
    tables: dict[int, list[LaneRef]] = {}
    for ref in running:
        tables.setdefault(id(ref.plan), []).append(ref)
    for lanes in tables.values():
        yield from _pairs(lanes)
    if len(tables) < 2:
        return
    finished = {r.ident for r in batch.lanes if r.id and r.lane.state in FINISHED_STATES}
    written_in: dict[tuple[str, str], set[int]] = {}
    first: dict[tuple[str, str], LaneRef] = {}
    for ref in running:
        if ref.id and ref.ident not in finished:
            written_in.setdefault(ref.ident, set()).add(id(ref.plan))
            first.setdefault(ref.ident, ref)
    for earlier, later, one, other in _pairs(list(first.values())):
        if not written_in[earlier.ident] & written_in[later.ident]:
            yield earlier, later, one, other


def is_high_risk(path: str, high_risk: tuple[str, ...]) -> bool:
    return any(globs.overlap(path, risky) for risky in high_risk)


def batch_locks(index: WorkspaceIndex, batch: Batch) -> list[LockAssignment]:
    """Every file lock recorded in a document of the batch (lines, lists and tables)."""
    found: list[LockAssignment] = [lock for plan in batch.plans for lock in plan.locks]
    for document in index.documents_of(batch.id):
        found.extend(document.locks)
    return found


def names_lock_owner(locks: Sequence[LockAssignment], path: str) -> bool:
    """Whether a lock record names an owner for ``path`` (``Lock owner: TBD`` names none)."""
    return any(
        any(globs.overlap(path, locked) for locked in lock.paths) and lock.owner for lock in locks
    )


def _briefs(batch: Batch) -> list[LaneRef]:
    """The batch's brief lanes that no lane table of the batch speaks for (files or done)."""
    table: dict[str, LaneRef] = {}
    for ref in batch.lanes:
        if ref.task and (ref.lane.files or ref.lane.state in FINISHED_STATES):
            table.setdefault(ref.task, ref)
        if ref.id and (ref.lane.files or ref.lane.state in FINISHED_STATES):
            table.setdefault(f"\x00{ref.ident[1]}", ref)
    return [
        ref for ref in batch.briefs if ref.task not in table and f"\x00{ref.ident[1]}" not in table
    ]


def _all_overlaps(batch: Batch) -> Iterator[Overlap]:
    """Overlaps between the batch's table lanes, then those that involve a brief's lane."""
    yield from _overlaps(batch)
    briefs = _briefs(batch)
    if not briefs:
        return
    running = [r for r in batch.lanes if r.lane.state not in FINISHED_STATES]
    from_briefs = {id(ref) for ref in briefs}
    for pair in _pairs([*running, *briefs]):
        if id(pair[0]) in from_briefs or id(pair[1]) in from_briefs:
            yield pair


def _earlier_at(earlier: LaneRef, claim: PathClaim) -> Location:
    return Location(earlier.path, claim.line, claim.column, message=f"lane '{earlier.id}'")


@workspace_rule("PDP501", "lane-file-overlap", Severity.WARNING, section=5, reads="batch")
def lane_file_overlap(ctx: WorkspaceContext) -> Iterator[Finding]:
    """Two running lanes of one batch claim files that overlap.

    ## What it does
    Compares the file cells of every pair of lanes that are not finished, globs included: two
    lanes overlap when any of their paths or globs can name the same file
    (`apps/x/tests/*` and `apps/x/tests/test_a.py`). High-risk files are reported by PDP502
    instead; an overlap on a file with a recorded lock owner is left to the lock rules.

    Lanes are compared per batch: everything written under one batch id (`- Batch id: `B-7``,
    `**Batch:** B-7`, or a heading such as `## Batch B-7`), in whichever documents it is
    written. A document with `## Batch B-1` and `## Batch B-2` sections holds two batches; a
    document with lanes and no batch id is a batch of its own. A lane written in several
    documents (a dispatch and a workboard) is one lane: never compared with itself, and,
    against lanes of other tables, finished when any of its rows says `done`, `merged`,
    `closed` or `cancelled`. Lanes of one table are compared row by row.

    ## Why
    Protocol section 5: parallel execution is allowed for disjoint file sets. Overlapping
    lanes produce merge conflicts that section 8 then has to resolve.

    ## Example
    ```markdown
    | A | T-1 | System Analyst | none | `spec/api.md` | active |
    | B | T-2 | Executive Assistant | soft(A) | `spec/*.md` | active |
    ```
    Use instead: give lane B its own files, or make B wait with `hard(A)` and finish A first.
    """
    high_risk = ctx.config.high_risk_files
    for batch in ctx.batches():
        locks = batch_locks(ctx.index, batch)
        for earlier, later, first, second in _all_overlaps(batch):
            if is_high_risk(second.path, high_risk) or names_lock_owner(locks, second.path):
                continue
            shown = (
                second.path if second.path == first.path else f"{second.path}' and '{first.path}"
            )
            yield Finding(
                second.line,
                f"lanes '{earlier.id}' and '{later.id}' both claim '{shown}'",
                column=second.column,
                path=later.path,
                related=(_earlier_at(earlier, first),),
            )


@workspace_rule(
    "PDP502", "high-risk-file-without-lock-owner", Severity.ERROR, section=5, reads="batch"
)
def high_risk_file_without_lock_owner(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A high-risk file is claimed by two lanes and no file lock owner is named.

    ## What it does
    Reports two running lanes of a batch whose files overlap on a high-risk file (protocol
    section 5's list by default: `AGENTS.md`, `spec/AGENT_RUNTIME.md`, ...; configure
    `high-risk-files`) when the batch names no lock owner for it. Lanes described in
    dispatch briefs count (see `lanelint explain PDP501`). A lock owner is recorded, in any
    document of the batch, as:

    - a line whose key is a lock-owner label, naming the path in backticks:
      `- Lock owner: `AGENTS.md` -> lane A`, `**File lock owner:** `AGENTS.md` (lane A)`;
    - an item under a heading about locks (`## File locks`): `` - `AGENTS.md`: lane B ``,
      `` - `AGENTS.md` -> lane B (until B's commit) ``;
    - a row of a table with a file column and an owner column, under a heading about locks
      or with `lock` in a header: `| File | Lock owner |`, `| Locked file | Held by |`.

    An owner that is a stand-in names nobody: `TBD`, `-`, `—`, `n/a`, `unassigned`,
    `pending`, `(pending TL decision)`.

    Lanes are compared per batch: everything written under one batch id (`- Batch id: `B-7``,
    `**Batch:** B-7`, or a heading such as `## Batch B-7`), in whichever documents it is
    written; a document with lanes and no batch id is a batch of its own. A lane written in
    several documents is one lane, never compared with itself.

    ## Why
    Protocol sections 5 and 10: when two lanes need the same high-risk file the Technical
    Lead assigns a file lock owner. Running two lanes on it without one is an anti-pattern.

    ## Example
    ```markdown
    | A | T-1 | Technical Lead | none | `AGENTS.md` | active |
    | B | T-2 | Executive Assistant | none | `AGENTS.md`, `src/app.py` | active |
    ```
    Use instead: add `- Lock owner: `AGENTS.md` -> lane A` to the batch, and mark lane B
    `blocked` until the lock is released.
    """
    high_risk = ctx.config.high_risk_files
    for batch in ctx.batches():
        locks = batch_locks(ctx.index, batch)
        for earlier, later, first, second in _all_overlaps(batch):
            if not is_high_risk(second.path, high_risk):
                continue
            if names_lock_owner(locks, second.path):
                continue
            yield Finding(
                second.line,
                f"high-risk file '{second.path}' is claimed by lanes '{earlier.id}' and "
                f"'{later.id}' with no lock owner named",
                column=second.column,
                path=later.path,
                related=(_earlier_at(earlier, first),),
            )


# -- across documents -------------------------------------------------------------------


def _lock_owners(owner: str, batch_lanes: list[LaneRef], roles: RoleBook) -> list[LaneRef]:
    """The lane a lock owner names (``lane A`` / ``A``), else the lanes of a named role.

    Only the text before any parenthesis counts: ``lane B (lane D waits)`` names lane B.
    """
    head = owner.split("(", 1)[0]
    named = lane_ids(head)
    if named:
        return [lane for lane in batch_lanes if id_key(lane.id) == id_key(named[0])]
    words = {id_key(word) for word in head.split()}
    found = [lane for lane in batch_lanes if id_key(lane.id) in words or lane.task in words]
    if not found:
        owners = set(roles_in(head, roles))
        found = [lane for lane in batch_lanes if owners & set(lane.lane.owners)]
    return found


def _overridden(lane: LaneRef, overrides: list[Located[Note]]) -> bool:
    for item in overrides:
        if item.batch != lane.batch and item.path != lane.path:
            continue
        text = item.item.text
        if id_key(lane.id) in {id_key(name) for name in lane_ids(text)}:
            return True
        if lane.task and lane.task in {id_key(task) for task in task_ids(text)}:
            return True
    return False


@workspace_rule(
    "PDP503", "locked-file-touched-by-non-owner", Severity.ERROR, section=5, reads="batch"
)
def locked_file_touched_by_non_owner(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane claims a file locked by another lane, is not blocked, and has no TL override.

    ## What it does
    For each file lock a batch records, reports every other running lane of the batch whose
    files overlap the locked path (globs included) unless the lane is marked `blocked` or a
    TL override is recorded for it. The lock owner may be a lane (`lane A`, `A`) or a role
    (the lanes that role owns). Lanes described only in dispatch briefs are checked against
    the locks of their batch as well.

    Locks are read in the shapes `lanelint explain PDP502` lists (lock-owner lines, items
    under `## File locks`, `| File | Lock owner |` tables). A lock whose line or status
    cell says `released` (`unlocked`, `lifted`) holds nothing; `Lock owner: TBD` names no
    owner and holds nothing either.

    A TL override is a metadata line whose key contains `override`, in any document of the
    batch, naming the lane (`lane B`) or its task id: `- TL override: lane B may edit
    `AGENTS.md` (T-102)`, `- Override request: lane B (approved by TL)`. Not an override:

    - a request nobody granted: `- Override request: lane B`;
    - one refused or still open: `(denied by TL)`, `TL override: rejected for lane B`,
      `TL override: pending`;
    - one from another role: `- SM override: ...`, `- Override: lane B (granted by SM)`.

    ## Why
    Protocol section 5: a non-owner lane touching a locked file is blocked until the lock is
    released or the Technical Lead overrides it. Anything else is two lanes racing on one
    high-risk file.

    ## Example
    ```markdown
    - Lock owner: `AGENTS.md` -> lane A

    | B | T-102 | Executive Assistant | hard(A) | `AGENTS.md`, `src/api.py` | active |
    ```
    Use instead: mark lane B `blocked` until lane A releases the lock, or record
    `- TL override: lane B may edit `AGENTS.md``.
    """
    for batch in ctx.batches():
        for lane in batch.lanes:
            # Blocked lanes wait for the lock; unknown ones get PDP203 and no guess here.
            if lane.lane.state in FINISHED_STATES or lane.lane.state in (BLOCKED, UNKNOWN):
                continue
            for lock in lane.plan.locks:
                if not lock.released:
                    yield from _lock_finding(ctx, lane, batch.lanes, lane.path, lock)
        yield from _brief_lock_findings(ctx, batch)


def _lock_finding(
    ctx: WorkspaceContext,
    lane: LaneRef,
    candidates: list[LaneRef],
    lock_path: str,
    lock: LockAssignment,
) -> Iterator[Finding]:
    """PDP503's finding for ``lane`` against one lock, unless it owns the lock, claims none
    of its files, or a TL override names it."""
    owners = _lock_owners(lock.owner, candidates, ctx.roles)
    if not owners or any(owner.ident == lane.ident for owner in owners):
        return
    claim = next(
        (c for c in lane.lane.files for locked in lock.paths if globs.overlap(c.path, locked)),
        None,
    )
    if claim is None or _overridden(lane, ctx.index.overrides):
        return
    yield Finding(
        claim.line,
        f"lane '{lane.id}' claims locked file '{claim.path}' owned by "
        f"lane '{owners[0].id}', is not blocked and has no TL override",
        column=claim.column,
        path=lane.path,
        related=(
            Location(lock_path, lock.line, message="file lock"),
            lane_at(owners[0], "lock owner lane"),
        ),
    )


def _brief_lock_findings(ctx: WorkspaceContext, batch: Batch) -> Iterator[Finding]:
    """PDP503 for lanes that briefs give: the batch's locks against those lanes."""
    briefs = [ref for ref in _briefs(batch) if ref.lane.state != BLOCKED]
    if not briefs:
        return
    locks = [
        (document.path, lock)
        for document in ctx.index.documents_of(batch.id)
        for lock in document.locks
        if lock.owner and not lock.released
    ]
    candidates = [*batch.lanes, *briefs]
    for lane in briefs:
        for lock_path, lock in locks:
            yield from _lock_finding(ctx, lane, candidates, lock_path, lock)
