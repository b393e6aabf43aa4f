"""Protocol section 4, lane readiness: what a lane table must show before a lane starts."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import DocumentContext, WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location, Severity
from lanelint.linter.engine.registry import document_rule, workspace_rule
from lanelint.linter.protocol.artifacts.lane_plan import LanePlan
from lanelint.linter.protocol.artifacts.tables import is_blank
from lanelint.linter.protocol.roles import lane_type_name, lane_type_of
from lanelint.linter.workspace.briefs import brief_lanes
from lanelint.linter.workspace.summary import summarize
from lanelint.rules._relations import on_lane
from lanelint.rules._spelling import dependency_fixes, owner_fixes
from lanelint.rules._values import is_placeholder, quote


def _missing_column(plan: LanePlan, column: str, label: str) -> Finding | None:
    # A header lanelint cannot place may be this very column, misspelt: PDP204 names it.
    if column in plan.columns or plan.unplaced:
        return None
    return Finding(plan.line, f"lane table has no {label} column")


@document_rule("PDP401", "lane-task-missing", Severity.ERROR, section=4)
def lane_task_missing(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane has no task id.

    ## What it does
    Reports a lane table without a `Task` / `Task ID` column, and each lane whose task cell
    is empty. A stand-in such as `TBD`, `-` or `n/a` counts as empty.

    Accepted: a task id with notes (`` `T-102` (part 2) ``, `T-102 — API`). Reported: an
    empty cell or a blank stand-in (`-`, `TBD`, `n/a`, `to be defined`, `see above`).

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
        if "task" not in plan.columns:
            continue
        for lane in plan.lanes:
            if is_blank(lane.task):
                shown = f" ({quote(lane.task)})" if lane.task else ""
                yield Finding(
                    lane.line,
                    f"lane '{lane.id}' has no task id{shown}",
                    column=lane.column("task"),
                )


@document_rule("PDP402", "lane-owner-missing", Severity.ERROR, section=4)
def lane_owner_missing(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane's owner role is missing or is not a role the protocol knows.

    ## What it does
    Reads the owner cell (`Role`, `Owner`, `Role owner`, `Owner role`) of each lane. Several
    owners may be named (`System Analyst + Product Owner`, `TL, SM`); each must be a protocol
    role, one of its abbreviations, or a configured `role-aliases` entry.

    Notes around a role are not part of it: `Executive Assistant (Alice)`, `EA — backend`,
    `**EA**` and `` `EA` `` are the Executive Assistant. Owners are separated by `+`, `,`,
    `;`, `&`, `and` or a spaced `/` (`QA/SET` is one role). Roles of two lane types in one
    cell are reported by PDP410, not here.

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

    Notes are not part of the dependency: `hard(A) — waits for criteria`,
    `hard(A) (criteria first)`, `none (parallel-safe)`, `**hard(A)**`, `soft(C) ✅`. The
    upstream lanes may also follow a colon or a linking word: `hard: A`, `hard on A, B`,
    `soft after L1`, `hard(lane A)`.

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
        if "dependency" not in plan.columns:
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
    `Locked files`), and each lane whose files cell names no path. A lane's files may also
    come from its dispatch brief in the same document (a heading naming its task id or lane,
    such as `## Brief for T-102 (API)` or `## Lane B — T-102`, with `Files in scope:` /
    `File scope:` / `Files:` followed by paths in backticks, or a list of them); a table
    without a files column is then reported only for the lanes no brief gives files to.

    File cells hold paths in backticks or plain, separated by `,` or `;`, with notes that
    are not paths: `` `spec/x.md` (sections 1–4) ``, `src/api.py (handlers only)`,
    `src/api.py; src/db.py`, `spec/requirements.md:10-40` (a line range of one file).
    A blank stand-in (`-`, `TBD`, `to be defined`) is no file.

    ## Why
    Protocol sections 4 and 5: parallel work is safe only on disjoint file sets, and that can
    only be checked when every lane lists its files.

    ## Example
    ```markdown
    | C | T-9 | QA/SET | hard(B) | TBD |
    ```
    Use instead: `` `apps/x/tests/*` ``.
    """
    briefed: set[str] = set()
    if ctx.artifacts.lane_plans and ctx.artifacts.task_notes:
        briefed = {lane.id for lane in brief_lanes(summarize(ctx.artifacts), ctx.roles)}
    for plan in ctx.artifacts.lane_plans:
        missing = _missing_column(plan, "files", "files")
        if missing and not any(lane.id in briefed for lane in plan.lanes):
            yield missing
        if "files" not in plan.columns:
            continue
        for lane in plan.lanes:
            cell = lane.cell("files")
            if lane.files or lane.id in briefed or (cell is not None and is_placeholder(cell.text)):
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
    fill it; a stand-in such as `TBD`, `-` or `n/a` counts as empty. (Lanes whose checks live
    in the task file or a dispatch brief are checked across documents by PDP407.)

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
            if lane.acceptance is not None and is_blank(lane.acceptance):
                shown = f" ({quote(lane.acceptance)})" if lane.acceptance else ""
                yield Finding(
                    lane.line,
                    f"lane '{lane.id}' lists no acceptance checks{shown}",
                    column=lane.column("acceptance"),
                )


