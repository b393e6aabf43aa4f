"""The terminal format: ``path:line:col: CODE [*] severity: message``, a summary, colour.

The severity is a word on every line (``error``, ``warning``, ``info``), so a report reads the
same with colour off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from lanelint.linter.engine.diagnostics import Severity

if TYPE_CHECKING:
    from lanelint.linter.run.api import LintResult

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def render(result: LintResult, color: bool) -> str:
    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    lines: list[str] = []
    for diagnostic in result.diagnostics:
        loc = diagnostic.location
        where = style(f"{loc.path}:{loc.line}:{loc.column}:", bold=True)
        hue = _COLORS[diagnostic.severity]
        code = style(diagnostic.code, fg=hue, bold=True)
        severity = style(f"{diagnostic.severity.label}:", fg=hue)
        fix = style(" [*]", fg="cyan") if diagnostic.fixable else ""
        lines.append(f"{where} {code}{fix} {severity} {diagnostic.message}")
        for other in diagnostic.related:
            note = f" ({other.message})" if other.message else ""
            lines.append(style(f"    also {other.path}:{other.line}{note}", dim=True))
    counts = result.counts()
    files = _plural(len(result.files), "file")
    if not result.diagnostics:
        lines.append(style(f"All checks passed ({files} checked).", fg="green"))
    else:
        summary = (
            f"Found {_plural(counts[Severity.ERROR], 'error')}, "
            f"{_plural(counts[Severity.WARNING], 'warning')} and "
            f"{counts[Severity.INFO]} info in {files}."
        )
        if lines:
            lines.append("")
        lines.append(style(summary, bold=True))
        fixable = sum(1 for d in result.diagnostics if d.fixable)
        if fixable:
            lines.append(f"[*] {fixable} fixable with `lanelint check --fix`.")
    if result.incomplete:
        lines.append(
            style("The run is incomplete: an internal error stopped some checks.", fg="red")
        )
    return "\n".join(lines) + "\n"
