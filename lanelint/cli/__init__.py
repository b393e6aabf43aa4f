"""The ``lanelint`` command: a thin layer over the library API.

Subcommands live in their own modules and are imported only when invoked, so that
``lanelint check`` pays for nothing it does not run.
"""

from __future__ import annotations

import importlib
import sys
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
