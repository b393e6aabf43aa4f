"""Output formats. Each module renders a :class:`~lanelint.linter.run.api.LintResult` to text.

Formats are imported only when used, so that ``lanelint check`` loads nothing it does not need.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lanelint.linter.run.api import LintResult

Renderer = Callable[["LintResult", bool], str]

#: Format name -> module in this package with a ``render(result, color) -> str`` function.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
}


def renderer(name: str) -> Renderer:
    module = importlib.import_module(f"lanelint.linter.report.{FORMATS[name]}")
    render: Renderer = module.render
    return render
