"""The engine's side of waivers: which waivers are in force, and the findings about the rest."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from lanelint.linter.engine import meta_rules
from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic, Location
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

if TYPE_CHECKING:
    from lanelint.linter.engine.passes import DocumentResult

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


def void_waivers(results: Sequence[DocumentResult], config: Config) -> dict[int, Problem]:
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
    results: Sequence[DocumentResult], void: Mapping[int, Problem], config: Config
) -> list[Diagnostic]:
    from lanelint.linter.engine.passes import is_enabled, severity_of

    found: list[Diagnostic] = []
    for result in results:
        for item in result.suppressions:
            why = void.get(id(item))
            if why is None or item.kind == EXCEPTION_KIND or not is_enabled(why.code, config):
                continue
            rule = _CODES[why.code]
            found.append(
                Diagnostic(
                    rule.code,
                    severity_of(rule, config),
                    why.message,
                    Location(result.path, item.line, item.column),
                )
            )
    return found
