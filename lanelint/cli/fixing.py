"""``lanelint check --fix`` and ``--diff``: apply the rules' safe fixes, or show them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from lanelint.cli import EXIT_FINDINGS, EXIT_OK, fail
from lanelint.linter.engine.config import Config


def run_fixes(paths: Sequence[Path], config: Config, *, diff: bool, stdin: bool) -> None:
    """With ``diff``: print a unified diff of the fixes and exit (1 when there are any).

    Otherwise write the fixes and return, so that the check reports what is left.
    """
    from lanelint.linter.fixes.engine import fix_paths

    if stdin:
        fail("--fix and --diff work on files, not on standard input")
    run = fix_paths(list(paths), config, write=not diff)
    if diff:
        for plan in run.changed:
            click.echo(plan.diff(), nl=False)
        count = sum(plan.fixed for plan in run.changed)
        files = len(run.changed)
        if files:
            click.echo(f"lanelint: {_findings(count, 'fixable ')} in {_files(files)}", err=True)
        sys.exit(EXIT_FINDINGS if files else EXIT_OK)
    for message in run.skipped:
        click.echo(f"lanelint: {message}", err=True)
    for plan in run.written:
        codes = ", ".join(sorted(set(plan.codes)))
        click.echo(f"lanelint: fixed {plan.fixed} in {plan.display} ({codes})", err=True)
    files = len(run.written)
    click.echo(f"lanelint: fixed {_findings(run.fixed)} in {_files(files)}", err=True)


def _findings(count: int, kind: str = "") -> str:
    return f"{count} {kind}finding" if count == 1 else f"{count} {kind}findings"


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"
