"""The content cache: what the per-document phase learnt about a file, kept between runs.

``.lanelint_cache/`` at the project root holds JSON shard files (never pickle: a cache file in a
repository must not be able to run code). An entry is used only when the file's bytes have the
same digest and the run has the same key: lanelint's version and source, the configuration
that can change a document's findings, the rules that run, the stamp schema, and the shape of
the cached types. Anything else (a mismatch, a corrupt shard, an entry that does not decode to
the expected types) is ignored and rewritten, never trusted. Shards are replaced atomically with
:mod:`lanelint.linter.io.writes`, so two runs sharing the folder never see a half-written file; the
later writer wins. The cross-document phase is never cached.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import json
import os
import shutil
import types
import typing
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import msgspec

from lanelint.linter.engine.passes import DocumentResult, RunSettings
from lanelint.linter.engine.registry import Rule

CACHE_DIR = ".lanelint_cache"
#: Bumped when the layout of the shard files changes.
FORMAT = 1
#: Entries are spread over this many shard files, so that a cold run writes few files.
SHARDS = 64

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


class CodecError(Exception):
    """A value or type the cache cannot represent, or JSON that does not match the type."""


# -- a generic codec: frozen dataclasses of plain values <-> JSON ---------------------------


def _struct(tp: type[msgspec.Struct]) -> tuple[Encoder, Decoder, str]:
    """A ``msgspec`` struct (a workspace summary): msgspec's own builtins form, validated."""

    def decode(value: Any) -> Any:
        try:
            return msgspec.convert(value, tp)
        except msgspec.ValidationError as exc:
            raise CodecError(f"not a {tp.__name__}: {exc}") from None

    shape = f"{tp.__qualname__}{msgspec.json.schema(tp)}"
    return (msgspec.to_builtins, decode, shape)


