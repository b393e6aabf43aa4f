"""The one way lanelint writes a file: a temporary file beside it, fsync, then rename.

A reader never sees a half-written file, and an interrupted write leaves the original intact.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class ChangedOnDiskError(Exception):
    """The file changed after lanelint read it; it is left alone."""


def write_bytes_atomic(path: Path, data: bytes, *, expected_digest: str | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions.

    With ``expected_digest``, the file is first re-read and left alone (raising
    :class:`ChangedOnDiskError`) if its bytes no longer have that digest.
    """
    from lanelint.linter.source import digest_bytes

    folder = path.parent if str(path.parent) else Path(".")
    mode: int | None = None
    try:
        info = os.stat(path)
        mode = stat.S_IMODE(info.st_mode)
    except FileNotFoundError:
        pass
    if expected_digest is not None and digest_bytes(path.read_bytes()) != expected_digest:
        raise ChangedOnDiskError(f"{path}: changed on disk after it was read; left unchanged")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
