"""``lanelint new KIND``: write a skeleton document from a template."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from lanelint.cli import fail
from lanelint.cli.options import config_file_option
from lanelint.linter.engine.config import Config, ConfigError, load_config
from lanelint.linter.protocol.artifacts.stamp import StampSchema
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.skeletons import (
    KINDS,
    VALUE_NAMES,
    InvalidValue,
    Kind,
    OutputPathError,
    TemplateFailure,
    Values,
    check_values,
    output_path,
    render_skeleton,
    runtimes,
)

_PROMPTS = {
    "task": "Task id",
    "lane": "Lane id (A-E or L1, L2, ...)",
    "role": "Role",
    "runtime": "Runtime",
    "date": "Date (YYYY-MM-DD)",
}


def interactive() -> bool:
    """Whether a person can answer prompts: standard input and output are terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _stamp_schema(config: Config) -> StampSchema:
    from lanelint.linter.run.api import resolve_stamp_schema

    return resolve_stamp_schema(config, [])


def _path_names(kind: Kind, config: Config) -> tuple[str, ...]:
    """The values the default output path of ``kind`` is made of."""
    pattern = config.output_paths.get(kind.name, kind.output)
    return tuple(name for name in VALUE_NAMES if "{" + name + "}" in pattern)


def _values(
    kind: Kind,
    raw: dict[str, str | None],
    config: Config,
    allowed_runtimes: tuple[str, ...],
    wanted: tuple[str, ...] = (),
) -> Values:
    roles = RoleBook(config.role_aliases)
    values = check_values(raw, roles, allowed_runtimes)
    if not interactive():
        return values
    needed = [*kind.required, *(name for name in wanted if name not in kind.required)]
    for name in values.missing(needed):
        while True:
            hint = f" ({'/'.join(allowed_runtimes)})" if name == "runtime" else ""
            answer = click.prompt(f"{_PROMPTS[name]}{hint}", default="", show_default=False)
            if not answer.strip():
                break
            try:
                values = check_values({**raw, name: answer}, roles, allowed_runtimes)
            except InvalidValue as exc:
                click.echo(f"lanelint: {exc}", err=True)
                continue
            raw = {**raw, name: answer}
            break
    return values


@click.command()
@click.argument("kind", type=click.Choice(list(KINDS)), metavar="KIND")
@click.option("--task", help="Task id, e.g. T-101 (letters, digits, '.', '_', '-').")
@click.option("--lane", help="Lane id: A-E or L1, L2, ...")
@click.option("--role", help="Role, e.g. 'Technical Lead' or TL; written in canonical form.")
@click.option("--runtime", help="Runtime, one of the stamp template's (Codex, Claude, Other).")
@click.option("--date", help="Date, YYYY-MM-DD (default: today).")
@click.option(
    "--output",
    "-o",
    help="File to write, or '-' for standard output (default: the configured output path).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@config_file_option
def new(
    kind: str,
    task: str | None,
    lane: str | None,
    role: str | None,
    runtime: str | None,
    date: str | None,
    output: str | None,
    force: bool,
    config_file: Path | None,
) -> None:
    """Write a skeleton KIND document with the given values; the rest stay placeholders.

    \b
    KIND is one of:
      preflight-stamp, gate-report, workboard, heartbeat, escalation, task

    Values not given stay clear <placeholders> (reported by PDP001 until filled). On a
    terminal, the values KIND needs are asked for; without one, nothing waits for input.
    A team's own templates in the configured templates-dir (spec/templates/*.md.j2) are used
    instead of the built-in ones. An existing file is never overwritten without --force.
    """
    chosen = KINDS[kind]
    try:
        config = load_config([], explicit=config_file)
        _check_output_paths(config)
        schema = _stamp_schema(config)
        raw = {
            "task": task,
            "lane": lane,
            "role": role,
            "runtime": runtime,
            "date": date if date is not None else dt.date.today().isoformat(),
        }
        wanted = _path_names(chosen, config) if output is None else ()
        values = _values(chosen, raw, config, runtimes(schema), wanted)
        text = render_skeleton(chosen, values, config, schema)
        target = None if output == "-" else Path(output) if output else None
        if output is None:
            target = output_path(chosen, values, config)
    except (ConfigError, InvalidValue, TemplateFailure, OutputPathError) as exc:
        fail(str(exc))
        return
    if target is None:
        click.echo(text, nl=False)
        return
    # A path the user typed is theirs to choose; a default path must stay in the project.
    _write(target, text, force, config.root, named=output is not None)
    shown = _shown(target)
    click.echo(f"wrote {shown} ({chosen.name}, {len(text.splitlines())} lines)", err=True)


def _check_output_paths(config: Config) -> None:
    for name in config.output_paths:
        if name not in KINDS:
            where = config.source or "configuration"
            raise ConfigError(
                f"{where}: unknown kind '{name}' in 'output-paths' (kinds: {', '.join(KINDS)})"
            )


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _write(target: Path, text: str, force: bool, root: Path, *, named: bool) -> None:
    from lanelint.linter.io.writes import write_bytes_atomic

    if target.is_dir():
        fail(f"{_shown(target)}: is a folder; give a file name with --output")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(
            target, text.encode("utf-8"), overwrite=force, root=root, allow_outside=named
        )
    except FileExistsError:
        fail(f"{_shown(target)}: file exists; not overwritten (use --force to replace it)")
    except OSError as exc:
        fail(f"{_shown(target)}: cannot write: {exc.strerror or exc}")
