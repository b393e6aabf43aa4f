"""Words of protocol section 9's records over time: daily sync titles.

(Heartbeat statuses are lane statuses: see ``statuses``.)
"""

from __future__ import annotations

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
