"""Options several subcommands share, declared once so that they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

config_file_option = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file to use instead of searching for one.",
)

isolated_option = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")


def output_file_option(what: str) -> Callable[[F], F]:
    """``--output-file PATH``: write ``what`` there instead of standard output."""
    return click.option(
        "--output-file",
        type=click.Path(path_type=Path, dir_okay=False),
        help=f"Write the {what} to this file instead of standard output.",
    )


def _parse_now(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from lanelint.linter.protocol.timestamps import parse_timestamp

    if parse_timestamp(value) is None:
        raise click.BadParameter(f"'{value}' is not a date (YYYY-MM-DD) or a date and time")
    return value


now_option = click.option(
    "--now",
    "now",
    metavar="DATE",
    callback=_parse_now,
    help="The date (YYYY-MM-DD, or a date and time) that decides what has expired and what "
    "is overdue (default: today for waivers, the batch's newest timestamp for heartbeats).",
)
