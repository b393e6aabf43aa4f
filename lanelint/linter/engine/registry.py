"""Rules as data: a code, a name, a severity, the protocol section, docs and a check.

A rule module declares its rules with :func:`document_rule` or :func:`workspace_rule`; the
engine receives the list and knows none of them by name.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from lanelint.linter.engine.diagnostics import Finding, Severity

if TYPE_CHECKING:
    from lanelint.linter.engine.context import DocumentContext, WorkspaceContext

Scope = Literal["document", "workspace", "engine"]
#: What a workspace rule reads: one batch at a time (and what relates to its lanes), or the
#: whole run. See :mod:`lanelint.linter.workspace.groups`.
Reads = Literal["batch", "run"]
DocumentCheck = Callable[["DocumentContext"], Iterable[Finding]]
WorkspaceCheck = Callable[["WorkspaceContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    section: int | None
    scope: Scope
    docs: str
    fixable: bool = False
    check: Callable[..., Iterable[Finding]] | None = field(default=None, compare=False)
    reads: Reads = "run"

    @property
    def summary(self) -> str:
        """The first paragraph of the docs: what the rule checks, in one sentence (which may
        wrap over two lines of the docstring)."""
        return " ".join(self.docs.strip().split("\n\n", 1)[0].split())

    @property
    def section_label(self) -> str:
        return f"section {self.section}" if self.section is not None else "lanelint"


@dataclass(frozen=True)
class DocumentRule(Rule):
    """A rule that reads one document (and its artifacts) at a time."""

    def run(self, context: DocumentContext) -> Iterable[Finding]:
        return self.check(context) if self.check is not None else ()


@dataclass(frozen=True)
class WorkspaceRule(Rule):
    """A rule that reads the facts of every document of the run together."""

    def run(self, context: WorkspaceContext) -> Iterable[Finding]:
        return self.check(context) if self.check is not None else ()


@dataclass(frozen=True)
class EngineCode(Rule):
    """A code the engine itself reports (unreadable file, suppressions, internal errors); it
    has no check of its own."""


_REGISTERED: dict[str, Rule] = {}


def _register(rule: Rule) -> Rule:
    existing = _REGISTERED.get(rule.code)
    if existing is not None and existing.check is not rule.check:
        raise ValueError(f"rule code {rule.code} is declared twice")
    _REGISTERED[rule.code] = rule
    return rule


def _docs(func: Callable[..., object]) -> str:
    docs = inspect.getdoc(func)
    if not docs:
        raise ValueError(f"rule {func.__name__} has no docstring")
    return docs


def document_rule(
    code: str, name: str, severity: Severity, *, section: int | None, fixable: bool = False
) -> Callable[[DocumentCheck], DocumentCheck]:
    """Declare a rule that reads one document at a time."""

    def wrap(func: DocumentCheck) -> DocumentCheck:
        _register(
            DocumentRule(code, name, severity, section, "document", _docs(func), fixable, func)
        )
        return func

    return wrap


def workspace_rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    section: int | None,
    fixable: bool = False,
    reads: Reads = "run",
) -> Callable[[WorkspaceCheck], WorkspaceCheck]:
    """Declare a rule that reads the facts of every document of the run together.

    ``reads="batch"`` declares that its findings for a batch depend only on that batch (its
    lanes from every document, and what relates to them): the rule then iterates
    ``ctx.batches()``, and after a change only the touched batches are checked again.
    """

    def wrap(func: WorkspaceCheck) -> WorkspaceCheck:
        docs = _docs(func)
        _register(
            WorkspaceRule(code, name, severity, section, "workspace", docs, fixable, func, reads)
        )
        return func

    return wrap


def engine_rule(code: str, name: str, severity: Severity, docs: str) -> EngineCode:
    """Declare a code the engine itself reports (unreadable file, unused suppression, ...)."""
    import textwrap

    rule = EngineCode(code, name, severity, None, "engine", textwrap.dedent(docs).strip())
    _register(rule)
    return rule


def registered() -> list[Rule]:
    """Every rule declared so far, sorted by code.

    The engine knows no rule module: :func:`lanelint.rules.all_rules` imports them all first.
    """
    return sorted(_REGISTERED.values(), key=lambda rule: code_key(rule.code))


def code_key(code: str) -> tuple[str, int]:
    prefix = code.rstrip("0123456789")
    digits = code[len(prefix) :]
    return (prefix, int(digits) if digits else 0)
