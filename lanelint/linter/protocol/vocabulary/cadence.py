"""Words of protocol section 9's records over time: heartbeat states and daily sync titles.

(Once the lane-status vocabulary holds these states, ``IDLE_STATUS_PREFIXES`` and
``DONE_STATUS_PREFIXES`` are its blocked/pending and done words.)
"""

from __future__ import annotations

#: A heartbeat whose status starts with one of these records no work (the lane waits).
IDLE_STATUS_PREFIXES: tuple[str, ...] = (
    "waiting",
    "queued",
    "blocked",
    "planned",
    "not started",
    "pending",
    "on hold",
    "idle",
)
#: A heartbeat whose status starts with one of these records the lane's end.
DONE_STATUS_PREFIXES: tuple[str, ...] = (
    "done",
    "complete",
    "completed",
    "merged",
    "closed",
    "accepted",
)
#: Titles of a daily synchronization record (regular-expression alternatives, linear).
SYNC_TITLES: tuple[str, ...] = (
    r"daily[ \t-]{0,3}sync\w*",
    r"sync(?:hroni[sz]ation)?[ \t-]{0,3}checkpoint",
    r"daily[ \t-]{0,3}checkpoint",
    r"stand[ \t-]?up",
    r"daily[ \t-]{0,3}scrum",
)
#: A sync record that names every lane owner at once.
EVERYONE: tuple[str, ...] = (r"all (?:lane )?owners", r"all lanes", r"everyone")
