"""Finding task ids, lane ids, roles and timestamps named in free text.

Heartbeats, escalations, approvals and notes are written by hand in prose. These scanners are
forgiving (they accept the usual spellings) and linear (bounded quantifiers, no nesting).
"""

from __future__ import annotations

import re

from lanelint.linter.protocol.roles import RoleBook

#: A task id: a letter, then letters and digits, then one to five ``-part`` groups, with a
#: digit somewhere: ``T-101``, ``EA-12``, ``PARALLEL-POLICY-01``.
TASK_ID = re.compile(r"(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9]{0,23}(?:-[A-Za-z0-9]{1,23}){1,5})")
#: ``TASK_ID`` with possessive quantifiers, for scanning whole documents: it finds the same
#: matches (giving characters back to ``[A-Za-z0-9]`` can never make room for the ``-`` that
#: must follow, and nothing follows the last group), but fails on each plain word without
#: stepping back through it: half the time on the benchmark documents (0.23 s -> 0.12 s for
#: 2,000 of them).
_TASK_ID_SCAN = re.compile(
    r"(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9]{0,23}+(?:-[A-Za-z0-9]{1,23}+){1,5}+)"
)
#: ``lane A``, ``Lane L2``, ``lane: B`` (the id is an upper-case letter and up to 3 digits).
LANE_MENTION = re.compile(r"\b[Ll]anes?[ \t]{0,3}[:#]?[ \t]{0,3}`?([A-Z][0-9]{0,3})(?![A-Za-z0-9])")
#: ``2026-02-16 10:30 UTC``, ``2026-02-16T10:30Z``, ``2026-02-16 10:30 +03:00``.
TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ][ \t]{0,2}\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:[ \t]{0,2}(?:Z|[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})(?![A-Za-z]))?"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z/]{0,30}")
_PARENS = re.compile(r"\([^()\n]{0,200}\)")


def task_ids(text: str) -> list[str]:
    """Every task id in ``text``, in order, each once."""
    found: list[str] = []
    seen: set[str] = set()
    for match in _TASK_ID_SCAN.finditer(text):
        value = match.group(1)
        if value not in seen and any(c.isdigit() for c in value):
            seen.add(value)
            found.append(value)
    return found


def first_task_id(text: str) -> str:
    ids = task_ids(text)
    return ids[0] if ids else ""


def lane_ids(text: str) -> list[str]:
    found: list[str] = []
    for match in LANE_MENTION.finditer(text):
        if match.group(1) not in found:
            found.append(match.group(1))
    return found


def first_timestamp(text: str) -> str:
    """The first date-and-time in ``text`` (a date alone does not count), or ``""``."""
    for match in TIMESTAMP.finditer(text):
        if ":" in match.group(0):
            return match.group(0).strip()
    return ""


def roles_in(text: str, roles: RoleBook) -> tuple[str, ...]:
    """The canonical roles named anywhere in ``text``: ``TL and SM``, ``Technical Lead (Ann)``.

    Windows of one to three words are looked up; a one-word abbreviation must not be written
    all in lower case (``set`` is a word, ``SET`` a role).
    """
    words = _WORD.findall(_PARENS.sub(" ", text.replace("`", " ")))
    found: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            window = words[i : i + size]
            if len(window) < size:
                continue
            if size == 1 and window[0].islower() and len(window[0]) <= 3:
                continue
            role = roles.canonical(" ".join(window))
            if role is None and size == 1 and "/" in window[0]:
                parts = [roles.canonical(p) for p in window[0].split("/") if p]
                if parts and all(parts):
                    found.extend(p for p in parts if p and p not in found)
                    i += 1
                    break
            if role is not None:
                if role not in found:
                    found.append(role)
                i += size
                break
        else:
            i += 1
    return tuple(found)


def clip(text: str, limit: int = 300) -> str:
    return " ".join(text.split())[:limit]
