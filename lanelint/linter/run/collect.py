"""Reading a folder into a workspace index without running any rule (for ``lanelint board``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lanelint.linter.engine.config import Config
from lanelint.linter.run.driver import Run

if TYPE_CHECKING:
    from lanelint.linter.workspace.index import WorkspaceIndex


def index_paths(
    paths: Sequence[str | Path], config: Config, *, use_cache: bool = False, jobs: int = 1
) -> WorkspaceIndex:
    """The workspace index of the Markdown files below ``paths``.

    Raises :class:`~lanelint.linter.engine.config.ConfigError` or ``PathNotFoundError``.
    """
    run = Run(config, use_cache=use_cache, jobs=jobs)
    run.add_targets([Path(p) for p in paths])
    return run.index()


def render_index(
    paths: Sequence[str | Path],
    config: Config,
    render: Callable[[WorkspaceIndex], str],
    *,
    name: str,
    jobs: int = 1,
) -> str:
    """``render`` of the workspace index of ``paths``, kept in the cache as ``name`` and read
    back while no document (nor anything else a run depends on) changed.

    Raises :class:`~lanelint.linter.engine.config.ConfigError` or ``PathNotFoundError``.
    """
    run = Run(config, use_cache=True, jobs=jobs)
    run.add_targets([Path(p) for p in paths])
    return run.remembered(name, render)
