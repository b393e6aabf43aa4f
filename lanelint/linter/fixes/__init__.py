"""Safe fixes for findings: what ``lanelint check --fix`` and ``--diff`` apply.

Rules attach a small payload (:mod:`lanelint.linter.engine.payloads`) to the findings they can
fix; :mod:`lanelint.linter.fixes.engine` turns payloads into text edits and writes the result.
This package's ``__init__`` stays light: rule modules import the payloads from here.
"""

from __future__ import annotations

from lanelint.linter.engine.payloads import InsertGateSection, InsertLines, Payload, Replace

__all__ = ["InsertGateSection", "InsertLines", "Payload", "Replace"]
