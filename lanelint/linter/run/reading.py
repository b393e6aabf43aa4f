"""Reading one file safely, and the per-document phase on what was read."""

from __future__ import annotations

import os
import stat

from lanelint.linter.engine import meta_rules
from lanelint.linter.engine.diagnostics import Diagnostic, Location, Severity
from lanelint.linter.engine.passes import DocumentResult, RunSettings, check_bytes
from lanelint.linter.io.discovery import FileEntry

#: Files larger than this are reported, not parsed (a spec document is a few KB; parsing
#: costs about a second per MB, so this bounds the time one file can take).
MAX_FILE_BYTES = 8 * 1024 * 1024


def read_entry(entry: FileEntry, settings: RunSettings) -> DocumentResult:
    """Read one file safely and run the per-document phase on it."""
    data = read_bytes(entry)
    if isinstance(data, DocumentResult):
        return data
    return check_bytes(entry.display, data, settings)


def read_bytes(entry: FileEntry) -> bytes | DocumentResult:
    """A file's bytes, read safely (never blocks on a FIFO, never follows into a device);
    a result holding the reason where it cannot be read."""

    def unreadable(message: str) -> DocumentResult:
        result = DocumentResult(entry.display)
        result.diagnostics.append(
            Diagnostic(
                meta_rules.UNREADABLE_FILE.code,
                Severity.ERROR,
                message,
                Location(entry.display, 1),
            )
        )
        return result

    try:
        info = os.stat(entry.path)
    except FileNotFoundError:
        return unreadable("cannot read: broken symbolic link or file vanished")
    except OSError as exc:
        return unreadable(f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        return unreadable("not a regular file (a FIFO, socket or device); skipped")
    if info.st_size > MAX_FILE_BYTES:
        return unreadable(
            f"file is {info.st_size // 2**20} MB, over the {MAX_FILE_BYTES // 2**20} MB limit; "
            "skipped"
        )
    try:
        fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return unreadable(f"cannot read: {exc.strerror or exc}")
    return data
