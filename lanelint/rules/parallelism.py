"""Protocol section 2, the parallelism model: lane types and the number of active lanes."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import DocumentContext, WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Severity
from lanelint.linter.engine.registry import document_rule, workspace_rule
from lanelint.linter.protocol.roles import LANE_TYPES, lane_type_name, lane_type_of
from lanelint.linter.protocol.vocabulary import statuses
from lanelint.linter.workspace.index import LaneRef
from lanelint.rules._values import is_placeholder, quote, unplaced_headers


@workspace_rule("PDP201", "too-many-active-lanes", Severity.WARNING, section=2, reads="batch")
def too_many_active_lanes(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A batch runs more active lanes than the protocol recommends (4 by default).

    ## What it does
    Counts the active lanes of one batch and reports when the count is above
    `max-active-lanes` (default 4). A lane is active when its status means active: `active`,
    `in progress`, `in-progress`, `running`, `wip`, `started`, `doing`, `ongoing`, `working`,
    `in flight`, `rework`, in any case and with notes around it (`in progress (day 2)`,
    `✅ active`, `**active** — since 10:00`). The status column may be headed `Status`,
    `State`, `Lane status` or `Lane state`.

    A lane table with no status column at all (the usual shape of a dispatch:
    `| Lane | Task | Owner | Depends on | Files |`) is a batch plan: every lane in it is one
    of the batch's lanes and counts.

    A batch is everything written under one batch id (`- Batch id: `B-7``, `**Batch:** B-7`,
    or a heading such as `## Batch B-7`), in whichever documents it is written: a dispatch, a
    workboard and a lane log of batch B-7 count together, and a document with `## Batch B-1`
    and `## Batch B-2` sections holds two batches. A document with lanes and no batch id is a
    batch of its own. A lane written in several documents counts once, and only when none of
    its rows gives another status.

    ## Why
    Protocol section 2: at most four active lanes per sprint batch. More lanes than that
    outgrow what one Technical Lead can review and integrate safely.

    ## Example
    A workboard with lanes A to E all `active`. Use instead: keep one of them `blocked` or
    move it to the next batch.
    """
    limit = ctx.config.max_active_lanes
    for batch in ctx.batches():
        active = _active_lanes(batch.lanes)
        if len(active) > limit:
            first = active[limit]
            names = ", ".join(ref.id or "?" for ref in active)
            yield Finding(
                first.plan.line,
                f"batch '{batch.id}' has {len(active)} active lanes ({names}); "
                f"the protocol recommends at most {limit}",
                end_line=first.plan.end_line,
                path=first.path,
            )


def _active_lanes(lanes: list[LaneRef]) -> list[LaneRef]:
    """The first row of each active lane, in the order the batch writes them.

    A lane (rows with one lane id) is active when some row says so and no row gives another
    status; rows without a lane id count one by one.
    """
    vetoed = {ref.ident for ref in lanes if ref.id and ref.lane.status and not _active(ref)}
    seen: set[tuple[str, str]] = set()
    found: list[LaneRef] = []
    for ref in lanes:
        if not _active(ref) or ref.ident in vetoed:
            continue
        if ref.id:
            if ref.ident in seen:
                continue
            seen.add(ref.ident)
        found.append(ref)
    return found


def _active(ref: LaneRef) -> bool:
    """Active by its status, or a lane of a plan with no status column (a batch plan)."""
    if ref.lane.state == statuses.ACTIVE:
        return True
    # No status column: a batch plan, unless a header that may be the status column could
    # not be placed (its lanes are then of unknown state, and PDP204 names the header).
    return "status" not in ref.plan.columns and ref.lane.state != statuses.UNKNOWN


