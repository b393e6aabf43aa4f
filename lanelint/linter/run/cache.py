"""The content cache: what the per-document phase learnt about a file, kept between runs.

``.lanelint_cache/`` at the project root holds MessagePack shard files written with msgspec
(never pickle: a cache file in a repository must not be able to run code; msgspec builds only
the typed structures it is asked for and checks every field's type on the way). An entry is used
only when the file's bytes have the same digest and the run has the same key: lanelint's version
and source, the configuration that can change a document's findings, the rules that run, the
stamp schema, and the shape of the cached types. Anything else (a mismatch, a corrupt shard, an
entry that does not decode to the expected types) is ignored and rewritten, never trusted. Shards
are replaced atomically with :mod:`lanelint.linter.io.writes`, so two runs sharing the folder
never see a half-written file; the later writer wins.

Entries are kept encoded (``bytes``) inside a shard, and decoded only when used: a worker
process encodes its results once, and the same bytes travel to the parent and into the shard.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zlib
from functools import cache
from pathlib import Path

import msgspec

from lanelint.linter.engine.passes import DocumentResult, RunSettings
from lanelint.linter.engine.registry import Rule
from lanelint.linter.io.cache_folder import write_in_cache_folder
from lanelint.linter.protocol.artifacts.placeholders import team_template_names
from lanelint.linter.run import keys

#: Bumped when the layout of the shard files changes.
FORMAT = 2
#: Entries are spread over this many shard files, so that a cold run writes few files.
SHARDS = 64
SUFFIX = ".msgpack"


class Shard(msgspec.Struct, array_like=True):
    """One shard file: its format, the run key, and path -> (digest, encoded result)."""

    format: int
    key: str
    entries: dict[str, tuple[str, bytes]]


_ENCODER = msgspec.msgpack.Encoder()
_RESULT = msgspec.msgpack.Decoder(DocumentResult)
_SHARD = msgspec.msgpack.Decoder(Shard)


def encode(result: DocumentResult) -> bytes | None:
    """The encoded form of ``result``; ``None`` where it cannot be encoded."""
    try:
        return _ENCODER.encode(result)
    except (TypeError, ValueError, OverflowError):
        return None


def decode(data: bytes) -> DocumentResult | None:
    """A result from :func:`encode`'s bytes; ``None`` on data of the wrong shape."""
    try:
        return _RESULT.decode(data)
    except (msgspec.DecodeError, TypeError, ValueError):
        return None


@cache
def shape() -> str:
    """A text naming every field and type reachable from :class:`DocumentResult`."""
    return json.dumps(msgspec.json.schema(DocumentResult), sort_keys=True)


# -- the key -------------------------------------------------------------------------------


def _rule_stamp(rule: Rule) -> str:
    """A rule's code and the bytecode of its check: a replaced check is a new key."""
    check = rule.check
    code = getattr(check, "__code__", None)
    if code is None:
        return f"{rule.code}:{rule.severity}:{check!r}"
    body = code.co_code + "\0".join(code.co_names).encode("utf-8")
    digest = hashlib.blake2b(body, digest_size=8).hexdigest()
    name = f"{getattr(check, '__module__', '')}.{getattr(check, '__qualname__', '')}"
    return f"{rule.code}:{rule.severity}:{name}:{digest}"


def cache_key(settings: RunSettings) -> str:
    """Everything besides a file's bytes and path that a cached result depends on."""
    config = settings.config
    parts = [
        f"format {FORMAT}",
        keys.program_stamp(),
        shape(),
        keys.config_stamp(config),
        ",".join(_rule_stamp(rule) for rule in settings.rules),
        repr(settings.stamp_schema),
        # PDP001 compares placeholders with those of the team's templates: an edited template
        # changes what a cached result of any document would say.
        repr(sorted(team_template_names(config.root / config.templates_dir))),
    ]
    return hashlib.blake2b("\n\n".join(parts).encode("utf-8"), digest_size=16).hexdigest()


# -- the store -----------------------------------------------------------------------------


def cache_dir(root: Path) -> Path:
    """Where the caches of the project at ``root`` live (see :func:`keys.cache_dir`)."""
    return keys.cache_dir(root)


def shard_of(path: str) -> int:
    return zlib.crc32(path.encode("utf-8")) % SHARDS


class Cache:
    """The entries of one run: read lazily shard by shard, written back once with :meth:`flush`.

    Every failure to read or write is silent: the cache only ever saves work.
    """

    def __init__(self, root: Path, key: str) -> None:
        self.folder = cache_dir(root)
        self.key = key
        self._shards: dict[int, dict[str, tuple[str, bytes]]] = {}
        self._dirty: dict[int, dict[str, tuple[str, bytes]]] = {}
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_run(cls, settings: RunSettings) -> Cache:
        return cls(settings.config.root, cache_key(settings))

    def _file(self, shard: int) -> Path:
        return self.folder / f"shard-{shard:02d}{SUFFIX}"

    def _read(self, shard: int) -> dict[str, tuple[str, bytes]]:
        """The entries of a shard on disk; empty when absent, corrupt or of another key."""
        try:
            with open(self._file(shard), "rb") as handle:
                data = _SHARD.decode(handle.read())
        except (OSError, msgspec.DecodeError, TypeError, ValueError):
            return {}
        if data.format != FORMAT or data.key != self.key:
            return {}
        return data.entries

    def get(self, path: str, digest: str) -> DocumentResult | None:
        """The cached result for ``path`` with bytes of ``digest``, or ``None``."""
        shard = shard_of(path)
        entries = self._shards.get(shard)
        if entries is None:
            entries = self._shards[shard] = self._read(shard)
        entry = entries.get(path)
        if entry is not None and entry[0] == digest:
            result = decode(entry[1])
            if result is not None and result.path == path and result.digest == digest:
                self.hits += 1
                return result
        self.misses += 1
        return None

    def put(self, result: DocumentResult, data: bytes | None = None) -> None:
        """Record ``result`` (with its encoded bytes where a worker made them already)."""
        if result.digest is None:
            return  # unreadable or undecodable: reported again next time, never cached
        if data is None:
            data = encode(result)
        if data is not None:
            self._dirty.setdefault(shard_of(result.path), {})[result.path] = (result.digest, data)

    def flush(self) -> None:
        """Write every changed shard atomically, keeping entries another run wrote meanwhile."""
        if not self._dirty:
            return
        for shard, changed in sorted(self._dirty.items()):
            entries = self._read(shard)
            entries.update(changed)
            data = _ENCODER.encode(Shard(FORMAT, self.key, entries))
            if not write_in_cache_folder(self.folder, self._file(shard).name, data):
                break  # a read-only checkout, a full disk: the run goes on without a cache
        self._dirty.clear()


def clear(root: Path) -> Path | None:
    """Remove the cache folder below ``root``; the folder removed, or ``None`` if absent."""
    folder = cache_dir(root)
    if not folder.is_dir() or folder.is_symlink():
        return None
    shutil.rmtree(folder)
    return folder
