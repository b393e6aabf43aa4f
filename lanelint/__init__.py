"""lanelint: a static policy linter for Markdown specs under the Parallel Delivery Protocol.

The library API is small: :func:`lint_paths` lints files and folders, :func:`lint_text` lints one
document given as text. Both return a :class:`LintResult` whose diagnostics are sorted.

The names are imported on first use, so that ``import lanelint.cli`` (every command line) does
not pay for the rule engine before it knows what to run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from lanelint.linter.version import __version__

if TYPE_CHECKING:
    from lanelint.linter.engine.diagnostics import Diagnostic, Location, Severity
    from lanelint.linter.run.api import LintResult, lint_paths, lint_text

#: Public name -> the module that defines it.
_HOMES = {
    "Diagnostic": "lanelint.linter.engine.diagnostics",
    "Location": "lanelint.linter.engine.diagnostics",
    "Severity": "lanelint.linter.engine.diagnostics",
    "LintResult": "lanelint.linter.run.api",
    "lint_paths": "lanelint.linter.run.api",
    "lint_text": "lanelint.linter.run.api",
}

__all__ = [
    "Diagnostic",
    "LintResult",
    "Location",
    "Severity",
    "__version__",
    "lint_paths",
    "lint_text",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'lanelint' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
