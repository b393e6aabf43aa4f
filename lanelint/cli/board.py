"""``lanelint board``: each batch's lanes, overlaps, locks and dependency graph at a glance."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from lanelint.cli import fail
from lanelint.cli.options import config_file_option, isolated_option, output_file_option
from lanelint.linter.engine.config import ConfigError, load_config
from lanelint.linter.io.discovery import PathNotFoundError
from lanelint.linter.report.board import FORMATS
from lanelint.linter.run.collect import render_index
from lanelint.linter.run.jobs import default_jobs

if TYPE_CHECKING:
    from lanelint.linter.workspace.index import WorkspaceIndex


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
        text = render_index(
            list(paths),
            config,
            lambda index: _render(index, output_format),
            name=f"board-{output_format}",
            jobs=default_jobs(),
        )
    except (ConfigError, PathNotFoundError) as exc:
        fail(str(exc))
        return
    if output_file is None:
        click.echo(text, nl=False)
        return
    from lanelint.linter.io.writes import write_text_atomic

    try:
        write_text_atomic(output_file, text)
    except OSError as exc:
        fail(f"{output_file}: cannot write the board: {exc.strerror or exc}")


def _render(index: WorkspaceIndex, output_format: str) -> str:
    # imported here: a board read back from the cache never loads the model or renderers
    from lanelint.linter.report.board import build_board, renderer

    return renderer(output_format)(build_board(index))
