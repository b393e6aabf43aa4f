"""Progress of a long run on a terminal: ``lanelint: checked 120/800 files`` on one line.

Nothing is shown for a run that ends within :data:`DELAY` seconds, nor when standard error is
not a terminal; the caller decides that machine formats never ask for it. The line is redrawn
at most every :data:`INTERVAL` seconds and erased when the run ends, so the report that
follows starts on a clean line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

#: Seconds a run may take before progress is shown.
DELAY = 1.0
#: Least seconds between two redraws.
INTERVAL = 0.1


class Progress:
    """A ``progress(done, total)`` callback that draws on ``stream`` once a run is slow."""

    def __init__(
        self,
        stream: TextIO,
        *,
        delay: float = DELAY,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._delay = delay
        self._interval = interval
        self._clock = clock
        self._start = clock()
        self._drawn_at: float | None = None
        self._width = 0

    def __call__(self, done: int, total: int) -> None:
        now = self._clock()
        done = min(done, total)
        if now - self._start < self._delay:
            return
        if self._drawn_at is not None and now - self._drawn_at < self._interval and done < total:
            return
        noun = "file" if total == 1 else "files"
        text = f"lanelint: checked {done}/{total} {noun}"
        if done >= total:
            text += ", checking across documents"
        self._draw(text)
        self._drawn_at = now

    def _draw(self, text: str) -> None:
        padding = " " * max(self._width - len(text), 0)
        self._stream.write(f"\r{text}{padding}")
        self._stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Erase the line, if anything was drawn."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


def for_terminal(stream: TextIO, wanted: bool) -> Progress | None:
    """A :class:`Progress` on ``stream`` when ``wanted`` and ``stream`` is a terminal."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    return Progress(stream) if wanted and terminal else None
