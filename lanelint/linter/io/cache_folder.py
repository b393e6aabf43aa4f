"""The folder at a project's root where lanelint keeps its caches, and writing a file into it.

Every cache (the content cache's shards, the run record, the file stamps, the git cache) is a
file of this folder, written atomically; the folder carries a ``.gitignore`` of its own, so
that it is never committed.
"""

from __future__ import annotations

from pathlib import Path

#: The folder at the project root that holds every cache of lanelint.
CACHE_DIR = ".lanelint_cache"
_IGNORE_EVERYTHING = "# Created by lanelint: a cache, never committed.\n*\n"


def write_in_cache_folder(folder: Path, name: str, data: bytes) -> bool:
    """Write ``data`` as the file ``name`` of the cache ``folder`` (made, with its
    ``.gitignore``, where absent), atomically and never outside the folder's parent.

    ``False`` where it cannot be written (a read-only checkout, a full disk): a cache only
    saves work, so the caller goes on without it.
    """
    from lanelint.linter.io.writes import write_bytes_atomic, write_text_atomic

    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.is_file():
            write_text_atomic(ignore, _IGNORE_EVERYTHING, root=folder.parent)
        write_bytes_atomic(folder / name, data, root=folder.parent)
    except OSError:
        return False
    return True
