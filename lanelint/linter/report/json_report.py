"""The JSON format; its schema is ``report.schema.json`` beside this module (version 1)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lanelint.linter.engine.diagnostics import Location, Severity

if TYPE_CHECKING:
    from lanelint.linter.run.api import LintResult

SCHEMA_VERSION = 1


def _location(loc: Location) -> dict[str, Any]:
    return {
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line if loc.end_line is not None else loc.line,
        "end_column": loc.end_column,
    }


def as_dict(result: LintResult) -> dict[str, Any]:
    from lanelint.linter.version import __version__

    counts = result.counts()
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "lanelint", "version": __version__},
        "summary": {
            "files": len(result.files),
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "incomplete": result.incomplete,
        },
        "diagnostics": [
            {
                **_location(d.location),
                "code": d.code,
                "severity": d.severity.label,
                "message": d.message,
                "fixable": d.fixable,
                "related": [{**_location(other), "message": other.message} for other in d.related],
            }
            for d in result.diagnostics
        ],
    }


def render(result: LintResult, color: bool) -> str:
    return json.dumps(as_dict(result), indent=2, ensure_ascii=False) + "\n"
