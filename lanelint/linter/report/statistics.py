"""``lanelint check --statistics``: how many findings each code has, most frequent first."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from lanelint.linter.engine.registry import code_key
from lanelint.rules import get_rule

if TYPE_CHECKING:
    from lanelint.linter.run.api import LintResult


def rows(result: LintResult) -> list[dict[str, Any]]:
    counts = Counter(d.code for d in result.diagnostics)
    fixable = Counter(d.code for d in result.diagnostics if d.fixable)
    ordered = sorted(counts, key=lambda code: (-counts[code], code_key(code)))
    found = []
    for code in ordered:
        rule = get_rule(code)
        found.append(
            {
                "code": code,
                "name": rule.name if rule else "",
                "count": counts[code],
                "fixable": fixable[code],
            }
        )
    return found


def render(result: LintResult, color: bool) -> str:
    items = rows(result)
    if not items:
        return "No findings.\n"
    width = max(len(str(item["count"])) for item in items)
    code_width = max(len(item["code"]) for item in items)
    lines = []
    for item in items:
        fix = " [*]" if item["fixable"] else ""
        lines.append(f"{item['count']:>{width}}  {item['code']:<{code_width}}{fix}  {item['name']}")
    return "\n".join(lines) + "\n"


def render_json(result: LintResult, color: bool) -> str:
    return json.dumps(rows(result), indent=2) + "\n"
