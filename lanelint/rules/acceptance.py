"""Protocol section 7, integration and acceptance: gate reports and the acceptance ledger."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.artifacts.gate_report import GATE_SECTIONS
from lanelint.linter.artifacts.ledger import VERDICTS, is_commit_ref
from lanelint.linter.context import DocumentContext
from lanelint.linter.diagnostics import Finding, Location, Severity
from lanelint.linter.registry import document_rule
from lanelint.rules._values import is_placeholder, quote


@document_rule("PDP701", "gate-section-missing", Severity.ERROR, section=7)
def gate_section_missing(ctx: DocumentContext) -> Iterator[Finding]:
    """A gate report lacks one of its seven sections.

    ## What it does
    A gate report is a document whose first heading starts with `Gate Report` or whose file
    name starts with `gate_report`. It must have seven `##` sections: Role confirmation,
    Decisions, Artifacts, Traceability, Implementation handoff, Risks / open questions (or
    Risks), ADR status. Headings may be numbered `1)`, `1.` or not at all.

    ## Why
    Protocol section 7: each lane produces its own gate report with seven sections; the
    acceptance verdict is judged on all of them.

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
                fix=("gate-section", index),
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
    for section in report.sections:
        if section.index is None:
            continue
        if highest is not None and section.index < highest[0]:
            yield Finding(
                section.line,
                f"gate report section '{section.heading}' comes after '{highest[1]}'",
            )
        elif section.number is not None and section.number != section.index + 1:
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
            shown = quote(row.verdict) if row.verdict else "empty"
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
            if is_commit_ref(row.commit) or is_placeholder(row.commit):
                continue
            shown = quote(row.commit) if row.commit else "empty"
            yield Finding(
                row.line,
                f"ledger commit {shown} is not a commit id (7-40 hex digits) or range",
                column=row.column("commit"),
            )


@document_rule("PDP707", "ledger-accepted-without-evidence", Severity.ERROR, section=7)
def ledger_accepted_without_evidence(ctx: DocumentContext) -> Iterator[Finding]:
    """An accepted ledger row names no evidence.

    ## What it does
    Reports each row whose verdict is `accepted` while its `Evidence` cell is empty or the
    ledger has no evidence column.

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
            if row.verdict != "accepted" or row.evidence:
                continue
            where = "empty evidence" if row.evidence is not None else "no evidence column"
            yield Finding(
                row.line,
                f"commit {quote(row.commit)} is accepted with {where}",
                column=row.column("evidence") if row.evidence is not None else 1,
            )