@document_rule("PDP408", "lane-dependency-spelling", Severity.INFO, section=4, fixable=True)
def lane_dependency_spelling(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane's dependency is marked, but not in the canonical spelling.

    ## What it does
    Reports a dependency cell such as `Hard(A)`, `HARD` or `soft (C)`: a marked dependency
    whose keyword is not lower case, or has a space before its parenthesis. `hard(A, B)` and
    `hard(L1+L2)` are canonical.

    ## Why
    Protocol sections 4 and 6: `none`, `soft` and `hard` are the protocol's words. One
    spelling keeps lane tables easy to search and to compare between batches.

    ## Fix
    `lanelint check --fix` writes the keyword in lower case, right before its parenthesis:
    `Hard (A)` becomes `hard(A)`.

    ## Example
    ```markdown
    | B | T-102 | Executive Assistant | Hard(A) | `src/app.py` |
    ```
    Use instead: `hard(A)`.
    """
    for plan in ctx.artifacts.lane_plans:
        for lane in plan.lanes:
            dependency = lane.dependency
            cell = lane.cell("dependency")
            if dependency is None or cell is None or not dependency.marked:
                continue
            spelling, fixes = dependency_fixes(ctx.document, cell)
            if spelling == dependency.raw:
                continue
            yield Finding(
                lane.line,
                f"lane '{lane.id}' dependency {quote(dependency.raw)} is written in a "
                f"non-canonical spelling; write '{spelling}'",
                column=cell.column,
                fix=fixes or None,
            )


@document_rule("PDP409", "lane-owner-spelling", Severity.INFO, section=4, fixable=True)
def lane_owner_spelling(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane's owner role is a known role written in a non-canonical spelling.

    ## What it does
    Reads each owner named in a lane's owner cell and reports a case, spacing or punctuation
    variant of a role (`technical lead`, `Qa/Set`, `po`). The canonical names, their usual
    abbreviations and the configured `role-aliases` are fine as written.
    The canonical names are Product Owner, System Analyst, Chief Architect, Executive
    Assistant, QA/SET, DevOps/SRE, Technical Lead, Scrum Master, Developer Helper, Business
    Coach and Technical Support Agent; the abbreviations accepted as written are `PO`, `SA`,
    `CA`, `EA`, `QA`, `SET`, `DevOps`, `SRE`, `TL` and `SM`.

    ## Why
    Protocol section 4: the lane owner role must be explicit, and section 3 compares it with
    the session role. One spelling per role keeps that comparison obvious to a reader.

    ## Fix
    `lanelint check --fix` writes the canonical name (`Technical Lead`), or the usual case of
    an abbreviation (`po` becomes `PO`).

    ## Example
    ```markdown
    | C | T-103 | Qa/Set | hard(B) | `tests/*` |
    ```
    Use instead: `QA/SET`.
    """
    for plan in ctx.artifacts.lane_plans:
        for lane in plan.lanes:
            cell = lane.cell("owner")
            if cell is None or is_placeholder(cell.text):
                continue
            for written, spelling, fix in owner_fixes(
                ctx.document, cell, ctx.roles, ctx.config.role_aliases
            ):
                yield Finding(
                    lane.line,
                    f"lane '{lane.id}' owner {quote(written)} is written in a non-canonical "
                    f"spelling; write '{spelling}'",
                    column=fix.column if fix else cell.column,
                    fix=fix,
                )


# -- across documents -------------------------------------------------------------------


@workspace_rule("PDP406", "lane-task-not-in-baseline", Severity.ERROR, section=4)
def lane_task_not_in_baseline(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane's task id is not in the approved baseline (or the batch has no baseline).

    ## What it does
    Finds the batch's approved baseline in these places: the documents its
    `Baseline source` names (their sections headed `baseline`, else every task id they
    name), sections headed `baseline` in the batch's own documents, and the files of the
    `baseline-files` configuration; without any of these, the sections headed `baseline`
    anywhere in the folder. Reports each lane whose task id the baseline does not name, and
    a batch for which no baseline is found at all (once, at its lane table).

    ## Why
    Protocol section 4: a lane can start only if its task id is assigned *and in the approved
    baseline*. Work outside the baseline is scope nobody approved.

    ## Example
    ```markdown
    **Baseline source:** `spec/plan.md`

    | C | T-999 | QA/SET | hard(B) | `tests/test_api.py` | active |
    ```
    where `spec/plan.md`'s `## Approved baseline` lists `T-101` and `T-102` only.

    Use instead: add `T-999` to the approved baseline first, or run the lane on a baseline task.
    """
    index = ctx.index
    for batch in index.batches.values():
        found = index.baseline(batch, ctx.config.baseline_files)
        if found is None:
            yield Finding(
                batch.line,
                f"batch {quote(batch.id)} has no approved baseline (no 'Baseline source', "
                "no section headed 'baseline', no 'baseline-files')",
                path=batch.path,
            )
            continue
        related = tuple(
            Location(path, line, message="approved baseline") for path, line in found.where[:5]
        )
        for lane in batch.lanes:
            if not lane.task or is_placeholder(lane.lane.task) or lane.task in found.tasks:
                continue
            yield on_lane(
                lane,
                f"lane '{lane.id}' task {quote(lane.lane.task)} is not in the approved baseline",
                column="task",
                related=related,
            )


@workspace_rule("PDP407", "lane-acceptance-nowhere", Severity.ERROR, section=4)
def lane_acceptance_nowhere(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane lists acceptance checks nowhere: not in its table, task file or dispatch brief.

    ## What it does
    For lanes of a table with no `Acceptance` column (PDP405 checks the column where there is
    one), looks for the task's own file (a document whose `Task:` metadata, title or file
    name names the task) or a dispatch brief: a `##`-or-deeper heading naming the task id,
    written in any of these shapes:

    - `## T-101 - Build the API`, `### T-201 (System Analyst + Product Owner)`
    - `## Brief for T-102 (API)`, `### Brief: T-101`, `## Dispatch brief T-101`, `## Task T-103`
    - `## Lane B — T-102`, `## Lane L2: T-106`, `## Lane B (T-102)`

    The file or brief has acceptance checks when it holds, with content:

    - a section headed `Acceptance`, `Acceptance checks`, `Acceptance criteria`,
      `Definition of done` or `Done when` (numbered or not: `### 3) Definition of done`);
    - an `Acceptance...:` line with a value (`**Acceptance:** suite green`,
      `- Acceptance checks: suite green`); a stand-in such as `TBD` is no value;
    - such a label followed by a list: `Acceptance:` then bullets, `**Acceptance:**` then
      bullets, `- Acceptance checks:` with nested bullets, `Definition of done:` then a
      numbered list.

    ## Why
    Protocol section 4: acceptance checks must be listed before a lane starts. Without them
    the gate report and the Technical Lead's verdict have nothing to be judged against.

    ## Example
    A lane `| B | T-102 | Executive Assistant | hard(A) | `src/api.py` | active |` and a
    `spec/tasks/T-102.md` with a description but no acceptance section.

    Use instead: add `## Acceptance checks` with the checks to `spec/tasks/T-102.md`.
    """
    index = ctx.index
    for lane in index.lanes:
        if "acceptance" in lane.plan.columns or not lane.task or is_placeholder(lane.lane.task):
            continue
        notes = index.task_notes_of(lane)
        if any(note.item.acceptance_line is not None for note in notes):
            continue
        related = tuple(
            Location(note.path, note.item.line, message=f"task {note.item.kind} without checks")
            for note in notes
        )
        yield on_lane(
            lane,
            f"lane '{lane.id}' (task {quote(lane.lane.task)}) lists acceptance checks nowhere: "
            "no acceptance column, task file or dispatch brief with them",
            column="task",
            related=related,
        )


@document_rule("PDP410", "lane-owner-mixed-types", Severity.WARNING, section=4)
def lane_owner_mixed_types(ctx: DocumentContext) -> Iterator[Finding]:
    """A lane names owner roles of two or more lane types.

    ## What it does
    Reads the owner cell as a list of roles (separated by `+`, `,`, `;`, `&`, `and` or a
    spaced `/`; notes in parentheses or after a dash are ignored, so
    `Executive Assistant (Alice)` and `EA — backend` are one role). Roles of one lane type
    are a readable owner: `System Analyst + Product Owner` (both requirements/architecture),
    `TL, SM` (both orchestration). Roles of different lane types are reported:
    `QA/SET + DevOps/SRE` names a quality and an operations role. Unknown roles are reported
    by PDP402, not here.

    Lane types (protocol section 2): A requirements/architecture (Product Owner, System
    Analyst, Chief Architect), B implementation (Executive Assistant), C quality (QA/SET),
    D operations (DevOps/SRE), E orchestration (Technical Lead, Scrum Master).

    ## Why
    Protocol section 3: one lane maps to one session, and the session role must match the
    lane owner role. A lane owned by roles of two lane types cannot be matched by any single
    session role, and its integration order (section 7) is ambiguous.

    ## Example
    ```markdown
    | C | T-7 | QA/SET + DevOps/SRE | hard(B) | `tests/*`, `deploy/x.yaml` | active |
    ```
    Use instead: split the lane in two, one per lane type.
    """
    for plan in ctx.artifacts.lane_plans:
        for lane in plan.lanes:
            types = sorted({t for t in (lane_type_of(role) for role in lane.owners) if t})
            if len(types) < 2:
                continue
            described = ", ".join(f"{lane_type_name(t)} ({t})" for t in types)
            yield Finding(
                lane.line,
                f"lane '{lane.id}' owner {quote(lane.owner_text)} names roles of {len(types)} "
                f"lane types ({described}); no single session role can match the lane",
                column=lane.column("owner"),
            )
