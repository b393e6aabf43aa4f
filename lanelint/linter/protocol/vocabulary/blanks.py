"""Stand-ins for "nothing here yet": a lane with task ``TBD`` has no task."""

from __future__ import annotations

#: Blank stand-ins, case-folded with single spaces.
BLANK_WORDS: frozenset[str] = frozenset(
    {
        "", "-", "--", "---", "—", "–", "n/a", "n.a.", "na", "none", "tbd", "tbc", "todo",
        "to do", "?", "??", "…", "...", "to be defined", "to be decided", "to be confirmed",
        "to be determined", "see above", "see below", "same as above", "as above", "nil",
        "null", "empty", "unknown", "not yet", "not set", "unassigned",
    }
)  # fmt: skip
