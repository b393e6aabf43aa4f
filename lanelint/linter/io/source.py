"""Turning bytes on disk into text: encodings, byte-order marks and line endings."""

from __future__ import annotations

import hashlib
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
