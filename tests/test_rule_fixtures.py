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
from tests.conftest import (
    RULE_FIXTURE_BASE,
    RULE_FIXTURES,
    FixtureManifestError,
    codes,
    lint_folder,
    materialize_fixture,
    read_fixture_manifest,
    rule_fixture_base,
    rule_fixture_overlay,
)

#: Engine codes whose trigger cannot be a Markdown file in a folder (internal errors).
NO_FOLDER_FIXTURE = {"LL901", "LL902"}
#: Rules that read a git repository: their fixtures are real repositories built in ``tmp_path``
#: by ``tests/git/test_git_rules.py`` (a fixture folder cannot hold a repository of its own).
GIT_FIXTURES = {"LL010", *GIT_CODES}
NO_FOLDER_FIXTURE |= GIT_FIXTURES

RULES = [rule.code for rule in all_rules() if rule.code not in NO_FOLDER_FIXTURE]
KINDS = ("fires", "passes")


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


#: Every fixture folder in the checkout, as ``(code, kind)``.
FIXTURE_FOLDERS = sorted(
    (folder.parent.name, folder.name)
    for folder in RULE_FIXTURES.glob("*/*")
    if folder.is_dir() and folder.parent.name != RULE_FIXTURE_BASE
)


def test_every_fixture_folder_is_fires_or_passes_of_a_rule() -> None:
    known = {rule.code for rule in all_rules()}
    strays = [f"{c}/{k}" for c, k in FIXTURE_FOLDERS if c not in known or k not in KINDS]
    assert strays == []
    assert rule_fixture_base(), "the base project is empty"


@pytest.mark.parametrize(("code", "kind"), FIXTURE_FOLDERS, ids="/".join)
def test_fixture_does_not_repeat_the_base(code: str, kind: str) -> None:
    """A file that the base already has, byte for byte, does not belong in an overlay: the
    duplication that the base exists to remove must not creep back."""
    overlay = RULE_FIXTURES / code / kind
    base = rule_fixture_base()
    if not read_fixture_manifest(overlay, base).base:
        return
    same = [
        relative
        for relative, path in rule_fixture_overlay(overlay).items()
        if relative in base and path.read_bytes() == base[relative].read_bytes()
    ]
    assert same == [], f"{code}/{kind} repeats base files; delete them from the fixture: {same}"


def _tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, "utf-8")
    return root


def _built(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text("utf-8")
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def fixtures(tmp_path: Path) -> Path:
    """A small fixture tree: a base of two files and one rule's folders."""
    return _tree(
        tmp_path / "rules",
        {"_base/spec/a.md": "base a\n", "_base/spec/b.md": "base b\n"},
    )


def test_overlay_adds_replaces_and_removes(fixtures: Path, tmp_path: Path) -> None:
    _tree(
        fixtures / "X1" / "fires",
        {
            "spec/a.md": "own a\n",
            "spec/c.md": "own c\n",
            "lanelint.toml": "[tool.lanelint]\n",
            "fixture.toml": 'remove = ["spec/b.md"]\n',
        },
    )
    built = materialize_fixture("X1", "fires", tmp_path / "out", fixtures=fixtures)
    assert _built(built) == {
        "spec/a.md": "own a\n",
        "spec/c.md": "own c\n",
        "lanelint.toml": "[tool.lanelint]\n",
    }


def test_fixture_without_manifest_is_base_plus_its_files(fixtures: Path, tmp_path: Path) -> None:
    _tree(fixtures / "X1" / "passes", {"spec/c.md": "own c\n"})
    built = materialize_fixture("X1", "passes", tmp_path / "out", fixtures=fixtures)
    assert _built(built) == {
        "spec/a.md": "base a\n",
        "spec/b.md": "base b\n",
        "spec/c.md": "own c\n",
    }


def test_standalone_fixture_leaves_the_base_out(fixtures: Path, tmp_path: Path) -> None:
    _tree(fixtures / "X1" / "fires", {"s.md": "alone\n", "fixture.toml": "base = false\n"})
    built = materialize_fixture("X1", "fires", tmp_path / "out", fixtures=fixtures)
    assert _built(built) == {"s.md": "alone\n"}


@pytest.mark.parametrize(
    ("manifest", "complaint"),
    [
        ('remove = ["spec/typo.md"]\n', "the base lacks"),
        ('removes = ["spec/b.md"]\n', "unknown keys"),
        ("base = false\nextends = 'other'\n", "unknown keys"),
        ('base = "no"\n', "true or false"),
        ('remove = "spec/b.md"\n', "list of relative paths"),
        ('base = false\nremove = ["spec/b.md"]\n', "needs the base"),
        ('remove = ["spec/b.md", "spec/b.md"]\n', "twice"),
        ('remove = ["spec/a.md"]\n', "the fixture provides"),
        ("base = \n", "fixture.toml"),
    ],
)
def test_manifest_refuses_what_it_cannot_honour(
    fixtures: Path, tmp_path: Path, manifest: str, complaint: str
) -> None:
    """A typo in the manifest fails the fixture instead of silently keeping a file."""
    _tree(fixtures / "X1" / "fires", {"spec/a.md": "own a\n", "fixture.toml": manifest})
    with pytest.raises(FixtureManifestError, match=complaint):
        materialize_fixture("X1", "fires", tmp_path / "out", fixtures=fixtures)


def test_missing_fixture_folder_is_an_error(fixtures: Path, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="X9 has no fixture folder"):
        materialize_fixture("X9", "fires", tmp_path / "out", fixtures=fixtures)
