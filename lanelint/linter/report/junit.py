"""JUnit XML: one test case per file, one failure per finding (CI test-report widgets)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from lanelint.linter.engine.diagnostics import Diagnostic

if TYPE_CHECKING:
    from lanelint.linter.run.api import LintResult


def _failure(case: ET.Element, diagnostic: Diagnostic) -> None:
    loc = diagnostic.location
    failure = ET.SubElement(
        case,
        "failure",
        message=f"{diagnostic.code} {diagnostic.message}",
        type=diagnostic.code,
    )
    lines = [f"{loc.path}:{loc.line}:{loc.column}: {diagnostic.code} {diagnostic.message}"]
    lines += [
        f"    also {other.path}:{other.line}" + (f" ({other.message})" if other.message else "")
        for other in diagnostic.related
    ]
    lines.append(f"severity: {diagnostic.severity.label}")
    failure.text = "\n".join(lines)


def as_element(result: LintResult) -> ET.Element:
    by_file: dict[str, list[Diagnostic]] = {path: [] for path in result.files}
    for diagnostic in result.diagnostics:
        by_file.setdefault(diagnostic.path, []).append(diagnostic)
    failures = len(result.diagnostics)
    suites = ET.Element("testsuites", name="lanelint", tests=str(len(by_file)))
    suites.set("failures", str(failures))
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="lanelint",
        tests=str(len(by_file)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    for path in sorted(by_file):
        case = ET.SubElement(suite, "testcase", classname="lanelint", name=path, file=path)
        for diagnostic in by_file[path]:
            _failure(case, diagnostic)
    return suites


def render(result: LintResult, color: bool) -> str:
    root = as_element(result)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
