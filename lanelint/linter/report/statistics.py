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
    any_fixable = any(item["fixable"] for item in items)
    lines = []
    for item in items:
        # The mark has a column of its own, blank where a code has no fix: names stay aligned.
        mark = ("[*] " if item["fixable"] else "    ") if any_fixable else ""
        count, code = f"{item['count']:>{width}}", f"{item['code']:<{code_width}}"
        lines.append(f"{count}  {code}  {mark}{item['name']}")
    total = sum(item["count"] for item in items)
    fixable = sum(item["fixable"] for item in items)
    summary = f"{_plural(total, 'finding')} in {_plural(len(items), 'code')}"
    if fixable:
        summary += f"; [*] {fixable} fixable with `lanelint check --fix`"
    lines += ["", summary + "."]
    return "\n".join(lines) + "\n"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def render_json(result: LintResult, color: bool) -> str:
    return json.dumps(rows(result), indent=2) + "\n"
