"""``lanelint new`` and ``lanelint init`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

import lanelint.cli.new as new_module
from lanelint.linter.engine.config import load_file
from lanelint.linter.skeletons.loader import builtin_names, builtin_text
from tests.conftest import run_cli
from tests.templates._skeleton_support import ALL_OPTIONS, write

GATE = "spec/operations/gate_report_T-101_2026-02-16.md"


def test_new_writes_the_default_path_and_says_so(tmp_path: Path) -> None:
    result = run_cli(["new", "gate-report", *ALL_OPTIONS], cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"wrote {GATE} (gate-report, 34 lines)\n"
    text = (tmp_path / GATE).read_text("utf-8")
    assert text.startswith(
        "# Gate Report: T-101\n\n**Runtime:** Codex\n**Role:** Executive Assistant"
    )


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = write(tmp_path, GATE, "my report\n")
    result = run_cli(["new", "gate-report", *ALL_OPTIONS], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"lanelint: error: {GATE}: file exists; not overwritten (use --force to replace it)\n"
    )
    assert target.read_text("utf-8") == "my report\n"
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp file left
    forced = run_cli(["new", "gate-report", *ALL_OPTIONS, "--force"], cwd=tmp_path)
    assert forced.exit_code == 0
    assert target.read_text("utf-8").startswith("# Gate Report: T-101")


def test_output_paths_from_configuration(tmp_path: Path) -> None:
    write(
        tmp_path,
        "lanelint.toml",
        '[output-paths]\ngate-report = "reports/{date}/{task}-{role}.md"\n',
    )
    result = run_cli(["new", "gate-report", *ALL_OPTIONS], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports/2026-02-16/T-101-executive_assistant.md").is_file()


def test_unknown_kind_in_output_paths(tmp_path: Path) -> None:
    config = write(tmp_path, "lanelint.toml", '[output-paths]\ngate_report = "x.md"\n')
    result = run_cli(["new", "gate-report", *ALL_OPTIONS], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"lanelint: error: {config}: unknown kind 'gate_report' in 'output-paths' (kinds: "
        "preflight-stamp, gate-report, workboard, heartbeat, escalation, task)\n"
    )


def test_explicit_output_file(tmp_path: Path) -> None:
    result = run_cli(["new", "heartbeat", "--lane", "C", "--output", "hb.md"], cwd=tmp_path)
    assert result.exit_code == 0
    assert (tmp_path / "hb.md").read_text("utf-8").startswith("# Heartbeat: lane C\n")


def test_default_path_needs_its_values(tmp_path: Path) -> None:
    result = run_cli(["new", "gate-report", "--date", "2026-02-16"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        "lanelint: error: output path 'spec/operations/gate_report_{task}_{date}.md' for "
        "gate-report needs --task (or give --output)\n"
    )
    assert not (tmp_path / "spec").exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--task", "T-1\n# Injected", "task id 'T-1\\n# Injected' may hold only letters, digits"),
        ("--task", "T#1", "('#' could start a heading)"),
        ("--task", "T|1", "('|' would break a table)"),
        ("--lane", "A|B", "lane 'A|B' may hold only letters"),
        ("--role", "Wizard", "role 'Wizard' is not a known role (known roles: Product Owner,"),
        ("--role", "TL\n## x", "role 'TL\\n## x' is not a known role"),
        ("--runtime", "Gemini", "runtime 'Gemini' is not one of Codex, Claude, Other"),
        ("--date", "16.02.2026", "date '16.02.2026' is not a date written YYYY-MM-DD"),
        ("--date", "2026-02-30", "date '2026-02-30' is not a date written YYYY-MM-DD"),
    ],
)
def test_values_are_checked_before_they_enter_markdown(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    result = run_cli(["new", "workboard", "--output", "-", option, value], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_role_is_written_in_canonical_form(tmp_path: Path) -> None:
    result = run_cli(
        ["new", "escalation", "--output", "-", "--role", "  qa/set ", "--task", "T-1"],
        cwd=tmp_path,
    )
    assert result.exit_code == 0
    assert "**From:** QA/SET\n" in result.stdout


def test_configured_role_alias_is_accepted(tmp_path: Path) -> None:
    write(tmp_path, "lanelint.toml", '[role-aliases]\n"Tech Lead" = "Technical Lead"\n')
    result = run_cli(["new", "task", "--output", "-", "--role", "tech lead"], cwd=tmp_path)
    assert result.exit_code == 0
    assert "**Owner role:** Technical Lead\n" in result.stdout


def test_without_a_terminal_nothing_waits(tmp_path: Path) -> None:
    # CliRunner's stdin is not a terminal; with no input at all, prompting would abort.
    result = run_cli(["new", "gate-report", "--output", "-"], cwd=tmp_path)
    assert result.exit_code == 0
    assert "`<TASK-ID>`" in result.stdout


def test_on_a_terminal_required_values_are_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new_module, "interactive", lambda: True)
    answers = "T#7\nT-7\ntech lead\nTL\nclaude\n"
    result = run_cli(["new", "gate-report", "--output", "-"], cwd=tmp_path, input=answers)
    assert result.exit_code == 0, result.output
    assert "# Gate Report: T-7\n" in result.stdout
    assert "**Role:** Technical Lead\n" in result.stdout
    assert "**Runtime:** Claude\n" in result.stdout
    assert "'#' could start a heading" in result.stderr  # the bad answer was asked again


def test_on_a_terminal_the_values_of_the_file_name_are_asked_for_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new_module, "interactive", lambda: True)
    answers = "SA\nCodex\nREQ-1\n"  # role, runtime (the kind's), then the task for the name
    result = run_cli(
        ["new", "preflight-stamp", "--date", "2026-02-16"], cwd=tmp_path, input=answers
    )
    assert result.exit_code == 0, result.output
    stamp = tmp_path / "spec/operations/preflight_stamp_REQ-1_2026-02-16.md"
    assert "Role: System Analyst\n" in stamp.read_text("utf-8")


def _tree(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_init_writes_config_and_templates_then_changes_nothing(tmp_path: Path) -> None:
    first = run_cli(["init"], cwd=tmp_path)
    assert first.exit_code == 0
    names = builtin_names()
    assert first.stdout.splitlines() == [
        "wrote lanelint.toml",
        *(f"wrote spec/templates/{name}" for name in names),
    ]
    config = load_file(tmp_path / "lanelint.toml")
    assert config is not None
    assert config.templates_dir == "spec/templates"
    for name in names:
        assert (tmp_path / "spec/templates" / name).read_text("utf-8") == builtin_text(name)
    before = _tree(tmp_path)
    second = run_cli(["init"], cwd=tmp_path)
    assert second.exit_code == 0
    assert second.stdout.splitlines()[-1] == "nothing to write: every file exists"
    assert "kept lanelint.toml (configuration exists)" in second.stdout
    assert _tree(tmp_path) == before


def test_init_keeps_existing_files_and_pyproject_config(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.lanelint]\ntemplates-dir = "docs/tpl"\n')
    mine = write(tmp_path, "docs/tpl/task.md.j2", "# My task {{ task }}\n")
    result = run_cli(["init", str(tmp_path)])
    assert result.exit_code == 0
    assert not (tmp_path / "lanelint.toml").exists()
    assert mine.read_text("utf-8") == "# My task {{ task }}\n"
    assert "kept docs/tpl/task.md.j2 (exists)" in result.stdout
    assert "wrote docs/tpl/gate_report.md.j2" in result.stdout
    # The copied templates drive `new`, and so does the team's own one.
    out = run_cli(["new", "task", "--task", "T-3", "--output", "-"], cwd=tmp_path)
    assert out.stdout == "# My task T-3\n"


def test_init_copies_render_like_the_built_ins(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert run_cli(["init"], cwd=tmp_path).exit_code == 0
    elsewhere = tmp_path_factory.mktemp("no_team_templates")
    team = run_cli(["new", "workboard", "--output", "-", *ALL_OPTIONS], cwd=tmp_path)
    builtin = run_cli(["new", "workboard", "--output", "-", *ALL_OPTIONS], cwd=elsewhere)
    assert team.exit_code == builtin.exit_code == 0
    assert team.stdout == builtin.stdout
