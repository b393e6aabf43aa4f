"""JUnit XML for CI test-report widgets: one test suite per file, one test case per finding.

Each finding is a test case of its own with a single ``<failure>`` (most widgets show only the
first failure of a test case). A file without findings is a suite with one passing test case,
so that every file checked is counted. The counts add up: the ``tests`` and ``failures`` of
``<testsuites>`` are the sums over its suites. Only elements and attributes of the common JUnit
schema (the one Jenkins and most CI systems read) are written.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from lanelint.linter.engine.diagnostics import Diagnostic

if TYPE_CHECKING:
    from lanelint.linter.run.api import LintResult

#: Name of the passing test case of a file without findings.
CLEAN = "no findings"


def _case_name(diagnostic: Diagnostic) -> str:
    loc = diagnostic.location
    return f"{diagnostic.code} at line {loc.line}, column {loc.column}"


def _failure(case: ET.Element, diagnostic: Diagnostic) -> None:
    loc = diagnostic.location
    failure = ET.SubElement(
        case,
        "failure",
        message=f"{diagnostic.code} {diagnostic.severity.label}: {diagnostic.message}",
        type=diagnostic.severity.label,
    )
    lines = [
        f"{loc.path}:{loc.line}:{loc.column}: {diagnostic.code} {diagnostic.severity.label}: "
        f"{diagnostic.message}"
    ]
    lines += [
        f"    also {other.path}:{other.line}" + (f" ({other.message})" if other.message else "")
        for other in diagnostic.related
    ]
    failure.text = "\n".join(lines)


def _suite(parent: ET.Element, path: str, findings: list[Diagnostic]) -> None:
    suite = ET.SubElement(
        parent,
        "testsuite",
        name=path,
        tests=str(max(len(findings), 1)),
        failures=str(len(findings)),
        errors="0",
        skipped="0",
    )
    if not findings:
        ET.SubElement(suite, "testcase", name=CLEAN, classname=path)
    for diagnostic in findings:
        case = ET.SubElement(suite, "testcase", name=_case_name(diagnostic), classname=path)
        _failure(case, diagnostic)


def as_element(result: LintResult) -> ET.Element:
    by_file: dict[str, list[Diagnostic]] = {path: [] for path in result.files}
    for diagnostic in result.diagnostics:
        by_file.setdefault(diagnostic.path, []).append(diagnostic)
    tests = sum(max(len(findings), 1) for findings in by_file.values())
    suites = ET.Element(
        "testsuites",
        name="lanelint",
        tests=str(tests),
        failures=str(len(result.diagnostics)),
        errors="0",
    )
    for path in sorted(by_file):
        _suite(suites, path, by_file[path])
    return suites


def render(result: LintResult, color: bool) -> str:
    root = as_element(result)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
