"""Protocol section 10, parallel anti-patterns that only show across documents."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lanelint.linter.engine.context import WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Severity
from lanelint.linter.engine.registry import workspace_rule
from lanelint.linter.io import globs
from lanelint.linter.protocol.artifacts.mentions import lane_ids, task_ids
from lanelint.linter.workspace.index import LaneRef, WorkspaceIndex, is_active, key
from lanelint.rules._relations import lane_at, on_lane, verdict_unknown

CHIEF_ARCHITECT = "Chief Architect"
_WILDCARDS = re.compile(r"\*{1,2}/?|\?|\[[^\]]{0,40}\]")


@workspace_rule("PDP1001", "implementation-before-criteria", Severity.ERROR, section=10)
def implementation_before_criteria(ctx: WorkspaceContext) -> Iterator[Finding]:
    """An implementation lane is active before any requirements lane of its batch is accepted.

    ## What it does
    In each batch that has requirements/architecture lanes (owned by the Product Owner,
    System Analyst or Chief Architect), reports every active implementation lane (owned by
    the Executive Assistant) while none of those requirements lanes has an `accepted` ledger
    row (or the status `accepted`). Batches without a requirements lane took their
    criteria from earlier work and are not checked.

    ## Why
    Protocol section 10: starting implementation lanes before requirement acceptance
    criteria exist is an anti-pattern. The code is written against criteria that may still
    change, and the gate report has nothing to trace to.

    ## Example
    ```markdown
    | A | T-101 | System Analyst | none | `spec/api.md` | active |
    | B | T-102 | Executive Assistant | soft(A) | `src/api.py` | active |
    ```
    with no accepted ledger row for lane A.

    Use instead: accept lane A's criteria first (a ledger row `accepted`), then start lane B.
    """
    index = ctx.index
    for batch in index.batches.values():
        requirements = [lane for lane in batch.lanes if lane.type == "A"]
        if not requirements:
            continue
        if any(
            index.accepted_row(lane) is not None
            or lane.lane.status == "accepted"
            or verdict_unknown(index, lane)
            for lane in requirements
        ):
            continue
        for lane in batch.lanes:
            if lane.type == "B" and is_active(lane.lane.status):
                yield on_lane(
                    lane,
                    f"implementation lane '{lane.id}' is active while no requirements lane of "
                    "its batch has accepted acceptance criteria",
                    column="status",
                    related=tuple(
                        lane_at(r, "requirements lane, not accepted") for r in requirements
                    ),
                )


@lru_cache(maxsize=8192)
def _sensitive(claim: str, patterns: tuple[str, ...]) -> bool:
    """Whether a claimed path (a glob's wildcards read as plain letters) is sensitive.

    ``db/migrations/*`` is sensitive; ``tests/*`` is not, although a file named
    ``tests/security.py`` could match both globs.
    """
    literal = "/" + claim.replace("*", "x").replace("?", "x")
    return any(
        all(part in literal for part in _literal_parts(pattern))
        and globs.matches(literal[1:], pattern)
        for pattern in patterns
    )


@lru_cache(maxsize=256)
def _literal_parts(pattern: str) -> tuple[str, ...]:
    """The text between a glob's wildcards: every match contains each part (a quick filter)."""
    return tuple(part for part in _WILDCARDS.split("/" + pattern.lstrip("/")) if part)


def _approved(index: WorkspaceIndex, lane: LaneRef, paths: list[str]) -> bool:
    """Whether a Chief Architect approval covers the lane: by task, path, or lane in its batch."""
    for located in index.approvals:
        note = located.item
        if CHIEF_ARCHITECT not in note.roles:
            continue
        lanes = {key(name) for name in lane_ids(note.text)}
        tasks = {key(name) for name in task_ids(note.text)}
        if (lane.task and lane.task in tasks) or any(path in note.text for path in paths):
            return True
        if located.batch == lane.batch and (key(lane.id) in lanes or not (lanes or tasks)):
            return True
    return False


@workspace_rule("PDP1002", "sensitive-change-without-ca-approval", Severity.ERROR, section=10)
def sensitive_change_without_ca_approval(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane touches architecture- or security-sensitive paths with no Chief Architect approval.

    ## What it does
    A lane whose files overlap the `sensitive-paths` globs (by default schemas, migrations,
    ADRs and files named `*security*`) needs a recorded Chief Architect approval, unless the
    Chief Architect owns the lane. An approval is a metadata line whose key contains
    `approv` and whose key or value names the Chief Architect (`CA`), for example
    `- CA approval: lane B (T-102), `db/schema.sql` per ADR-7` or
    `**Approved by:** Chief Architect, lane B`. It must name the lane, its task id or the
    path; an approval naming none of them covers the batch of its document.

    A line that states another outcome is not an approval: `CA approval: pending`,
    `CA approval: rejected for lane B`, `denied`, `declined`, `not approved yet`,
    `awaiting ADR-7`, `under review`, `TBD`, or a key that asks (`CA approval requested:
    lane B`, `Pending CA approval: lane B`) unless its value grants it (`... — granted by
    the CA`). The last decision decides: `lane B approved; index review pending` and
    `requested 03-01, approved 03-02` are approvals, `approved, then revoked` is not.

    ## Why
    Protocol section 10: using parallelism to bypass architecture or security approvals is an
    anti-pattern. A schema or security change slipped into a parallel lane skips the review
    that the Chief Architect owes it.

    ## Example
    ```markdown
    | B | T-102 | Executive Assistant | hard(A) | `db/migrations/0003_add_index.sql` | active |
    ```
    and no approval line naming the Chief Architect.

    Use instead: record `- CA approval: lane B, migration 0003 (ADR-7)` in the batch.
    """
    index = ctx.index
    sensitive = ctx.config.sensitive_paths
    if not sensitive:
        return
    for lane in index.lanes:
        if CHIEF_ARCHITECT in lane.lane.owners:
            continue
        claims = [claim for claim in lane.lane.files if _sensitive(claim.path, sensitive)]
        if not claims or _approved(index, lane, [c.path for c in claims]):
            continue
        yield Finding(
            lane.lane.line,
            f"lane '{lane.id}' touches sensitive path '{claims[0].path}' with no Chief "
            "Architect approval recorded",
            column=claims[0].column,
            path=lane.path,
        )
