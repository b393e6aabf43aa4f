"""Protocol section 7, integration and acceptance: gate reports and the acceptance ledger."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from lanelint.linter.engine.context import DocumentContext, WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location, Severity
from lanelint.linter.engine.payloads import InsertGateSection
from lanelint.linter.engine.registry import document_rule, workspace_rule
from lanelint.linter.protocol.artifacts.gate_report import GATE_SECTIONS
from lanelint.linter.protocol.artifacts.ledger import VERDICTS, is_commit_ref
from lanelint.linter.protocol.artifacts.tables import is_blank
from lanelint.linter.protocol.roles import lane_type_of
from lanelint.linter.protocol.values import verdict_of
from lanelint.linter.protocol.vocabulary.verdicts import PENDING
from lanelint.linter.workspace.index import INTEGRATION_RANK, RowRef, WorkspaceIndex, is_done
from lanelint.rules._relations import lane_at, on_lane, on_row, row_at
from lanelint.rules._values import is_placeholder, quote, unplaced_headers


@document_rule("PDP701", "gate-section-missing", Severity.ERROR, section=7, fixable=True)
def gate_section_missing(ctx: DocumentContext) -> Iterator[Finding]:
    """A gate report lacks one of its seven sections.

    ## What it does
    A gate report is a document whose first heading starts with `Gate Report` or whose file
    name starts with `gate_report`. It must have seven `##` sections: Role confirmation,
    Decisions, Artifacts, Traceability, Implementation handoff, Risks / open questions (or
    Risks), ADR status. Headings may be numbered `1)`, `1.` or not at all.

    Headings are read with their number and notes set aside: `## 1) Role confirmation
    (System Analyst)`, `## 3. Artefacts`, `## 5) Handoff to implementation`,
    `## 6) Open questions and risks` (also `Risks`, `Open questions`), `## 7) ADRs`. The
    report's title may be `# Gate Report: T-101`, `# Gate Report: T-101 (rework 2)`,
    `# Gate Report — Lane A (T-101)` or `# T-101 — Gate Report`; under a
    `## Gate Report: T-101` heading the sections are one level down (`###`).

    ## Why
    Protocol section 7: each lane produces its own gate report with seven sections; the
    acceptance verdict is judged on all of them.

    ## Fix
    `lanelint check --fix` inserts the missing section at its place (after the sections that
    precede it), numbered in the report's own style, with the gate-report template's stub text
    (the team's `gate_report.md.j2` where it has one). The stub's placeholders are then
    reported by PDP001 until the section is written.

    ## Example
    A report with `## 1) Role confirmation` to `## 6) Risks / open questions` and no
    `## 7) ADR status`. Use instead: add the section, even if it says the ADR set is unchanged.
    """
    report = ctx.artifacts.gate_report
    if report is None:
        return
    present = {section.index for section in report.sections}
    for index, (name, _) in enumerate(GATE_SECTIONS):
        if index not in present:
            yield Finding(
                report.line,
                f"gate report has no section '{index + 1}) {name}'",
                fix=InsertGateSection(index),
            )


@document_rule("PDP702", "gate-section-out-of-order", Severity.ERROR, section=7)
def gate_section_out_of_order(ctx: DocumentContext) -> Iterator[Finding]:
    """A gate report's sections are out of order, or numbered against their place.

    ## What it does
    Reports a section that comes after a section it should precede, and a section whose
    written number (`3)`) is not its place in the seven.

    ## Why
    Protocol section 7: reviewers read gate reports section by section in a fixed order; a
    report in another order, or numbered wrongly, is easy to misread.

    ## Example
    ```markdown
    ## 1) Role confirmation
    ## 2) Artifacts
    ## 3) Decisions
    ```
    Use instead: Decisions before Artifacts, numbered 2) and 3).
    """
    report = ctx.artifacts.gate_report
    if report is None:
        return
    highest: tuple[int, str] | None = None
    position = 0
    for section in report.sections:
        if section.index is None:
            continue
        position += 1
        if highest is not None and section.index < highest[0]:
            yield Finding(
                section.line,
                f"gate report section '{section.heading}' comes after '{highest[1]}'",
            )
        elif section.number is not None and section.number not in (section.index + 1, position):
            # A number that matches the heading's place in the document is the author's
            # count; the order itself is reported at the section that is out of place.
            yield Finding(
                section.line,
                f"gate report section '{section.heading}' is numbered {section.number}, "
                f"but '{section.name}' is section {section.index + 1}",
            )
        if highest is None or section.index > highest[0]:
            highest = (section.index, section.heading)


@document_rule("PDP703", "gate-section-empty", Severity.ERROR, section=7)
def gate_section_empty(ctx: DocumentContext) -> Iterator[Finding]:
    """A gate report section has a heading and nothing under it.

    ## What it does
    Reports each of the seven sections with no paragraph, list, table or code block before the
    next section.

    ## Why
    Protocol section 7: an empty section is a claim without content. If there is nothing to
    say, say so ("No ADR changes").

    ## Example
    ```markdown
    ## 6) Risks / open questions

    ## 7) ADR status
    ```
    Use instead: `- None identified.` under the heading.
    """
    report = ctx.artifacts.gate_report
    if report is None:
        return
    for section in report.sections:
        if section.index is not None and not section.has_content:
            yield Finding(section.line, f"gate report section '{section.heading}' is empty")


@document_rule("PDP704", "gate-section-duplicated", Severity.ERROR, section=7)
def gate_section_duplicated(ctx: DocumentContext) -> Iterator[Finding]:
    """A gate report has the same section twice.

    ## What it does
    Reports the second and later sections that match the same one of the seven.

    ## Why
    Protocol section 7: with two `Decisions` sections, a reviewer cannot tell which one
    holds the decisions the verdict was given on.

    ## Example
    Two `## 2) Decisions` headings. Use instead: merge them into one section.
    """
    report = ctx.artifacts.gate_report
    if report is None:
        return
    first: dict[int, int] = {}
    for section in report.sections:
        if section.index is None:
            continue
        if section.index in first:
            yield Finding(
                section.line,
                f"gate report section '{section.name}' appears again "
                f"(first at line {first[section.index]})",
                related=(Location(ctx.document.path, first[section.index], message="first one"),),
            )
        else:
            first[section.index] = section.line


@document_rule("PDP705", "ledger-verdict-invalid", Severity.ERROR, section=7)
def ledger_verdict_invalid(ctx: DocumentContext) -> Iterator[Finding]:
    """An acceptance ledger row's verdict is not `accepted`, `rejected` or `pending`.

    ## What it does
    In every table with a commit column and a verdict column, checks the verdict of each row.

    Verdicts are read with their notes set aside, in any case: `accepted (docs only)`,
    `✅ accepted`, `**Accepted**`, `accepted — by TL`, `rejected (out of scope)`,
    `pending review`, `⏳ pending`. `approved` reads as accepted, `declined` as rejected,
    `in review` / `awaiting review` as pending. A misspelt verdict stays one, even with an
    emoji: `✅ acepted` is reported. The verdict column may be headed `Verdict`,
    `TL verdict`, `Decision` or `Review verdict`.

    ## Why
    Protocol sections 7 and 8: the Technical Lead records a verdict per lane commit, and push
    is allowed only for accepted ones. `ok` or `LGTM` is not a verdict the push rule can read.

    ## Example
    ```markdown
    | `a1b2c3d` | A | T-1 | LGTM | gate report |
    ```
    Use instead: `accepted`.
    """
    for ledger in ctx.artifacts.ledgers:
        for row in ledger.rows:
            if row.verdict in VERDICTS or is_placeholder(row.verdict):
                continue
            shown = quote(row.verdict_text) if row.verdict else "empty"
            yield Finding(
                row.line,
                f"ledger verdict {shown} is not one of accepted, rejected, pending",
                column=row.column("verdict"),
            )


@document_rule("PDP706", "ledger-commit-invalid", Severity.ERROR, section=7)
def ledger_commit_invalid(ctx: DocumentContext) -> Iterator[Finding]:
    """An acceptance ledger row's commit is not a commit id or range.

    ## What it does
    A commit cell must be a commit id of 7 to 40 hex digits (`a1b2c3d`) or a range
    (`a1b2c3d..e4f5a6b`).

    Notes are not part of the commit (`` `a1a1a1a` (squashed) ``); a cell may list several
    commits (`` `a1a1a1a`, `b2b2b2b` ``), and each must be a commit id or range. The commit
    column may be headed `Commit`, `Commits`, `Commit SHA`, `Commit hash`, `SHA` or
    `Commit range`.

    A row whose verdict is pending may not have a commit yet: a commit cell reading `pending`,
    `—`, `-`, `TBD` or `n/a` on a pending row is not reported. On an accepted or rejected row
    it is, as is any other text (`this batch`, `latest`).

    ## Why
    Protocol sections 7 and 8: verdicts are given per commit, and rollback reverts exact
    commits. A cell reading `latest` or `see PR` cannot be reverted or pushed safely.

    ## Example
    ```markdown
    | latest | B | T-2 | accepted | gate report |
    ```
    Use instead: the commit id, `` `9f8e7d6` ``.
    """
    for ledger in ctx.artifacts.ledgers:
        for row in ledger.rows:
            if is_placeholder(row.commit) or _no_commit_yet(row.verdict, row.commit):
                continue
            if row.commits and all(is_commit_ref(commit) for commit in row.commits):
                continue
            if not row.commits and is_commit_ref(row.commit):
                continue
            shown = quote(row.commit) if row.commit else "empty"
            yield Finding(
                row.line,
                f"ledger commit {shown} is not a commit id (7-40 hex digits) or range",
                column=row.column("commit"),
            )


def _no_commit_yet(verdict: str, commit: str) -> bool:
    """A pending row whose commit cell says there is none yet (``pending``, ``—``, ``TBD``)."""
    return verdict == PENDING and (is_blank(commit) or verdict_of(commit) == PENDING)


@document_rule("PDP707", "ledger-accepted-without-evidence", Severity.ERROR, section=7)
def ledger_accepted_without_evidence(ctx: DocumentContext) -> Iterator[Finding]:
    """An accepted ledger row names no evidence.

    ## What it does
    Reports each row whose verdict is `accepted` while its `Evidence` cell is empty (or holds
    only a stand-in such as `TBD`, `-` or `n/a`) or the ledger has no evidence column.

    ## Why
    Protocol sections 7 and 10: accepting a commit without its gate report or checks is an
    anti-pattern. The evidence cell is where the ledger shows what the verdict rests on.

    ## Example
    ```markdown
    | `a1b2c3d` | A | T-1 | accepted |  |
    ```
    Use instead: `gate_report_T-1_2026-02-16.md, checks green`.
    """
    for ledger in ctx.artifacts.ledgers:
        for row in ledger.rows:
            if row.verdict != "accepted" or not is_blank(row.evidence):
                continue
            if row.evidence is None and ledger.unplaced:
                continue  # PDP712 names the header that may be the evidence column
            if row.evidence is None:
                where = "no evidence column"
            else:
                where = f"evidence {quote(row.evidence)}" if row.evidence else "empty evidence"
            yield Finding(
                row.line,
                f"commit {quote(row.commit)} is accepted with {where}",
                column=row.column("evidence") if row.evidence is not None else 1,
            )


# -- across documents -------------------------------------------------------------------


@workspace_rule("PDP708", "lane-without-gate-report", Severity.ERROR, section=7)
def lane_without_gate_report(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A finished or submitted lane has no gate report of its own.

    ## What it does
    For each lane whose status is `done` (or `merged`, `closed`, ...) or whose latest ledger
    row is `pending`, looks for a gate report titled with the lane's task id
    (`# Gate Report: T-101`, or a file `gate_report_T-101_<date>.md`). Lanes with an
    `accepted` ledger row are left to PDP709.

    ## Why
    Protocol section 7: each lane must produce its own gate report with the seven sections.
    A lane that hands in work without one gives the Technical Lead nothing to judge.

    ## Example
    `| C | T-103 | QA/SET | hard(B) | `tests/test_api.py` | done |` and no gate report
    for `T-103` in the folder.

    Use instead: write `gate_report_T-103_2026-02-16.md` with the seven sections.
    """
    index = ctx.index
    for lane in index.lanes:
        if not lane.task or is_placeholder(lane.lane.task):
            continue
        submitted = index.verdict(lane) == "pending"
        if not (is_done(lane.lane.status) or submitted) or index.accepted_row(lane):
            continue
        if index.reports_of(lane):
            continue
        yield on_lane(
            lane,
            f"lane '{lane.id}' ({lane.lane.status or 'submitted'}) has no gate report for task "
            f"{quote(lane.lane.task)}",
            column="task",
            related=tuple(row_at(row) for row in index.rows_of(lane)),
        )


