"""The per-document phase over many files, in worker processes when that pays.

Workers receive paths (never file contents or artifacts) and send back each result encoded with
the cache's codec: compact bytes, the same bytes the cache stores. Results come back in the order
of the entries, whatever the number of workers, so the report is the same for every ``--jobs``.
"""

from __future__ import annotations

import gc
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from lanelint.linter.engine.passes import DocumentResult, RunSettings, check_bytes
from lanelint.linter.io.discovery import FileEntry
from lanelint.linter.run import cache as codec
from lanelint.linter.run.jobs import default_jobs
from lanelint.linter.run.reading import read_bytes

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

#: Below this many files to check, starting workers costs more than they save (measured:
#: forking a worker and sending results back costs about as much as checking 150 documents).
MIN_FILES_FOR_WORKERS = 300
#: Chunks per process: the workers and this process take them in turn, so at the end one may
#: wait for the chunks handed to the other; few enough to keep messages few.
CHUNKS_PER_WORKER = 32
#: Chunks handed to a worker at a time: one to check, one ready for when it is done.
QUEUED_PER_WORKER = 2
#: The smallest chunk worth a message.
MIN_CHUNK = 8

_settings: RunSettings | None = None

__all__ = ["check_entry", "check_in_workers", "default_jobs", "workers_for"]

#: One checked file: its index in the work list, and its result, encoded where possible.
Done = tuple[int, bytes | DocumentResult]


def check_entry(entry: FileEntry, data: bytes | None, settings: RunSettings) -> DocumentResult:
    """The per-document phase for one file (read here unless ``data`` is given)."""
    if data is None:
        read = read_bytes(entry)
        if isinstance(read, DocumentResult):
            return read
        data = read
    return check_bytes(entry.display, data, settings)


def _init_worker(settings: RunSettings) -> None:
    global _settings
    _settings = settings


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the per-document phase.

    The phase makes almost no cycles (550 cyclic objects left for 2,000 documents; the rest is
    freed by reference counting), but every result it keeps makes the heap grow, and each
    quarter of growth sets off a full collection over everything kept so far: 8 of them,
    0.25 s of 3.9 s on the 2,000-document benchmark folder. The collector is on again (and
    collects as usual) once the phase is over.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _run_chunk(chunk: list[tuple[int, FileEntry]]) -> list[Done]:
    assert _settings is not None
    out: list[Done] = []
    with collector_paused():
        for index, entry in chunk:
            result = check_entry(entry, None, _settings)
            data = codec.encode(result)
            out.append((index, data if data is not None else result))
    return out


def _pool(jobs: int, settings: RunSettings) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the loaded rules with the workers at no cost; elsewhere the default.
    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(settings,)
    )


def workers_for(count: int, jobs: int) -> int:
    """How many workers ``count`` files are worth: 1 (in-process) below the threshold."""
    if jobs <= 1 or count < MIN_FILES_FOR_WORKERS:
        return 1
    return max(min(jobs, count // (MIN_FILES_FOR_WORKERS // 2)), 1)


def _chunks(todo: Sequence[tuple[int, FileEntry]], jobs: int) -> list[list[tuple[int, FileEntry]]]:
    size = max(len(todo) // (jobs * CHUNKS_PER_WORKER), MIN_CHUNK)
    return [list(todo[start : start + size]) for start in range(0, len(todo), size)]


def check_in_workers(
    todo: Sequence[tuple[int, FileEntry]],
    settings: RunSettings,
    jobs: int,
    on_chunk: Callable[[int], None] | None = None,
) -> dict[int, tuple[DocumentResult, bytes | None]]:
    """Results (and their encoded bytes, for those a worker made) by index; what a failed pool
    left out is absent.

    This process is one of the ``jobs``: it starts ``jobs - 1`` workers and takes chunks in
    turn with them, in order. Each worker has at most :data:`QUEUED_PER_WORKER` chunks handed
    to it at a time; between two chunks of its own, this process decodes what the workers sent
    and hands them more. Against ``jobs`` workers and a parent that only waits and decodes, it
    forks one worker fewer, neither encodes nor decodes the results it makes, and leaves no
    core idle while the workers start.

    ``on_chunk(count)`` hears of each chunk of ``count`` documents done (for progress).
    """
    done: dict[int, tuple[DocumentResult, bytes | None]] = {}
    chunks = _chunks(todo, jobs)

    def take(part: list[Done]) -> None:
        for index, payload in part:
            if isinstance(payload, DocumentResult):
                done[index] = (payload, None)
                continue
            result = codec.decode(payload)
            if result is not None:
                done[index] = (result, payload)
        if on_chunk is not None:
            on_chunk(len(part))

    limit = (jobs - 1) * QUEUED_PER_WORKER
    try:
        with _pool(jobs - 1, settings) as pool:
            handed: deque[Future[list[Done]]] = deque()
            position = 0
            while position < len(chunks) or handed:
                while handed and handed[0].done():
                    take(handed.popleft().result())
                while len(handed) < limit and position < len(chunks):
                    handed.append(pool.submit(_run_chunk, chunks[position]))
                    position += 1
                if position < len(chunks):
                    for index, entry in chunks[position]:
                        done[index] = (check_entry(entry, None, settings), None)
                    if on_chunk is not None:
                        on_chunk(len(chunks[position]))
                    position += 1
                elif handed:
                    take(handed.popleft().result())  # nothing left to take: wait
    except (OSError, RuntimeError):  # no processes here (a sandbox), or a worker died
        pass  # BrokenProcessPool is a RuntimeError; the caller checks what is missing
    return done
