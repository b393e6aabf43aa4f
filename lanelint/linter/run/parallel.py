"""The per-document phase over many files: the cache first, then worker processes.

Results come back in the order of the entries, whatever the number of workers, so the
cross-document phase and the sorted report are the same for every ``--jobs``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from lanelint.linter.engine.passes import DocumentResult, RunSettings, check_bytes
from lanelint.linter.io.discovery import FileEntry

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

#: Below this many files to check, worker processes cost more than they save.
MIN_FILES_FOR_WORKERS = 50
#: Chunks per worker: enough to balance uneven files, few enough to keep messages small.
CHUNKS_PER_WORKER = 4

_settings: RunSettings | None = None
_encode_for_cache = False


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _check(entry: FileEntry, data: bytes | None, settings: RunSettings) -> DocumentResult:
    from lanelint.linter.run.api import read_entry

    if data is None:
        return read_entry(entry, settings)
    return check_bytes(entry.display, data, settings)


def _encode(result: DocumentResult) -> Any | None:
    from lanelint.linter.run.cache import entry_for

    return entry_for(result)


def _init_worker(settings: RunSettings, encode: bool) -> None:
    global _settings, _encode_for_cache
    _settings = settings
    _encode_for_cache = encode


def _run_chunk(
    chunk: list[tuple[int, FileEntry, bytes | None]],
) -> list[tuple[int, DocumentResult, Any | None]]:
    assert _settings is not None
    out = []
    for index, entry, data in chunk:
        result = _check(entry, data, _settings)
        out.append((index, result, _encode(result) if _encode_for_cache else None))
    return out


def _pool(jobs: int, settings: RunSettings, encode: bool) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the loaded rules with the workers at no cost; elsewhere the default.
    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(settings, encode)
    )


def check_entries(
    entries: Sequence[FileEntry],
    settings: RunSettings,
    *,
    jobs: int = 1,
    use_cache: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[DocumentResult]:
    """Run the per-document phase for every entry; results in the order of ``entries``.

    ``progress(done, total)`` is called as documents are read or checked.
    """

    checked = 0

    def advance(count: int) -> None:
        nonlocal checked
        checked += count
        if progress is not None:
            progress(checked, len(entries))

    from lanelint.linter.io.source import digest_bytes

    cache = None
    if use_cache:
        from lanelint.linter.run.cache import Cache

        cache = Cache.for_run(settings)
    results: list[DocumentResult | None] = [None] * len(entries)
    todo: list[tuple[int, FileEntry, bytes | None]] = []
    if cache is None:
        todo = [(index, entry, None) for index, entry in enumerate(entries)]
    else:
        from lanelint.linter.run.api import read_bytes

        for index, entry in enumerate(entries):
            read = read_bytes(entry)
            if isinstance(read, DocumentResult):  # unreadable: reported, never cached
                results[index] = read
                continue
            hit = cache.get(entry.display, digest_bytes(read))
            if hit is not None:
                results[index] = hit
            else:
                todo.append((index, entry, read))
    advance(len(entries) - len(todo))
    jobs = min(jobs, len(todo) // (MIN_FILES_FOR_WORKERS // 2) or 1)
    if jobs > 1 and len(todo) >= MIN_FILES_FOR_WORKERS:
        size = max(len(todo) // (jobs * CHUNKS_PER_WORKER), 1)
        chunks = [todo[start : start + size] for start in range(0, len(todo), size)]
        try:
            with _pool(jobs, settings, cache is not None) as pool:
                for done in pool.map(_run_chunk, chunks):
                    for index, result, entry_data in done:
                        results[index] = result
                        if cache is not None:
                            cache.put(result.path, entry_data)
                    advance(len(done))
        except (OSError, RuntimeError):  # no processes here (a sandbox), or a worker died
            pass  # BrokenProcessPool is a RuntimeError; what is missing runs below
        todo = [item for item in todo if results[item[0]] is None]
    for index, entry, data in todo:
        result = _check(entry, data, settings)
        results[index] = result
        if cache is not None:
            cache.put(entry.display, cache.encode(result))
        advance(1)
    if cache is not None:
        cache.flush()
    return [r for r in results if r is not None]