@workspace_rule("PDP709", "accepted-without-gate-report", Severity.ERROR, section=7)
def accepted_without_gate_report(ctx: WorkspaceContext) -> Iterator[Finding]:
    """An accepted ledger row's task or lane has no gate report.

    ## What it does
    For each ledger row with the verdict `accepted`, finds its task (the row's task cell, or
    the task of the lane the row names) and looks for a gate report titled with it.

    ## Why
    Protocol sections 7 and 10: accepting commits without lane-level gate reports is an
    anti-pattern. The verdict must rest on the report's seven sections.

    ## Example
    ```markdown
    | `a1b2c3d` | B | T-102 | accepted | checks green |
    ```
    with no `gate_report_T-102_*.md` in the folder.

    Use instead: have lane B write its gate report, then record the verdict.
    """
    index = ctx.index
    for ref in index.rows:
        if ref.row.verdict != "accepted" or is_placeholder(ref.row.commit):
            continue
        lane = index.lane_of(ref)
        task = ref.row.task or (lane.lane.task if lane else "")
        if not task or is_placeholder(task) or index.reports_for_row(ref):
            continue
        yield on_row(
            ref,
            f"commit {quote(ref.row.commit)} is accepted, but task {quote(task)} has no gate "
            "report",
            related=(lane_at(lane),) if lane else (),
        )


