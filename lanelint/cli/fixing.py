"""``lanelint check --fix`` and ``--diff``: apply the rules' safe fixes, or show them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from lanelint.cli import EXIT_FINDINGS, EXIT_OK
from lanelint.linter.run.driver import Run


def run_fixes(run: Run, paths: Sequence[Path], *, diff: bool) -> None:
    """With ``diff``: print a unified diff of the fixes and exit (1 when there are any).

    Otherwise write the fixes and return, so that the check reports what is left.
    """
    from lanelint.linter.fixes.engine import fix_run

    done = fix_run(run, list(paths), write=not diff)
    if diff:
        for plan in done.changed:
            click.echo(plan.diff(), nl=False)
        count = sum(plan.fixed for plan in done.changed)
        files = len(done.changed)
        if files:
            click.echo(f"lanelint: {_findings(count, 'fixable ')} in {_files(files)}", err=True)
        sys.exit(EXIT_FINDINGS if files else EXIT_OK)
    for message in done.skipped:
        click.echo(f"lanelint: {message}", err=True)
    for plan in done.written:
        codes = ", ".join(sorted(set(plan.codes)))
        click.echo(f"lanelint: fixed {plan.fixed} in {plan.display} ({codes})", err=True)
    files = len(done.written)
    click.echo(f"lanelint: fixed {_findings(done.fixed)} in {_files(files)}", err=True)


def _findings(count: int, kind: str = "") -> str:
    return f"{count} {kind}finding" if count == 1 else f"{count} {kind}findings"


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"
