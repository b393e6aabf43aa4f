"""The run record: the findings of the last whole run, kept so that a run with nothing changed
reads its files, compares digests and prints, without checking anything again.

``.lanelint_cache/run.msgpack`` holds one record (MessagePack through msgspec, like the content
cache: never pickle, every field's type checked on the way in). Its key covers everything a
run's findings depend on:

- lanelint's version and source, the configuration, the team's templates and the stamp
  template (see :mod:`lanelint.linter.run.keys`);
- every document of the run, by display path and digest of its bytes;
- the date waivers are compared with (today's, unless ``--now`` gives one);
- where git checks are on, the state of the repository's branches (see
  :func:`~lanelint.linter.workspace.git.refs_state`).

The one thing read beyond the documents, the files below the project root (for claims that a
file exists), is kept with the record as the modification time of every folder the run
listed; the record is used only while all of them are unchanged.

A record is written only for a complete run (no internal error, every file readable). Any
failure to read it, and any entry that does not decode to the expected types, is a miss.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import msgspec

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic
from lanelint.linter.protocol.document_class import DocumentClass
from lanelint.linter.run import keys
from lanelint.linter.workspace.repository import folders_unchanged

FILE_NAME = "run.msgpack"
#: Bumped when the layout of the file changes.
FORMAT = 1


class RecordedDocument(msgspec.Struct, array_like=True):
    """What a report says of one document besides its findings."""

    path: str
    line_count: int
    taken: DocumentClass | None


class RunRecord(msgspec.Struct, array_like=True):
    format: int
    key: str
    #: Folders below the project root -> modification time; ``None``: the tree was not read.
    folders: dict[str, int] | None
    diagnostics: list[Diagnostic]
    documents: list[RecordedDocument]


class KeptText(msgspec.Struct, array_like=True):
    """Another output of the same run (the board), kept under the same key."""

    format: int
    key: str
    folders: dict[str, int] | None
    text: str


class Located(msgspec.Struct, array_like=True):
    """The cross-document findings of a recorded run, before suppressions, by document: what
    a run needs to answer for one edited document without checking the others again."""

    format: int
    key: str
    by_path: dict[str, list[Diagnostic]]


WORKSPACE_FILE = "workspace.msgpack"
_Kept = TypeVar("_Kept", RunRecord, Located, KeptText)
_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(RunRecord)
_LOCATED = msgspec.msgpack.Decoder(Located)
_TEXT = msgspec.msgpack.Decoder(KeptText)


def record_key(config: Config, digests: Mapping[str, str], located: Mapping[str, str]) -> str:
    """The key of a run over the documents ``located`` (display path -> absolute path) whose
    bytes have ``digests`` (display path -> digest)."""
    parts = [
        f"record {FORMAT}",
        keys.program_stamp(),
        keys.config_stamp(config),
        keys.surroundings_stamp(config),
    ]
    # waivers compare their `until=` dates with the run's date: `--now` (in the key with the
    # configuration) where given, else today's
    parts.append(config.now or datetime.now(UTC).date().isoformat())
    if config.git:
        from lanelint.linter.workspace.git import refs_state

        parts.append(refs_state(config.root))
    # each document, its bytes, and where it is (the same display path may name another file
    # from another folder)
    parts.extend(f"{path}\0{digests[path]}\0{located[path]}" for path in sorted(located))
    return hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=16).hexdigest()


def _read(root: Path, name: str, decoder: msgspec.msgpack.Decoder[_Kept], key: str) -> _Kept | None:
    """What the file ``name`` of the cache keeps for ``key``: ``None`` where it is absent,
    corrupt, of another format or key, or saw files that changed since."""
    try:
        with open(keys.cache_dir(root) / name, "rb") as handle:
            kept = decoder.decode(handle.read())
    except (OSError, msgspec.DecodeError, TypeError, ValueError):
        return None
    if kept.format != FORMAT or kept.key != key:
        return None
    folders = getattr(kept, "folders", None)
    if folders is not None and not folders_unchanged(root, folders):
        return None
    return kept


def load(root: Path, key: str) -> RunRecord | None:
    """The record kept below ``root`` for ``key``, while the files it saw are unchanged."""
    return _read(root, FILE_NAME, _DECODER, key)


def load_workspace(root: Path, key: str) -> dict[str, list[Diagnostic]] | None:
    """The cross-document findings kept with the record of ``key``, by document."""
    kept = _read(root, WORKSPACE_FILE, _LOCATED, key)
    return kept.by_path if kept is not None else None


def save_workspace(root: Path, key: str, workspace: Sequence[Diagnostic]) -> None:
    """Keep a recorded run's cross-document findings, by document; silent on failure."""
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in workspace:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    try:
        data = _ENCODER.encode(Located(FORMAT, key, by_path))
    except (TypeError, ValueError):
        return
    keys.write_cache_file(root, WORKSPACE_FILE, data)


def load_text(root: Path, name: str, key: str) -> str | None:
    """The text kept as ``name`` for a run with ``key``, while the files it saw are unchanged."""
    kept = _read(root, f"{name}.msgpack", _TEXT, key)
    return kept.text if kept is not None else None


def save_text(
    root: Path, name: str, key: str, folders: Mapping[str, int] | None, text: str
) -> None:
    """Keep ``text`` as ``name`` for the next run with ``key``; silent on failure."""
    kept = KeptText(FORMAT, key, dict(folders) if folders is not None else None, text)
    keys.write_cache_file(root, f"{name}.msgpack", _ENCODER.encode(kept))


def save(
    root: Path,
    key: str,
    folders: Mapping[str, int] | None,
    diagnostics: Sequence[Diagnostic],
    documents: Sequence[RecordedDocument],
) -> None:
    """Keep the findings of a whole run; silent on failure (a cache only saves work)."""
    record = RunRecord(
        FORMAT,
        key,
        dict(folders) if folders is not None else None,
        list(diagnostics),
        list(documents),
    )
    try:
        data = _ENCODER.encode(record)
    except (TypeError, ValueError):
        return
    keys.write_cache_file(root, FILE_NAME, data)
