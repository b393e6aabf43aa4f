"""Shared test helpers: running the CLI, linting fixture folders, building rule fixtures,
finding ../shared."""

from __future__ import annotations

import os
import shutil
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lanelint.cli import cli
from lanelint.linter.engine.config import Config, load_config
from lanelint.linter.run.api import LintResult, lint_paths

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RULE_FIXTURES = FIXTURES / "rules"
#: The spec project that every rule fixture starts from, unless its manifest says otherwise.
RULE_FIXTURE_BASE = "_base"
#: A rule fixture's manifest: whether it starts from the base, and which base files it drops.
RULE_FIXTURE_MANIFEST = "fixture.toml"
EXAMPLES = REPO / "examples" / "spec"
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path in the reference folder beside the repo; skips the test where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference folder {path} is absent (it lives beside the repo, not in it)")
    return path


def lint_folder(folder: Path, **overrides: object) -> LintResult:
    """Lint a fixture folder with its own ``lanelint.toml`` if it has one, else defaults.

    The folder is the project root either way, so nothing outside it changes the result.
    """
    if (folder / "lanelint.toml").is_file():
        config = load_config([folder], explicit=folder / "lanelint.toml")
    else:
        config = Config(root=folder.resolve())
    if overrides:
        config = config.with_overrides(**overrides)
    return lint_paths([folder], config=config)


class FixtureManifestError(ValueError):
    """A rule fixture's ``fixture.toml`` is malformed, or names a file the base lacks."""


@dataclass(frozen=True)
class FixtureManifest:
    """What ``<CODE>/<kind>/fixture.toml`` says; a fixture without one starts from the base
    and removes nothing."""

    base: bool = True
    remove: tuple[str, ...] = ()


def _files(folder: Path) -> dict[str, Path]:
    """The files under ``folder`` by relative POSIX path (a missing folder has none)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def rule_fixture_base(fixtures: Path = RULE_FIXTURES) -> dict[str, Path]:
    """The base project's files by relative path."""
    return _files(fixtures / RULE_FIXTURE_BASE)


def rule_fixture_overlay(overlay: Path) -> dict[str, Path]:
    """A fixture folder's own files (added to the base or replacing one), manifest aside."""
    return {name: path for name, path in _files(overlay).items() if name != RULE_FIXTURE_MANIFEST}


def read_fixture_manifest(overlay: Path, base: dict[str, Path]) -> FixtureManifest:
    """Reads and checks ``overlay/fixture.toml``: only the keys ``base`` (a boolean) and
    ``remove`` (relative paths of base files) are allowed, and every path removed must exist
    in the base and not in the overlay, so a typo cannot silently keep a file."""
    path = overlay / RULE_FIXTURE_MANIFEST
    if not path.is_file():
        return FixtureManifest()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise FixtureManifestError(f"{path}: {error}") from error
    unknown = sorted(set(data) - {"base", "remove"})
    if unknown:
        raise FixtureManifestError(f"{path}: unknown keys {unknown}; allowed: base, remove")
    uses_base = data.get("base", True)
    if not isinstance(uses_base, bool):
        raise FixtureManifestError(f"{path}: base must be true or false")
    remove = data.get("remove", [])
    if not isinstance(remove, list) or not all(isinstance(p, str) for p in remove):
        raise FixtureManifestError(f"{path}: remove must be a list of relative paths")
    if remove and not uses_base:
        raise FixtureManifestError(f"{path}: remove needs the base (base = false)")
    if len(set(remove)) != len(remove):
        raise FixtureManifestError(f"{path}: remove lists a path twice")
    absent = sorted(p for p in remove if p not in base)
    if absent:
        raise FixtureManifestError(f"{path}: remove names files the base lacks: {absent}")
    both = sorted(set(remove) & set(rule_fixture_overlay(overlay)))
    if both:
        raise FixtureManifestError(f"{path}: remove names files the fixture provides: {both}")
    return FixtureManifest(base=uses_base, remove=tuple(remove))


def materialize_fixture(
    code: str, kind: str, tmp_path: Path, *, fixtures: Path = RULE_FIXTURES
) -> Path:
    """Builds the effective folder of ``fixtures/<code>/<kind>`` in ``tmp_path/<code>/<kind>``
    and returns it: the base (unless the manifest says ``base = false``), less the files the
    manifest removes, with the fixture's own files added or put in place of the base's.

    The checkout is only read: tests lint the built folder, which is its own project root.
    """
    overlay = fixtures / code / kind
    if not overlay.is_dir():
        raise FileNotFoundError(f"{code} has no fixture folder {overlay}")
    base = rule_fixture_base(fixtures)
    manifest = read_fixture_manifest(overlay, base)
    files = {p: f for p, f in base.items() if p not in manifest.remove} if manifest.base else {}
    files |= rule_fixture_overlay(overlay)
    target = tmp_path / code / kind
    target.mkdir(parents=True)
    for relative, source in files.items():
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    return target


def codes(result: LintResult) -> list[str]:
    return [d.code for d in result.diagnostics]


def run_cli(args: Sequence[str], cwd: Path | None = None, input: str | None = None) -> Result:
    """Invoke ``lanelint`` in-process; ``cwd`` is entered for the call."""
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def _caches_in_checkout() -> set[Path]:
    return {
        path
        for path in REPO.rglob(".lanelint_cache")
        if ".git" not in path.parts and "benchmarks" not in path.parts
    }


@pytest.fixture(autouse=True)
def _no_cache_in_checkout(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """In-process runs whose project root lies in the checkout keep their cache in a
    temporary folder instead: tests never write ``.lanelint_cache/`` into the checkout."""
    from lanelint.linter.run import keys

    original = keys.cache_dir
    elsewhere = tmp_path_factory.getbasetemp() / "checkout-caches"

    def redirected(root: Path) -> Path:
        absolute = Path(os.path.abspath(root))
        if absolute.is_relative_to(REPO):
            return elsewhere / absolute.relative_to(REPO) / keys.CACHE_DIR
        return original(root)

    monkeypatch.setattr(keys, "cache_dir", redirected)


@pytest.fixture(scope="session", autouse=True)
def _checkout_stays_clean() -> Iterator[None]:
    """Fails the run where a test (in-process or a child process) left a cache in the
    checkout."""
    before = _caches_in_checkout()
    yield
    left = sorted(str(p.relative_to(REPO)) for p in _caches_in_checkout() - before)
    assert left == [], f"tests wrote a content cache into the checkout: {left}"
