"""Running the real ``lanelint`` command in a child process with a time and memory bound.

A hang fails the test (the child is killed at the bound) instead of hanging CI, and the
address-space limit turns runaway memory use into a failing run rather than a swapping machine.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024


@dataclass(frozen=True)
class Run:
    """What a child ``lanelint`` did: exit code, output, wall time and peak memory."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class Timeout(AssertionError):
    """The child ran past its time bound and was killed."""


def _limit_memory(megabytes: int) -> Callable[[], None]:
    def apply() -> None:
        limit = megabytes * MB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_lanelint(
    args: Sequence[str],
    cwd: Path,
    *,
    seconds: float,
    memory_mb: int = 1024,
    stdin: bytes = b"",
    program: Sequence[str] = ("-m", "lanelint"),
) -> Run:
    """Run ``python -m lanelint ARGS`` in ``cwd``; kill it and fail after ``seconds``."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "HOME": str(cwd),
        "LC_ALL": "C.UTF-8",
    }
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            [sys.executable, *program, *args],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            env=env,
            preexec_fn=_limit_memory(memory_mb),
            start_new_session=True,
        )
        assert child.stdin is not None
        child.stdin.write(stdin)
        child.stdin.close()
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > seconds:
                os.killpg(child.pid, signal.SIGKILL)
                os.wait4(child.pid, 0)
                raise Timeout(f"lanelint {' '.join(args)} ran past its {seconds} s bound")
            time.sleep(0.01)
        elapsed = time.monotonic() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # Popen must not reap it again
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    return Run(child.returncode, stdout, stderr, elapsed, peak)
