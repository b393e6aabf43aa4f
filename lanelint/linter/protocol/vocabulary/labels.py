"""Labels: the words teams put before a value or a list, and the headings of briefs.

A label is written as a metadata line (``**Acceptance:** ...``, ``- Files in scope: ...``), as
a label line followed by a list (``Acceptance:`` then bullets), or as a heading (``###
Definition of done``). :func:`label_key` reduces any of these to a comparable key; the
``is_*`` functions say which protocol fact a label introduces.
"""

from __future__ import annotations

import re

#: Labels of a lane's acceptance checks (protocol section 4).
ACCEPTANCE_LABELS = frozenset(
    {
        "acceptance",
        "acceptance checks",
        "acceptance check",
        "acceptance criteria",
        "acceptance criterion",
        "acceptance tests",
        "acceptance test",
        "definition of done",
        "dod",
        "done when",
        "done criteria",
        "exit criteria",
        "checks",
    }
)
#: Labels of the files a lane claims (protocol sections 4 and 5).
FILE_SCOPE_LABELS = frozenset(
    {
        "files",
        "file",
        "files in scope",
        "file scope",
        "files scope",
        "scope files",
        "target files",
        "target file",
        "locked files",
        "owned files",
        "files owned",
        "files to change",
        "files to touch",
        "files touched",
        "touches",
        "paths",
        "path scope",
    }
)
#: Labels of a heartbeat's or a lane's blockers (protocol section 9).
BLOCKER_LABELS = frozenset({"blockers", "blocker", "blocked by", "blocking", "impediments"})
#: Labels of a brief's owning role.
OWNER_LABELS = frozenset(
    {"owner", "owners", "role", "roles", "owner role", "owner roles", "role owner", "lane owner"}
)
#: Labels of a brief's lane id.
LANE_LABELS = frozenset({"lane", "lane id"})
#: Labels of a task id.
TASK_LABELS = frozenset({"task", "task id", "task ids", "tasks", "ticket"})

#: A heading or key that records file locks: ``## File locks``, ``Lock owner``.
LOCK_WORD = "lock"
#: Header names of a lock table's columns (``| File | Lock owner |``).
LOCK_TABLE_COLUMNS: dict[str, frozenset[str]] = {
    "file": frozenset({"file", "files", "path", "paths", "locked file", "locked files"}),
    "owner": frozenset(
        {"lock owner", "owner", "file lock owner", "locked by", "held by", "lane", "owner lane"}
    ),
    "status": frozenset({"status", "state", "lock status"}),
}

#: Words a brief heading may start with before its task id or lane: ``## Brief for T-102``.
BRIEF_LEADS = ("dispatch brief for", "dispatch brief", "brief for", "brief", "task", "lane brief")

_DECORATION = re.compile(r"[*_`]+")
_NUMBERING = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|[-+•])[ \t]+", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]{0,200}\)")


def label_key(text: str) -> str:
    """``**Acceptance checks:**`` / ``3) Definition of done`` / ``Files in scope (B)`` -> key.

    Emphasis, backticks, a leading number, anything in parentheses and a trailing colon go;
    the rest is case-folded with single spaces.
    """
    text = _DECORATION.sub("", text).strip()
    text = _NUMBERING.sub("", text)
    text = _PARENS.sub(" ", text)
    return " ".join(text.strip().rstrip(":").split()).casefold()


def is_acceptance_label(text: str) -> bool:
    key = label_key(text)
    return key in ACCEPTANCE_LABELS or key.startswith("acceptance")


def is_file_scope_label(text: str) -> bool:
    return label_key(text) in FILE_SCOPE_LABELS


def is_blocker_label(text: str) -> bool:
    return label_key(text) in BLOCKER_LABELS


def is_owner_label(text: str) -> bool:
    return label_key(text) in OWNER_LABELS


def is_lane_label(text: str) -> bool:
    return label_key(text) in LANE_LABELS


def is_lock_owner_label(text: str) -> bool:
    """``Lock owner``, ``File lock owner``, ``Lock owners``, ``Locks``, ``File lock``."""
    key = label_key(text)
    return LOCK_WORD in key and ("owner" in key or key in ("lock", "locks", "file lock"))


def is_lock_heading(text: str) -> bool:
    """``## File locks``, ``## Locks``, ``## Lock owners``, ``### File lock register``."""
    return LOCK_WORD in label_key(text)
