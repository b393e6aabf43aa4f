"""``lanelint check``: lint files and folders, print a report, exit with a meaningful code."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from lanelint.cli import fail
from lanelint.cli.check_usage import conflict, use_color, warn_no_documents
from lanelint.cli.options import (
    config_file_option,
    isolated_option,
    now_option,
    output_file_option,
)
from lanelint.cli.stdin_input import STDIN, lint_stdin, stdin_target
from lanelint.linter.engine.config import ConfigError, load_config
from lanelint.linter.engine.diagnostics import Severity
from lanelint.linter.io.discovery import PathNotFoundError
from lanelint.linter.report import FORMATS, renderer
from lanelint.linter.run.driver import Run


def _codes(values: tuple[str, ...], option: str = "") -> tuple[str, ...]:
    codes = tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )
    if option:
        from lanelint.rules import all_rules

        known = [rule.code for rule in all_rules()]
        for code in codes:
            if code != "ALL" and not any(k.startswith(code) for k in known):
                raise ConfigError(f"{option}: unknown rule code '{code}'")
    return codes


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--select", multiple=True, help="Only these codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these codes or prefixes (comma-separated).")
@config_file_option
@isolated_option
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that makes the exit code 1 (default: configuration, else warning).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@output_file_option("report")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text report (default: on a terminal; NO_COLOR and FORCE_COLOR are honoured).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print the number of findings per code instead (text or json).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for the per-document phase, this one included (default: the number of cores).",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write .lanelint_cache/.")
@click.option(
    "--stdin-filename",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Lint standard input (path '-') as if it were the file at this path.",
)
@click.option(
    "--no-project-context",
    is_flag=True,
    help="Read only the named files, not the project's other documents, for cross-document rules.",
)
@click.option(
    "--show-files",
    "-v",
    "show_files",
    is_flag=True,
    help="List on stderr how each file was taken: protocol document (and its artifacts), "
    "not a protocol document, or template.",
)
@now_option
@click.option("--no-git", is_flag=True, help="Do not compare the ledgers with the git history.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what is left.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
def check(
    paths: tuple[Path, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: Path | None,
    isolated: bool,
    fail_on: str | None,
    exit_zero: bool,
    output_file: Path | None,
    color: bool | None,
    statistics: bool = False,
    stdin_filename: Path | None = None,
    jobs: int | None = None,
    no_cache: bool = False,
    no_project_context: bool = False,
    fix: bool = False,
    diff: bool = False,
    show_files: bool = False,
    now: str | None = None,
    no_git: bool = False,
) -> None:
    """Lint the Markdown documents in PATHS (default: the configured spec folder, else .).

    The project's other documents are read too, so that cross-document rules see the whole
    project; findings are reported only for PATHS.

    Exit codes: 0 no failing finding, 1 findings at or above the failing severity,
    2 usage or configuration error, 3 incomplete run (an internal error).
    """
    problem = conflict(
        output_format=output_format,
        statistics=statistics,
        fix=fix,
        diff=diff,
        color=color,
        output_file=output_file,
        exit_zero=exit_zero,
        fail_on=fail_on,
        config_file=config_file,
        isolated=isolated,
    )
    if problem:
        fail(problem)
    progress = None
    try:
        stdin = stdin_target(paths, stdin_filename)
        given = [stdin] if stdin not in (None, STDIN) else [p for p in paths if p != STDIN]
        config = load_config(given, explicit=config_file, isolated=isolated)
        if select:
            config = replace(config, select=_codes(select, "--select"))
        if ignore:
            config = replace(config, ignore=config.ignore + _codes(ignore, "--ignore"))
        if no_cache:
            config = replace(config, cache=False)
        if no_project_context:
            config = replace(config, project_context=False)
        if now is not None or no_git:
            config = replace(config, now=now or config.now, git=config.git and not no_git)
        if stdin is not None:
            if fix or diff:
                fail("--fix and --diff work on files, not on standard input")
            result = lint_stdin(stdin, config)
        else:
            from lanelint.linter.report.progress import for_terminal
            from lanelint.linter.run.jobs import default_jobs

            progress = for_terminal(sys.stderr, output_format == "text")
            run = Run(
                config,
                jobs=jobs if jobs is not None else default_jobs(),
                use_cache=not no_cache,
            )
            run.progress = progress
            given = list(paths)
            reported = run.add_targets(given, project_context=config.project_context)
            if fix or diff:
                from lanelint.cli.fixing import run_fixes

                run_fixes(run, given, diff=diff)
            only = [e.display for e in reported] if config.project_context else None
            result = run.report(only)
            if not result.files:
                warn_no_documents(paths)
    except (ConfigError, PathNotFoundError) as exc:
        fail(str(exc))
        return
    finally:
        if progress is not None:
            progress.close()
    if show_files:
        from lanelint.linter.engine.passes import document_class

        for document in result.documents:
            taken = document_class(document).describe()
            click.echo(f"{document.path}: {taken}", err=True)
    colored = use_color(color, output_file)
    if statistics:
        from lanelint.linter.report import statistics as stats

        report = (stats.render_json if output_format == "json" else stats.render)(result, colored)
    else:
        report = renderer(output_format)(result, colored)
    if output_file is not None:
        from lanelint.linter.io.writes import write_text_atomic

        try:
            write_text_atomic(output_file, report)
        except OSError as exc:
            fail(f"{output_file}: cannot write report: {exc.strerror or exc}")
    else:
        click.echo(report, nl=False, color=colored)
    if exit_zero and not result.incomplete:
        sys.exit(0)
    sys.exit(result.exit_code(Severity.parse(fail_on) if fail_on else None))
