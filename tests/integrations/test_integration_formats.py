"""The CI formats (SARIF, GitHub annotations, JUnit) and the report options of ``check``."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from lanelint.linter.report.github import escape_data, escape_property
from tests.conftest import REPO, run_cli, shared_path
from tests.integrations._support import (
    EXAMPLE,
    GATE_REPORT,
    LEDGER,
    SEEDED,
    SESSION_LOG,
    WORKBOARD,
    copy_seeded,
    normalise_root,
)

FORMATS = ["text", "json", "sarif", "github", "junit"]


def _check(folder: Path, *args: str) -> tuple[int, str]:
    result = run_cli(["check", "--no-color", "--no-cache", *args], cwd=folder)
    return result.exit_code, result.output


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_on_the_seeded_example(
    output_format: str, snapshot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not EXAMPLE.is_dir():
        pytest.fail(f"the seeded example {EXAMPLE} is missing")
    # Annotations are relative to the repository root, whether or not a .git is there.
    monkeypatch.setenv("GITHUB_WORKSPACE", str(REPO))
    code, output = _check(EXAMPLE, "--format", output_format)
    assert code == 1
    assert normalise_root(output) == snapshot


def _json_report(folder: Path = SEEDED) -> list[dict[str, object]]:
    """The findings as the JSON format lists them: what every other format must carry."""
    _, output = _check(folder, "--format", "json")
    found: list[dict[str, object]] = json.loads(output)["diagnostics"]
    return found


def _line_of(name: str, start: str) -> int:
    """The 1-based line of ``name`` in the seeded folder that starts with ``start``."""
    lines = (SEEDED / name).read_text("utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(start))


def _sarif(folder: Path = SEEDED) -> dict[str, object]:
    code, output = _check(folder, "--format", "sarif")
    assert code == 1
    data: dict[str, object] = json.loads(output)
    return data


@pytest.mark.parametrize("folder", [EXAMPLE, SEEDED], ids=["example", "fixture"])
def test_sarif_validates_against_the_sarif_schema(folder: Path) -> None:
    schema = json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text("utf-8"))
    data = _sarif(folder)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    assert data["runs"][0]["results"]  # type: ignore[index]


def test_sarif_related_locations_of_a_cross_document_finding() -> None:
    run = _sarif()["runs"][0]  # type: ignore[index]
    [finding] = [r for r in run["results"] if r["ruleId"] == "PDP709"]
    where = finding["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"].endswith(f"seeded/{LEDGER}")
    assert where["region"]["startLine"] == _line_of(LEDGER, "| `b2c3d4e`")
    [related] = finding["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"].endswith(f"seeded/{WORKBOARD}")
    assert related["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert related["physicalLocation"]["region"]["startLine"] == _line_of(WORKBOARD, "| B |")
    assert related["message"]["text"] == "lane 'B'"


def test_sarif_has_what_code_scanning_needs() -> None:
    run = _sarif()["runs"][0]  # type: ignore[index]
    driver = run["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert driver["name"] == "lanelint"
    assert "informationUri" not in driver  # no address is made up
    for rule in rules.values():
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert rule["help"]["markdown"].startswith(f"# {rule['id']}")
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert "helpUri" not in rule
    assert "protocol-section-5" in rules["PDP501"]["properties"]["tags"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    by_rule = {result["ruleId"]: result for result in run["results"]}
    assert set(by_rule) == {str(d["code"]) for d in _json_report()}
    assert len(run["results"]) == len(_json_report())
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert result["partialFingerprints"]
    assert by_rule["PDP701"]["level"] == "error"
    assert by_rule["PDP202"]["level"] == "warning"
    overlap = by_rule["PDP501"]
    region = overlap["locations"][0]["physicalLocation"]["region"]
    row = _line_of(WORKBOARD, "| B |")
    assert (region["startLine"], region["startColumn"]) == (row, 65)
    assert overlap["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        f"seeded/{WORKBOARD}"
    )
    [related] = overlap["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == row - 1
    assert related["message"]["text"] == "lane 'A'"
    stamp = by_rule["PDP301"]["locations"][0]["physicalLocation"]["region"]
    assert (stamp["startLine"], stamp["endLine"]) == (22, 34)


def _fingerprints(data: dict[str, object]) -> dict[tuple[str, str], tuple[str, int]]:
    """(code, message) -> (fingerprint, line) of every result."""
    found = {}
    for result in data["runs"][0]["results"]:  # type: ignore[index]
        line = result["locations"][0]["physicalLocation"]["region"]["startLine"]
        key = (result["ruleId"], result["message"]["text"])
        found[key] = (result["partialFingerprints"]["lanelint/v1"], line)
    return found


def test_sarif_fingerprints_survive_lines_moving(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    before = _fingerprints(_sarif(folder))
    for name in (WORKBOARD, LEDGER, GATE_REPORT, SESSION_LOG):
        path = folder / name
        lines = path.read_text("utf-8").split("\n")
        path.write_text("\n".join([lines[0], "", "Notes added later.", "", *lines[1:]]), "utf-8")
    after = _fingerprints(_sarif(folder))
    assert set(after) == set(before)
    for code, (print_before, line_before) in before.items():
        print_after, line_after = after[code]
        assert print_after == print_before, code
        if line_before > 1:
            assert line_after == line_before + 3, code
    (folder / LEDGER).write_text(
        (folder / LEDGER).read_text("utf-8").replace("not-a-sha", "still-not-a-sha"), "utf-8"
    )
    changed = {code: fp for (code, _), (fp, _) in _fingerprints(_sarif(folder)).items()}
    assert changed["PDP706"] not in {fp for fp, _ in before.values()}


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_commands_by_severity_and_columns_on_one_line_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(SEEDED))
    _, output = _check(SEEDED, "--format", "github")
    lines = output.splitlines()
    assert len(lines) == len(_json_report())
    gate = next(line for line in lines if "title=PDP701" in line)
    assert gate.startswith(f"::error file={GATE_REPORT},line=1,endLine=1,col=1,title=PDP701::")
    warning = next(line for line in lines if "title=PDP501" in line)
    assert warning.startswith("::warning ")
    stamp = next(line for line in lines if "title=PDP301" in line)
    assert "line=22,endLine=34," in stamp
    assert "col=" not in stamp
    assert "endColumn" not in stamp


def test_github_info_findings_are_notices(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    config = folder / "lanelint.toml"
    config.write_text(config.read_text("utf-8") + '\n[severity]\nPDP202 = "info"\n', "utf-8")
    code, output = _check(folder, "--format", "github")
    assert code == 1, output
    assert any(line.startswith("::notice ") and "PDP202" in line for line in output.splitlines())


def test_github_writes_a_step_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, _ = _check(SEEDED, "--format", "github")
    assert code == 1
    text = summary.read_text("utf-8")
    assert text.startswith("# Earlier step\n\n## lanelint\n")
    assert "| Severity | Code | Location | Message |" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "PDP" in line]
    assert [row.split("|")[2].strip() for row in rows] == [d["code"] for d in _json_report()]
    assert f"`{WORKBOARD}:{_line_of(WORKBOARD, '| B |')}:65`" in text


def test_junit_one_case_per_finding_grouped_per_file() -> None:
    _, output = _check(SEEDED, "--format", "junit")
    root = ET.fromstring(output.encode("utf-8"))
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"spec/api.md", GATE_REPORT, WORKBOARD, LEDGER, SESSION_LOG}
    [clean] = suites["spec/api.md"].iter("testcase")
    assert clean.get("name") == "no findings"
    assert clean.find("failure") is None
    expected = _json_report()
    for path, suite in suites.items():
        mine = [d for d in expected if d["path"] == path]
        cases = list(suite.iter("testcase"))
        assert suite.get("tests") == str(len(cases)) == str(max(len(mine), 1))
        assert suite.get("failures") == str(len(mine))
        if mine:
            # One failure per test case, in the order of the report.
            assert [len(case.findall("failure")) for case in cases] == [1] * len(mine)
            assert [case.get("name", "").split()[0] for case in cases] == [d["code"] for d in mine]
            assert [case.find("failure").get("type") for case in cases] == [  # type: ignore[union-attr]
                d["severity"] for d in mine
            ]
    assert root.get("failures") == str(len(expected))
    assert root.get("tests") == str(sum(int(s.get("tests", "0")) for s in suites.values()))
    assert root.get("errors") == "0"


def test_junit_counts_of_a_clean_run_add_up(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n\nNothing to see.\n", "utf-8")
    code, output = _check(tmp_path, "--isolated", "--format", "junit", ".")
    assert code == 0
    root = ET.fromstring(output.encode("utf-8"))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    [suite] = root.iter("testsuite")
    assert suite.get("name") == "notes.md"


def test_statistics_counts_per_code(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    ledger = folder / LEDGER
    ledger.write_text(ledger.read_text("utf-8").replace("`a1b2c3d`", "`nope`"), "utf-8")
    code, output = _check(folder, "--statistics")
    assert code == 1
    counts = Counter(str(d["code"]) for d in _json_report(folder))
    assert counts["PDP706"] == 2
    body, summary = output.split("\n\n")
    rows = [line.split() for line in body.splitlines()]
    assert {row[1]: int(row[0]) for row in rows} == counts
    assert [int(row[0]) for row in rows] == sorted(counts.values(), reverse=True)
    assert ["2", "PDP706", "ledger-commit-invalid"] in rows
    assert ["1", "PDP701", "[*]", "gate-section-missing"] in rows
    # The names start in one column, whether or not the code has the fixable mark.
    starts = {line.index(row[-1]) for line, row in zip(body.splitlines(), rows, strict=True)}
    assert len(starts) == 1
    total = sum(counts.values())
    assert summary.startswith(f"{total} findings in {len(counts)} codes; [*] ")
    code, output = _check(folder, "--statistics", "--format", "json")
    data = json.loads(output)
    assert {"code": "PDP706", "name": "ledger-commit-invalid", "count": 2, "fixable": 0} in data
    assert {item["code"]: item["count"] for item in data} == counts


def test_output_file_holds_the_report(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.sarif"
    target.parent.mkdir()
    code, output = _check(SEEDED, "--format", "sarif", "--output-file", str(target))
    assert code == 1
    assert output == ""
    assert json.loads(target.read_text("utf-8"))["version"] == "2.1.0"


def test_output_file_in_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli(
        ["check", "--no-cache", "--output-file", str(tmp_path / "no" / "r.json")], cwd=SEEDED
    )
    assert result.exit_code == 2
    assert "cannot write report" in result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), 1),
        (("--exit-zero",), 0),
        (("--fail-on", "error"), 1),
        (("--fail-on", "info"), 1),
        (("--fail-on", "error", "--select", "PDP202,PDP501"), 0),
        (("--fail-on", "warning", "--select", "PDP202,PDP501"), 1),
        (("--fail-on", "error", "--ignore", "PDP3,PDP7"), 0),
    ],
)
def test_exit_codes(args: tuple[str, ...], expected: int) -> None:
    code, output = _check(SEEDED, *args)
    assert code == expected, output
