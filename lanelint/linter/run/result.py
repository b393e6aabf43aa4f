"""What a run hands to reports: sorted findings, the files reported on, the configuration."""

from __future__ import annotations

from dataclasses import dataclass, field

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic, Severity
from lanelint.linter.engine.passes import DocumentResult


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    files: list[str]
    config: Config
    documents: list[DocumentResult] = field(default_factory=list)

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
