"""File digests from the kept stamps: a file is read again whenever its size or times moved."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from lanelint.linter.io.source import digest_bytes
from lanelint.linter.run import digests
from lanelint.linter.run.keys import CACHE_DIR

OLD = time.time_ns() - 3_600 * 10**9  # an hour ago: not racy


class Reads:
    """Counts the files :func:`digests.file_digests` really reads."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        original = digests.read_file

        def counting(path: str | os.PathLike[str]) -> bytes | str:
            self.paths.append(Path(path).name)
            return original(path)

        monkeypatch.setattr(digests, "read_file", counting)

    def take(self) -> list[str]:
        found, self.paths = sorted(self.paths), []
        return found


class _Later:
    """A clock ten seconds ahead: every file the tests wrote is then old enough to trust."""

    @staticmethod
    def time_ns() -> int:
        return time.time_ns() + 10 * 10**9


@pytest.fixture(autouse=True)
def _later_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digests, "time", _Later)


def _write(path: Path, text: str, when: int = OLD) -> None:
    path.write_text(text, "utf-8")
    os.utime(path, ns=(when, when))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    for name in ("a.md", "b.md"):
        _write(tmp_path / name, f"# {name}\n")
    return {name: str(tmp_path / name) for name in ("a.md", "b.md")}


def test_unchanged_files_are_not_read_again(
    tmp_path: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = Reads(monkeypatch)
    first = digests.file_digests(tmp_path, files)
    assert reads.take() == ["a.md", "b.md"]
    assert first == {name: digest_bytes(Path(p).read_bytes()) for name, p in files.items()}
    assert digests.file_digests(tmp_path, files) == first
    assert reads.take() == []


def test_a_changed_file_is_read_again(
    tmp_path: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = Reads(monkeypatch)
    digests.file_digests(tmp_path, files)
    reads.take()
    _write(tmp_path / "a.md", "# a, longer\n", OLD + 10**9)
    found = digests.file_digests(tmp_path, files)
    assert reads.take() == ["a.md"]
    assert found is not None
    assert found["a.md"] == digest_bytes(b"# a, longer\n")


def test_same_size_and_times_but_new_bytes_are_seen(
    tmp_path: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tool that puts the modification time back still moves the change time."""
    reads = Reads(monkeypatch)
    digests.file_digests(tmp_path, files)
    reads.take()
    time.sleep(0.01)
    _write(tmp_path / "a.md", "# A.md\n")  # same size, modification time set back
    found = digests.file_digests(tmp_path, files)
    assert reads.take() == ["a.md"]
    assert found is not None
    assert found["a.md"] == digest_bytes(b"# A.md\n")


def test_files_changed_just_before_they_were_read_are_read_again(
    tmp_path: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files written (their change time) less than two seconds before a run read them: their
    times cannot tell a second change within the same tick from none."""
    newest = max(os.stat(path).st_ctime_ns for path in files.values())

    class JustAfter:
        @staticmethod
        def time_ns() -> int:
            return newest + 10**6  # a millisecond after the files were written

    monkeypatch.setattr(digests, "time", JustAfter)
    reads = Reads(monkeypatch)
    digests.file_digests(tmp_path, files)
    assert reads.take() == ["a.md", "b.md"]
    digests.file_digests(tmp_path, files)
    assert reads.take() == ["a.md", "b.md"]


@pytest.mark.parametrize("damage", [b"", b"junk", b"\x92\x01\x80"])
def test_corrupt_stamps_mean_reading_everything(
    tmp_path: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    expected = digests.file_digests(tmp_path, files)
    (tmp_path / CACHE_DIR / digests.FILE_NAME).write_bytes(damage)
    reads = Reads(monkeypatch)
    assert digests.file_digests(tmp_path, files) == expected
    assert reads.take() == ["a.md", "b.md"]


def test_an_unreadable_file_gives_no_digests(tmp_path: Path, files: dict[str, str]) -> None:
    os.unlink(files["b.md"])
    assert digests.file_digests(tmp_path, files) is None
