"""Protocol section 3, session and terminal rules: preflight stamps."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import DocumentContext, WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location, Severity
from lanelint.linter.engine.registry import document_rule, workspace_rule
from lanelint.linter.protocol.artifacts.stamp import PreflightStamp, StampEntry
from lanelint.linter.protocol.timestamps import parse_timestamp
from lanelint.linter.workspace.index import LaneRef, StampRef, is_active
from lanelint.linter.workspace.index import key as id_key
from lanelint.rules._relations import lane_at, on_lane
from lanelint.rules._spelling import (
    fill_stamp_field,
    insert_stamp_field,
    respell_role,
    stamp_role_fix,
)
from lanelint.rules._values import is_placeholder, quote

_ROLE = "role"
_STATUS = "preflight status"
_READY = "READY TO EXECUTE"


def _entry(stamp: PreflightStamp, key: str, number: int | None) -> StampEntry | None:
    return stamp.check(number) if number is not None else stamp.field(key)


def _is_timestamp_field(key: str, hint: str) -> bool:
    return key.casefold() == "timestamp" or "YYYY" in hint


@document_rule("PDP301", "stamp-field-missing", Severity.ERROR, section=3, fixable=True)
def stamp_field_missing(ctx: DocumentContext) -> Iterator[Finding]:
    """A preflight stamp lacks a field or numbered check of the template, or leaves it empty.

    ## What it does
    Compares each `PREFLIGHT STAMP` block with the stamp template: the folder's own
    `spec/templates/PREFLIGHT_STAMP_TEMPLATE.md` where it has one, else lanelint's built-in
    schema (`Runtime`, `Role`, `Timestamp`, checks 1 to 5, `Preflight status`). Every field and
    numbered check the template names must be present with a value.

    ## Why
    Protocol section 3: every lane session starts with a valid preflight stamp. A stamp with a
    check missing does not show that the check was run.

    ## Fix
    `lanelint check --fix` inserts each missing line inside the stamp's fence, after the
    entries that precede it in the template, with the template's placeholder as its value
    (`2) Skill discovery (R2): <PASS|FAIL>`); an empty field gets the placeholder too. The
    placeholder is then reported by PDP001 until someone fills in the real value.

    ## Example
    ```text
    PREFLIGHT STAMP
    Runtime: Codex
    Role: Technical Lead
    Preflight status: READY TO EXECUTE
    ```
    Use instead: a stamp with `Timestamp:` and the five numbered checks.
    """
    for stamp in ctx.artifacts.stamps:
        for order, spec in enumerate(ctx.stamp_schema.fields):
            entry = _entry(stamp, spec.key, spec.number)
            if entry is None:
                yield Finding(
                    stamp.line,
                    f"preflight stamp has no {quote(spec.label)} line",
                    end_line=stamp.end_line,
                    fix=insert_stamp_field(ctx.document, stamp, ctx.stamp_schema, order),
                )
            elif not entry.value:
                yield Finding(
                    entry.line,
                    f"preflight stamp field {quote(spec.label)} is empty",
                    fix=fill_stamp_field(ctx.document, entry, spec.hint),
                )


@document_rule("PDP302", "stamp-value-not-allowed", Severity.ERROR, section=3)
def stamp_value_not_allowed(ctx: DocumentContext) -> Iterator[Finding]:
    """A preflight stamp field holds a value the template does not allow.

    ## What it does
    Where the stamp template writes `<A|B|C>` for a field or check, the filled value must be
    one of `A`, `B` or `C` (compared without regard to case). The role is checked by PDP306.

    Values are compared with their notes set aside: `PASS (AGENTS.md loaded, 9 sections)`,
    `PASS ✅`, `**PASS**` and `PASS — loaded` are `PASS`; `PAS (loaded)` is reported.

    ## Why
    Protocol section 3: a stamp is only valid when each check reads as the template defines it;
    `OK` or `done` says nothing a reviewer can rely on.

    ## Example
    ```text
    2) Skill discovery (R2): OK
    ```
    Use instead: `2) Skill discovery (R2): PASS`.
    """
    for stamp in ctx.artifacts.stamps:
        for spec in ctx.stamp_schema.fields:
            if spec.allowed is None or (spec.number is None and spec.key.casefold() == _ROLE):
                continue
            entry = _entry(stamp, spec.key, spec.number)
            if entry is None or not entry.value or is_placeholder(entry.value):
                continue
            allowed = {value.casefold() for value in spec.allowed}
            if entry.value.casefold() not in allowed and entry.core.casefold() not in allowed:
                yield Finding(
                    entry.line,
                    f"stamp {quote(spec.label)} is {quote(entry.value)}; "
                    f"allowed: {', '.join(spec.allowed)}",
                    column=entry.column,
                )


@document_rule("PDP303", "stamp-timestamp-invalid", Severity.ERROR, section=3)
def stamp_timestamp_invalid(ctx: DocumentContext) -> Iterator[Finding]:
    """A preflight stamp's timestamp does not parse as a date and time.

    ## What it does
    Reads the `Timestamp:` value as `YYYY-MM-DD HH:MM` with an optional zone (`UTC`, `MSK`,
    `+03:00`) or as ISO 8601 (`2026-02-15T10:30Z`). A date alone or free text is reported.

    A zone in parentheses is the timestamp's zone (`2026-02-16 10:00 (UTC+3)` is 07:00
    UTC); other notes are set aside (`2026-02-16 10:00 UTC (after standup)`, `... ✅`).

    ## Why
    Protocol sections 3 and 9: the timestamp orders sessions and heartbeats; one that cannot
    be read cannot be compared with anything.

    ## Example
    ```text
    Timestamp: this morning
    ```
    Use instead: `Timestamp: 2026-02-16 09:30 UTC`.
    """
    for stamp in ctx.artifacts.stamps:
        for spec in ctx.stamp_schema.fields:
            if spec.number is not None or not _is_timestamp_field(spec.key, spec.hint):
                continue
            entry = stamp.field(spec.key)
            if entry is None or not entry.value or is_placeholder(entry.value):
                continue
            if parse_timestamp(entry.value, require_time=True) is None:
                yield Finding(
                    entry.line,
                    f"stamp timestamp {quote(entry.value)} is not a date and time "
                    "(expected YYYY-MM-DD HH:MM TZ)",
                    column=entry.column,
                )


@document_rule("PDP304", "stamp-ready-with-failed-check", Severity.ERROR, section=3)
def stamp_ready_with_failed_check(ctx: DocumentContext) -> Iterator[Finding]:
    """A preflight stamp says `READY TO EXECUTE` although one of its checks is `FAIL`.

    ## What it does
    Reports a stamp whose `Preflight status` is `READY TO EXECUTE` while a numbered check
    reads `FAIL`.

    ## Why
    Protocol section 3 and the stamp's hard-fail policy: a failed check means the session is
    `NOT READY TO EXECUTE`. A ready status over a failed check hides the failure.

    ## Example
    ```text
    2) Skill discovery (R2): FAIL
    Preflight status: READY TO EXECUTE
    ```
    Use instead: fix the failing check, or write `Preflight status: NOT READY TO EXECUTE`.
    """
    for stamp in ctx.artifacts.stamps:
        status = stamp.field("Preflight status")
        if status is None or status.core.upper() != _READY:
            continue
        for check in stamp.checks:
            if check.core.upper() == "FAIL":
                yield Finding(
                    status.line,
                    f"stamp is 'READY TO EXECUTE' but check '{check.number}) {check.key}' is "
                    "'FAIL'",
                    column=status.column,
                )


@document_rule("PDP305", "stamp-analyst-framework-not-pass", Severity.ERROR, section=3)
def stamp_analyst_framework_not_pass(ctx: DocumentContext) -> Iterator[Finding]:
    """A System Analyst session's framework readiness check is not `PASS`.

    ## What it does
    For a stamp whose role is System Analyst (or `SA`), the framework readiness check (the
    check named `Framework readiness`, else check 5) must read `PASS`.

    ## Why
    The stamp's hard-fail policy: a System Analyst planning session without a readable
    framework baseline is not ready to execute. `SKIP` is for the other roles.

    ## Example
    ```text
    Role: System Analyst
    5) Framework readiness (System Analyst planning only): SKIP
    ```
    Use instead: read the framework reference and write `PASS`.
    """
    for stamp in ctx.artifacts.stamps:
        role = stamp.field("Role")
        if role is None or ctx.roles.canonical(role.value) != "System Analyst":
            continue
        check = next((c for c in stamp.checks if "framework" in c.key.casefold()), stamp.check(5))
        if check is None or not check.value or is_placeholder(check.value):
            continue
        if check.core.upper() != "PASS":
            yield Finding(
                check.line,
                f"System Analyst session has framework readiness {quote(check.value)}, not 'PASS'",
                column=check.column,
            )


@document_rule("PDP306", "stamp-unknown-role", Severity.ERROR, section=3)
def stamp_unknown_role(ctx: DocumentContext) -> Iterator[Finding]:
    """A preflight stamp names a role the protocol does not have.

    ## What it does
    Reads the stamp's `Role:` value against the protocol's roles, their usual abbreviations
    (`TL`, `SA`, `QA`, ...) and the `role-aliases` of the configuration.

    Notes around the role are set aside: `Executive Assistant (EA)`, `EA — backend`,
    `System Analyst (Alice)` name known roles.

    ## Why
    Protocol section 3: the session role must match the lane owner role. An unknown role
    matches no lane, and no one can tell which authority the session acted under.

    ## Example
    ```text
    Role: Architect
    ```
    Use instead: `Role: Chief Architect`.
    """
    for stamp in ctx.artifacts.stamps:
        role = stamp.field("Role")
        if role is None or not role.value or is_placeholder(role.value):
            continue
        if ctx.roles.canonical(role.value) is None:
            yield Finding(
                role.line, f"stamp role {quote(role.value)} is not a known role", column=role.column
            )


@document_rule("PDP309", "stamp-role-spelling", Severity.INFO, section=3, fixable=True)
def stamp_role_spelling(ctx: DocumentContext) -> Iterator[Finding]:
    """A preflight stamp writes a known role in a non-canonical spelling.

    ## What it does
    Reports a stamp `Role:` that names a known role in a case, spacing or punctuation variant
    (`technical lead`, `Qa/Set`, `tl`). The canonical names, their usual abbreviations and
    the configured `role-aliases` are fine as written.
    The canonical names are Product Owner, System Analyst, Chief Architect, Executive
    Assistant, QA/SET, DevOps/SRE, Technical Lead, Scrum Master, Developer Helper, Business
    Coach and Technical Support Agent; the abbreviations accepted as written are `PO`, `SA`,
    `CA`, `EA`, `QA`, `SET`, `DevOps`, `SRE`, `TL` and `SM`.

    ## Why
    Protocol section 3: the session role must match the lane owner role. One spelling per
    role keeps stamps, lane tables and ledgers easy to compare by eye and by search.

    ## Fix
    `lanelint check --fix` writes the canonical name (`Technical Lead`), or the usual case of
    an abbreviation (`tl` becomes `TL`).

    ## Example
    ```text
    Role: technical lead
    ```
    Use instead: `Role: Technical Lead`.
    """
    for stamp in ctx.artifacts.stamps:
        role = stamp.field("Role")
        if role is None or not role.value or is_placeholder(role.value):
            continue
        spelling = respell_role(role.value, ctx.roles, ctx.config.role_aliases)
        if spelling is not None:
            yield Finding(
                role.line,
                f"stamp role {quote(role.value)} is written in a non-canonical spelling; "
                f"write '{spelling}'",
                column=role.column,
                fix=stamp_role_fix(role, spelling),
            )


# -- across documents -------------------------------------------------------------------


def _stamp_ready(ref: StampRef) -> bool:
    status = ref.stamp.field("Preflight status")
    return status is None or not status.core.upper().startswith("NOT")


def _stamp_fits(ref: StampRef, lane: LaneRef) -> bool:
    if ref.task and ref.task != lane.task:
        return False
    if ref.lane and ref.lane != id_key(lane.id):
        return False
    return not ref.batch or ref.batch == lane.batch


@workspace_rule("PDP307", "active-lane-without-stamp", Severity.ERROR, section=3)
def active_lane_without_stamp(ctx: WorkspaceContext) -> Iterator[Finding]:
    """An active lane has no preflight stamp whose role matches its owner.

    ## What it does
    For every lane whose status is `active` (or `in progress`, `running`), looks through the
    preflight stamps of every document of the run for one whose `Role:` is one of the lane's
    owner roles (abbreviations and `role-aliases` included). Where a stamp names a `Task:`
    or a `Lane:` (or its document a `Batch id`), it counts only for that task, lane or batch.
    Stamps that read `NOT READY TO EXECUTE` do not count.

    ## Why
    Protocol section 3: every lane session starts with a valid preflight stamp, and the
    session's role must match the lane owner role. An active lane with no such stamp runs
    without anyone having checked that it may.

    ## Example
    A lane `| B | T-102 | Executive Assistant | hard(A) | `src/api.py` | active |` and a
    session log whose only stamp says `Role: QA/SET`.

    Use instead: a stamp with `Role: Executive Assistant` (and `Task: T-102`) in the session log.
    """
    index = ctx.index
    by_role: dict[str, list[StampRef]] = {}
    for ref in index.stamps:
        if ref.role is not None and _stamp_ready(ref):
            by_role.setdefault(ref.role, []).append(ref)
    for lane in index.lanes:
        if not is_active(lane.lane.status) or not lane.lane.owners:
            continue
        candidates = [s for role in lane.lane.owners for s in by_role.get(role, [])]
        if any(_stamp_fits(ref, lane) for ref in candidates):
            continue
        related = tuple(
            Location(s.path, s.stamp.line, message="stamp for another task or lane")
            for s in candidates
        )
        task = f" for task {quote(lane.lane.task)}" if lane.lane.task else ""
        yield on_lane(
            lane,
            f"active lane '{lane.id}' has no preflight stamp with role "
            f"{quote(lane.lane.owner_text)}{task}",
            column="owner",
            related=related,
        )


@workspace_rule("PDP308", "stamp-role-owns-no-lane", Severity.WARNING, section=3)
def stamp_role_owns_no_lane(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A preflight stamp's role owns no lane (or not the lane or task the stamp names).

    ## What it does
    Runs when the folder holds at least one lane plan. For each stamp with a known role,
    reports it when no lane of the run is owned by that role; where the stamp names a
    `Task:` or `Lane:`, when that lane is owned by another role or does not exist.

    ## Why
    Protocol section 3: the session role must match the lane owner role. A session under a
    role that owns no lane acts outside the batch's plan and authority boundaries.

    ## Example
    ```text
    PREFLIGHT STAMP
    Role: DevOps/SRE
    Task: T-102
    ```
    while lane `B` (task `T-102`) is owned by the Executive Assistant.

    Use instead: `Role: Executive Assistant`, or add a lane for the DevOps/SRE work.
    """
    index = ctx.index
    if not index.lanes:
        return
    owned: dict[str, list[LaneRef]] = {}
    for lane in index.lanes:
        for role in lane.lane.owners:
            owned.setdefault(role, []).append(lane)
    for ref in index.stamps:
        if ref.role is None:
            continue
        entry = ref.stamp.field("Role")
        line, column = (entry.line, entry.column) if entry else (ref.stamp.line, 1)
        pool = index.lanes_with_task(ref.task) if ref.task else index.lanes_with_id(ref.lane)
        named = [lane for lane in pool if (ref.task or ref.lane) and _stamp_fits(ref, lane)]
        mine = [lane for lane in named if ref.role in lane.lane.owners]
        if ref.task or ref.lane:
            if mine:
                continue
            task = ref.stamp.field("Task") or ref.stamp.field("Task id")
            lane_entry = ref.stamp.field("Lane") or ref.stamp.field("Lane id")
            if ref.task and task is not None:
                what = f"task {quote(task.value)}"
            else:
                what = f"lane {quote(lane_entry.value if lane_entry else ref.lane)}"
            if named:
                message = (
                    f"stamp role {quote(ref.role)} does not own {what} "
                    f"(owner: {quote(named[0].lane.owner_text)})"
                )
            else:
                message = f"stamp names {what}, which no lane of the folder has"
            related = tuple(lane_at(lane) for lane in named)
        elif ref.role in owned:
            continue
        else:
            message = f"stamp role {quote(ref.role)} owns no lane in the folder"
            related = ()
        yield Finding(line, message, column=column, path=ref.path, related=related[:5])
