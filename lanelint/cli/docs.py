"""``lanelint rules`` and ``lanelint explain``: the rule documentation, from the rules."""

from __future__ import annotations

import json

import click

from lanelint.cli import fail
from lanelint.rules import all_rules, get_rule


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def rules(output_format: str) -> None:
    """List every rule: code, severity, protocol section, name and summary."""
    items = all_rules()
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
        fix = "fix" if rule.fixable else "   "
        section = f"§{rule.section}" if rule.section is not None else "  -"
        head = f"{rule.code:<8} {rule.severity.label:<8} {section:<4} {fix}"
        click.echo(f"{head} {rule.name}: {rule.summary}")


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of the rule CODE (for example PDP501)."""
    rule = get_rule(code.strip())
    if rule is None:
        fail(f"unknown rule code '{code}'; `lanelint rules` lists them")
        return
    section = f"protocol section {rule.section}" if rule.section is not None else "lanelint itself"
    scope = {"document": "one document", "workspace": "across documents", "engine": "engine"}[
        rule.scope
    ]
    fix = "yes (`lanelint check --fix`)" if rule.fixable else "no"
    click.echo(f"# {rule.code} {rule.name}\n")
    click.echo(
        f"Severity: {rule.severity.label} · Enforces: {section} · Reads: {scope} · Fixable: {fix}\n"
    )
    click.echo(rule.docs)
