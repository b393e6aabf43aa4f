"""Protocol section 2, the parallelism model: lane types and the number of active lanes."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import DocumentContext, WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Severity
from lanelint.linter.engine.registry import document_rule, workspace_rule
from lanelint.linter.protocol.roles import LANE_TYPES, lane_type_name, lane_type_of
from lanelint.linter.workspace.index import LaneRef

ACTIVE_STATUSES = frozenset({"active", "in progress", "in-progress", "running", "wip"})


@workspace_rule("PDP201", "too-many-active-lanes", Severity.WARNING, section=2, reads="batch")
def too_many_active_lanes(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A batch runs more active lanes than the protocol recommends (4 by default).

    ## What it does
    Counts the active lanes of one batch and reports when the count is above
    `max-active-lanes` (default 4). A lane is active when its status is `active`,
    `in progress`, `in-progress`, `running` or `wip`. A batch is everything written under one
    batch id (`- Batch id: `B-7``, `**Batch:** B-7`, or a heading such as `## Batch B-7`), in
    whichever documents it is written: a dispatch, a workboard and a lane log of batch B-7
    count together, and a document with `## Batch B-1` and `## Batch B-2` sections holds two
    batches. A document with lanes and no batch id is a batch of its own. A lane written in
    several documents counts once, and only when none of its rows gives another status.

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
    return ref.lane.status in ACTIVE_STATUSES


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
            if not types or letter in types:
                continue
            found = sorted(t for t in types if t)
            described = " and ".join(f"{lane_type_name(t)} (type {t})" for t in found)
            yield Finding(
                lane.line,
                f"lane '{lane.id}' is owned by '{lane.owner_text}', a role of the {described} "
                f"lane; readers take '{letter}' for {lane_type_name(letter)}",
                column=lane.column("lane"),
            )
