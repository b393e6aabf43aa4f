"""Labels: the words teams put before a value or a list, and the headings of briefs.

A label is written as a metadata line (``**Acceptance:** ...``, ``- Files in scope: ...``), as
a label line followed by a list (``Acceptance:`` then bullets), or as a heading (``###
Definition of done``). :func:`label_key` reduces any of these to a comparable key; the
``is_*`` functions say which protocol fact a label introduces.
"""

from __future__ import annotations

import re
from functools import lru_cache

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

#: Heartbeat field labels (protocol section 9) -> the field each one fills.
HEARTBEAT_FIELDS: dict[str, str] = {
    "status": "status",
    "state": "status",
    "blockers": "blockers",
    "blocker": "blockers",
    "blocked by": "blockers",
    "next step": "next_step",
    "next steps": "next_step",
    "next": "next_step",
}
#: Heartbeat table headers -> the field each column fills (the field labels, lane and task).
HEARTBEAT_COLUMNS: dict[str, str] = {
    **HEARTBEAT_FIELDS,
    "lane": "lane",
    "lane id": "lane",
    "task": "task",
    "task id": "task",
    "next action": "next_step",
}
#: Headers of a heartbeat table's time column.
TIME_HEADERS = frozenset({"time", "timestamp", "when", "at", "date", "date/time", "datetime"})

#: Keys of an escalation document's metadata lines (``**From:**``, ``**To:**``, ...).
ESCALATION_KEYS = (
    "from", "to", "cc", "date", "reason", "lane", "lane id", "task", "task id", "subject",
)  # fmt: skip
#: Headers of an escalation table's recipient column.
RECIPIENT_HEADERS = frozenset(
    {"to", "escalated to", "recipients", "recipient", "notified", "cc", "raised to", "reached"}
)
#: Other headers of an escalation table -> the field each column fills.
ESCALATION_COLUMNS: dict[str, str] = {
    "lane": "lane",
    "lane id": "lane",
    "task": "task",
    "task id": "task",
    "date": "date",
    "time": "date",
    "when": "date",
    "raised": "date",
    "timestamp": "date",
    "reason": "reason",
    "blocker": "reason",
    "blockers": "reason",
    "issue": "reason",
    "from": "from",
    "raised by": "from",
}

#: Words in a metadata key that make the line a TL override, an approval or a push record.
OVERRIDE_KEY_WORD = "override"
APPROVAL_KEY_WORD = "approv"
PUSH_KEY_WORD = "push"

#: Header names of a lock table's columns (``| File | Lock owner |``).
LOCK_TABLE_COLUMNS: dict[str, frozenset[str]] = {
    "file": frozenset({"file", "files", "path", "paths", "locked file", "locked files"}),
    "owner": frozenset(
        {"lock owner", "owner", "file lock owner", "locked by", "held by", "lane", "owner lane"}
    ),
    "status": frozenset({"status", "state", "lock status"}),
}

#: Headers that make a table something other than a lock table (a lane plan, a ledger).
NOT_LOCK_HEADERS = frozenset(
    {"task", "task id", "dependency", "dependencies", "commit", "verdict", "acceptance"}
)

#: Words a brief heading may start with before its task id or lane: ``## Brief for T-102``.
BRIEF_LEADS = ("dispatch brief for", "dispatch brief", "brief for", "brief", "task", "lane brief")

_DECORATION = re.compile(r"[*_`]+")
_NUMBERING = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)]|[-+•])[ \t]+", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]{0,200}\)")


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """``**Acceptance checks:**`` / ``3) Definition of done`` / ``Files in scope (B)`` -> key.

    Emphasis, backticks, a leading number, anything in parentheses and a trailing colon go;
    the rest is case-folded with single spaces. Cached: the artifact readers ask about the
    same headings and keys in every document (106,000 calls for 2,000 documents, three
    regular-expression passes each).
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


_LOCK = re.compile(r"(?<![a-z])lock")


@lru_cache(maxsize=8192)
def has_lock_word(text: str) -> bool:
    """Whether a heading, key or header speaks of locks: ``File locks``, ``Locked by``; not
    ``Blockers``. Cached, as :func:`label_key` is (74,000 questions for 2,000 documents)."""
    return _LOCK.search(label_key(text)) is not None


def is_lock_owner_label(text: str) -> bool:
    """``Lock owner``, ``File lock owner``, ``Lock owners``, ``Locks``, ``File lock``."""
    key = label_key(text)
    return has_lock_word(key) and ("owner" in key or key in ("lock", "locks", "file lock"))


def is_lock_heading(text: str) -> bool:
    """``## File locks``, ``## Locks``, ``## Lock owners``, ``### File lock register``."""
    return has_lock_word(text)


#: Words in a file name that mark a document of a batch (``dispatch_B-7.md``): briefs in such a
#: document describe lanes even when their headings name only a task id.
DISPATCH_NAME_WORDS = ("dispatch", "brief", "workboard", "batch", "lane")