def _rank(index: WorkspaceIndex, ref: RowRef) -> int | None:
    lane = index.lane_of(ref)
    kind = lane.type if lane is not None else None
    if kind is None and ref.row.role:
        role = index.roles.canonical(ref.row.role)
        kind = lane_type_of(role) if role else None
    return INTEGRATION_RANK.get(kind) if kind else None


@workspace_rule("PDP710", "integration-out-of-order", Severity.WARNING, section=7)
def integration_out_of_order(ctx: WorkspaceContext) -> Iterator[Finding]:
    """Accepted commits are integrated out of the protocol's lane order.

    ## What it does
    Reads each acceptance ledger top to bottom. Each accepted row gets the type of its lane
    (from the lane's owner role, else the row's `Role` cell): requirements/architecture,
    implementation, quality, operations. Reports an accepted row whose type comes before
    that of an accepted row above it, unless the batch's approved baseline overrides the
    order (a line in it mentioning `integration order`).

    ## Why
    Protocol section 7: accepted commits integrate in the order architecture/requirements,
    implementation, quality, operations, unless the baseline explicitly overrides it.
    Integrating tests before the code they test, or code before its requirements, breaks the
    chain the gate reports trace.

    ## Example
    ```markdown
    | `c3c3c3c` | C | T-103 | accepted | gate report |
    | `b2b2b2b` | B | T-102 | accepted | gate report |
    ```
    Use instead: accept lane B's commit before lane C's, or record the override in the
    baseline (`Integration order: quality first for T-103, approved by TL`).
    """
    index = ctx.index
    overrides: dict[str, bool] = {}
    highest: dict[tuple[str, int], tuple[int, RowRef]] = {}
    for ref in index.rows:
        if ref.row.verdict != "accepted":
            continue
        rank = _rank(index, ref)
        if rank is None:
            continue
        ledger = (ref.path, ref.ledger.line)
        seen = highest.get(ledger)
        if seen is None or rank >= seen[0]:
            highest[ledger] = (rank, ref)
            continue
        lane = index.lane_of(ref)
        batch_id = lane.batch if lane is not None else ref.batch
        if batch_id not in overrides:
            batch = index.batches.get(batch_id)
            found = index.baseline(batch, ctx.config.baseline_files) if batch else None
            overrides[batch_id] = bool(found and found.order_override)
        if overrides[batch_id]:
            continue
        names = ("requirements/architecture", "implementation", "quality", "operations")
        yield on_row(
            ref,
            f"accepted {names[rank]} commit {quote(ref.row.commit)} comes after accepted "
            f"{names[seen[0]]} commit {quote(seen[1].row.commit)}",
            related=(row_at(seen[1]),),
        )


