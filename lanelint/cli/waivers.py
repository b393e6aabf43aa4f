"""``lanelint waivers``: every waiver in PATHS, sorted by expiry, for the weekly review."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from lanelint.cli import fail
from lanelint.cli.options import config_file_option, isolated_option, now_option
from lanelint.linter.engine.config import ConfigError, load_config
from lanelint.linter.io.discovery import PathNotFoundError


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@config_file_option
@isolated_option
@now_option
def waivers(
    paths: tuple[Path, ...],
    output_format: str,
    config_file: Path | None,
    isolated: bool,
    now: str | None,
) -> None:
    """List every waiver in PATHS (default: the configured spec folder, else .): code, owner,
    expiry, days left, status and reason, sorted by expiry. Prose exception records that waive
    the lane limit are listed too. The first line states the date used (--now, else today).

    Exit codes: 0 listed, 2 usage or configuration error.
    """
    from lanelint.linter.engine.waivers import today
    from lanelint.linter.report.waivers import collect, render_json, render_text
    from lanelint.linter.run.api import lint_paths

    try:
        config = load_config(list(paths), explicit=config_file, isolated=isolated)
        if now is not None:
            config = replace(config, now=now)
        result = lint_paths(list(paths), config=replace(config, git=False))
    except (ConfigError, PathNotFoundError) as exc:
        fail(str(exc))
        return
    day = today(config)
    entries = collect(result.documents, config, day)
    render = render_json if output_format == "json" else render_text
    click.echo(render(entries, day), nl=False)
