"""Reading one file safely, and the per-document phase on what was read."""

from __future__ import annotations

from lanelint.linter.engine import meta_rules
from lanelint.linter.engine.diagnostics import Diagnostic, Location, Severity
from lanelint.linter.engine.passes import DocumentResult, RunSettings, check_bytes
from lanelint.linter.io.discovery import FileEntry
from lanelint.linter.io.source import MAX_FILE_BYTES, read_file

__all__ = ["MAX_FILE_BYTES", "read_bytes", "read_entry"]


def read_entry(entry: FileEntry, settings: RunSettings) -> DocumentResult:
    """Read one file safely and run the per-document phase on it."""
    data = read_bytes(entry)
    if isinstance(data, DocumentResult):
        return data
    return check_bytes(entry.display, data, settings)


def read_bytes(entry: FileEntry) -> bytes | DocumentResult:
    """A file's bytes, read safely (never blocks on a FIFO, never follows into a device);
    a result holding the reason where it cannot be read."""
    data = read_file(entry.path)
    if isinstance(data, bytes):
        return data
    result = DocumentResult(entry.display)
    result.diagnostics.append(
        Diagnostic(
            meta_rules.UNREADABLE_FILE.code, Severity.ERROR, data, Location(entry.display, 1)
        )
    )
    return result
