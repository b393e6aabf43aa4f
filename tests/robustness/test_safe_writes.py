"""Safe writes: interrupted writes leave the original intact, style and permissions are kept,
targets outside the repository root are refused, and a file changed on disk is never
overwritten."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lanelint.linter.io import writes
from lanelint.linter.io.source import digest_bytes
from lanelint.linter.io.writes import (
    ChangedOnDiskError,
    OutsideRootError,
    write_bytes_atomic,
    write_text_atomic,
)

PACKAGE = Path(writes.__file__).resolve().parents[1]
ORIGINAL = b"# Plan\r\n\r\n| Lane | Task |\r\n|---|---|\r\n| A | T-1 |\r\n"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failed_rename_leaves_original_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(ORIGINAL)
    seen: list[bytes] = []

    def broken_replace(src: str, dst: object) -> None:
        seen.append(Path(src).read_bytes())  # the temporary file was fully written
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="Input/output error"):
        write_bytes_atomic(target, b"new content\n")
    assert seen == [b"new content\n"]
    assert target.read_bytes() == ORIGINAL
    assert _leftovers(tmp_path) == []


def test_interrupt_during_fsync_leaves_original_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(ORIGINAL)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "new\n")
    assert target.read_bytes() == ORIGINAL
    assert _leftovers(tmp_path) == []


_KILLED_CHILD = """
import os, sys, time
from pathlib import Path
from lanelint.linter.io import writes

def slow_fsync(fd):
    Path(sys.argv[2]).write_text("temp written")
    time.sleep(60)

