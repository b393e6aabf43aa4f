"""The language server's first load of a project reads unchanged files from the content cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lanelint.linter.engine.config import load_config
from lanelint.linter.engine.passes import DocumentResult, RunSettings
from lanelint.linter.run import parallel
from lanelint.linter.run.keys import CACHE_DIR
from lanelint.lsp.project import Project
from tests.conftest import EXAMPLES


def _findings(project: Project) -> dict[str, list[str]]:
    project.relint()
    return {path: [d.code for d in project.current[path]] for path in sorted(project.current)}


def test_second_load_parses_nothing_and_reports_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "specs"
    shutil.copytree(EXAMPLES, folder)
    (folder / "lanelint.toml").write_text("", encoding="utf-8")  # the root: a cache of its own
    config = load_config([folder])
    assert config.root.resolve() == folder.resolve()
    first = Project(config, folder)
    assert (folder / CACHE_DIR).is_dir()
    expected = _findings(first)
    assert any(expected.values())  # the examples have findings: the comparison means something

    # Files that cannot be cached (not UTF-8: reported, never cached) are read again.
    uncached = {path for path, result in first.results.items() if result.digest is None}
    checked: list[str] = []
    original = parallel.check_bytes

    def counting(path: str, data: bytes, settings: RunSettings) -> DocumentResult:
        checked.append(path)
        return original(path, data, settings)

    monkeypatch.setattr(parallel, "check_bytes", counting)
    second = Project(load_config([folder]), folder)
    assert set(checked) == uncached
    assert len(second.results) > len(uncached) + 5
    assert _findings(second) == expected


def test_load_with_cache_off_writes_no_cache(tmp_path: Path) -> None:
    folder = tmp_path / "specs"
    shutil.copytree(EXAMPLES, folder)
    (folder / "lanelint.toml").write_text("cache = false\n", encoding="utf-8")
    config = load_config([folder])
    Project(config, folder)
    assert not (config.root / CACHE_DIR).exists()
