"""Turning bytes on disk into text: encodings, byte-order marks and line endings."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class DecodeError(Exception):
    """The bytes of a file are not text lanelint can read; ``line`` is 1-based where known."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class SourceText:
    """A decoded document. ``text`` always uses ``\\n``; the original style is kept for writes."""

    text: str
    digest: str
    bom: bool = False
    newline: str = "\n"


def digest_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def decode(data: bytes) -> SourceText:
    """Decode UTF-8 (with or without BOM, LF or CRLF); raise :class:`DecodeError` otherwise."""
    digest = digest_bytes(data)
    bom = data.startswith(UTF8_BOM)
    if bom:
        data = data[len(UTF8_BOM) :]
    elif data.startswith(_UTF16_BOMS):
        raise DecodeError("file is UTF-16 (byte-order mark found); lanelint reads UTF-8 only")
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise DecodeError("file holds NUL bytes: binary data, not Markdown", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DecodeError(
            f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line
        ) from None
    newline = "\r\n" if "\r\n" in text[:65536] else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(text=text, digest=digest, bom=bom, newline=newline)


def buffer_text(text: str) -> str:
    """An editor's or standard input's text as the parser takes it: ``\n`` lines, no BOM."""
    return text.replace("\r\n", "\n").removeprefix("\ufeff")


def encode(text: str, *, bom: bool, newline: str) -> bytes:
    """The inverse of :func:`decode` for text that uses ``\\n``."""
    if newline != "\n":
        text = text.replace("\n", newline)
    data = text.encode("utf-8")
    return UTF8_BOM + data if bom else data


#: Files larger than this are reported, not parsed (a spec document is a few KB; parsing
#: costs about a second per MB, so this bounds the time one file can take).
MAX_FILE_BYTES = 8 * 1024 * 1024


def read_file(path: str | os.PathLike[str]) -> bytes | str:
    """A file's bytes, read safely (never blocks on a FIFO, never follows into a device), or
    the reason it cannot be read, as a report says it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "cannot read: broken symbolic link or file vanished"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a FIFO, socket or device); skipped"
    if info.st_size > MAX_FILE_BYTES:
        return (
            f"file is {info.st_size // 2**20} MB, over the {MAX_FILE_BYTES // 2**20} MB limit; "
            "skipped"
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
