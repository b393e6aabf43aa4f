"""Team templates: used instead of the built-in ones, rendered in a sandbox, errors are clear."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.templates._skeleton_support import write

OPTIONS = ("--task", "T-9", "--role", "TL", "--runtime", "Codex", "--date", "2026-02-16")


def _team(tmp_path: Path, template: str, name: str = "gate_report.md.j2") -> Path:
    write(tmp_path, "lanelint.toml", 'templates-dir = "spec/templates"\n')
    return write(tmp_path, f"spec/templates/{name}", template)


def _new(tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    result = run_cli(["new", "gate-report", *OPTIONS, *extra], cwd=tmp_path)
    return result.exit_code, result.stdout, result.stderr


def test_team_template_replaces_the_built_in_one(tmp_path: Path) -> None:
    _team(tmp_path, "# Gate Report: {{ task }}\n\nRole: {{ role }}, lane {{ lane or 'none' }}.\n")
    code, out, err = _new(tmp_path, "--output", "-")
    assert (code, err) == (0, "")
    assert out == "# Gate Report: T-9\n\nRole: Technical Lead, lane none.\n"


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ self.__init__.__globals__ }}",
        "{{ self._TemplateReference__context }}",
        "{{ '{0.__class__.__init__.__globals__}'.format(task) }}",
        "{{ roles.__class__.__base__ }}",
        "{% set x = roles.append('Hacker') %}",
        "{{ 'a' * 100000000 }}",
    ],
)
def test_sandbox_refuses_python_internals(tmp_path: Path, attack: str) -> None:
    _team(tmp_path, f"# Gate Report: {{{{ task }}}}\n\n{attack}\n")
    code, out, err = _new(tmp_path)
    assert code == 2
    assert out == ""
    assert err.startswith("lanelint: error: spec/templates/gate_report.md.j2:3: security error:")
    assert "nothing was written" in err
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "spec" / "operations").exists()


@pytest.mark.parametrize(
    ("reach", "error"),
    [
        ("{{ lipsum.__globals__ }}", "undefined value: 'lipsum' is undefined"),
        ("{{ cycler.__init__ }}", "security error"),
        ("{{ range.__self__ }}", "undefined value: 'range' is undefined"),
    ],
)
def test_no_jinja_globals_to_reach_for(tmp_path: Path, reach: str, error: str) -> None:
    """The environment has no globals at all: lipsum, cycler, range are simply not there."""
    _team(tmp_path, f"# Gate Report\n{reach}\n")
    code, _, err = _new(tmp_path)
    assert code == 2
    assert err.startswith(f"lanelint: error: spec/templates/gate_report.md.j2:2: {error}")
    assert not (tmp_path / "spec" / "operations").exists()


def test_undefined_variable_names_template_and_line(tmp_path: Path) -> None:
    _team(tmp_path, "# Gate Report: {{ task }}\n\n\nOwner: {{ owner }}\n")
    code, out, err = _new(tmp_path)
    assert (code, out) == (2, "")
    assert err == (
        "lanelint: error: spec/templates/gate_report.md.j2:4: undefined value: "
        "'owner' is undefined\n"
    )


def test_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    _team(tmp_path, "# Gate Report\n\n{{ task | }}\n")
    code, _, err = _new(tmp_path)
    assert code == 2
    assert err.startswith("lanelint: error: spec/templates/gate_report.md.j2:3: template syntax")
    assert len(err.splitlines()) == 1


def test_unreadable_team_template(tmp_path: Path) -> None:
    path = _team(tmp_path, "")
    path.write_bytes(b"# Gate \xff\n")
    code, _, err = _new(tmp_path)
    assert code == 2
    assert err == (
        "lanelint: error: spec/templates/gate_report.md.j2: cannot read template: not UTF-8\n"
    )


def test_team_gate_template_gives_the_fix_its_stub_text(tmp_path: Path) -> None:
    _team(
        tmp_path,
        "# Gate Report: {{ task }}\n\n## 1. Role confirmation\n\nrole\n\n## 2. Decisions\n\n"
        "- Team decision stub\n",
    )
    write(
        tmp_path,
        "spec/gate_report_T-9.md",
        "# Gate Report: T-9\n\n## 1. Role confirmation\n\nTL\n",
    )
    result = run_cli(["check", "--diff", "--select", "PDP701", "spec"], cwd=tmp_path)
    assert result.exit_code == 1
    assert "+## 2. Decisions\n+\n+- Team decision stub\n" in result.stdout
    # Sections the team template lacks still get their heading.
    assert "+## 7. ADR status\n" in result.stdout
