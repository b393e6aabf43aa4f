"""``lanelint board``: a batch at a glance, built from the workspace index.

:mod:`.model` turns the index into batches of lanes, edges, overlaps and locks; ``text``,
``markdown`` and ``json_board`` render it; :mod:`.mermaid` draws the dependency graph. The
model is imported on first use, so that a board read back from the cache never loads it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lanelint.linter.report.board.model import Board, build_board

Renderer = Callable[["Board"], str]

#: Format name -> module in this package with a ``render(board) -> str`` function.
FORMATS: dict[str, str] = {"text": "text", "markdown": "markdown", "json": "json_board"}


def renderer(name: str) -> Renderer:
    module = importlib.import_module(f"lanelint.linter.report.board.{FORMATS[name]}")
    render: Renderer = module.render
    return render


def __getattr__(name: str) -> Any:
    if name in ("Board", "build_board"):
        return getattr(importlib.import_module("lanelint.linter.report.board.model"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATS", "Board", "build_board", "renderer"]
