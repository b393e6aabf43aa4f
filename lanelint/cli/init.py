"""``lanelint init``: a starter configuration and the team's own copies of the templates."""

from __future__ import annotations

import os
from pathlib import Path

import click

from lanelint.cli import fail
from lanelint.linter.engine.config import CONFIG_FILES, ConfigError, find_config_file, load_file

STARTER_CONFIG = """\
# lanelint configuration; the README lists every key.

# The spec folder `lanelint check` lints when given no paths.
spec = "spec"

# Team templates for `lanelint new`; files here override the built-in ones by name.
templates-dir = "spec/templates"

# Findings at or above this severity make `lanelint check` exit 1.
fail-on = "warning"

# More than this many active lanes in one batch is a warning (protocol section 2).
max-active-lanes = 4

# Files nobody edits without a named lock owner (protocol section 5).
# high-risk-files = ["AGENTS.md", "spec/AGENT_RUNTIME.md"]

# Codes or prefixes to skip, and per-code severities.
# ignore = ["PDP408"]
# [severity]
# PDP409 = "warning"

# Where `lanelint new KIND` writes by default ({task}, {lane}, {role}, {runtime}, {date}).
# [output-paths]
# gate-report = "spec/operations/gate_report_{task}_{date}.md"
"""


def _existing_config(root: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = root / name
        if not candidate.is_file():
            continue
        if name != "pyproject.toml":
            return candidate
        try:
            if load_file(candidate) is not None:
                return candidate
        except ConfigError:
            return candidate
    return None


def _shown(folder: Path) -> Path:
    """``folder`` relative to the current folder where below it, else absolute."""
    absolute = Path(os.path.abspath(folder))
    try:
        return absolute.relative_to(Path.cwd()) or Path(".")
    except ValueError:
        return absolute


def _write_new(path: Path, data: bytes, root: Path) -> bool:
    """Write ``path`` (below ``root``) unless it exists; ``True`` when written."""
    from lanelint.linter.io.writes import write_bytes_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data, overwrite=False, root=root)
    except FileExistsError:
        return False
    return True


@click.command()
@click.argument(
    "root", required=False, default=".", type=click.Path(path_type=Path, file_okay=False)
)
def init(root: Path) -> None:
    """Write a starter lanelint.toml and spec/templates/*.md.j2 into ROOT (default: .).

    Nothing that exists is overwritten: running it again changes nothing. Edit the copied
    templates to make `lanelint new` write your team's own skeletons.
    """
    from lanelint.linter.skeletons.loader import builtin_names, builtin_text

    wrote: list[str] = []
    kept: list[str] = []
    try:
        root.mkdir(parents=True, exist_ok=True)
        config = _existing_config(root)
        label = config.name if config is not None else ""
        if config is None:
            # Inside a configured project: its configuration's folder is the project root.
            config = find_config_file(root)
            if config is not None:
                root = _shown(config.parent)
                label = _shown(config).as_posix()
        templates_dir = "spec/templates"
        if config is None:
            if _write_new(root / "lanelint.toml", STARTER_CONFIG.encode("utf-8"), root):
                wrote.append("lanelint.toml")
        else:
            kept.append(f"{label} (configuration exists)")
            try:
                loaded = load_file(config)
            except ConfigError as exc:
                fail(str(exc))
                return
            if loaded is not None:
                templates_dir = loaded.templates_dir
        for name in builtin_names():
            relative = f"{templates_dir.rstrip('/')}/{name}"
            if _write_new(root / relative, builtin_text(name).encode("utf-8"), root):
                wrote.append(relative)
            else:
                kept.append(f"{relative} (exists)")
    except OSError as exc:
        fail(f"{root}: cannot write: {exc.strerror or exc}")
        return
    where = "" if root == Path(".") else f" in {root.as_posix()}"
    for item in wrote:
        click.echo(f"wrote {item}")
    for item in kept:
        click.echo(f"kept {item}")
    if not wrote:
        click.echo(f"nothing to write{where}: every file exists")
