"""Every rule has a fixture folder that makes it fire and one that does not.

Layout: ``tests/fixtures/rules/_base/`` is a small spec project that many fixtures share, kept once.
``tests/fixtures/rules/<CODE>/fires/`` and ``tests/fixtures/rules/<CODE>/passes/`` hold only
what a fixture changes in it: files added, or put in place of the base file at the same
relative path (a ``lanelint.toml`` too). An optional ``fixture.toml`` in the fixture folder
says ``base = false`` (the folder is the whole fixture, for the tiny standalone ones) or
``remove = ["spec/x.md"]`` (base files the fixture must not have); a fixture that is the base
as it is keeps a ``fixture.toml`` with only a comment, so that its folder exists.
``materialize_fixture`` in ``tests/conftest.py`` builds the effective folder in ``tmp_path``,
and that folder is the project root when it is linted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from lanelint.linter.engine import waivers
from lanelint.rules import all_rules
from lanelint.rules.ledger_history import GIT_CODES
from tests.conftest import codes, lint_folder, materialize_fixture

#: Engine codes whose trigger cannot be a Markdown file in a folder (internal errors).
NO_FOLDER_FIXTURE = {"LL901", "LL902"}
#: Rules that read a git repository: their fixtures are real repositories built in ``tmp_path``
#: by ``tests/git/test_git_rules.py`` (a fixture folder cannot hold a repository of its own).
GIT_FIXTURES = {"LL010", *GIT_CODES}
NO_FOLDER_FIXTURE |= GIT_FIXTURES

RULES = [rule.code for rule in all_rules() if rule.code not in NO_FOLDER_FIXTURE]


@pytest.mark.parametrize("code", RULES)
def test_rule_fires_on_its_fixture(code: str, tmp_path: Path) -> None:
    folder = materialize_fixture(code, "fires", tmp_path)
    assert code in codes(lint_folder(folder)), f"{code} did not fire on {folder}"


@pytest.mark.parametrize("code", RULES)
def test_rule_passes_on_its_fixture(code: str, tmp_path: Path) -> None:
    folder = materialize_fixture(code, "passes", tmp_path)
    result = lint_folder(folder)
    assert code not in codes(result), f"{code} fired on {folder}: {result.diagnostics}"


@pytest.mark.parametrize("code", RULES)
def test_rule_report_on_its_fixture(code: str, snapshot: SnapshotAssertion, tmp_path: Path) -> None:
    """What the rule says on its failing fixture, line by line: path, line, column, message
    (as ruff snapshots its fixtures). A change of position or wording shows in review."""
    folder = materialize_fixture(code, "fires", tmp_path)
    result = lint_folder(folder)
    root = folder.resolve()
    # a message may state the date the run used (an expired waiver): today's, when no --now
    today = waivers.today(result.config).isoformat()
    lines = [
        f"{Path(d.path).resolve().relative_to(root).as_posix()}:{d.location.line}:"
        f"{d.location.column}: {d.code} {d.message}".replace(today, "TODAY")
        for d in result.diagnostics
        if d.code == code
    ]
    assert lines == snapshot
