"""Shared test helpers: running the CLI, linting fixture folders, finding ../shared."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lanelint.cli import cli
from lanelint.linter.engine.config import Config, load_config
from lanelint.linter.run.api import LintResult, lint_paths

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RULE_FIXTURES = FIXTURES / "rules"
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
