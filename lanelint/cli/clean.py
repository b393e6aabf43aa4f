"""``lanelint clean``: remove the content cache of a project."""

from __future__ import annotations

import os
from pathlib import Path

import click

from lanelint.cli import fail


@click.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file whose folder is the project root.",
)
def clean(path: Path | None, config_file: Path | None) -> None:
    """Remove .lanelint_cache/ from the project root of PATH (default: the current folder)."""
    from lanelint.linter.engine.config import ConfigError, load_config
    from lanelint.linter.run.cache import cache_dir, clear

    if path is not None and not os.path.lexists(path):
        fail(f"{path}: no such file or directory")
        return
    try:
        config = load_config([path] if path is not None else [], explicit=config_file)
    except ConfigError as exc:
        fail(str(exc))
        return
    try:
        removed = clear(config.root)
    except OSError as exc:
        fail(f"{cache_dir(config.root)}: cannot remove: {exc.strerror or exc}")
        return
    if removed is None:
        click.echo(f"no cache to remove at {cache_dir(config.root)}")
    else:
        click.echo(f"removed {removed}")
