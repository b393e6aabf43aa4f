"""How many processes a run may use by default (kept apart from the workers themselves, so that
a run that needs none does not load them)."""

from __future__ import annotations

import os


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return os.cpu_count() or 1
