"""What a new user meets first: severity on every line, colour, usage errors, empty runs,
standard input, plurals, progress, JUnit against the common schema, annotation paths, help."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from lanelint.cli.check_usage import use_color
from lanelint.linter.report.progress import Progress, for_terminal
from tests.conftest import run_cli
from tests.integrations._support import EXAMPLE, GATE_REPORT, SEEDED, WORKBOARD, copy_seeded

TEXT_LINE = re.compile(
    r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+)(?P<fix> \[\*\])? "
    r"(?P<severity>error|warning|info): (?P<message>.+)$"
)
ANSI = "\x1b["


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


def _check(folder: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli(["check", "--no-cache", *args], cwd=folder)
    return result.exit_code, result.stdout, result.stderr


# -- severity on every line ------------------------------------------------------------------


def test_every_text_line_names_its_severity(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    config = folder / "lanelint.toml"
    config.write_text(config.read_text("utf-8") + '\n[severity]\nPDP202 = "info"\n', "utf-8")
    code, out, _ = _check(folder)
    assert code == 1
    findings = [line for line in out.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
    matches = [TEXT_LINE.match(line) for line in findings]
    assert all(matches), findings
    by_code = {m["code"]: m for m in matches if m}
    assert by_code["PDP701"]["severity"] == "error"
    assert by_code["PDP701"]["fix"] == " [*]"
    assert by_code["PDP501"]["severity"] == "warning"
    assert by_code["PDP202"]["severity"] == "info"
    json_out = run_cli(["check", "--no-cache", "--format", "json"], cwd=folder).stdout
    expected = {(d["code"], d["severity"]) for d in json.loads(json_out)["diagnostics"]}
    assert {(m["code"], m["severity"]) for m in matches if m} == expected


# -- colour ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "environ", "terminal", "expected"),
    [
        (None, {}, True, True),
        (None, {}, False, False),
        (None, {"NO_COLOR": "1"}, True, False),
        (None, {"NO_COLOR": ""}, True, True),  # empty means unset (no-color.org)
        (None, {"FORCE_COLOR": "1"}, False, True),
        (None, {"FORCE_COLOR": "0"}, True, True),  # "0" does not force; the terminal decides
        (None, {"FORCE_COLOR": "0"}, False, False),
        (None, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        (True, {"NO_COLOR": "1"}, False, True),
        (False, {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_choice(
    monkeypatch: pytest.MonkeyPatch,
    flag: bool | None,
    environ: dict[str, str],
    terminal: bool,
    expected: bool,
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: terminal)
    assert use_color(flag, None, environ) is expected


def test_colour_in_a_report_file_only_with_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert use_color(None, Path("r.txt"), {"FORCE_COLOR": "1"}) is False
    assert use_color(True, Path("r.txt"), {}) is True


@pytest.mark.parametrize(
    ("environ", "coloured"),
    [({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False), ({}, False)],
)
def test_colour_variables_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], coloured: bool
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    _, out, _ = _check(SEEDED)
    assert (ANSI in out) is coloured
    if coloured:  # the severity word is there in colour too
        assert re.search(r"PDP501\x1b\[0m \x1b\[33mwarning:", out)


# -- usage errors ------------------------------------------------------------------------------


REJECTED = [
    (["--statistics", "--format", "sarif"], "--statistics prints text or json"),
    (["--statistics", "--format", "github"], "--statistics prints text or json"),
    (["--statistics", "--format", "junit"], "--statistics prints text or json"),
    (["--diff", "--format", "json"], "--diff prints a unified diff"),
    (["--diff", "--format", "sarif"], "--diff prints a unified diff"),
    (["--diff", "--statistics"], "--diff prints a unified diff"),
    (["--diff", "--output-file", "out.txt"], "--diff prints a unified diff"),
    (["--diff", "--exit-zero"], "--diff prints a unified diff"),
    (["--diff", "--fail-on", "error"], "--diff prints a unified diff"),
    (["--fix", "--diff"], "--fix writes the fixes and --diff only shows them"),
    (["--color", "--format", "json"], "--color colours the text report only"),
    (["--color", "--statistics"], "--color colours the text report only"),
    (["--exit-zero", "--fail-on", "warning"], "--exit-zero and --fail-on"),
    (["--isolated", "--config", "lanelint.toml"], "--isolated ignores every configuration"),
]


@pytest.mark.parametrize(("args", "reason"), REJECTED, ids=[" ".join(args) for args, _ in REJECTED])
def test_a_flag_combination_that_does_not_fit_is_rejected(
    tmp_path: Path, args: list[str], reason: str
) -> None:
    folder = copy_seeded(tmp_path)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    code, out, err = _check(folder, *args)
    assert code == 2
    assert out == ""
    assert err.startswith(f"lanelint: error: {reason}")
    assert err.count("\n") == 1
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--bogus"], "No such option '--bogus'"),
        (["check", "--format", "yaml"], "Invalid value for '--format'"),
        (["check", "--jobs", "0"], "Invalid value for '--jobs'"),
        (["check", "--select"], "Option '--select' requires an argument"),
        (["explain"], "Missing argument 'CODE'"),
        (["bogus"], "No such command 'bogus'"),
        (["new", "memo"], "Invalid value for 'KIND'"),
    ],
)
def test_every_usage_error_is_one_line(args: list[str], message: str) -> None:
    result = run_cli(args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"lanelint: error: {message}")
    assert result.stderr.count("\n") == 1, result.stderr


def test_usage_error_of_the_installed_command_is_one_line() -> None:
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "lanelint", "check", "--bogus"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("lanelint: error: No such option '--bogus'")


# -- a run that finds nothing to read ---------------------------------------------------------


def test_an_empty_folder_warns_and_keeps_its_exit_code(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = _check(tmp_path, "--isolated", "empty")
    assert code == 0
    assert err == "lanelint: warning: no Markdown file found in empty\n"
    assert out == "All checks passed (0 files checked).\n"


def test_a_folder_with_documents_does_not_warn(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Notes\n", "utf-8")
    code, _, err = _check(tmp_path, "--isolated", ".")
    assert code == 0
    assert err == ""


# -- standard input ----------------------------------------------------------------------------


def test_standard_input_is_named_in_every_format(tmp_path: Path) -> None:
    text = (SEEDED / GATE_REPORT).read_text("utf-8")
    for output_format in ("text", "json", "github", "junit"):
        result = run_cli(
            ["check", "--isolated", "--no-cache", "--format", output_format, "-"],
            cwd=tmp_path,
            input=text,
        )
        assert result.exit_code == 1, output_format
        assert "<stdin>" in result.stdout or "&lt;stdin&gt;" in result.stdout, output_format
        assert "''" not in result.stdout


def test_a_lane_without_task_id_is_not_quoted_as_empty(tmp_path: Path) -> None:
    board = (
        "# Workboard\n\n| Lane | Task | Owner | Dependency | Files | Status |\n"
        "|---|---|---|---|---|---|\n"
        "| E |  | Executive Assistant | none | `src/e.py` | active |\n"
    )
    result = run_cli(["check", "--isolated", "--no-cache", "-"], cwd=tmp_path, input=board)
    lines = [line for line in result.stdout.splitlines() if "PDP307" in line]
    assert lines, result.stdout
    assert all("''" not in line for line in lines)
    assert all(line.startswith("<stdin>:") for line in lines)


# -- plurals and alignment ---------------------------------------------------------------------


def test_statistics_of_one_finding_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "gate_report_T-1.md").write_text((SEEDED / GATE_REPORT).read_text("utf-8"), "utf-8")
    code, out, _ = _check(tmp_path, "--isolated", "--select", "PDP701", "--statistics", ".")
    assert code == 1
    assert out == (
        "1  PDP701  [*] gate-section-missing\n\n"
        "1 finding in 1 code; [*] 1 fixable with `lanelint check --fix`.\n"
    )


def test_fix_and_diff_messages_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "gate_report_T-1.md").write_text((SEEDED / GATE_REPORT).read_text("utf-8"), "utf-8")
    code, _, err = _check(tmp_path, "--isolated", "--select", "PDP701", "--diff", ".")
    assert code == 1
    assert err == "lanelint: 1 fixable finding in 1 file\n"
    _, _, err = _check(tmp_path, "--isolated", "--select", "PDP701", "--fix", ".")
    assert err.splitlines()[-1] == "lanelint: fixed 1 finding in 1 file"


# -- progress ---------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_waits_for_a_slow_run_then_draws_and_erases() -> None:
    clock, stream = Clock(), io.StringIO()
    progress = Progress(stream, delay=1.0, interval=0.1, clock=clock)
    clock.now = 0.5
    progress(10, 100)
    assert stream.getvalue() == ""  # a quick run shows nothing
    clock.now = 1.2
    progress(40, 100)
    assert stream.getvalue() == "\rlanelint: checked 40/100 files"
    clock.now = 1.25
    progress(41, 100)  # too soon to redraw
    assert stream.getvalue().count("\r") == 1
    clock.now = 1.5
    progress(100, 100)
    assert stream.getvalue().endswith("checked 100/100 files, checking across documents")
    progress.close()
    assert stream.getvalue().endswith("\r")
    last = stream.getvalue().rsplit("checking across documents", 1)[1]
    assert last.strip(" \r") == ""


def test_progress_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert for_terminal(io.StringIO(), True) is None
    assert for_terminal(Terminal(), False) is None
    assert isinstance(for_terminal(Terminal(), True), Progress)


def test_no_progress_when_standard_error_is_not_a_terminal() -> None:
    _, _, err = _check(SEEDED)
    assert "\r" not in err


# -- JUnit against the common schema ----------------------------------------------------------


def _junit_schema() -> object:
    xmlschema = pytest.importorskip("xmlschema", reason="the test extra installs xmlschema")
    return xmlschema.XMLSchema(str(Path(__file__).parent / "schemas" / "junit.xsd"))


@pytest.mark.parametrize("folder", [EXAMPLE, SEEDED], ids=["example", "fixture"])
def test_junit_validates_against_the_common_schema(folder: Path) -> None:
    schema = _junit_schema()
    _, out, _ = _check(folder, "--format", "junit")
    schema.validate(out)  # type: ignore[attr-defined]


def test_the_junit_schema_rejects_what_readers_do_not_know() -> None:
    schema = _junit_schema()
    bad = (
        '<testsuites><testsuite name="x" tests="1"><testcase file="a.md"/></testsuite></testsuites>'
    )
    assert not schema.is_valid(bad)  # type: ignore[attr-defined]


# -- GitHub annotation paths -------------------------------------------------------------------


def _annotated_files(out: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^::\w+ file=([^,]+),", out, re.M)}


def test_annotations_relative_to_github_workspace_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    folder = copy_seeded(tmp_path)
    folder.rename(repo)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo))
    code, out, _ = _check(repo / "spec" / "operations", "--format", "github", ".")
    assert code == 1
    assert f"spec/{WORKBOARD.split('spec/', 1)[1]}" in _annotated_files(out)
    assert all(path.startswith("spec/operations/") for path in _annotated_files(out))


def test_annotations_relative_to_the_git_root_without_github_workspace(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".git").mkdir()
    folder = copy_seeded(tmp_path)
    folder.rename(repo / "docs")
    code, out, _ = _check(repo / "docs" / "spec" / "operations", "--format", "github", ".")
    assert code == 1
    files = _annotated_files(out)
    assert files
    assert all(path.startswith("docs/spec/operations/") for path in files), files


# -- help --------------------------------------------------------------------------------------


def test_help_shows_each_command_summary_whole() -> None:
    from lanelint.cli import COMMANDS, cli

    text = " ".join(run_cli(["--help"]).stdout.split())
    for name in COMMANDS:
        command = cli.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None
        # The summary is the help's first sentence, shown whole (click cut it at the width).
        paragraph = " ".join((command.help or "").split("\n\n")[0].split())
        summary = re.match(r"(.*?\.)(?:\s|$)", paragraph + " ")
        assert summary is not None, name
        assert summary.group(1) in text, name
    assert "..." not in text.split("Commands:", 1)[1]


def test_help_never_breaks_a_hyphenated_word() -> None:
    from lanelint.linter.skeletons import KINDS

    for args in (["new", "--help"], ["check", "--help"], ["init", "--help"], ["--help"]):
        text = run_cli(args).stdout
        assert not re.search(r"\w-\n", text), (args, text)
    text = run_cli(["new", "--help"]).stdout
    for kind in KINDS:
        assert kind in text


# -- snapshots of the statistics, SARIF links --------------------------------------------------


def test_statistics_of_the_seeded_example(snapshot: object) -> None:
    code, out, _ = _check(EXAMPLE, "--statistics")
    assert code == 1
    assert out == snapshot


@pytest.mark.parametrize(
    ("docs_url", "expected"),
    [
        (
            "https://docs.example.test/lanelint/rules",
            "https://docs.example.test/lanelint/rules/PDP501.md",
        ),
        (
            "https://docs.example.test/rules/{code}.html",
            "https://docs.example.test/rules/PDP501.html",
        ),
    ],
)
def test_sarif_links_rules_only_under_a_configured_docs_url(
    tmp_path: Path, docs_url: str, expected: str
) -> None:
    folder = copy_seeded(tmp_path)
    config = folder / "lanelint.toml"
    config.write_text(config.read_text("utf-8") + f'docs-url = "{docs_url}"\n', "utf-8")
    _, out, _ = _check(folder, "--format", "sarif")
    driver = json.loads(out)["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert rules["PDP501"]["helpUri"] == expected
    assert ("informationUri" in driver) is ("{code}" not in docs_url)


def test_a_docs_url_that_is_not_an_address_is_a_configuration_error(tmp_path: Path) -> None:
    folder = copy_seeded(tmp_path)
    config = folder / "lanelint.toml"
    config.write_text(config.read_text("utf-8") + 'docs-url = "docs/rules"\n', "utf-8")
    code, out, err = _check(folder)
    assert code == 2
    assert out == ""
    assert "docs-url" in err
    assert err.count("\n") == 1


def test_a_run_reports_its_progress_document_by_document(tmp_path: Path) -> None:
    from lanelint.linter.engine.config import Config
    from lanelint.linter.run.driver import Run

    folder = copy_seeded(tmp_path)
    calls: list[tuple[int, int]] = []
    run = Run(Config(root=folder), use_cache=False, cwd=folder)
    run.progress = lambda done, total: calls.append((done, total))
    run.add_targets([folder / "spec"])
    run.report()
    total = len(list((folder / "spec").rglob("*.md")))
    assert calls[0] == (0, total)
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
