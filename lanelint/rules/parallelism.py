"""Protocol section 2, the parallelism model: lane types and the number of active lanes."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import DocumentContext
from lanelint.linter.engine.diagnostics import Finding, Severity
from lanelint.linter.engine.registry import document_rule
from lanelint.linter.protocol.roles import LANE_TYPES, lane_type_name, lane_type_of
from lanelint.linter.protocol.vocabulary import statuses


@document_rule("PDP201", "too-many-active-lanes", Severity.WARNING, section=2)
def too_many_active_lanes(ctx: DocumentContext) -> Iterator[Finding]:
    """A batch runs more active lanes than the protocol recommends (4 by default).

    ## What it does
    Counts the lanes whose status is `active` (or `in progress`) over the lane tables of one
    batch document and reports when the count is above `max-active-lanes` (default 4).

    ## Why
    Protocol section 2: at most four active lanes per sprint batch. More lanes than that
    outgrow what one Technical Lead can review and integrate safely.

    ## Example
    A workboard with lanes A to E all `active`. Use instead: keep one of them `blocked` or
    move it to the next batch.
    """
    limit = ctx.config.max_active_lanes
    active = [
        (plan, lane)
        for plan in ctx.artifacts.lane_plans
        for lane in plan.lanes
        if lane.state == statuses.ACTIVE
    ]
    if len(active) > limit:
        plan = active[limit][0]
        names = ", ".join(lane.id or "?" for _, lane in active)
        yield Finding(
            plan.line,
            f"batch '{plan.batch_id}' has {len(active)} active lanes ({names}); "
            f"the protocol recommends at most {limit}",
            end_line=plan.end_line,
        )


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
