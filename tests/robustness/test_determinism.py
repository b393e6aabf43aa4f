"""Determinism: the report is byte-identical across runs, ``--jobs`` values and file-system
order (a test shuffles what ``os.scandir`` returns)."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from lanelint.linter.engine.config import load_config
from lanelint.linter.report import renderer
from lanelint.linter.run.api import lint_paths
from tests.robustness.corpus import seeded_copy
from tests.robustness.harness import run_lanelint

#: Copies of the example's spec folder: enough files (over 100) for 4 workers to share.
COPIES = 6


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = seeded_copy(tmp_path_factory.mktemp("determinism") / "project", copies=COPIES)
    assert sum(1 for _ in (root / "spec").rglob("*.md")) >= 100
    return root


def _reports(root: Path, jobs: int = 1) -> tuple[str, str]:
    config = load_config([root / "spec"])
    result = lint_paths([root / "spec"], config=config, jobs=jobs)
    return renderer("text")(result, False), renderer("json")(result, False)


def test_shuffled_discovery_gives_identical_output(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    reference = _reports(project)
    assert "PDP" in reference[0]
    real_scandir = os.scandir

    for seed in range(4):
        shuffler = random.Random(seed)

        def shuffled(
            path: object = ".", shuffler: random.Random = shuffler
        ) -> Iterator[os.DirEntry[str]]:
            with real_scandir(path) as it:  # type: ignore[call-overload]
                entries = list(it)
            shuffler.shuffle(entries)
            return iter(entries)

        monkeypatch.setattr(os, "scandir", shuffled)
        jobs = seed % 4 + 1  # shuffled discovery with every --jobs value too
        assert _reports(project, jobs) == reference, f"seed {seed}, jobs {jobs}"
        monkeypatch.setattr(os, "scandir", real_scandir)


def test_reversed_scandir_order_changes_nothing_seen(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shuffle really reaches discovery: the walk sees a different order, output does not."""
    seen: list[str] = []
    real_scandir = os.scandir

    def reversed_scandir(path: object = ".") -> Iterator[os.DirEntry[str]]:
        with real_scandir(path) as it:  # type: ignore[call-overload]
            entries = sorted(it, key=lambda e: e.name, reverse=True)
        seen.extend(e.name for e in entries)
        return iter(entries)

    monkeypatch.chdir(project)
    reference = _reports(project)
    monkeypatch.setattr(os, "scandir", reversed_scandir)
    assert _reports(project) == reference
    assert seen
    assert seen != sorted(seen)


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_every_jobs_value_gives_identical_bytes(project: Path, output_format: str) -> None:
    outputs = {}
    for jobs in (1, 2, 3, 4):
        run = run_lanelint(
            [
                "check",
                "--no-cache",
                "--no-color",
                "--format",
                output_format,
                "--jobs",
                str(jobs),
                "spec",
            ],
            project,
            seconds=60,
        )
        assert run.code == 1, run.output[-2000:]
        assert "Traceback" not in run.stderr
        outputs[jobs] = run.stdout
    assert outputs[1]
    assert all(output == outputs[1] for output in outputs.values())


def test_repeated_runs_give_identical_bytes(project: Path) -> None:
    first = run_lanelint(["check", "--no-cache", "--format", "json", "spec"], project, seconds=60)
    second = run_lanelint(["check", "--no-cache", "--format", "json", "spec"], project, seconds=60)
    assert first.stdout == second.stdout
    assert first.stdout