@document_rule("PDP202", "lane-letter-type-mismatch", Severity.WARNING, section=2)
def lane_letter_type_mismatch(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane lettered A–E is owned by a role of another lane type.

    ## What it does
    Where a lane's id is one of the letters `A` to `E`, readers take the letter for the lane
    type of protocol section 2 (A requirements/architecture, B implementation, C quality,
    D operations, E orchestration). The rule reports a lane whose owner roles all belong to
    another type. Lanes with sequence ids (`L1`, `L2`) are not checked.

    ## Why
    A lane `B` owned by QA/SET is read as an implementation lane: integration order and
    readiness checks are then applied to the wrong lane.

    ## Example
    ```markdown
    | B | T-7 | QA/SET | hard(A) | `tests/*` | active |
    ```
    Use instead: letter the lane `C`, or use sequence ids.
    """
    for plan in ctx.artifacts.lane_plans:
        for lane in plan.lanes:
            letter = lane.id.upper()
            if letter not in LANE_TYPES or not lane.owners:
                continue
            types = {lane_type_of(role) for role in lane.owners} - {None}
            if not types or letter in types or len(types) > 1:
                continue
            found = sorted(t for t in types if t)
            described = " and ".join(f"{lane_type_name(t)} (type {t})" for t in found)
            yield Finding(
                lane.line,
                f"lane '{lane.id}' is owned by '{lane.owner_text}', a role of the {described} "
                f"lane; readers take '{letter}' for {lane_type_name(letter)}",
                column=lane.column("lane"),
            )


@document_rule("PDP203", "lane-status-unknown", Severity.WARNING, section=2)
def lane_status_unknown(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane's status is a word lanelint cannot read as a lane state.

    ## What it does
    Reads each lane's status cell (column `Status`, `State`, `Lane status`, `Lane state` or
    `Current status`) as one of the states a lane can be in, and reports a status that is
    none of them. Such a lane is treated as *unknown* by every other rule: not as active,
    not as blocked, not as done; this finding is the only one it gets for its status.

    Accepted, in any case and with notes around them (`in progress (day 2)`, `✅ done`,
    `blocked by infra`, `~~active~~ done`, `**active** — since 10:00`):

    - active: `active`, `in progress`, `in-progress`, `running`, `wip`, `started`, `doing`,
      `ongoing`, `working`, `in flight`, `in development`, `underway`, `rework`, `reopened`;
    - blocked: `blocked`, `on hold`, `waiting`, `stuck`, `paused`, `stalled`, `suspended`;
    - done: `done`, `merged`, `closed`, `accepted`, `complete`, `completed`, `finished`,
      `integrated`, `shipped`, `delivered`;
    - submitted: `submitted`, `in review`, `review`, `under review`, `awaiting review`,
      `ready for review`, `pending review`;
    - pending: `pending`, `planned`, `not started`, `todo`, `queued`, `ready`, `new`,
      `backlog`, `scheduled`;
    - cancelled: `cancelled`, `canceled`, `dropped`, `abandoned`, `descoped`, `withdrawn`.

    A status word followed by a linking word (`blocked by infra`, `done since Monday`,
    `waiting for L1`) is read as that status with a note. An empty cell or a blank stand-in
    (`-`, `TBD`, `n/a`) is no status and is not reported.

    ## Why
    Protocol sections 2, 3 and 9 key on a lane's status: the active-lane limit, the
    preflight stamp every active lane needs, heartbeats and escalation of blocked lanes. A
    status nobody can read switches all of those checks off without a word.

    ## Example
    ```markdown
    | B | T-102 | Executive Assistant | hard(A) | `src/api.py` | actve |
    ```
    Use instead: `active`.
    """
    for plan in ctx.artifacts.lane_plans:
        for lane in plan.lanes:
            cell = lane.cell("status")
            if lane.state != statuses.UNKNOWN or cell is None or is_placeholder(cell.text):
                continue
            written = cell.text
            yield Finding(
                lane.line,
                f"lane '{lane.id}' status {quote(written)} is not a lane status lanelint knows "
                "(active, blocked, done, submitted, pending, cancelled); the lane is treated "
                "as unknown",
                column=lane.column("status"),
            )


@document_rule("PDP204", "lane-table-header-unknown", Severity.WARNING, section=2)
def lane_table_header_unknown(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane table has a column header lanelint cannot place.

    ## What it does
    A lane table is a table with a lane column and an owner column. When most of its headers
    name lane fields, a header that names none of them and is no known free-text column is
    reported by name when it may hide a field: it reads like a misspelt known header
    (`Stauts`, `Dependancy`, `Lokced files`), or the table has no task, dependency or files
    column (the unplaced header may be it; the missing column is then not reported apart).
    A team's own extra column beside a complete table (`Priority`, `Risk level`) is fine.

    Headers are compared in lower case, without backticks, emphasis or anything in
    parentheses. Accepted for each field:

    - lane: `Lane`, `Lane id`, `Lane #`; task: `Task`, `Task id`, `Tasks`, `Ticket`;
    - owner: `Role`, `Owner`, `Owners`, `Role owner`, `Owner role`, `Owner roles`, `Roles`,
      `Lane owner`, `Session role`;
    - dependency: `Dependency`, `Dependencies`, `Dependency type`, `Depends on`, `Deps`;
    - files: `Files`, `Locked files`, `File scope`, `Target files`, `Files in scope`,
      `Paths`, `Owned files`, `Write scope`;
    - status: `Status`, `State`, `Lane status`, `Lane state`, `Current status`;
    - last update: `Last update`, `Last updated`, `Updated`, `Last heartbeat`;
    - acceptance: `Acceptance`, `Acceptance checks`, `Acceptance criteria`, `Checks`,
      `Done when`, `Definition of done`.

    Free-text columns no rule reads are fine: `Notes`, `Comments`, `Description`, `Goal`,
    `Scope`, `Priority`, `ETA`, `Branch`, `PR`, `Session`, `Blockers`, `Next step`,
    `Evidence`, `Verdict`, `Gate report`, and the like.

    ## Why
    Protocol sections 2, 4, 5 and 6 are checked from the lane table's columns; a column that
    cannot be placed is a column whose facts are never checked.

    ## Example
    ```markdown
    | Lane | Task | Owner | Dependency | Files | Stauts |
    ```
    Use instead: `Status`.
    """
    for plan in ctx.artifacts.lane_plans:
        yield from unplaced_headers(plan.columns, plan.unplaced, "lane table")
