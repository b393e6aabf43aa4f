"""``lanelint board``: each batch's lanes, overlaps, locks and dependency graph at a glance."""

from __future__ import annotations

from pathlib import Path

import click

from lanelint.cli import fail
from lanelint.cli.options import config_file_option, isolated_option, output_file_option
from lanelint.linter.engine.config import ConfigError, load_config
from lanelint.linter.io.discovery import PathNotFoundError
from lanelint.linter.report.board import FORMATS, build_board, renderer
from lanelint.linter.run.collect import index_paths
from lanelint.linter.run.jobs import default_jobs


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="text for a terminal, markdown (with a Mermaid flowchart) for a file or comment, json.",
)
@config_file_option
@isolated_option
@output_file_option("board")
def board(
    paths: tuple[Path, ...],
    output_format: str,
    config_file: Path | None,
    isolated: bool,
    output_file: Path | None,
) -> None:
    """Show each batch in PATHS: lanes with type, owner, task, dependency, status, files and
    ledger verdict, overlapping and locked files marked, and the dependency graph.

    Exit codes: 0 shown, 2 usage or configuration error.
    """
    try:
        config = load_config(list(paths), explicit=config_file, isolated=isolated)
        index = index_paths(list(paths), config, use_cache=True, jobs=default_jobs())
    except (ConfigError, PathNotFoundError) as exc:
        fail(str(exc))
        return
    text = renderer(output_format)(build_board(index))
    if output_file is None:
        click.echo(text, nl=False)
        return
    from lanelint.linter.io.writes import write_text_atomic

    try:
        write_text_atomic(output_file, text)
    except OSError as exc:
        fail(f"{output_file}: cannot write the board: {exc.strerror or exc}")