class _Codec:
    """Compiles an encoder, a decoder and a shape description per type, once.

    Dataclasses become JSON arrays of their ``init`` fields in order; the shape text names
    every field and type, so a change to any cached type changes the cache key.
    """

    def __init__(self) -> None:
        self._done: dict[Any, tuple[Encoder, Decoder, str]] = {}

    def codec(self, tp: Any) -> tuple[Encoder, Decoder, str]:
        found = self._done.get(tp)
        if found is None:
            found = self._compile(tp)
            self._done[tp] = found
        return found

    def _compile(self, tp: Any) -> tuple[Encoder, Decoder, str]:
        if tp in (str, int, bool, float, type(None)):
            return _primitive(tp)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return _enum(tp)
        if tp is Path:
            return (str, _checked(str, Path), "Path")
        if dataclasses.is_dataclass(tp) and isinstance(tp, type):
            return self._dataclass(tp)
        if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
            return _struct(tp)
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            return self._union(args)
        if origin is typing.Literal:
            return _literal(args)
        if origin in (list, tuple, set, frozenset, dict) or origin is Mapping:
            return self._container(origin, args)
        if origin is not None and hasattr(origin, "__mro__") and Mapping in origin.__mro__:
            return self._container(Mapping, args)
        raise CodecError(f"the cache cannot hold values of type {tp!r}")

    def _container(self, origin: Any, args: tuple[Any, ...]) -> tuple[Encoder, Decoder, str]:
        if (origin is tuple and len(args) == 2 and args[1] is Ellipsis) or origin is not tuple:
            if origin in (dict, Mapping):
                if len(args) != 2 or args[0] is not str:
                    raise CodecError("the cache holds only mappings with string keys")
                enc, dec, shape = self.codec(args[1])
                return (
                    lambda v: {k: enc(x) for k, x in v.items()},
                    lambda v: {k: dec(x) for k, x in _expect(v, dict).items()},
                    f"dict[{shape}]",
                )
            enc, dec, shape = self.codec(args[0])
            if origin in (set, frozenset):
                build: Callable[[Iterable[Any]], Any] = origin

                def encode_set(v: Any) -> Any:
                    items = [enc(x) for x in v]
                    with contextlib.suppress(TypeError):
                        items.sort()
                    return items

                return (
                    encode_set,
                    lambda v: build(dec(x) for x in _expect(v, list)),
                    f"{origin.__name__}[{shape}]",
                )
            if args[0] in _PLAIN:  # strings, numbers: one type test for the whole array
                return (
                    lambda v: [enc(x) for x in v],
                    _plain_array(args[0], tuple if origin is tuple else list),
                    f"tuple[{shape}, ...]" if origin is tuple else f"list[{shape}]",
                )
            if origin is tuple:
                return (
                    lambda v: [enc(x) for x in v],
                    lambda v: tuple([dec(x) for x in _expect(v, list)]),
                    f"tuple[{shape}, ...]",
                )
            return (
                lambda v: [enc(x) for x in v],
                lambda v: [dec(x) for x in _expect(v, list)],
                f"list[{shape}]",
            )
        parts = [self.codec(arg) for arg in args]
        encs = [p[0] for p in parts]
        decs = [p[1] for p in parts]
        decode_fixed = _fields_decoder(tuple, list(args), decs, packed=True)

        return (
            lambda v: [e(x) for e, x in zip(encs, v, strict=True)],
            decode_fixed,
            f"tuple[{', '.join(p[2] for p in parts)}]",
        )

    def _union(self, args: tuple[Any, ...]) -> tuple[Encoder, Decoder, str]:
        others = [a for a in args if a is not type(None)]
        optional = len(others) < len(args)
        if len(others) == 1:
            enc, dec, shape = self.codec(others[0])
        else:
            enc, dec, shape = self._tagged(others)
        if not optional:
            return enc, dec, shape
        return (
            lambda v: None if v is None else enc(v),
            lambda v: None if v is None else dec(v),
            f"{shape} | None",
        )

    def _tagged(self, members: list[Any]) -> tuple[Encoder, Decoder, str]:
        """A union of several types: ``[index, value]``, the index into the union's members."""
        parts = [self.codec(m) for m in members]
        checks = [typing.get_origin(m) or m for m in members]

        def encode(v: Any) -> Any:
            for index, check in enumerate(checks):
                if isinstance(v, check) and not (check is int and isinstance(v, bool)):
                    return [index, parts[index][0](v)]
            raise CodecError(f"value of type {type(v).__name__} is not in the union")

        def decode(v: Any) -> Any:
            if type(v) is not list or len(v) != 2 or type(v[0]) is not int:
                raise CodecError("expected a tagged union value")
            if not 0 <= v[0] < len(parts):
                raise CodecError("union tag out of range")
            return parts[v[0]][1](v[1])

        return encode, decode, " | ".join(p[2] for p in parts)

    def _dataclass(self, cls: type) -> tuple[Encoder, Decoder, str]:
        fields = [f for f in dataclasses.fields(cls) if f.init]
        names = [f.name for f in fields]
        encs: list[Encoder] = []
        decs: list[Decoder] = []

        def encode(v: Any) -> Any:
            if type(v) is not cls:
                raise CodecError(f"expected {cls.__name__}, got {type(v).__name__}")
            return [e(getattr(v, n)) for e, n in zip(encs, names, strict=True)]

        fast: list[Decoder] = []

        def decode(v: Any) -> Any:
            return fast[0](v)

        # Registered before the fields are compiled, so that recursive types terminate.
        self._done[cls] = (encode, decode, cls.__qualname__)
        try:
            hints = typing.get_type_hints(cls)
        except Exception as exc:  # a forward reference that cannot be resolved
            del self._done[cls]
            raise CodecError(f"cannot read the field types of {cls.__name__}: {exc}") from None
        shapes = []
        for f in fields:
            enc, dec, shape = self.codec(hints[f.name])
            encs.append(enc)
            decs.append(dec)
            shapes.append(f"{f.name}: {shape}")
        fast.append(_dataclass_decoder(cls, [hints[f.name] for f in fields], decs))
        return encode, fast[0], f"{cls.__qualname__}({', '.join(shapes)})"


_PLAIN = {str: "str", int: "int", bool: "bool"}


def _plain(tp: Any) -> tuple[str, bool] | None:
    """``(type name, optional)`` for ``str``/``int``/``bool`` and their optionals."""
    if tp in _PLAIN:
        return _PLAIN[tp], False
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2 and args[0] in _PLAIN:
            return _PLAIN[args[0]], True
    return None


def _plain_array(item: type, build: type) -> Decoder:
    """A decoder for a ``list``/``tuple`` of one plain type: the array is checked in one pass."""
    allowed = {item}

    def decode(v: Any) -> Any:
        if type(v) is not list or not allowed.issuperset(map(type, v)):
            raise CodecError(f"expected an array of {item.__name__}")
        return build(v)

    return decode


def _dataclass_decoder(cls: type, hints: list[Any], decs: list[Decoder]) -> Decoder:
    """A decoder for ``cls`` written out field by field (as :mod:`dataclasses` writes
    ``__init__``): plain fields are type-checked inline, the others decoded by ``decs``.

    The generated source holds only field positions and builtin type names, never data.
    """
    return _fields_decoder(cls, hints, decs, packed=False)


