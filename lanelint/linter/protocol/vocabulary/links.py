"""Words that join a value to a note on it: ``blocked by infra``, ``accepted on 2026-03-03``.

A known word followed by one of these is read as that word with a note, never as an unknown
value.
"""

from __future__ import annotations

LINK_WORDS: frozenset[str] = frozenset(
    {
        "by", "on", "until", "till", "since", "for", "from", "at", "after", "with", "in",
        "pending", "awaiting", "per", "via", "as", "->", "→", "=>", "day", "due", "because",
        "but", "while", "before", "to", "of", "again", "already", "now", "today", "yesterday",
        "waiting", "see", "—", "–", "-", ":", "|",
    }
)  # fmt: skip
