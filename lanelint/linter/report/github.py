"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

GitHub shows only the first few annotations of a step, so where ``$GITHUB_STEP_SUMMARY`` is
set, a Markdown table of every finding is appended to that file as well.

GitHub places an annotation by its path from the root of the repository, whatever folder the
step ran in: paths are made relative to ``$GITHUB_WORKSPACE`` when it is set, else to the
repository that holds the project (the nearest folder with ``.git``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from lanelint.linter.engine.diagnostics import Diagnostic, Severity
from lanelint.linter.report.paths import annotation_base, relative_to_base

if TYPE_CHECKING:
    from lanelint.linter.run.api import LintResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"


def escape_data(text: str) -> str:
    """The message part of a workflow command (actions/toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value of a workflow command (actions/toolkit ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diagnostic: Diagnostic, base: Path | None = None) -> str:
    """The workflow command of one finding; ``base`` is the folder paths are relative to."""
    loc = diagnostic.location
    path = loc.path if base is None else relative_to_base(loc.path, base)
    properties = [("file", path), ("line", str(loc.line)), ("endLine", str(loc.last_line))]
    if loc.last_line == loc.line:
        properties.append(("col", str(loc.column)))
        if loc.end_column is not None:
            properties.append(("endColumn", str(loc.end_column)))
    properties.append(("title", diagnostic.code))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[diagnostic.severity]} {joined}::{escape_data(diagnostic.message)}"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def summary(result: LintResult) -> str:
    """A Markdown summary of the run: counts, then a table of every finding."""
    counts = result.counts()
    files = len(result.files)
    lines = ["## lanelint", ""]
    if not result.diagnostics:
        lines.append(f"All checks passed ({files} file{'s' if files != 1 else ''} checked).")
        return "\n".join(lines) + "\n\n"
    lines.append(
        f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s) and "
        f"{counts[Severity.INFO]} info in {files} file(s)."
    )
    lines += ["", "| Severity | Code | Location | Message |", "|---|---|---|---|"]
    for d in result.diagnostics:
        where = f"`{_cell(d.path)}:{d.line}:{d.location.column}`"
        lines.append(f"| {d.severity.label} | {d.code} | {where} | {_cell(d.message)} |")
    return "\n".join(lines) + "\n\n"


def write_step_summary(result: LintResult, path: Path) -> None:
    """Append the summary to the step summary file (kept whole, written atomically)."""
    from lanelint.linter.io.writes import write_text_atomic

    try:
        existing = path.read_text("utf-8")
    except FileNotFoundError:
        existing = ""
    write_text_atomic(path, existing + summary(result))


def render(result: LintResult, color: bool) -> str:
    target = os.environ.get(SUMMARY_VARIABLE)
    if target:
        try:
            write_step_summary(result, Path(target))
        except OSError as exc:
            import click

            click.echo(f"lanelint: warning: cannot write {SUMMARY_VARIABLE}: {exc}", err=True)
    base = annotation_base(result.config.root)
    return "".join(command(d, base) + "\n" for d in result.diagnostics)
