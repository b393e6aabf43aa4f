"""lanelint: a static policy linter for Markdown specs under the Parallel Delivery Protocol.

The library API is small: :func:`lint_paths` lints files and folders, :func:`lint_text` lints one
document given as text. Both return a :class:`LintResult` whose diagnostics are sorted.
"""

from lanelint.linter.engine.diagnostics import Diagnostic, Location, Severity
from lanelint.linter.run.api import LintResult, lint_paths, lint_text
from lanelint.linter.version import __version__

__all__ = [
    "Diagnostic",
    "LintResult",
    "Location",
    "Severity",
    "__version__",
    "lint_paths",
    "lint_text",
]
