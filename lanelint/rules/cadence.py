"""Protocol section 9, monitoring and cadence: heartbeats and blocked-state escalations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from lanelint.linter.engine.context import DocumentContext, WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location, Severity
from lanelint.linter.engine.registry import document_rule, workspace_rule
from lanelint.linter.protocol.vocabulary.roles import ESCALATION_ROLES
from lanelint.linter.workspace.index import is_active, is_blocked
from lanelint.rules._relations import on_lane
from lanelint.rules._values import quote


def _interval(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}m" if rest else f"{hours}h"


def _reference(given: datetime | None) -> str:
    return "--now" if given is not None else "batch's newest timestamp"


def _shown(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


@workspace_rule("PDP901", "heartbeat-overdue", Severity.WARNING, section=9, reads="batch")
def heartbeat_overdue(ctx: WorkspaceContext) -> Iterator[Finding]:
    """An active lane has no heartbeat within the interval before the batch's newest timestamp.

    ## What it does
    Takes the newest timestamp the batch records (its lanes' `Last update` cells, their
    heartbeats and escalations) as "now", or the date and time given with `--now` (as CI
    does, to measure against the clock; a date alone is its midnight UTC), and reports each
    active lane whose latest heartbeat is older than the interval before it
    (`heartbeat-interval`, 2 hours by default), or that has none. Without `--now` the
    output depends on the documents only. A heartbeat is an entry of a heartbeat log: a
    heading such as `## 2026-02-16 11:00 UTC - Lane B` with `Status`, `Blockers` and
    `Next step` lines (see `lanelint explain PDP902`). Batches with no timestamp at all
    are not checked without `--now` (see PDP911).

    ## Why
    Protocol section 9: an active parallel batch needs a lane heartbeat every 2 hours. A lane
    that has gone quiet may be stuck, blocked or abandoned, and nobody knows.

    ## Example
    Lane B is `active`; its last heartbeat is `2026-02-16 08:00 UTC` while lane C was updated
    at `2026-02-16 13:30 UTC`.

    Use instead: add a heartbeat for lane B at least every two hours.
    """
    index = ctx.index
    interval = timedelta(minutes=ctx.config.heartbeat_interval_minutes)
    given = index.when(ctx.config.now) if ctx.config.now else None
    for batch in ctx.batches():
        active = [lane for lane in batch.lanes if is_active(lane.lane.status)]
        if not active:
            continue
        newest = given or index.newest(batch)
        if newest is None:
            continue
        for lane in active:
            latest: tuple[datetime, str, int] | None = None
            for beat in index.heartbeats_of(lane):
                moment = index.when(beat.item.timestamp)
                if moment is not None and (latest is None or moment > latest[0]):
                    latest = (moment, beat.path, beat.item.line)
            if latest is not None and newest - latest[0] <= interval:
                continue
            if latest is None:
                message = (
                    f"active lane '{lane.id}' has no heartbeat ({_reference(given)} "
                    f"{_shown(newest)})"
                )
                related: tuple[Location, ...] = ()
            else:
                message = (
                    f"active lane '{lane.id}' last heartbeat {_shown(latest[0])} is more than "
                    f"{_interval(ctx.config.heartbeat_interval_minutes)} before "
                    f"{'' if given else 'the '}{_reference(given)} {_shown(newest)}"
                )
                related = (Location(latest[1], latest[2], message="latest heartbeat"),)
            yield on_lane(lane, message, column="status", related=related)


@document_rule("PDP902", "heartbeat-incomplete", Severity.WARNING, section=9)
def heartbeat_incomplete(ctx: DocumentContext) -> Iterator[Finding]:
    """A heartbeat entry lacks its status, blockers or next step.

    ## What it does
    A heartbeat log is a document whose title or file name contains `heartbeat`. Each entry
    is a `##`/`###` heading with a date and time and the lane (`## 2026-02-16 11:00 UTC -
    Lane B`), or a list item starting with a date and time. Its fields are written as
    `- Status: ...` / `**Status:** ...` lines under the heading (for a list item, as
    `Status: ...; Blockers: ...; Next step: ...`). A field label followed by a list is a
    value (`- Blockers:` with a nested `- none, waiting for B`, or `**Blockers:**` then
    bullets). A heartbeat table is read as well: a table of a heartbeat log (or under a
    heading containing `heartbeat`) with a time column (`Time`, `Timestamp`, `When`, `Date`)
    and field columns, `| Time | Lane | Status | Blockers | Next step |`, one entry a row.
    Reports entries missing any of `Status`, `Blockers` or `Next step`, or leaving one empty.

    ## Why
    Protocol section 9: a lane heartbeat carries `status`, `blockers` and `next step`.
    Without blockers nobody can tell a quiet lane from a stuck one.

    ## Example
    ```markdown
    ## 2026-02-16 11:00 UTC - Lane B
    - Status: handlers half done
    ```
    Use instead: add `- Blockers: none` and `- Next step: finish the handlers`.
    """
    for beat in ctx.artifacts.heartbeats:
        missing = beat.missing
        if missing:
            lane = f"lane {quote(beat.lane)}" if beat.lane else "heartbeat"
            yield Finding(
                beat.line,
                f"{lane} heartbeat {quote(beat.timestamp)} has no {', '.join(missing)}",
            )


@workspace_rule("PDP903", "blocked-lane-not-escalated", Severity.ERROR, section=9, reads="batch")
def blocked_lane_not_escalated(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A blocked lane has no escalation that reaches both the Technical Lead and the Scrum Master.

    ## What it does
    For each lane whose status starts with `blocked`, collects the escalations that name it
    (by `Lane:` / `lane B` or task id): escalation documents with `**From:**`, `**To:**`,
    `**Date:**` and `**Reason:**` lines, list items under an `Escalations` heading, and rows
    of an escalation table (under such a heading, or with an `Escalated to` column:
    `| Lane | Blocker | Escalated to | Raised |`). Reports the lane unless the roles they
    reach (`To`, `Cc`, the recipient column, or named in the item) include both the
    Technical Lead and the Scrum Master. Roles may be joined by `,`, `;`, `+` or `and`.

    A role is not reached when its clause says so: `-> owner TL; SM not informed yet`,
    `TL (SM to be notified)`, `TL, no SM`, `SM: pending`, `**Cc:** Scrum Master (not
    informed yet)`, `Scrum Master (on leave)`.

    ## Why
    Protocol section 9: a blocked state is escalated explicitly to the TL and the SM. The TL
    resolves technical blockers and locks; the SM removes process impediments. Escalating to
    one of them leaves half of the blocker unowned.

    ## Example
    ```markdown
    **From:** QA/SET
    **To:** Technical Lead
    **Date:** 2026-02-16 12:00 UTC
    **Reason:** lane C blocked: staging database is down
    ```
    Use instead: `**To:** Technical Lead, Scrum Master`.
    """
    index = ctx.index
    for lane in (lane for batch in ctx.batches() for lane in batch.lanes):
        if not is_blocked(lane.lane.status):
            continue
        escalations = index.escalations_of(lane)
        reached = {role for item in escalations for role in item.item.recipients}
        missing = [role for role in ESCALATION_ROLES if role not in reached]
        if not missing:
            continue
        if escalations:
            message = (
                f"blocked lane '{lane.id}' is escalated, but not to the {' or the '.join(missing)}"
            )
        else:
            message = (
                f"blocked lane '{lane.id}' has no escalation to the Technical Lead and the "
                "Scrum Master"
            )
        related = tuple(
            Location(item.path, item.item.line, message="escalation") for item in escalations
        )
        yield on_lane(lane, message, column="status", related=related)
