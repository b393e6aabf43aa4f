"""SARIF 2.1.0, as GitHub code scanning reads it (``github/codeql-action/upload-sarif``).

Every rule is described in ``tool.driver.rules`` from its docs; every finding becomes a result
with a repository-relative location, ``relatedLocations`` for the other places of a finding
that spans documents, and a ``partialFingerprints`` entry that does not depend on the line
number, so an alert survives lines being inserted above it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from lanelint.linter.engine.diagnostics import Diagnostic, Location, Severity
from lanelint.linter.engine.passes import severity_of
from lanelint.linter.engine.registry import Rule
from lanelint.linter.report.paths import repository_root
from lanelint.rules import all_rules

if TYPE_CHECKING:
    from lanelint.linter.run.api import LintResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "lanelint/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROBLEM = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}
_SECTION_HEADING = re.compile(r"^## What it does[ \t]*\n(.*?)(?=^## |\Z)", re.M | re.S)


class _Lines:
    """The text of the lines findings point at, read once per file (for fingerprints)."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str:
        if path not in self._files:
            try:
                text = Path(path).read_text("utf-8-sig", errors="replace")
            except OSError:
                text = ""
            self._files[path] = text.splitlines()
        lines = self._files[path]
        return lines[number - 1] if 0 < number <= len(lines) else ""


def _uri(path: str, base: Path) -> tuple[str, bool]:
    """``(uri, relative)``: relative to ``base`` with ``/`` where the file lies below it."""
    absolute = Path(os.path.abspath(path))
    try:
        return quote(absolute.relative_to(base).as_posix()), True
    except ValueError:
        return absolute.as_uri(), False


def _physical(loc: Location, base: Path) -> dict[str, Any]:
    uri, relative = _uri(loc.path, base)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = SRCROOT
    region: dict[str, Any] = {"startLine": loc.line, "startColumn": max(loc.column, 1)}
    region["endLine"] = max(loc.last_line, loc.line)
    if loc.end_column is not None and (region["endLine"] > loc.line or loc.end_column > loc.column):
        region["endColumn"] = loc.end_column
    return {"artifactLocation": artifact, "region": region}


def rule_help_uri(code: str, docs_url: str | None) -> str | None:
    """The address of a rule's page under the configured ``docs-url``; ``None`` without one.

    A ``{code}`` in the address is replaced by the code; otherwise the page is ``CODE.md``
    in that folder (the layout of ``docs/rules/``). No address is ever made up.
    """
    if not docs_url:
        return None
    if "{code}" in docs_url:
        return docs_url.replace("{code}", code)
    return f"{docs_url.rstrip('/')}/{code}.md"


def _full_description(rule: Rule) -> str:
    match = _SECTION_HEADING.search(rule.docs)
    text = " ".join(match.group(1).split()) if match else ""
    return text or rule.summary


def _plain(markdown: str) -> str:
    return markdown.replace("`", "")


def _rule(rule: Rule, result: LintResult) -> dict[str, Any]:
    tags = ["lanelint", rule.scope]
    if rule.section is not None:
        tags.append(f"protocol-section-{rule.section}")
    if rule.fixable:
        tags.append("fixable")
    level = severity_of(rule, result.config)
    described: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _full_description(rule)},
    }
    help_uri = rule_help_uri(rule.code, result.config.docs_url)
    if help_uri:
        described["helpUri"] = help_uri
    return described | {
        "help": {
            "text": _plain(rule.docs),
            "markdown": f"# {rule.code} {rule.name}\n\n{rule.docs}",
        },
        "defaultConfiguration": {"level": LEVELS[level]},
        "properties": {
            "tags": tags,
            "precision": "very-high",
            "problem.severity": _PROBLEM[level],
        },
    }


def fingerprint(diagnostic: Diagnostic, uri: str, line_text: str) -> str:
    """A hash of the code, the path, the message and the trimmed text of the line."""
    data = "\0".join((diagnostic.code, uri, diagnostic.message, line_text.strip()))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def _driver(result: LintResult, version: str, rules: list[dict[str, Any]]) -> dict[str, Any]:
    driver: dict[str, Any] = {"name": "lanelint", "version": version, "semanticVersion": version}
    docs_url = result.config.docs_url
    if docs_url and "{code}" not in docs_url:
        driver["informationUri"] = docs_url
    return driver | {"rules": rules}


def as_dict(result: LintResult) -> dict[str, Any]:
    from lanelint.linter.version import __version__

    rules = all_rules()
    index = {rule.code: position for position, rule in enumerate(rules)}
    base = repository_root(result.config.root)
    lines = _Lines()
    seen: Counter[str] = Counter()
    results: list[dict[str, Any]] = []
    for diagnostic in result.diagnostics:
        physical = _physical(diagnostic.location, base)
        digest = fingerprint(
            diagnostic,
            physical["artifactLocation"]["uri"],
            lines.line(diagnostic.path, diagnostic.line),
        )
        seen[digest] += 1
        item: dict[str, Any] = {"ruleId": diagnostic.code}
        if diagnostic.code in index:
            item["ruleIndex"] = index[diagnostic.code]
        item |= {
            "level": LEVELS[diagnostic.severity],
            "message": {"text": diagnostic.message},
            "locations": [{"physicalLocation": physical}],
            "partialFingerprints": {FINGERPRINT_KEY: f"{digest}:{seen[digest]}"},
        }
        if diagnostic.related:
            item["relatedLocations"] = [
                {
                    "id": number,
                    "physicalLocation": _physical(other, base),
                    "message": {"text": other.message or f"related to {diagnostic.code}"},
                }
                for number, other in enumerate(diagnostic.related, start=1)
            ]
        results.append(item)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(result, __version__, [_rule(r, result) for r in rules])},
                "originalUriBaseIds": {SRCROOT: {"uri": base.as_uri().rstrip("/") + "/"}},
                "invocations": [{"executionSuccessful": not result.incomplete}],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result: LintResult, color: bool) -> str:
    return json.dumps(as_dict(result), indent=2, ensure_ascii=False) + "\n"