os.fsync = slow_fsync
writes.write_bytes_atomic(Path(sys.argv[1]), b"half of the new content" * 100000)
"""


def test_killed_process_leaves_original_intact(tmp_path: Path) -> None:
    """SIGKILL between writing the temporary file and the rename: the original is untouched.

    A killed process cannot clean up, so its hidden ``.NAME.*.tmp`` stays; it is the only
    other file in the folder, and the original keeps every byte.
    """
    target = tmp_path / "plan.md"
    target.write_bytes(ORIGINAL)
    marker = tmp_path.parent / f"{tmp_path.name}.marker"
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_CHILD, str(target), str(marker)],
        env={**os.environ, "PYTHONPATH": str(PACKAGE.parent)},
    )
    try:
        deadline = time.monotonic() + 20
        while not marker.exists():
            assert child.poll() is None, "the writer exited before it was killed"
            assert time.monotonic() < deadline, "the writer never reached fsync"
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert target.read_bytes() == ORIGINAL
    left = _leftovers(tmp_path)
    assert len(left) == 1
    assert re.fullmatch(r"\.plan\.md\..+\.tmp", left[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["plan.md", *left])


def test_text_write_keeps_crlf_bom_and_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"\xef\xbb\xbf" + ORIGINAL)
    target.chmod(0o640)
    write_text_atomic(target, "# Plan\n\nFixed.\n")
    assert target.read_bytes() == b"\xef\xbb\xbf# Plan\r\n\r\nFixed.\r\n"
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_text_write_keeps_utf16(tmp_path: Path, encoding: str) -> None:
    target = tmp_path / "notes.md"
    bom = "\ufeff".encode(encoding)
    target.write_bytes(bom + "# Notes\n\nText\n".encode(encoding))
    write_text_atomic(target, "# Notes\n\nCaf\u00e9\n")
    assert target.read_bytes() == bom + "# Notes\n\nCaf\u00e9\n".encode(encoding)


def test_text_write_keeps_lf_and_new_file_is_plain_utf8(tmp_path: Path) -> None:
    old = tmp_path / "lf.md"
    old.write_bytes(b"a\nb\n")
    write_text_atomic(old, "x\r\ny\r\n")
    assert old.read_bytes() == b"x\ny\n"
    new = tmp_path / "new.md"
    write_text_atomic(new, "caf\u00e9\n")
    assert new.read_bytes() == "caf\u00e9\n".encode()


def test_changed_on_disk_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(ORIGINAL)
    digest = digest_bytes(ORIGINAL)
    target.write_bytes(ORIGINAL + b"| B | T-2 |\r\n")  # someone edits after lanelint read it
    with pytest.raises(ChangedOnDiskError, match="changed on disk"):
        write_bytes_atomic(target, b"fixed\n", expected_digest=digest)
    assert target.read_bytes() == ORIGINAL + b"| B | T-2 |\r\n"
    assert _leftovers(tmp_path) == []


def test_change_during_the_write_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(ORIGINAL)
    digest = digest_bytes(ORIGINAL)
    real_fsync = os.fsync

    def edit_meanwhile(fd: int) -> None:
        real_fsync(fd)
        target.write_bytes(b"an edit made while lanelint was writing\n")

    monkeypatch.setattr(os, "fsync", edit_meanwhile)
    with pytest.raises(ChangedOnDiskError):
        write_bytes_atomic(target, b"fixed\n", expected_digest=digest)
    assert target.read_bytes() == b"an edit made while lanelint was writing\n"
    assert _leftovers(tmp_path) == []


def test_matching_digest_writes(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(ORIGINAL)
    write_bytes_atomic(target, b"fixed\n", expected_digest=digest_bytes(ORIGINAL))
    assert target.read_bytes() == b"fixed\n"


def test_outside_root_is_refused_unless_named(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    outside = tmp_path / "elsewhere.md"
    with pytest.raises(OutsideRootError, match="outside the repository root"):
        write_text_atomic(outside, "x\n", root=root)
    assert not outside.exists()
    with pytest.raises(OutsideRootError):
        write_text_atomic(root / ".." / "elsewhere.md", "x\n", root=root)
    assert not outside.exists()
    write_text_atomic(outside, "named\n", root=root, allow_outside=True)
    assert outside.read_text() == "named\n"


def test_symlink_out_of_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "spec").mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    link = root / "spec" / "plan.md"
    link.symlink_to(victim)
    with pytest.raises(OutsideRootError, match="through a symbolic link"):
        write_bytes_atomic(link, b"overwritten\n", root=root)
    assert victim.read_bytes() == b"precious\n"
    assert link.is_symlink()
    # A folder link out of the root is caught the same way.
    (root / "out").symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(OutsideRootError):
        write_bytes_atomic(root / "out" / "victim.txt", b"overwritten\n", root=root)
    assert victim.read_bytes() == b"precious\n"


def test_symlink_inside_root_is_written_through(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "spec").mkdir(parents=True)
    real = root / "spec" / "real.md"
    real.write_bytes(b"old\n")
    link = root / "spec" / "alias.md"
    link.symlink_to("real.md")
    write_bytes_atomic(link, b"new\n", root=root)
    assert link.is_symlink()
    assert real.read_bytes() == b"new\n"


def test_without_root_a_link_is_replaced_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    link = tmp_path / "plan.md"
    link.symlink_to(victim)
    write_bytes_atomic(link, b"new\n")
    assert victim.read_bytes() == b"precious\n"
    assert not link.is_symlink()
    assert link.read_bytes() == b"new\n"


def test_no_overwrite_keeps_existing(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(ORIGINAL)
    with pytest.raises(FileExistsError):
        write_bytes_atomic(target, b"x", overwrite=False)
    assert target.read_bytes() == ORIGINAL
    assert _leftovers(tmp_path) == []


_RAW_WRITE = re.compile(
    r"\.write_text\(|\.write_bytes\(|open\([^)\n]{0,200}[\"'][wax]b?\+?[\"']|os\.rename\("
    r"|shutil\.(?:copy|move)|mkstemp|NamedTemporaryFile"
)


def test_every_write_goes_through_the_helper() -> None:
    """No module but ``writes.py`` writes a file directly."""
    offenders = []
    for module in sorted(PACKAGE.rglob("*.py")):
        if module.name == "writes.py" and module.parent.name == "io":
            continue
        for number, line in enumerate(module.read_text("utf-8").splitlines(), 1):
            if _RAW_WRITE.search(line):
                offenders.append(f"{module.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    assert offenders == []


_GATE_MISSING_ADR = (
    "# Gate Report: T-1\n\n## 1) Role confirmation\n\nTL.\n\n## 2) Decisions\n\n- d\n\n"
    "## 3) Artifacts\n\n- a\n\n## 4) Traceability\n\n- t\n\n## 5) Implementation handoff\n\n"
    "- h\n\n## 6) Risks / open questions\n\n- r\n"
)


def test_fix_refuses_a_link_out_of_the_project(tmp_path: Path) -> None:
    """--fix over a folder never writes through a symbolic link that leaves the project."""
    from tests.conftest import run_cli

    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "gate_report_T-1.md"
    victim.write_text(_GATE_MISSING_ADR, encoding="utf-8")
    project = tmp_path / "project"
    (project / "spec").mkdir(parents=True)
    (project / "lanelint.toml").write_text("", encoding="utf-8")
    (project / "spec" / "gate_report_T-1.md").symlink_to(victim)

    result = run_cli(["check", "--fix", "--no-cache", "spec"], cwd=project)

    assert victim.read_text(encoding="utf-8") == _GATE_MISSING_ADR
    assert "outside" in result.output + (result.stderr or "")
    assert "PDP701" in result.output


def test_fix_writes_through_a_link_the_user_named(tmp_path: Path) -> None:
    """Naming the file itself is consent: the fix goes where the user pointed."""
    from tests.conftest import run_cli

    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "gate_report_T-1.md"
    victim.write_text(_GATE_MISSING_ADR, encoding="utf-8")
    project = tmp_path / "project"
    (project / "spec").mkdir(parents=True)
    (project / "lanelint.toml").write_text("", encoding="utf-8")
    link = project / "spec" / "gate_report_T-1.md"
    link.symlink_to(victim)

    run_cli(["check", "--fix", "--no-cache", "spec/gate_report_T-1.md"], cwd=project)

    assert "## 7) ADR status" in victim.read_text(encoding="utf-8")
    assert link.is_symlink()
