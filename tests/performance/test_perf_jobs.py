"""``--jobs N``: worker processes, and the same report for every N."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lanelint.linter.run import parallel
from tests.conftest import REPO, run_cli


def load_generator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "bench_generate", REPO / "benchmarks" / "generate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("jobs")
    load_generator().generate(root / "spec", 2 * SMALL_THRESHOLD + 7, seed=3)
    return root


#: The tests lower the threshold for workers, so that a small folder exercises them.
SMALL_THRESHOLD = 40


@pytest.fixture(autouse=True)
def _small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_FILES_FOR_WORKERS", SMALL_THRESHOLD)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks workers on Linux only")
@pytest.mark.parametrize("output_format", ["json", "text"])
def test_the_report_is_identical_for_every_number_of_jobs(
    folder: Path, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    pools: list[int] = []
    original: Callable[..., Any] = parallel._pool

    def recording(jobs: int, *args: Any) -> Any:
        pools.append(jobs)
        return original(jobs, *args)

    monkeypatch.setattr(parallel, "_pool", recording)
    outputs = {}
    for jobs in (1, 2, 4):
        result = run_cli(
            ["check", "spec", "--no-cache", "--jobs", str(jobs), "--format", output_format],
            cwd=folder,
        )
        outputs[jobs] = (result.exit_code, result.output)
    # --jobs 1 runs in-process; 2 and 4 really use workers (this process is one of the N)
    assert pools == [1, 3]
    assert outputs[1][0] == 1, "the generated folder is seeded with violations"
    assert outputs[1][1].count("\n") > 20
    assert outputs[1] == outputs[2] == outputs[4]


def test_small_runs_stay_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_generator().generate(tmp_path / "spec", 5, seed=3)

    def refuse(*args: Any) -> Any:
        raise AssertionError("a pool was started for five files")

    monkeypatch.setattr(parallel, "_pool", refuse)
    result = run_cli(["check", "spec", "--no-cache", "--jobs", "4"], cwd=tmp_path)
    assert result.exit_code in (0, 1)


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    result = run_cli(["check", ".", "--jobs", "0"], cwd=tmp_path)
    assert result.exit_code == 2


def test_without_worker_processes_the_run_goes_on_in_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_processes(*args: Any) -> Any:
        raise OSError(38, "Function not implemented")

    expected = run_cli(["check", "spec", "--no-cache", "--jobs", "1"], cwd=folder)
    monkeypatch.setattr(parallel, "_pool", no_processes)
    result = run_cli(["check", "spec", "--no-cache", "--jobs", "2"], cwd=folder)
    assert (result.exit_code, result.output) == (expected.exit_code, expected.output)


def test_workers_get_paths_and_send_back_encoded_results(folder: Path) -> None:
    from lanelint.linter.engine.config import Config
    from lanelint.linter.io.discovery import discover
    from lanelint.linter.run import cache
    from lanelint.linter.run.settings import make_settings

    entries = discover([folder / "spec"], root=folder)[:3]
    settings = make_settings(Config(root=folder))
    parallel._init_worker(settings)
    try:
        done = parallel._run_chunk(list(enumerate(entries)))
    finally:
        parallel._init_worker(None)  # type: ignore[arg-type]
    assert [index for index, _ in done] == [0, 1, 2]
    for (_, payload), entry in zip(done, entries, strict=True):
        assert isinstance(payload, bytes)
        decoded = cache.decode(payload)
        assert decoded is not None
        assert decoded == parallel.check_entry(entry, None, settings)


def test_a_few_files_are_not_worth_workers() -> None:
    assert parallel.workers_for(SMALL_THRESHOLD - 1, 4) == 1
    assert parallel.workers_for(10_000, 1) == 1
    assert parallel.workers_for(10_000, 2) == 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks workers on Linux only")
def test_this_process_checks_a_share_while_its_worker_checks_the_rest(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    log = tmp_path / "pids"
    original = parallel.check_bytes

    def recording(path: str, data: bytes, settings: Any) -> Any:
        with log.open("a") as handle:
            handle.write(f"{os.getpid()}\n")
        return original(path, data, settings)

    expected = run_cli(["check", "spec", "--no-cache", "--jobs", "1"], cwd=folder)
    monkeypatch.setattr(parallel, "check_bytes", recording)
    result = run_cli(["check", "spec", "--no-cache", "--jobs", "2"], cwd=folder)
    assert (result.exit_code, result.output) == (expected.exit_code, expected.output)
    pids = log.read_text().split()
    assert len(pids) == 2 * SMALL_THRESHOLD + 7  # each document checked once
    assert str(os.getpid()) in pids
    assert len(set(pids)) == 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks workers on Linux only")
def test_a_worker_that_dies_leaves_its_documents_to_this_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    original = parallel.check_bytes

    def dying(path: str, data: bytes, settings: Any) -> Any:
        if os.getpid() != parent:
            os._exit(3)
        return original(path, data, settings)

    expected = run_cli(["check", "spec", "--no-cache", "--jobs", "1"], cwd=folder)
    monkeypatch.setattr(parallel, "check_bytes", dying)
    result = run_cli(["check", "spec", "--no-cache", "--jobs", "2"], cwd=folder)
    assert (result.exit_code, result.output) == (expected.exit_code, expected.output)
