"""Codes the engine reports itself, about input and suppressions rather than the protocol."""

from __future__ import annotations

from lanelint.linter.engine.diagnostics import Severity
from lanelint.linter.engine.registry import engine_rule

UNREADABLE_FILE = engine_rule(
    "LL001",
    "unreadable-file",
    Severity.ERROR,
    """
    A file that lanelint cannot read or decode as UTF-8.

    ## What it does
    Reports a Markdown file that could not be opened, is not UTF-8 (UTF-8 with a byte-order
    mark is fine), holds NUL bytes, or is not a regular file. The rest of the run goes on.

    ## Why
    A document nobody can read cannot be checked, and a CI run that silently skipped it would
    pass for the wrong reason.

    ## Example
    A `notes.md` saved as UTF-16 by an editor: `notes.md:1:1: LL001 file is UTF-16 ...`.
    Save it as UTF-8 and the finding goes.
    """,
)

UNUSED_SUPPRESSION = engine_rule(
    "LL002",
    "unused-suppression",
    Severity.WARNING,
    """
    A `lanelint-disable` comment that suppresses nothing.

    ## What it does
    Reports a suppression comment (`lanelint-disable`, `-next-line` or `-file`) none of whose
    codes matched a finding in the lines it covers. Only codes that are enabled in the run
    count, so ignoring a rule in the configuration never makes its suppressions noisy.

    ## Why
    A stale suppression hides the next real finding at that place; removing it keeps the
    documents honest.

    ## Example
    ```markdown
    <!-- lanelint-disable-next-line PDP706 -->
    | `abc1234` | A | T-1 | accepted | gate report |
    ```
    The commit id is valid, so PDP706 never fires on that row: delete the comment.
    """,
)

UNKNOWN_SUPPRESSED_CODE = engine_rule(
    "LL003",
    "unknown-code-in-suppression",
    Severity.WARNING,
    """
    A suppression comment that names a rule code lanelint does not have.

    ## What it does
    Reports each code in a `lanelint-disable...` comment that is neither a rule code nor the
    prefix of one (`PDP5` covers every section-5 rule).

    ## Why
    A misspelt code suppresses nothing, while the author believes it does.

    ## Example
    `<!-- lanelint-disable PDP5O1 -->` (letter O, not zero): write `PDP501`.
    """,
)

RULE_CRASHED = engine_rule(
    "LL901",
    "internal-error",
    Severity.ERROR,
    """
    A rule failed with an internal error; the run is incomplete.

    ## What it does
    When a rule raises an exception, lanelint reports it here, with the rule's code and the
    file, and goes on with the other rules and files. The exit code is 3.

    ## Why
    One broken rule must not hide every other finding, and a run that missed checks must not
    look clean.

    ## Example
    `spec/plan.md:1:1: LL901 rule PDP501 failed on this file: ValueError: ...`. Please report
    it with the file that triggers it.
    """,
)

PARSE_FAILED = engine_rule(
    "LL902",
    "parse-error",
    Severity.ERROR,
    """
    A file could not be parsed; the run is incomplete.

    ## What it does
    Reports a file whose Markdown or artifacts lanelint could not read because of an internal
    error. No rules ran on that file. The exit code is 3.

    ## Why
    A parse failure is a lanelint bug, never the author's: it is reported rather than hidden.

    ## Example
    `spec/odd.md:1:1: LL902 could not parse this file: RecursionError: ...`.
    """,
)

WAIVER_INCOMPLETE = engine_rule(
    "LL011",
    "waiver-incomplete",
    Severity.WARNING,
    """
    A `lanelint-waive` comment lacks a code, an owner, an expiry or a reason.

    ## What it does
    A waiver is written
    `<!-- lanelint-waive PDP201 owner="Technical Lead" until=2026-03-01 reason="hotfix" -->`
    (covering the lines down to a `lanelint-enable` or the end of the file),
    `<!-- lanelint-waive-next-line ... -->` (the next line) or
    `<!-- lanelint-waive-file ... -->` (the whole file). Values may be quoted with `"` or
    `'`; `expires=` is read as `until=`. Reports a waiver that names no code, or has no
    `owner=`, `until=` (a date, `YYYY-MM-DD`) or `reason=`. Such a waiver waives nothing:
    the findings it covers are reported.

    ## Why
    An exception to the protocol needs an explicit approval and a documented rationale
    (protocol section 2 asks this of a temporary fifth lane). A waiver that does not say who
    decided, until when and why cannot be reviewed, and never comes up for review again.

    ## Example
    `<!-- lanelint-waive PDP201 reason="hotfix" -->`. Use instead:
    `<!-- lanelint-waive PDP201 owner="Technical Lead" until=2026-03-01 reason="hotfix" -->`.
    """,
)

WAIVER_EXPIRED = engine_rule(
    "LL012",
    "waiver-expired",
    Severity.WARNING,
    """
    A `lanelint-waive` comment is past its `until=` date; the findings it waived are back.

    ## What it does
    Compares each waiver's `until=` date with the run's date: `--now DATE` where given,
    else today. A waiver is in force up to and including its `until` day. After it, the
    waiver is reported at its line, with the date used, and waives nothing.

    ## Why
    A waiver is a temporary exception. When it expires, the team either fixes what it
    waived or renews the decision, with an owner who takes it again.

    ## Example
    `<!-- lanelint-waive PDP201 owner="TL" until=2026-03-01 reason="hotfix lane" -->`
    linted on 2026-03-05. Use instead: close the fifth lane, or set a new `until=` with the
    Technical Lead's renewed approval.
    """,
)

WAIVER_OWNER = engine_rule(
    "LL013",
    "waiver-owner-not-allowed",
    Severity.WARNING,
    """
    A `lanelint-waive` comment's owner is not a role that may grant the codes it waives.

    ## What it does
    The owner must be a protocol role (any spelling lanelint knows, and the team's
    `role-aliases`). By default only the Technical Lead may waive the codes of protocol
    sections 2, 5, 7 and 8 (`PDP2..`, `PDP5..`, `PDP7..`, `PDP8..`); any role may waive
    the others. The `waiver-owners` table of the configuration sets the granting roles per
    code or prefix (the longest prefix wins), e.g. `PDP9 = ["Scrum Master", "TL"]`. A
    waiver owned by another role waives nothing and is reported.

    ## Why
    Protocol section 5 and section 7 give file locks, overrides and acceptance to the
    Technical Lead; an exception to them granted by anyone else is no exception.

    ## Example
    `<!-- lanelint-waive PDP503 owner="QA/SET" until=2026-03-01 reason="..." -->`. Use
    instead: `owner="Technical Lead"`, after the Technical Lead approved it.
    """,
)
