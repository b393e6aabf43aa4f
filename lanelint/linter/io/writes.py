"""The one way lanelint writes a file: a temporary file beside it, fsync, then rename.

A reader never sees a half-written file, and an interrupted write leaves the original intact:
the new bytes go to a temporary file in the target's own folder, are flushed to disk, and only
then take the target's name in one ``rename``. On top of that:

- the original's permissions are kept, and :func:`write_text_atomic` keeps its line endings
  (LF or CRLF) and encoding (UTF-8 with or without a byte-order mark, UTF-16);
- with ``root``, a target that resolves outside that folder (also through a symbolic link) is
  refused with :class:`OutsideRootError`, unless ``allow_outside`` says the user named that
  exact path; a symbolic link inside the root is written through, so the link stays a link
  (without ``root``, a link is replaced by the file and what it pointed to is left alone);
- with ``expected_digest``, a file that changed on disk after it was read is left alone
  (:class:`ChangedOnDiskError`); the digest is checked before the write and again just before
  the rename.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: Bytes read from an existing file to learn its line endings.
_STYLE_PROBE = 65536


class ChangedOnDiskError(Exception):
    """The file changed after lanelint read it; it is left alone."""


class OutsideRootError(OSError):
    """The target resolves outside the repository root; nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(errno.EPERM, message)

    def __str__(self) -> str:
        return str(self.strerror)


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How a text file is stored: encoding, byte-order mark and line ending."""

    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"

    def encode(self, text: str) -> bytes:
        """``text`` (any line endings) in this style."""
        text = text.replace("\r\n", "\n")
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return self.bom + text.encode(self.encoding)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def style_of(data: bytes) -> TextStyle:
    """The style of existing file bytes (UTF-8 without BOM and LF where nothing says else)."""
    encoding, bom = "utf-8", b""
    for mark, name in _BOMS:
        if data.startswith(mark):
            encoding, bom = name, mark
            break
    head = data[len(bom) : len(bom) + _STYLE_PROBE].decode(encoding, "replace")
    return TextStyle(encoding, bom, "\r\n" if "\r\n" in head else "\n")


def resolve_target(path: Path, *, root: Path | None = None, allow_outside: bool = False) -> Path:
    """The file a write to ``path`` changes: symbolic links followed, checked against ``root``.

    Raises :class:`OutsideRootError` when ``root`` is given, the resolved file lies outside
    it, and ``allow_outside`` is false. Without ``root`` nothing can be checked, so links are
    not followed: a write replaces the link itself and never reaches the file it points to.
    """
    if root is None:
        return Path(os.path.abspath(path))
    real = Path(os.path.realpath(path))
    if not allow_outside:
        top = Path(os.path.realpath(root))
        if real != top and not real.is_relative_to(top):
            link = real != Path(os.path.abspath(path))
            how = f" (through a symbolic link, to {real.as_posix()})" if link else ""
            raise OutsideRootError(
                f"{path}: refusing to write outside the repository root {top.as_posix()}{how}; "
                "name the exact path to write there"
            )
    return real


def _digest_now(path: Path) -> str | None:
    from lanelint.linter.io.source import digest_bytes

    try:
        return digest_bytes(path.read_bytes())
    except FileNotFoundError:
        return None


def _check_unchanged(path: Path, shown: Path, expected_digest: str) -> None:
    if _digest_now(path) != expected_digest:
        raise ChangedOnDiskError(f"{shown}: changed on disk after it was read; left unchanged")


def write_bytes_atomic(
    path: Path,
    data: bytes,
    *,
    expected_digest: str | None = None,
    overwrite: bool = True,
    root: Path | None = None,
    allow_outside: bool = False,
) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions.

    With ``expected_digest``, the file is re-read and left alone (raising
    :class:`ChangedOnDiskError`) if its bytes no longer have that digest. With
    ``overwrite=False`` an existing file is never replaced: :class:`FileExistsError` is raised,
    even when the file appears between the check and the write. With ``root``, a target
    outside it is refused (see :func:`resolve_target`).
    """
    path = Path(path)
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, f"{path}: file exists", str(path))
    target = resolve_target(path, root=root, allow_outside=allow_outside)
    folder = target.parent
    mode: int | None = None
    try:
        info = os.stat(target)
        mode = stat.S_IMODE(info.st_mode)
    except FileNotFoundError:
        pass
    if expected_digest is not None:
        _check_unchanged(target, path, expected_digest)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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
        if expected_digest is not None:
            _check_unchanged(target, path, expected_digest)  # narrow the window to the rename
        if overwrite:
            os.replace(temp, target)
        else:
            _link_new(temp, target)
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


def _link_new(temp: str, path: Path) -> None:
    """Give ``temp`` the name ``path`` only if no file has that name; then drop ``temp``."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: check, then rename
        if os.path.lexists(path):
            raise FileExistsError(f"{path}: file exists") from None
        os.replace(temp, path)
        return
    os.unlink(temp)


def _head_of_regular_file(path: Path) -> bytes | None:
    """The first bytes of an existing regular file; ``None`` otherwise (never blocks on a FIFO)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            return handle.read(_STYLE_PROBE)
    except OSError:
        return None


def write_text_atomic(
    path: Path,
    text: str,
    *,
    expected_digest: str | None = None,
    overwrite: bool = True,
    root: Path | None = None,
    allow_outside: bool = False,
    keep_style: bool = True,
) -> None:
    """Write ``text`` atomically; an existing file keeps its line endings and encoding.

    A new file is UTF-8 with the line endings ``text`` has.
    """
    style = TextStyle(newline="\r\n" if "\r\n" in text else "\n")
    if keep_style:
        head = _head_of_regular_file(Path(path))
        if head is not None:
            style = style_of(head)
    data = style.encode(text) if keep_style else text.encode("utf-8")
    write_bytes_atomic(
        path,
        data,
        expected_digest=expected_digest,
        overwrite=overwrite,
        root=root,
        allow_outside=allow_outside,
    )
