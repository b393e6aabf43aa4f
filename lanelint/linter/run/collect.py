"""Reading a folder into a workspace index without running any rule (for ``lanelint board``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.passes import workspace_view
from lanelint.linter.io.discovery import discover
from lanelint.linter.run.api import default_paths, make_settings, read_entry
from lanelint.linter.workspace.index import WorkspaceIndex, build_index


def index_paths(paths: Sequence[str | Path], config: Config) -> WorkspaceIndex:
    """The workspace index of the Markdown files below ``paths``.

    Raises :class:`~lanelint.linter.engine.config.ConfigError` or ``PathNotFoundError``.
    """
    targets = [Path(p) for p in paths] or default_paths(config)
    entries = discover(targets, root=config.root, exclude=config.exclude)
    settings = replace(make_settings(config, entries), rules=())
    results = [read_entry(entry, settings) for entry in entries]
    views = [workspace_view(r, config) for r in results]  # protocol documents only
    documents = [view for view in views if view is not None]
    return build_index(documents, config.root, settings.roles)
