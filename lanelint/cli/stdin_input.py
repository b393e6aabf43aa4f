"""``lanelint check --stdin-filename PATH -``: lint a buffer from standard input as if at PATH."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lanelint.cli import fail
from lanelint.linter.engine.config import Config
from lanelint.linter.io.source import DecodeError, decode

if TYPE_CHECKING:
    from lanelint.linter.run.result import LintResult

STDIN = Path("-")


def stdin_target(paths: tuple[Path, ...], stdin_filename: Path | None) -> Path | None:
    """The path standard input stands for, ``Path("-")`` for bare ``-``, or ``None``.

    ``--stdin-filename`` takes ``-`` (or nothing) as its only path.
    """
    if stdin_filename is not None:
        if any(path != STDIN for path in paths):
            fail("--stdin-filename reads standard input: give '-' as the only path")
        return stdin_filename
    if STDIN in paths:
        if len(paths) > 1:
            fail("'-' (standard input) cannot be combined with other paths")
        return STDIN
    return None


def read_stdin(label: str) -> str:
    data = sys.stdin.buffer.read()
    try:
        return decode(data).text
    except DecodeError as exc:
        fail(f"{label} (standard input): {exc.message}")
        raise  # unreachable: fail() exits


def lint_stdin(target: Path, config: Config) -> LintResult:
    """Per-document rules on the text; cross-document rules with it in place of the file."""
    from lanelint.linter.run.api import lint_buffer, lint_text

    if target == STDIN:
        return lint_text(read_stdin("<stdin>"), "<stdin>", config=config)
    return lint_buffer(target, read_stdin(str(target)), config=config)
