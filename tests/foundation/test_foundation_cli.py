"""The command line: exit codes, the text and JSON reports, ``rules`` and ``explain``."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lanelint.rules import all_rules
from tests.conftest import run_cli
from tests.foundation.foundation_docs import FOUNDATION_CODES, gate_report, workboard, write

SELECT = ["--select", ",".join(FOUNDATION_CODES)]
LINE = re.compile(
    r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<msg>.+)$"
)
BOARD = workboard(
    "| A | `T-1` | System Analyst | none | `spec/a.md` | active |\n"
    "| B | `T-2` | Executive Assistant | hard(F) | `spec/a.md` | active |\n"
)


def schema() -> dict[str, Any]:
    text = resources.files("lanelint.linter.report").joinpath("report.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, "spec/board.md", BOARD)
    write(tmp_path, "spec/gate_report_T-2.md", gate_report())
    return tmp_path


def test_exit_0_when_clean(project: Path) -> None:
    result = run_cli(["check", "--no-color", *SELECT, "spec/gate_report_T-2.md"], cwd=project)
    assert result.exit_code == 0
    assert result.stdout == "All checks passed (1 file checked).\n"


def test_exit_1_and_text_report(project: Path) -> None:
    result = run_cli(["check", "--no-color", *SELECT, "spec"], cwd=project)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "Found 1 error, 1 warning and 0 info in 2 files."
    assert lines[-2] == ""
    findings = [LINE.match(line) for line in lines if not line.startswith(" ") and ":" in line]
    assert all(findings), lines
    parsed = [(m["path"], int(m["line"]), int(m["col"]), m["code"]) for m in findings if m]
    assert parsed == [("spec/board.md", 13, 37, "PDP601"), ("spec/board.md", 13, 47, "PDP501")]
    assert "    also spec/board.md:12 (lane 'A')" in lines
    row = BOARD.splitlines()[12]
    assert row[36:].startswith("hard(F)")
    assert row[46:].startswith("`spec/a.md`")


def test_exit_1_depends_on_fail_on(project: Path) -> None:
    args = ["check", "--select", "PDP501", "spec"]
    assert run_cli(args, cwd=project).exit_code == 1  # a warning fails by default
    assert run_cli([*args, "--fail-on", "error"], cwd=project).exit_code == 0
    assert run_cli([*args, "--exit-zero"], cwd=project).exit_code == 0


def test_colour_only_when_asked(project: Path) -> None:
    plain = run_cli(["check", *SELECT, "spec"], cwd=project).stdout
    assert "\x1b[" not in plain  # not a terminal
    coloured = run_cli(["check", "--color", *SELECT, "spec"], cwd=project).stdout
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_exit_2_for_usage_errors(project: Path) -> None:
    assert run_cli(["check", "--format", "yaml", "spec"], cwd=project).exit_code == 2
    assert run_cli(["check", "--no-such-option"], cwd=project).exit_code == 2
    assert run_cli(["no-such-command"], cwd=project).exit_code == 2


def test_json_report_validates_against_the_committed_schema(project: Path) -> None:
    result = run_cli(["check", "--format", "json", *SELECT, "spec"], cwd=project)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.validate(report, schema())
    assert report["summary"] == {
        "files": 2,
        "errors": 1,
        "warnings": 1,
        "info": 0,
        "incomplete": False,
    }
    first = report["diagnostics"][1]
    assert {k: first[k] for k in ("path", "line", "column", "end_line", "code", "severity")} == {
        "path": "spec/board.md",
        "line": 13,
        "column": 47,
        "end_line": 13,
        "code": "PDP501",
        "severity": "warning",
    }
    assert first["message"] == "lanes 'A' and 'B' both claim 'spec/a.md'"
    assert first["related"] == [
        {
            "path": "spec/board.md",
            "line": 12,
            "column": 39,
            "end_line": 12,
            "end_column": None,
            "message": "lane 'A'",
        }
    ]


def test_json_report_of_a_clean_run_validates(project: Path) -> None:
    result = run_cli(["check", "--format", "json", *SELECT, "spec/gate_report_T-2.md"], cwd=project)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    jsonschema.validate(report, schema())
    assert report["diagnostics"] == []


def test_the_schema_rejects_a_report_it_does_not_describe() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": 1, "diagnostics": []}, schema())


def test_output_file(project: Path) -> None:
    result = run_cli(
        ["check", "--format", "json", *SELECT, "--output-file", "spec/report.json", "spec"],
        cwd=project,
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    jsonschema.validate(json.loads((project / "spec/report.json").read_text()), schema())


def test_rules_lists_every_rule() -> None:
    result = run_cli(["rules"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == [rule.code for rule in all_rules()]
    assert "PDP501   warning  §5" in result.stdout
    data = json.loads(run_cli(["rules", "--format", "json"]).stdout)
    assert {item["code"] for item in data} == {rule.code for rule in all_rules()}


def test_explain_prints_what_why_and_examples() -> None:
    result = run_cli(["explain", "PDP501"])
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# PDP501 lane-file-overlap\n")
    assert "Enforces: protocol section 5" in text
    for part in ("## What it does", "## Why", "Protocol section 5", "## Example", "Use instead"):
        assert part in text, part
    assert run_cli(["explain", "pdp501"]).stdout == text


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_every_rule_is_documented_for_explain(rule: Any) -> None:
    text = run_cli(["explain", rule.code]).stdout
    assert "## What it does" in text
    assert "## Why" in text
    assert "## Example" in text


def test_explain_unknown_code_exits_2() -> None:
    result = run_cli(["explain", "NOPE"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == "lanelint: error: unknown rule code or name 'NOPE'; `lanelint rules` lists them\n"
    )


def test_version_and_help() -> None:
    assert run_cli(["--version"]).stdout.startswith("lanelint, version ")
    helptext = run_cli(["--help"]).stdout
    for command in ("check", "explain", "rules"):
        assert command in helptext
