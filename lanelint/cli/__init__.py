"""The ``lanelint`` command: a thin layer over the library API.

Subcommands live in their own modules and are imported only when invoked, so that
``lanelint check`` pays for nothing it does not run.
"""

from __future__ import annotations

import errno
import importlib
import sys
from collections.abc import Sequence
from typing import Any

import click

from lanelint.linter.version import __version__

#: Subcommand -> "module:attribute" of its click command.
COMMANDS: dict[str, str] = {
    "check": "lanelint.cli.check:check",
    "rules": "lanelint.cli.docs:rules",
    "explain": "lanelint.cli.docs:explain",
    "board": "lanelint.cli.board:board",
    "new": "lanelint.cli.new:new",
    "init": "lanelint.cli.init:init",
    "server": "lanelint.cli.server:server",
    "clean": "lanelint.cli.clean:clean",
    "waivers": "lanelint.cli.waivers:waivers",
}

#: Exit codes, documented in the README.
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3


def _keep_hyphenated_words() -> None:
    """Wrap help text between words only: ``gate-report`` never breaks at its hyphen.

    click wraps help with :class:`textwrap.TextWrapper`, which breaks hyphenated words by
    default; its wrapper class is replaced by one that does not (where click has it).
    """
    try:
        from click import _textwrap
    except ImportError:  # pragma: no cover - another click layout: its own wrapping stays
        return
    base: Any = getattr(_textwrap, "TextWrapper", None)
    if base is None or getattr(base, "lanelint", False):
        return

    class Wrapper(base):  # type: ignore[misc]
        lanelint = True

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["break_on_hyphens"] = False
            super().__init__(*args, **kwargs)

    _textwrap.TextWrapper = Wrapper  # type: ignore[misc]


_keep_hyphenated_words()


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its whole summary (the first paragraph of its help), wrapped."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command; in standalone mode every usage error is one line on stderr.

        ``lanelint: error: MESSAGE`` and exit code 2 (click's own exit code for the error),
        instead of click's block of usage, hint and message.
        """
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            value = super().main(args, prog_name, complete_var, False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else exc.format_message())
            sys.exit(EXIT_OK)
        except click.ClickException as exc:
            message = " ".join(exc.format_message().split())
            click.echo(f"lanelint: error: {message}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("lanelint: interrupted", err=True)
            sys.exit(130)
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # the reader went away (``lanelint check | head``)
                sys.exit(1)
            raise
        sys.exit(value if isinstance(value, int) else EXIT_OK)


def fail(message: str) -> None:
    """Print a one-line usage or configuration error and exit with code 2."""
    click.echo(f"lanelint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="lanelint")
def cli() -> None:
    """A policy linter for Markdown specs under the Parallel Delivery Protocol."""


def main(argv: list[str] | None = None) -> Any:
    """Console entry point; usage errors exit with 2, as click does."""
    try:
        return cli.main(args=argv, prog_name="lanelint", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("lanelint: interrupted", err=True)
        sys.exit(130)
