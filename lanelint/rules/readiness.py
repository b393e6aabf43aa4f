"""Protocol section 4, lane readiness: what a lane table must show before a lane starts."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.artifacts.lane_plan import LanePlan
from lanelint.linter.context import DocumentContext
from lanelint.linter.diagnostics import Finding, Severity
from lanelint.linter.registry import document_rule
from lanelint.rules._values import is_placeholder, quote


def _missing_column(plan: LanePlan, column: str, label: str) -> Finding | None:
    if column in plan.columns:
        return None
    return Finding(plan.line, f"lane table has no {label} column")


@document_rule("PDP401", "lane-task-missing", Severity.ERROR, section=4)
def lane_task_missing(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane has no task id.

    ## What it does
    Reports a lane table without a `Task` / `Task ID` column, and each lane whose task cell
    is empty.

    ## Why
    Protocol section 4: a lane can start only if its task id is assigned (and in the approved
    baseline, which PDP406 checks across documents).

    ## Example
    ```markdown
    | Lane | Task | Role | Dependency | Files |
    |---|---|---|---|---|
    | A |  | System Analyst | none | `spec/req.md` |
    ```
    Use instead: `| A | T-101 | System Analyst | none | `spec/req.md` |`.
    """
    for plan in ctx.artifacts.lane_plans:
        missing = _missing_column(plan, "task", "task id")
        if missing:
            yield missing
            continue
        for lane in plan.lanes:
            if not lane.task:
                yield Finding(
                    lane.line, f"lane '{lane.id}' has no task id", column=lane.column("task")
                )


@document_rule("PDP402", "lane-owner-missing", Severity.ERROR, section=4)
def lane_owner_missing(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane's owner role is missing or is not a role the protocol knows.

    ## What it does
    Reads the owner cell (`Role`, `Owner`, `Role owner`, `Owner role`) of each lane. Several
    owners may be named (`System Analyst + Product Owner`, `TL, SM`); each must be a protocol
    role, one of its abbreviations, or a configured `role-aliases` entry.

    ## Why
    Protocol section 4: the lane owner role must be explicit. Section 3 then requires the
    session's role to match it; a name that is not a role matches nothing.

    ## Example
    ```markdown
    | B | T-102 | the backend team | hard(A) | `src/app.py` |
    ```
    Use instead: `| B | T-102 | Executive Assistant | hard(A) | `src/app.py` |`.
    """
    for plan in ctx.artifacts.lane_plans:
        for lane in plan.lanes:
            if is_placeholder(lane.owner_text):
                continue
            if not lane.owner_text:
                yield Finding(
                    lane.line, f"lane '{lane.id}' has no owner role", column=lane.column("owner")
                )
            for part in lane.unknown_owners:
                yield Finding(
                    lane.line,
                    f"lane '{lane.id}' owner {quote(part)} is not a known role",
                    column=lane.column("owner"),
                )


@document_rule("PDP403", "lane-dependency-unmarked", Severity.ERROR, section=4)
def lane_dependency_unmarked(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane's dependency is not marked `none`, `soft` or `hard`.

    ## What it does
    Reports a lane table without a dependency column, and each lane whose dependency cell is
    not `none`, `soft` or `hard`, optionally naming upstream lanes: `hard(A)`, `soft(C)`,
    `hard(A, B)`, `hard(L1+L2)`. Free text such as `depends on L1 artifacts`,
    `parallel-safe` or `primary` is reported.

    ## Why
    Protocol sections 4 and 6: scheduling depends on the kind of dependency. A hard dependency
    waits for an accepted upstream commit; a soft one proceeds with `[ASSUMPTION]` tags.
    Free text cannot be scheduled.

    ## Example
    ```markdown
    | L2 | T-7 | Executive Assistant | depends on L1 artifacts | `src/x.py` |
    ```
    Use instead: `hard(L1)` or `soft(L1)`.
    """
    for plan in ctx.artifacts.lane_plans:
        missing = _missing_column(plan, "dependency", "dependency")
        if missing:
            yield missing
            continue
        for lane in plan.lanes:
            dependency = lane.dependency
            if dependency is None or dependency.marked or is_placeholder(dependency.raw):
                continue
            if not dependency.raw:
                message = f"lane '{lane.id}' has no dependency marked (none, soft or hard)"
            else:
                message = (
                    f"lane '{lane.id}' dependency {quote(dependency.raw)} is not marked "
                    "none, soft or hard"
                )
            yield Finding(lane.line, message, column=lane.column("dependency"))


@document_rule("PDP404", "lane-files-missing", Severity.ERROR, section=4)
def lane_files_missing(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane lists no target files.

    ## What it does
    Reports a lane table without a files column (`Files`, `Target files`, `File scope`,
    `Locked files`), and each lane whose files cell names no path.

    ## Why
    Protocol sections 4 and 5: parallel work is safe only on disjoint file sets, and that can
    only be checked when every lane lists its files.

    ## Example
    ```markdown
    | C | T-9 | QA/SET | hard(B) | TBD |
    ```
    Use instead: `` `apps/x/tests/*` ``.
    """
    for plan in ctx.artifacts.lane_plans:
        missing = _missing_column(plan, "files", "files")
        if missing:
            yield missing
            continue
        for lane in plan.lanes:
            cell = lane.cell("files")
            if lane.files or (cell is not None and is_placeholder(cell.text)):
                continue
            shown = f" ({quote(cell.text)})" if cell is not None and cell.text else ""
            yield Finding(
                lane.line,
                f"lane '{lane.id}' lists no target files{shown}",
                column=lane.column("files"),
            )


@document_rule("PDP405", "lane-acceptance-missing", Severity.ERROR, section=4)
def lane_acceptance_missing(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane table has an acceptance column but a lane's cell is empty.

    ## What it does
    Where the lane table has an `Acceptance` / `Acceptance checks` column, each lane must
    fill it. (Lanes whose checks live in the task file or a dispatch brief are checked across
    documents by PDP407.)

    ## Why
    Protocol section 4: acceptance checks must be listed before a lane starts; otherwise the
    gate report has nothing to be judged against.

    ## Example
    ```markdown
    | Lane | Task | Role | Dependency | Files | Acceptance |
    | A | T-1 | PO | none | `spec/req.md` |  |
    ```
    Use instead: name the checks, e.g. `criteria reviewed by SA`.
    """
    for plan in ctx.artifacts.lane_plans:
        if "acceptance" not in plan.columns:
            continue
        for lane in plan.lanes:
            if lane.acceptance == "":
                yield Finding(
                    lane.line,
                    f"lane '{lane.id}' lists no acceptance checks",
                    column=lane.column("acceptance"),
                )
