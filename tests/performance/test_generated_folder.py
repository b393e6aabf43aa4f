"""The report on a 2,000-document generated folder: byte-identical for ``--jobs 1`` and
``--jobs 2``, cold and warm (content cache, run record), and equal to its snapshot.

The folder comes from ``benchmarks/generate.py`` (deterministic for a seed), so the snapshot
holds the report's digest, size and findings per code: a change anywhere in the pipeline that
moves one finding shows here, with the codes that moved.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from lanelint.linter.run import record
from lanelint.linter.run.keys import CACHE_DIR
from tests.performance.test_perf_jobs import load_generator

DOCUMENTS = 2000
SEED = 6


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated") / f"docs-{DOCUMENTS}"
    load_generator().generate(root, DOCUMENTS, seed=SEED)
    return root


def check(folder: Path, *args: str, output_format: str = "json") -> bytes:
    """``lanelint check`` as a whole process (workers fork for real)."""
    done = subprocess.run(
        [sys.executable, "-m", "lanelint", "check", "--format", output_format, *args, "."],
        cwd=folder,
        capture_output=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")[-2000:]
    # the folder is a new temporary one each time (a note names it: no git repository there)
    return done.stdout.replace(str(folder.resolve()).encode("utf-8"), b"<folder>")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks workers on Linux only")
def test_every_way_of_running_gives_the_same_bytes(
    folder: Path, snapshot: SnapshotAssertion
) -> None:
    shutil.rmtree(folder / CACHE_DIR, ignore_errors=True)
    reports = {
        "cold, --jobs 1": check(folder, "--no-cache", "--jobs", "1"),
        "cold, --jobs 2": check(folder, "--no-cache", "--jobs", "2"),
        "cold cache, --jobs 2": check(folder, "--jobs", "2"),
        "warm, run record": check(folder, "--jobs", "2"),
    }
    assert (folder / CACHE_DIR / record.FILE_NAME).is_file()
    (folder / CACHE_DIR / record.FILE_NAME).unlink()
    reports["warm, content cache only, --jobs 1"] = check(folder, "--jobs", "1")
    reports["warm, run record again"] = check(folder, "--jobs", "2")
    first = reports["cold, --jobs 1"]
    differ = [name for name, data in reports.items() if data != first]
    assert differ == [], f"reports differ from cold --jobs 1: {differ}"

    text_cold = check(folder, "--no-cache", "--jobs", "2", output_format="text")
    text_warm = check(folder, output_format="text")
    assert text_cold == text_warm

    findings = json.loads(first)["diagnostics"]
    assert {
        "json sha256": hashlib.sha256(first).hexdigest(),
        "json bytes": len(first),
        "text sha256": hashlib.sha256(text_cold).hexdigest(),
        "findings": len(findings),
        "by code": dict(sorted(Counter(d["code"] for d in findings).items())),
    } == snapshot
