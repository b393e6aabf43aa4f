"""The digests of a run's files, without reading again the files that did not change.

``.lanelint_cache/stamps.msgpack`` keeps, for each file whose bytes a run read, its size, inode,
modification and change times, and the digest of its bytes. A later run takes the kept digest of
a file whose size, inode and times are all the same, as git's index does, and reads every other
file. A file modified within two seconds before the bytes were read is read again next time:
its times could not tell a second change in the same clock tick from none. Reading 2,000 files
and hashing them costs about 55 ms; looking at their sizes and times about 10 ms.

Like every cache of lanelint: msgspec MessagePack, never pickle; a corrupt or foreign file is a
miss; a failure to write is silent.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Mapping
from pathlib import Path

import msgspec

from lanelint.linter.io.source import MAX_FILE_BYTES, digest_bytes, read_file
from lanelint.linter.run import keys

FILE_NAME = "stamps.msgpack"
#: Bumped when the layout of the file changes.
FORMAT = 1
#: Files modified this close before their bytes were read are read again next time.
RACY_NS = 2_000_000_000

#: (size, inode, modification time, change time, digest of the bytes)
Stamp = tuple[int, int, int, int, str]


class Stamps(msgspec.Struct, array_like=True):
    format: int
    #: absolute path -> its stamp
    files: dict[str, Stamp]


_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(Stamps)


def _load(root: Path) -> dict[str, Stamp]:
    try:
        with open(keys.cache_dir(root) / FILE_NAME, "rb") as handle:
            kept = _DECODER.decode(handle.read())
    except (OSError, msgspec.DecodeError, TypeError, ValueError):
        return {}
    return kept.files if kept.format == FORMAT else {}


def file_digests(root: Path, paths: Mapping[str, str]) -> dict[str, str] | None:
    """The digest of each file of ``paths`` (key -> absolute path) by key, or ``None`` where
    one cannot be read (an unreadable file is reported afresh by every run)."""
    kept = _load(root)
    fresh: dict[str, Stamp] = {}
    found: dict[str, str] = {}
    changed = False
    started = time.time_ns()
    for name, path in paths.items():
        try:
            info = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        seen = (info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
        stamp = kept.get(path)
        if stamp is not None and stamp[:4] == seen:
            found[name] = stamp[4]
            fresh[path] = stamp
            continue
        data = read_file(path)
        if not isinstance(data, bytes):
            return None
        digest = digest_bytes(data)
        found[name] = digest
        changed = True
        if max(info.st_mtime_ns, info.st_ctime_ns) < started - RACY_NS:
            fresh[path] = (*seen, digest)
    if changed or len(fresh) != len(kept):
        _save(root, fresh)
    return found


def _save(root: Path, files: dict[str, Stamp]) -> None:
    try:
        data = _ENCODER.encode(Stamps(FORMAT, files))
    except (TypeError, ValueError):
        return
    keys.write_cache_file(root, FILE_NAME, data)
