"""The table of bad inputs: one row per hostile or broken input, each run through the real CLI.

Each row builds its input in a fresh folder, runs ``lanelint`` in a child process with a time
bound (the child is killed past it, so a hang fails instead of hanging CI) and an address-space
limit, and states what must come out: the documented exit code, the fragments of a clear
message that names the file (and line where there is one), and no traceback.

A new case is one more :class:`Case` in :data:`CASES`.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config
from lanelint.linter.run import api
from tests.robustness.harness import Timeout, run_lanelint

#: Exit codes, as the README documents them.
CLEAN, FINDINGS, USAGE, INCOMPLETE = 0, 1, 2, 3


@dataclass(frozen=True)
class Case:
    """One bad input: how to build it, how to run lanelint on it, and what must come out."""

    name: str
    build: Callable[[Path], None]
    exit_code: int
    expect: tuple[str, ...]
    seconds: float = 10.0
    memory_mb: int = 1024
    args: tuple[str, ...] = ("check", "--no-cache", "--no-color", "spec")
    marks: tuple[pytest.MarkDecorator, ...] = field(default_factory=tuple)


def _spec(root: Path) -> Path:
    folder = root / "spec"
    folder.mkdir(exist_ok=True)
    return folder


def _write(name: str, data: bytes | str) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        target = _spec(root) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8", newline="")
        else:
            target.write_bytes(data)

    return build


def _with_config(toml: str) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        (root / "lanelint.toml").write_text(toml, encoding="utf-8")
        (_spec(root) / "plan.md").write_text("# Plan\n\nNothing yet.\n", encoding="utf-8")

    return build


def _big(root: Path) -> None:
    line = b"Lane A edits `spec/api.md`; **Owner:** Technical Lead | a pipe | and more words.\n"
    count = 20 * 1024 * 1024 // len(line) + 1
    (_spec(root) / "big.md").write_bytes(b"# Big\n\n" + line * count)


def _rows(count: int) -> Callable[[Path], None]:
    return _write("rows.md", "# Rows\n\n| Key |\n|---|\n" + "| a |\n" * count)


def _lane_rows(count: int) -> Callable[[Path], None]:
    head = (
        "# Plan\n\n| Lane | Task | Owner | Dependency | Files | Status |\n"
        "|---|---|---|---|---|---|\n"
    )
    rows = "".join(
        f"| A | T-{i} | Technical Lead | none | `src/m{i}.py` | active |\n" for i in range(count)
    )
    return _write("plan.md", head + rows)


def _binary(root: Path) -> None:
    noise = random.Random(7).randbytes(4096)
    (_spec(root) / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise)


def _symlink_loop(root: Path) -> None:
    spec = _spec(root)
    (spec / "ok.md").write_text("# Fine\n\nText.\n", encoding="utf-8")
    os.symlink("loop.md", spec / "loop.md")  # a link to itself
    os.symlink(".", spec / "again")  # a folder link back to its parent: never followed


def _dangling(root: Path) -> None:
    spec = _spec(root)
    (spec / "ok.md").write_text("# Fine\n\nText.\n", encoding="utf-8")
    os.symlink("missing.md", spec / "gone.md")


def _fifo(root: Path) -> None:
    os.mkfifo(_spec(root) / "x.md")


def _unreadable(root: Path) -> None:
    target = _spec(root) / "secret.md"
    target.write_text("# Secret\n", encoding="utf-8")
    target.chmod(0)


def _nothing(root: Path) -> None:
    _spec(root)


def _team_template(text: str) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        folder = _spec(root) / "templates"
        folder.mkdir(parents=True)
        (folder / "task.md.j2").write_text(text, encoding="utf-8")
        (root / "lanelint.toml").write_text('templates-dir = "spec/templates"\n')

    return build


_NEW_TASK = ("new", "task", "--task", "T-1", "--lane", "A", "--role", "TL", "--output", "-")
_ROOT_ONLY = pytest.mark.skipif(
    os.geteuid() == 0,
    reason="runs as root, where file permissions do not stop reads; "
    "test_permission_denied_in_process covers the same path",
)

CASES: list[Case] = [
    Case(
        "not-utf8",
        _write("latin1.md", "# Plan\n\nCaf\u00e9 owner\n".encode("latin-1")),
        FINDINGS,
        ("spec/latin1.md:3:1: LL001", "not valid UTF-8"),
    ),
    Case(
        "utf16-bom",
        _write("wide.md", "# Plan\n\nText\n".encode("utf-16")),
        FINDINGS,
        ("spec/wide.md:1:1: LL001", "UTF-16"),
    ),
    Case(
        "nul-bytes",
        _write("nul.md", b"# Plan\n\nsome\x00thing\n"),
        FINDINGS,
        ("spec/nul.md:3:1: LL001", "NUL bytes"),
    ),
    Case("binary-named-md", _binary, FINDINGS, ("spec/image.md:", "LL001")),
    Case("empty-file", _write("empty.md", b""), CLEAN, ("All checks passed (1 file checked)",)),
    Case(
        "20-mb-file",
        _big,
        FINDINGS,
        ("spec/big.md:1:1: LL001", "20 MB, over the 8 MB limit; skipped"),
        seconds=15,
        memory_mb=512,
    ),
    Case(
        "table-100k-rows",
        _rows(100_000),
        CLEAN,
        ("All checks passed (1 file checked)",),
        seconds=60,
        memory_mb=2048,
    ),
    Case(
        "lane-table-1000-rows",
        _lane_rows(1000),
        FINDINGS,
        ("spec/plan.md:",),
        seconds=4,
    ),
    Case(
        "nested-lists-10k",
        _write("lists.md", "- " * 10_000 + "deep\n"),
        CLEAN,
        ("All checks passed (1 file checked)",),
        seconds=20,
    ),
    Case(
        "nested-quotes-and-lists-10k",
        _write("mixed.md", "> 1. " * 5_000 + "deep\n"),
        CLEAN,
        ("All checks passed (1 file checked)",),
        seconds=20,
    ),
    Case(
        "nested-quotes-10k",
        _write("quotes.md", ">" * 10_000 + " deep\n"),
        CLEAN,
        ("All checks passed (1 file checked)",),
        seconds=20,
    ),
    Case(
        "unterminated-fence",
        _write("fence.md", "# Notes\n\n```python\nprint('never closed')\n" + "x = 1\n" * 1000),
        CLEAN,
        ("All checks passed (1 file checked)",),
    ),
    Case(
        "line-of-1-mb",
        _write("long.md", "# Long\n\n" + "word `x` " * (1024 * 1024 // 9) + "\n"),
        CLEAN,
        ("All checks passed (1 file checked)",),
        seconds=20,
    ),
    Case(
        "symlink-loop",
        _symlink_loop,
        FINDINGS,
        ("spec/loop.md:1:1: LL001", "cannot read", "in 2 files"),
    ),
    Case(
        "dangling-symlink",
        _dangling,
        FINDINGS,
        ("spec/gone.md:1:1: LL001", "broken symbolic link", "in 2 files"),
    ),
    Case(
        "no-read-permission",
        _unreadable,
        FINDINGS,
        ("spec/secret.md:1:1: LL001", "Permission denied"),
        marks=(_ROOT_ONLY,),
    ),
    Case(
        "fifo-named-md",
        _fifo,
        FINDINGS,
        ("spec/x.md:1:1: LL001", "not a regular file"),
        seconds=10,
    ),
    Case(
        "path-does-not-exist",
        _nothing,
        USAGE,
        ("lanelint: error: spec/nope.md: no such file or directory",),
        args=("check", "--no-cache", "spec/nope.md"),
    ),
    Case(
        "config-unknown-key",
        _with_config("colour = true\n"),
        USAGE,
        ("lanelint.toml: unknown key 'colour'",),
    ),
    Case(
        "config-wrong-type",
        _with_config('max-active-lanes = "four"\n'),
        USAGE,
        ("lanelint.toml: 'max-active-lanes' must be a positive integer",),
    ),
    Case(
        "config-unknown-rule-code",
        _with_config('select = ["PDP999"]\n'),
        USAGE,
        ("lanelint.toml: unknown rule code 'PDP999' in 'select'",),
    ),
    Case(
        "config-invalid-toml",
        _with_config('select = ["PDP5"\nignore = \n'),
        USAGE,
        ("lanelint.toml: invalid TOML", "line 2"),
    ),
    Case(
        "suppression-unknown-code",
        _write(
            "plan.md",
            "# Plan\n\n<!-- lanelint-disable-next-line PDP9999 -->\nText.\n",
        ),
        FINDINGS,
        ("spec/plan.md:3:1: LL003", "unknown rule code 'PDP9999'"),
    ),
    Case(
        "team-template-syntax-error",
        _team_template("# Task {{ task }}\n\n{% if %}\n"),
        USAGE,
        ("spec/templates/task.md.j2:3:", "syntax error"),
        args=_NEW_TASK,
    ),
    Case(
        "team-template-undefined-variable",
        _team_template("# Task {{ task }}\n\nOwner: {{ owner_nmae }}\n"),
        USAGE,
        ("spec/templates/task.md.j2:3:", "undefined", "owner_nmae"),
        args=_NEW_TASK,
    ),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=c.marks) for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    case.build(tmp_path)
    run = run_lanelint(case.args, tmp_path, seconds=case.seconds, memory_mb=case.memory_mb)
    print(f"{case.name}: exit {run.code}, {run.seconds:.2f} s, peak {run.peak_mb:.0f} MB")
    assert "Traceback" not in run.output, run.output[-3000:]
    for fragment in case.expect:
        assert fragment in run.output, f"{fragment!r} not in:\n{run.output[-3000:]}"
    assert run.code == case.exit_code, run.output[-3000:]
    # The error lines name the file; a usage error is exactly one line.
    if case.exit_code == USAGE:
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert run.seconds < case.seconds
    assert run.peak_mb < case.memory_mb


def test_table_covers_the_issue() -> None:
    """The rows the issue asks for are all present (a guard against losing one in an edit)."""
    wanted = {
        "not-utf8", "utf16-bom", "nul-bytes", "binary-named-md", "empty-file", "20-mb-file",
        "table-100k-rows", "nested-lists-10k", "nested-quotes-10k", "unterminated-fence",
        "line-of-1-mb", "symlink-loop", "dangling-symlink", "no-read-permission",
        "fifo-named-md", "path-does-not-exist", "config-unknown-key", "config-wrong-type",
        "config-unknown-rule-code", "config-invalid-toml", "suppression-unknown-code",
        "team-template-syntax-error", "team-template-undefined-variable",
    }  # fmt: skip
    assert wanted <= {case.name for case in CASES}


def test_permission_denied_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the process may not read is LL001 naming the file, and the run goes on.

    Runs in-process with ``os.open`` refusing the one file, so it holds even as root.
    """
    spec = _spec(tmp_path)
    (spec / "secret.md").write_text("# Secret\n", encoding="utf-8")
    (spec / "other.md").write_text("# Other\n\n<!-- lanelint-disable PDP9999 -->\n")
    real_open = os.open

    def guarded(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded)
    monkeypatch.chdir(tmp_path)
    result = api.lint_paths(["spec"], config=Config(root=tmp_path))
    found = {(d.path, d.code, d.line) for d in result.diagnostics}
    assert ("spec/secret.md", "LL001", 1) in found
    assert ("spec/other.md", "LL003", 3) in found
    message = next(d.message for d in result.diagnostics if d.path == "spec/secret.md")
    assert "Permission denied" in message
    assert result.exit_code() == FINDINGS


def test_harness_turns_a_hang_into_a_failure(tmp_path: Path) -> None:
    """The bound is real: a child that hangs is killed and the test fails, CI goes on."""
    with pytest.raises(Timeout, match="past its 1 s bound"):
        run_lanelint([], tmp_path, seconds=1, program=("-c", "import time; time.sleep(60)"))


def test_harness_enforces_the_memory_bound(tmp_path: Path) -> None:
    run = run_lanelint(
        [], tmp_path, seconds=20, memory_mb=256, program=("-c", "x = bytearray(600 * 2**20)")
    )
    assert run.code != 0
    assert "MemoryError" in run.stderr
