"""Bad input gives one clear line and the documented exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.foundation.foundation_docs import write

LATIN1 = "# Notes\n\nRisiko: Gr\xf6\xdfe der Exportdateien.\n".encode("latin-1")

#: name -> (files to create, arguments after ``check``, exit code, expected stdout, stderr)
CASES: dict[str, tuple[dict[str, str | bytes], list[str], int, str, str]] = {
    "non-utf8": (
        {"spec/notes.md": LATIN1},
        ["spec"],
        1,
        "spec/notes.md:3:1: LL001 file is not valid UTF-8 (byte 0xf6 at offset 19)\n\n"
        "Found 1 error, 0 warnings and 0 info in 1 file.\n",
        "",
    ),
    "utf16": (
        {"spec/notes.md": "# Notes\n".encode("utf-16")},
        ["spec/notes.md"],
        1,
        "spec/notes.md:1:1: LL001 file is UTF-16 (byte-order mark found); lanelint reads "
        "UTF-8 only\n\nFound 1 error, 0 warnings and 0 info in 1 file.\n",
        "",
    ),
    "empty": (
        {"spec/empty.md": b""},
        ["spec/empty.md"],
        0,
        "All checks passed (1 file checked).\n",
        "",
    ),
    "nonexistent": (
        {},
        ["spec/missing.md"],
        2,
        "",
        "lanelint: error: spec/missing.md: no such file or directory\n",
    ),
    "broken-config": (
        {"spec/empty.md": b"", "lanelint.toml": "select = [\n"},
        ["spec"],
        2,
        "",
        "lanelint: error: {root}/lanelint.toml: invalid TOML: Invalid value (at end of document)\n",
    ),
}


def _setup(tmp_path: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        write(tmp_path, relative, content)


@pytest.mark.parametrize("case", sorted(CASES))
def test_in_process(tmp_path: Path, case: str) -> None:
    files, args, code, stdout, stderr = CASES[case]
    _setup(tmp_path, files)
    result = run_cli(
        ["check", "--isolated" if "lanelint.toml" not in files else "--no-color", *args],
        cwd=tmp_path,
    )
    assert result.exit_code == code
    assert result.stdout == stdout
    assert result.stderr == stderr.format(root=tmp_path)


@pytest.mark.parametrize("case", sorted(CASES))
def test_as_a_real_process(tmp_path: Path, case: str) -> None:
    files, args, code, stdout, stderr = CASES[case]
    _setup(tmp_path, files)
    extra = "--isolated" if "lanelint.toml" not in files else "--no-color"
    done = subprocess.run(
        [sys.executable, "-m", "lanelint", "check", extra, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == code
    assert done.stdout == stdout
    assert done.stderr == stderr.format(root=tmp_path)


def test_an_unreadable_file_does_not_stop_the_run(tmp_path: Path) -> None:
    write(tmp_path, "spec/a_notes.md", LATIN1)
    board = "# Board\n\n| Commit | Verdict |\n|---|---|\n| zzz | ok |\n| `abc1234` | pending |\n"
    write(tmp_path, "spec/b_board.md", board)
    result = run_cli(
        ["check", "--isolated", "--select", "LL001,PDP705,PDP706", "spec"], cwd=tmp_path
    )
    assert result.exit_code == 1
    codes = [line.split()[1] for line in result.stdout.splitlines() if ": " in line[:40]]
    assert codes == ["LL001", "PDP706", "PDP705"]


def test_a_folder_named_like_markdown_and_a_binary_file(tmp_path: Path) -> None:
    (tmp_path / "spec" / "odd.md").mkdir(parents=True)
    write(tmp_path, "spec/blob.md", b"\x00\x01\x02binary")
    result = run_cli(["check", "--isolated", "--no-color", "spec"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "spec/blob.md:1:1: LL001 file holds NUL bytes: binary data, not Markdown"
    )


def test_no_markdown_files_at_all(tmp_path: Path) -> None:
    write(tmp_path, "spec/readme.txt", "not markdown")
    result = run_cli(["check", "--isolated", "spec"], cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == "All checks passed (0 files checked).\n"