@workspace_rule("PDP711", "gate-artifact-missing", Severity.ERROR, section=7)
def gate_artifact_missing(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A gate report's Artifacts section names a file that does not exist in the repository.

    ## What it does
    Each path in backticks under a gate report's `Artifacts` section is a claim that the file
    exists. The claim is looked up relative to the project root (the folder of the
    configuration file, else the repository root), the configured `spec` folder, and the
    report's own folder and each folder above it; globs must match at least one file.
    Reports outside the project root are not checked.

    ## Why
    Protocol section 7: the verdict is given on the report's artifacts. A report naming files
    that are not there claims work that was not delivered, or points reviewers at the wrong
    place.

    ## Example
    ```markdown
    ## 3) Artifacts
    - `src/api/handlers.py`: request handlers
    ```
    when `src/api/handlers.py` does not exist.

    Use instead: fix the path, or commit the file before submitting the report.
    """
    index = ctx.index
    bases = [""]
    if ctx.config.spec:
        bases.append(ctx.config.spec.strip("/") + "/")
    for reports in index.gate_reports.values():
        for located in reports:
            relative = index.relative(located.path)
            if not relative:
                continue
            folders = []
            folder = posixpath.dirname(relative)
            while folder:
                folders.append(folder)
                folder = posixpath.dirname(folder)
            for claim in located.item.artifacts:
                candidates = [base + claim.path for base in bases]
                candidates.extend(
                    posixpath.normpath(posixpath.join(f, claim.path)) for f in folders
                )
                if any(index.repository.exists(c) for c in candidates):
                    continue
                yield Finding(
                    claim.line,
                    f"gate report artifact {quote(claim.path)} does not exist in the repository",
                    column=claim.column,
                    path=located.path,
                )


@document_rule("PDP712", "ledger-header-unknown", Severity.WARNING, section=7)
def ledger_header_unknown(ctx: DocumentContext) -> Iterator[Finding]:
    """An acceptance ledger has a column header lanelint cannot place.

    ## What it does
    An acceptance ledger is a table with a commit column and a verdict column. When most of
    its headers name ledger fields, a header that names none of them and is no known
    free-text column is reported by name when it may hide a field: it reads like a misspelt
    known header (`Evidnce`, `Verdit`), or the ledger has no evidence column. A team's own
    extra column beside a complete ledger (`Reviewer notes`) is fine.

    Headers are compared in lower case, without backticks, emphasis or anything in
    parentheses. Accepted for each field:

    - commit: `Commit`, `Commits`, `Commit id`, `Commit SHA`, `Commit hash`, `SHA`, `Hash`,
      `Commit range`;
    - verdict: `Verdict`, `TL verdict`, `Decision`, `TL decision`, `Review verdict`;
    - lane: `Lane`, `Lane id`; task: `Task`, `Task id`;
    - role: `Role`, `Owner`, `Role owner`, `Owner role`, `Owner roles`;
    - evidence: `Evidence`, `Evidence / checks`, `Checks`, `Gate report`.

    Free-text columns no rule reads are fine: `Notes`, `Comments`, `Date`, `Reviewer`,
    `Pushed`, `Branch`, `PR`, and the like.

    ## Why
    Protocol sections 7 and 8: the ledger is what push and rollback decisions are read
    from; a column that cannot be placed is a column whose facts are never checked.

    ## Example
    ```markdown
    | Commit | Lane | Verdict | Evidnce |
    ```
    Use instead: `Evidence`.
    """
    for ledger in ctx.artifacts.ledgers:
        yield from unplaced_headers(ledger.columns, ledger.unplaced, "ledger")
