"""Rules for any filled document, whatever its kind."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import DocumentContext
from lanelint.linter.engine.diagnostics import Finding, Severity
from lanelint.linter.engine.registry import document_rule
from lanelint.linter.protocol.artifacts.placeholders import (
    builtin_template_names,
    matches_template,
    team_template_names,
)
from lanelint.linter.protocol.vocabulary.placeholders import template_key


@document_rule("PDP001", "placeholder-left", Severity.WARNING, section=None)
def placeholder_left(ctx: DocumentContext) -> Iterator[Finding]:
    """A template placeholder was left unfilled in a protocol document.

    ## What it does
    Reports a `<...>` placeholder that a template wrote and nobody filled. It fires where the
    placeholder is a whole value: a table cell (`` `<task>` ``), a `Key: value` field
    (`**Date:** <YYYY-MM-DD>`), a line of a preflight stamp (`Role: <role>`), a list item,
    heading or paragraph of its own (a section body left as `` `<decision>` ``). It also fires
    where the text is a placeholder of a template: lanelint's own templates (`lanelint new`),
    its built-in preflight stamp schema, the team's stamp template and the team's templates
    in the `templates-dir` folder (default `spec/templates`): `<PASS|FAIL>`, `<N>`,
    `<TASK-ID>`, `<lane>`, `<files of lane B>`, `<2026-02-16 HH:MM TZ>`.

    It runs on protocol documents only: documents that hold a preflight stamp, lane plan, gate
    report, acceptance ledger, heartbeat, escalation, approved baseline or task file, or that
    the `documents` setting names.

    It never fires on:

    - HTML element names, opening or closing (`<head>`, `<noscript>`, `<select>`, `</body>`,
      `<details open>`), autolinks (`<https://example.com>`) and e-mail addresses;
    - comparisons and arrows (`a < b > c`, `<-`, `->`, `<=`, `<0.5), moderate (0.5-1.0), or
      dense (>`): a placeholder starts with a letter or digit, holds a letter, has balanced
      parentheses and no space next to its brackets;
    - a parameter inside a path, glob, file name or command: `agents/<role>/SKILL.md`,
      `gate_report_<TASK>_<date>.md`, `List<String>`, or a code span that holds more than the
      placeholder (`` `git add <paths>` ``, `` `lanelint new task --id <id>` ``);
    - fenced code blocks (preflight stamps excepted) and HTML comments;
    - an example or format description: the table, list or paragraph right after a lead-in
      line ending in `:` that says `Example:`, `For example:`, `Format:`, `Use this table like
      this:`, `Syntax:`, `Usage:`, `Template:`, `looks like this:` and the like, a section
      headed `Example` or `Format`, and a line that starts with such a lead-in
      (`Format: <lane> <status>`);
    - a placeholder given as an example in prose (`text such as <name>`, `e.g. <lane>`) and the
      cells of a table column that names parameters (headed `Argument`, `Parameter`,
      `Placeholder`, `Option`, `Variable`, `Syntax`, ...).

    Files under a `templates/` folder or a folder named `*_TEMPLATE` (GitHub's
    `ISSUE_TEMPLATE`), and files named `*_TEMPLATE.md`, are templates and are skipped.

    ## Why
    A skeleton rendered from a template is not a report until every placeholder is filled. A
    stamp still reading `<PASS|FAIL>` records no check at all, and a filled evidence table
    whose result cells still read `` `<result>` `` and `` `<date>` `` claims evidence that
    nobody gathered.

    ## Example
    ```markdown
    | A | `<task>` | System Analyst | none | `spec/a.md` | active |
    ```
    Use instead:
    ```markdown
    | A | `T-101` | System Analyst | none | `spec/a.md` | active |
    ```
    """
    folder = ctx.config.root / ctx.config.templates_dir
    names = builtin_template_names() | _stamp_names(ctx) | team_template_names(folder)
    for item in ctx.artifacts.placeholders:
        if not item.whole and not matches_template(item.text, names):
            continue
        yield Finding(
            item.line,
            f"leftover template placeholder '<{item.text}>'",
            column=item.column,
            end_column=item.column + len(item.text) + 2,
        )


def _stamp_names(ctx: DocumentContext) -> frozenset[str]:
    """The placeholder names of the stamp schema in use (the team's template, where it has one)."""
    return frozenset(template_key(spec.hint) for spec in ctx.stamp_schema.fields)
