"""What the cache tests share: lanelint's own source held steady, and a small project."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from lanelint.linter.run import keys

#: ``make_project(configuration, {relative path: text})`` -> the project's folder (entered).
MakeProject = Callable[[str, Mapping[str, str]], Path]


@pytest.fixture(autouse=True)
def _steady_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """lanelint's own files may change while the suite runs; that is not under test here."""
    monkeypatch.setattr(keys, "source_stamp", lambda: "steady")


@pytest.fixture
def make_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakeProject:
    def make(configuration: str, files: Mapping[str, str]) -> Path:
        (tmp_path / "lanelint.toml").write_text(configuration, "utf-8")
        for name, text in files.items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_text(text, "utf-8")
        monkeypatch.chdir(tmp_path)
        return tmp_path

    return make
