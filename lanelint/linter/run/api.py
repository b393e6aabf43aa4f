"""The library API that the CLI, the language server and the tests share: thin wrappers that
build a :class:`~lanelint.linter.run.driver.Run` and ask it for a report."""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lanelint.linter.engine.config import Config, default_paths, load_config
from lanelint.linter.io.discovery import display_path
from lanelint.linter.io.source import MAX_FILE_BYTES
from lanelint.linter.run.driver import Run, context_folder
from lanelint.linter.run.keys import STAMP_TEMPLATE_NAME
from lanelint.linter.run.result import LintResult

if TYPE_CHECKING:
    from lanelint.linter.run.reading import read_bytes, read_entry
    from lanelint.linter.run.settings import make_settings, resolve_stamp_schema

#: Names this module offers whose homes load the rule engine: imported on first use, so that
#: a run that finds its findings recorded never loads it.
_LAZY = {
    "read_bytes": "lanelint.linter.run.reading",
    "read_entry": "lanelint.linter.run.reading",
    "make_settings": "lanelint.linter.run.settings",
    "resolve_stamp_schema": "lanelint.linter.run.settings",
}

__all__ = [
    "MAX_FILE_BYTES",
    "STAMP_TEMPLATE_NAME",
    "LintResult",
    "buffer_folder",
    "default_paths",
    "lint_buffer",
    "lint_paths",
    "lint_text",
    "make_settings",
    "read_bytes",
    "read_entry",
    "resolve_stamp_schema",
]


def lint_paths(
    paths: Sequence[str | Path] = (),
    *,
    config: Config | None = None,
    config_file: Path | None = None,
    jobs: int = 1,
    use_cache: bool = False,
    project_context: bool = False,
) -> LintResult:
    """Lint files and folders. Raises :class:`ConfigError` or ``PathNotFoundError``.

    ``jobs`` worker processes run the per-document phase; with ``use_cache`` (and the
    configuration's ``cache`` on) unchanged files are read from ``.lanelint_cache/``. With
    ``project_context``, the project's other documents are read for the cross-document rules
    and findings are reported only for the files below ``paths``.
    """
    given = [Path(p) for p in paths]
    if config is None:
        config = load_config(given, explicit=config_file)
    run = Run(config, jobs=jobs, use_cache=use_cache)
    reported = run.add_targets(given, project_context=project_context)
    return run.report([e.display for e in reported] if project_context else None)


def lint_text(
    text: str,
    path: str = "<stdin>",
    *,
    config: Config | None = None,
) -> LintResult:
    """Lint one document given as text, as if it stood at ``path``."""
    if config is None:
        config = load_config([Path(path)] if path != "<stdin>" else [])
    run = Run(config)
    run.set_buffer(path, text)
    return run.report()


def buffer_folder(path: Path, config: Config) -> Path:
    """The folder whose documents a buffer at ``path`` is linted with (cross-document rules)."""
    return context_folder(path, config)


def lint_buffer(
    path: str | Path,
    text: str,
    *,
    config: Config | None = None,
    folder: Path | None = None,
    use_cache: bool | None = None,
) -> LintResult:
    """Lint ``text`` as if it stood at ``path``, as an editor does with an unsaved buffer.

    Per-document rules read ``text``; cross-document rules read the documents of ``folder``
    (default: :func:`buffer_folder`) on disk, with ``text`` in place of the file at ``path``
    (which need not exist). Only the findings located in that file are returned.
    """
    target = Path(path)
    if config is None:
        config = load_config([target])
    folder = folder if folder is not None else buffer_folder(target, config)
    cached = config.cache if use_cache is None else use_cache  # the other documents only
    run = Run(config, use_cache=cached)
    if folder.is_dir():
        run.discover([folder])
    shown = display_path(target)
    wanted = os.path.abspath(target)
    for key, entry in list(run.entries.items()):
        if key != shown and os.path.abspath(entry.path) == wanted:
            del run.entries[key]
    run.set_buffer(shown, text)
    return run.report([shown])


def __getattr__(name: str) -> Any:
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
