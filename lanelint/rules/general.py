"""Rules for any filled document, whatever its kind."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import DocumentContext
from lanelint.linter.engine.diagnostics import Finding, Severity
from lanelint.linter.engine.registry import document_rule


@document_rule("PDP001", "placeholder-left", Severity.WARNING, section=None)
def placeholder_left(ctx: DocumentContext) -> Iterator[Finding]:
    """A `<placeholder>` from a template was left in a filled document.

    ## What it does
    Reports every `<...>` value that is not HTML, a link or code: `<task>`, `<YYYY-MM-DD>`,
    `<PASS|FAIL>`. Placeholders inside preflight stamps count; other fenced code blocks do not.
    Only documents of a protocol kind (a stamp, lane plan, gate report, ledger, ...) are
    filled documents; files under a `templates/` folder or named `*_TEMPLATE.md` are templates
    and are skipped, and so is prose that merely mentions `<placeholders>`.

    ## Why
    A skeleton rendered from a template is not a report until every placeholder is filled.
    A stamp still reading `<PASS|FAIL>` records no check at all.

    ## Example
    ```markdown
    | A | `<task>` | System Analyst | none | `spec/a.md` | active |
    ```
    Use instead:
    ```markdown
    | A | `T-101` | System Analyst | none | `spec/a.md` | active |
    ```
    """
    if not ctx.artifacts.kinds:
        return
    for item in ctx.artifacts.placeholders:
        yield Finding(
            item.line,
            f"leftover template placeholder '<{item.text}>'",
            column=item.column,
            end_column=item.column + len(item.text) + 2,
        )
