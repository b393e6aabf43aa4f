"""Reading a folder into a workspace index without running any rule (for ``lanelint board``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.run.driver import Run
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