def _fields_decoder(cls: type, hints: list[Any], decs: list[Decoder], *, packed: bool) -> Decoder:
    """A decoder of a JSON array into ``cls(field, ...)``, or with ``packed`` into the tuple
    ``(field, ...)`` itself."""
    count = len(hints)
    lines = ["def decode(v):", f"    if type(v) is not list or len(v) != {count}:", "        bad()"]
    arguments = []
    if count:
        lines.append(f"    ({', '.join(f'f{i}' for i in range(count))},) = v")
    for index, hint in enumerate(hints):
        plain = _plain(hint)
        if plain is None:
            arguments.append(f"d{index}(f{index})")
            continue
        name, optional = plain
        guard = f"f{index} is not None and " if optional else ""
        lines.append(f"    if {guard}type(f{index}) is not {name}:")
        lines.append("        bad()")
        arguments.append(f"f{index}")
    if packed:
        lines.append(f"    return ({''.join(a + ', ' for a in arguments)})")
    else:
        lines.append(f"    return cls({', '.join(arguments)})")

    def bad() -> None:
        raise CodecError(f"data of the wrong shape for {cls.__name__}")

    namespace: dict[str, Any] = {"cls": cls, "bad": bad}
    namespace.update({f"d{i}": d for i, d in enumerate(decs)})
    exec("\n".join(lines), namespace)  # our own source, built above from the type hints
    decoder: Decoder = namespace["decode"]
    return decoder


def _expect(value: Any, kind: type) -> Any:
    if type(value) is not kind:
        raise CodecError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _checked(kind: type, build: Callable[[Any], Any]) -> Decoder:
    def decode(v: Any) -> Any:
        if type(v) is not kind:
            raise CodecError(f"expected {kind.__name__}, got {type(v).__name__}")
        return build(v)

    return decode


def _primitive(tp: type) -> tuple[Encoder, Decoder, str]:
    def same(v: Any) -> Any:
        return v

    if tp is float:

        def decode_float(v: Any) -> Any:
            if type(v) not in (int, float):
                raise CodecError(f"expected a number, got {type(v).__name__}")
            return float(v)

        return same, decode_float, "float"

    def decode(v: Any) -> Any:
        if type(v) is not tp:
            raise CodecError(f"expected {tp.__name__}, got {type(v).__name__}")
        return v

    return same, decode, tp.__name__


def _enum(tp: type[enum.Enum]) -> tuple[Encoder, Decoder, str]:
    def decode(v: Any) -> Any:
        try:
            return tp(v)
        except ValueError:
            raise CodecError(f"{v!r} is not a {tp.__name__}") from None

    values = ",".join(repr(m.value) for m in tp)
    return (lambda v: v.value), decode, f"{tp.__name__}[{values}]"


def _literal(values: tuple[Any, ...]) -> tuple[Encoder, Decoder, str]:
    allowed = set(values)

    def decode(v: Any) -> Any:
        if v not in allowed or type(v) not in (str, int, bool):
            raise CodecError(f"{v!r} is not one of {sorted(map(repr, allowed))}")
        return v

    return (lambda v: v), decode, f"Literal{sorted(map(repr, values))}"


_CODEC = _Codec()


def encoder(tp: Any) -> Encoder:
    """Turn a value of type ``tp`` into plain JSON data (raises :class:`CodecError`)."""
    return _CODEC.codec(tp)[0]


def decoder(tp: Any) -> Decoder:
    """Turn plain JSON data back into a value of type ``tp``, checking every type on the way.

    Raises :class:`CodecError` (or, for a value a dataclass refuses, ``TypeError`` or
    ``ValueError``) on data of the wrong shape.
    """
    return _CODEC.codec(tp)[1]


def shape(tp: Any) -> str:
    """A text naming every field and type reachable from ``tp``."""
    return _CODEC.codec(tp)[2]


# -- the key -------------------------------------------------------------------------------


