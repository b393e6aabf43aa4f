"""What ``lanelint check`` decides before and around a run: flags that do not fit together,
colour, progress, and the warning for a run that found no document.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import click

#: Formats ``--statistics`` can print.
STATISTICS_FORMATS = ("text", "json")


def conflict(
    *,
    output_format: str,
    statistics: bool,
    fix: bool,
    diff: bool,
    color: bool | None,
    output_file: Path | None,
    exit_zero: bool,
    fail_on: str | None,
    config_file: Path | None,
    isolated: bool,
) -> str | None:
    """Why these options cannot be used together, or ``None`` when they can."""
    if statistics and output_format not in STATISTICS_FORMATS:
        return f"--statistics prints text or json, not --format {output_format}"
    if fix and diff:
        return "--fix writes the fixes and --diff only shows them: give one of them"
    if diff:
        for given, option in (
            (output_format != "text", f"--format {output_format}"),
            (statistics, "--statistics"),
            (output_file is not None, "--output-file"),
            (exit_zero, "--exit-zero"),
            (fail_on is not None, "--fail-on"),
        ):
            if given:
                return f"--diff prints a unified diff, not a report: it cannot take {option}"
    if color and (output_format != "text" or statistics):
        what = "--statistics" if statistics else f"--format {output_format}"
        return f"--color colours the text report only, not {what}"
    if exit_zero and fail_on is not None:
        return "--exit-zero and --fail-on both decide the exit code: give one of them"
    if isolated and config_file is not None:
        return "--isolated ignores every configuration file: it cannot be used with --config"
    return None


def use_color(
    flag: bool | None, output_file: Path | None, environ: Mapping[str, str] | None = None
) -> bool:
    """Whether the text report is coloured.

    ``--color``/``--no-color`` decide; else a non-empty ``NO_COLOR`` turns colour off and a
    ``FORCE_COLOR`` other than empty or ``0`` turns it on (``NO_COLOR`` wins when both are
    set); else colour is on when the report goes to a terminal. A report written with
    ``--output-file`` is coloured only with ``--color``.
    """
    if flag is not None:
        return flag
    if output_file is not None:
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR", ""):
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return sys.stdout.isatty()


def warn_no_documents(paths: tuple[Path, ...]) -> None:
    """The run read no Markdown file: say so on standard error (the exit code stays)."""
    where = ", ".join(str(p) for p in paths) if paths else "the configured folder"
    click.echo(f"lanelint: warning: no Markdown file found in {where}", err=True)
