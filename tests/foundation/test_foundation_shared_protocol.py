"""The reference folder beside the repo: its templates and example are read in place."""

from __future__ import annotations

import json
import os

from lanelint.linter.markdown.parse import parse_document
from lanelint.linter.protocol.artifacts.gate_report import read_gate_report
from tests.conftest import REPO, run_cli, shared_path

QUIET = (
    "templates/PARALLEL_WORKBOARD_TEMPLATE.md",
    "templates/PREFLIGHT_STAMP_TEMPLATE.md",
    "examples/gate_report_PARALLEL-POLICY-01_2026-02-15.md",
)


def test_check_shared_protocol_reports_nothing_about_templates_and_example() -> None:
    protocol = shared_path("protocol")
    target = os.path.relpath(protocol, REPO)  # ../shared/protocol, as a user types it
    result = run_cli(["check", "--format", "json", target], cwd=REPO)
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["summary"]["files"] >= len(QUIET)
    # Paths outside the working directory are shown absolute; compare resolved files.
    reported = {(REPO / d["path"]).resolve() for d in report["diagnostics"]}
    assert all(path.is_file() for path in reported)
    for name in QUIET:
        assert (protocol / name).is_file()
        assert (protocol / name).resolve() not in reported, name


def test_the_example_gate_report_is_a_complete_gate_report() -> None:
    path = shared_path("protocol", "examples", "gate_report_PARALLEL-POLICY-01_2026-02-15.md")
    document = parse_document(path.name, path.read_text("utf-8"))
    report = read_gate_report(document)
    assert report is not None
    assert report.task == "PARALLEL-POLICY-01"
    assert [section.index for section in report.sections] == list(range(7))
    assert all(section.has_content for section in report.sections)
    assert (report.role, report.runtime, report.date) == ("Technical Lead", "Codex", "2026-02-15")
    assert len(report.artifacts) == 6


def test_the_shared_stamp_template_is_the_same_schema_as_the_built_in_one() -> None:
    from lanelint.linter.protocol.artifacts.stamp import builtin_schema, schema_from_text

    path = shared_path("protocol", "templates", "PREFLIGHT_STAMP_TEMPLATE.md")
    shared = schema_from_text(path.read_text("utf-8"), path.as_posix())
    assert shared is not None
    ours = builtin_schema()
    assert [(f.key, f.number, f.allowed) for f in shared.fields] == [
        (f.key, f.number, f.allowed) for f in ours.fields
    ]
