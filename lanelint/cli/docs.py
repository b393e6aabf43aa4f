"""``lanelint rules`` and ``lanelint explain``: the rule documentation, from the rules."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import click

from lanelint.cli import fail
from lanelint.linter.engine.registry import Rule
from lanelint.rules import all_rules, get_rule


def _listing(rule: Rule) -> str:
    fix = "fix" if rule.fixable else "   "
    section = f"§{rule.section}" if rule.section is not None else "  -"
    head = f"{rule.code:<8} {rule.severity.label:<8} {section:<4} {fix}"
    return f"{head} {rule.name}: {rule.summary}"


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="List format (markdown: the README's rule table).",
)
@click.option(
    "--write-docs",
    "docs_folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write the reference pages (one CODE.md per rule and README.md) into this folder.",
)
def rules(output_format: str, docs_folder: Path | None) -> None:
    """List every rule: code, severity, protocol section, name and summary.

    With --write-docs FOLDER, write the reference pages instead (the repository keeps them
    in docs/rules/); pages of rules that no longer exist are removed.
    """
    if docs_folder is not None:
        from lanelint.linter.report.rule_pages import write_pages

        try:
            changed = write_pages(docs_folder)
        except OSError as exc:
            fail(f"{docs_folder}: cannot write the rule pages: {exc.strerror or exc}")
            return
        for name in changed:
            click.echo(f"updated {(docs_folder / name).as_posix()}", err=True)
        click.echo(f"{len(changed)} of the rule pages changed", err=True)
        return
    items = all_rules()
    if output_format == "markdown":
        from lanelint.linter.report.rule_pages import rule_table

        click.echo(rule_table(items), nl=False)
        return
    if output_format == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "section": r.section,
                "scope": r.scope,
                "fixable": r.fixable,
                "summary": r.summary,
            }
            for r in items
        ]
        click.echo(json.dumps(data, indent=2))
        return
    for rule in items:
        click.echo(_listing(rule))


def find_rules(query: str) -> list[Rule]:
    """The rules ``query`` names: a code, a rule name, or a code prefix (``PDP5``)."""
    wanted = query.strip()
    exact = get_rule(wanted)
    if exact is not None:
        return [exact]
    everything = all_rules()
    named = [rule for rule in everything if rule.name == wanted.lower()]
    if named:
        return named
    prefix = wanted.upper()
    return [rule for rule in everything if prefix and rule.code.startswith(prefix)]


@click.command()
@click.argument("query", metavar="CODE")
def explain(query: str) -> None:
    """Print the documentation of a rule, by code (PDP501) or name (lane-file-overlap).

    A code prefix lists the rules it covers: `lanelint explain PDP5` lists section 5.
    """
    from lanelint.linter.report.rule_pages import rule_page

    found = find_rules(query)
    if not found:
        names = [r.code for r in all_rules()] + [r.name for r in all_rules()]
        close = difflib.get_close_matches(query.strip(), names, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        fail(f"unknown rule code or name '{query}'{hint}; `lanelint rules` lists them")
        return
    if len(found) == 1 and (get_rule(query.strip()) or found[0].name == query.strip().lower()):
        click.echo(rule_page(found[0]), nl=False)
        return
    for rule in found:
        click.echo(_listing(rule))
    click.echo(f"\n{len(found)} rules; `lanelint explain CODE` prints one rule's page.")
