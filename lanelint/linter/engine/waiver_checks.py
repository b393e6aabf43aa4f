"""The engine's side of waivers: which waivers are in force, and the findings about the rest."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from lanelint.linter.engine import meta_rules
from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic, Location, Severity
from lanelint.linter.engine.registry import Rule
from lanelint.linter.engine.suppressions import Suppression
from lanelint.linter.engine.waivers import (
    EXCEPTION_KIND,
    LANE_LIMIT_CODE,
    Problem,
    problem,
    prose_exceptions,
    today,
)
from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.roles import RoleBook


class WithSuppressions(Protocol):
    """A document's result: its path and the suppressions (waivers among them) it holds."""

    @property
    def path(self) -> str: ...

    @property
    def suppressions(self) -> list[Suppression]: ...


_CODES = {
    "LL011": meta_rules.WAIVER_INCOMPLETE,
    "LL012": meta_rules.WAIVER_EXPIRED,
    "LL013": meta_rules.WAIVER_OWNER,
}


def exception_records(document: Document, roles: RoleBook) -> list[Suppression]:
    """The prose exception records of a document, as waivers of the lane limit."""
    return [
        Suppression(
            EXCEPTION_KIND,
            (LANE_LIMIT_CODE,),
            record.line,
            record.column,
            record.start,
            record.end,
            ", ".join(record.roles),
            "",
            record.reason,
        )
        for record in prose_exceptions(document, roles)
    ]


def void_waivers(results: Sequence[WithSuppressions], config: Config) -> dict[int, Problem]:
    """``id`` of each waiver not in force on the run's date -> why."""
    day = today(config)
    void: dict[int, Problem] = {}
    for result in results:
        for item in result.suppressions:
            if not item.is_waiver:
                continue
            found = problem(item.kind, item.codes, item.owner, item.until, item.reason, config, day)
            if found is not None:
                void[id(item)] = found
    return void


def waiver_findings(
    results: Sequence[WithSuppressions],
    void: Mapping[int, Problem],
    enabled: Callable[[str], bool],
    severity: Callable[[Rule], Severity],
) -> list[Diagnostic]:
    """``LL011``-``LL013`` for each waiver that is not in force (prose records excepted)."""
    found: list[Diagnostic] = []
    for result in results:
        for item in result.suppressions:
            why = void.get(id(item))
            if why is None or item.kind == EXCEPTION_KIND or not enabled(why.code):
                continue
            rule = _CODES[why.code]
            found.append(
                Diagnostic(
                    rule.code,
                    severity(rule),
                    why.message,
                    Location(result.path, item.line, item.column),
                )
            )
    return found
