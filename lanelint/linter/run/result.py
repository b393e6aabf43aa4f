"""What a run hands to reports: sorted findings, the files reported on, the configuration."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from lanelint.linter.engine.passes import DocumentResult


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    files: list[str]
    config: Config
    #: The per-document results of ``files``, or how to make them when first asked (a run
    #: taken from its record builds them only for a report that reads them).
    source: list[DocumentResult] | Callable[[], list[DocumentResult]] = field(default_factory=list)

    @property
    def documents(self) -> list[DocumentResult]:
        if callable(self.source):
            self.source = self.source()
        return self.source

    @property
    def incomplete(self) -> bool:
        """Whether an internal error kept some check from running."""
        return any(d.code.startswith("LL9") for d in self.diagnostics)

    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for diagnostic in self.diagnostics:
            counts[diagnostic.severity] += 1
        return counts

    def exit_code(self, fail_on: Severity | None = None) -> int:
        """0 clean, 1 a finding at or above ``fail_on``, 3 an incomplete run."""
        if self.incomplete:
            return 3
        threshold = fail_on if fail_on is not None else self.config.fail_on
        return 1 if any(d.severity >= threshold for d in self.diagnostics) else 0