def _source_stamp() -> str:
    """Size and modification time of every module of lanelint: a changed rule is a new key."""
    package = Path(__file__).resolve().parents[2]
    parts: list[str] = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".md", ".j2")):
                info = os.stat(os.path.join(folder, name))
                parts.append(
                    f"{folder[len(str(package)) :]}/{name}:{info.st_size}:{info.st_mtime_ns}"
                )
    return "\n".join(parts)


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
    import lanelint

    config = settings.config
    rest = {
        f.name: repr(getattr(config, f.name))
        for f in dataclasses.fields(config)
        if f.name not in ("root", "source")
    }
    parts = [
        f"format {FORMAT}",
        f"lanelint {lanelint.__version__}",
        _source_stamp(),
        shape(DocumentResult),
        config.fingerprint(),
        json.dumps(rest, sort_keys=True),
        ",".join(_rule_stamp(rule) for rule in settings.rules),
        repr(settings.stamp_schema),
    ]
    return hashlib.blake2b("\n\n".join(parts).encode("utf-8"), digest_size=16).hexdigest()


def entry_for(result: DocumentResult) -> Any | None:
    """The JSON data of a cache entry for ``result``; ``None`` where it cannot be cached."""
    if result.digest is None:
        return None
    try:
        return [result.digest, encoder(DocumentResult)(result)]
    except (CodecError, TypeError, AttributeError):
        return None


# -- the store -----------------------------------------------------------------------------


def cache_dir(root: Path) -> Path:
    return root / CACHE_DIR


def shard_of(path: str) -> int:
    return zlib.crc32(path.encode("utf-8")) % SHARDS


class Cache:
    """The entries of one run: read lazily shard by shard, written back once with :meth:`flush`.

    Every failure to read or write is silent: the cache only ever saves work.
    """

    def __init__(self, root: Path, key: str) -> None:
        self.folder = cache_dir(root)
        self.root = root
        self.key = key
        self._shards: dict[int, dict[str, Any]] = {}
        self._dirty: dict[int, dict[str, Any]] = {}
        self._decode = decoder(DocumentResult)
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_run(cls, settings: RunSettings) -> Cache | None:
        """The cache for a run, or ``None`` where the cached types cannot be represented."""
        try:
            return cls(settings.config.root, cache_key(settings))
        except CodecError:
            return None

    def _file(self, shard: int) -> Path:
        return self.folder / f"shard-{shard:02d}.json"

    def _read(self, shard: int) -> dict[str, Any]:
        """The entries of a shard on disk; empty when absent, corrupt or of another key."""
        try:
            with open(self._file(shard), "rb") as handle:
                data = json.loads(handle.read())
        except (OSError, ValueError):
            return {}
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or data.get("key") != self.key
            or not isinstance(data.get("entries"), dict)
        ):
            return {}
        entries: dict[str, Any] = data["entries"]
        return entries

    def get(self, path: str, digest: str) -> DocumentResult | None:
        """The cached result for ``path`` with bytes of ``digest``, or ``None``."""
        shard = shard_of(path)
        entries = self._shards.get(shard)
        if entries is None:
            entries = self._shards[shard] = self._read(shard)
        entry = entries.get(path)
        if type(entry) is list and len(entry) == 2 and entry[0] == digest:
            try:
                result: DocumentResult = self._decode(entry[1])
            except (CodecError, TypeError, ValueError, AttributeError):
                result = None  # type: ignore[assignment]
            if result is not None and result.path == path and result.digest == digest:
                self.hits += 1
                return result
        self.misses += 1
        return None

    def encode(self, result: DocumentResult) -> Any | None:
        """The JSON data of an entry for ``result``; ``None`` where it cannot be cached."""
        return entry_for(result)

    def put(self, path: str, entry: Any | None) -> None:
        """Record an entry made by :meth:`encode` (here or in a worker process)."""
        if entry is not None:
            self._dirty.setdefault(shard_of(path), {})[path] = entry

    def flush(self) -> None:
        """Write every changed shard atomically, keeping entries another run wrote meanwhile."""
        if not self._dirty:
            return
        from lanelint.linter.io.writes import write_bytes_atomic, write_text_atomic

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.is_file():
                write_text_atomic(
                    ignore, "# Created by lanelint: a cache, never committed.\n*\n", root=self.root
                )
            for shard, changed in sorted(self._dirty.items()):
                entries = self._read(shard)
                entries.update(changed)
                data = {"format": FORMAT, "key": self.key, "entries": entries}
                text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
                write_bytes_atomic(self._file(shard), text.encode("utf-8"), root=self.root)
        except OSError:
            pass  # a read-only checkout, a full disk: the run goes on without a cache
        self._dirty.clear()


def clear(root: Path) -> Path | None:
    """Remove the cache folder below ``root``; the folder removed, or ``None`` if absent."""
    folder = cache_dir(root)
    if not folder.is_dir() or folder.is_symlink():
        return None
    shutil.rmtree(folder)
    return folder
