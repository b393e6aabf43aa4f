"""Words that state an outcome: approved, pending, rejected, denied, released, resolved.

Teams record approvals, overrides, locks, rebases and escalations in prose, and the same line
that names a thing often says that it has *not* happened yet: ``CA approval: pending``,
``Override request: lane C (denied by TL)``, ``Reminder: lane B must rebase``, ``SM not
informed yet``. The readers ask this module what such a line states:

* :func:`outcome_of` -- the first outcome word of a text, as one of :data:`OUTCOMES`
  (``not approved`` reads as ``rejected``, ``not yet`` as ``pending``); ``None`` when the
  text states no outcome at all.
* :func:`is_granted` -- an approval or override line states a grant (no outcome word, or a
  last decision that grants).
* :func:`is_undone` -- a line about a rebase states an intention or a reminder, not a
  rebase that happened.
* :func:`unreached_clause` -- a clause that says its roles were *not* reached.
* :func:`is_resolved_assumption` -- an ``[ASSUMPTION]`` tag that is struck through, tagged
  resolved, or followed by a resolving word.
"""

from __future__ import annotations

import re

APPROVED = "approved"
PENDING = "pending"
REJECTED = "rejected"
DENIED = "denied"
RELEASED = "released"
RESOLVED = "resolved"

#: Every outcome, each with the words that state it (matched case-insensitively as words).
OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    APPROVED: (
        "approved",
        "approves",
        "granted",
        "grants",
        "signed off",
        "signed-off",
        "sign-off given",
        "ok'd",
        "okayed",
        "allowed",
        "authorised",
        "authorized",
        "lgtm",
    ),
    PENDING: (
        "pending",
        "awaiting",
        "requested",
        "in review",
        "under review",
        "not yet",
        "to be approved",
        "to be granted",
        "to be decided",
        "tbd",
        "tbc",
        "todo",
        "proposed",
        "unassigned",
        "to be assigned",
        "not assigned",
        "nobody",
        "no one",
    ),
    REJECTED: (
        "rejected",
        "rejects",
        "declined",
        "refused",
        "withdrawn",
        "revoked",
        "cancelled",
        "canceled",
        "vetoed",
    ),
    DENIED: ("denied", "denies", "not granted"),
    RELEASED: ("released", "unlocked", "lifted", "freed", "lock released", "no longer locked"),
    RESOLVED: ("resolved", "reconciled", "confirmed", "verified", "closed", "settled"),
}

#: A word before a granting or resolving word that turns it around: ``not approved``.
_NEGATIONS = ("not", "no", "never", "nor", "isn't", "wasn't", "hasn't", "without")

OUTCOMES = tuple(OUTCOME_WORDS)

_WORD_TO_OUTCOME: dict[str, str] = {
    word: outcome for outcome, words in OUTCOME_WORDS.items() for word in words
}
_ALTERNATION = "|".join(
    re.escape(word).replace(r"\ ", r"[ \t]{1,3}")
    for word in sorted(_WORD_TO_OUTCOME, key=len, reverse=True)
)
_OUTCOME = re.compile(rf"(?<![\w'-])({_ALTERNATION})(?![\w'-])", re.IGNORECASE)
_NEGATED = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(re.escape(w) for w in _NEGATIONS)
    + r")[ \t]{1,3}(?:yet[ \t]{1,3})?$",
    re.IGNORECASE,
)


def _normalise(text: str) -> str:
    return " ".join(text.replace("`", " ").replace("*", " ").split())


def outcomes_in(text: str) -> list[str]:
    """Every outcome the text states, in order (negations applied, see :func:`outcome_of`)."""
    plain = _normalise(text)
    found: list[str] = []
    for match in _OUTCOME.finditer(plain):
        outcome = _WORD_TO_OUTCOME[" ".join(match.group(1).casefold().split())]
        if _NEGATED.search(plain[: match.start()]):
            if outcome == APPROVED:
                found.append(REJECTED)
            elif outcome in (RESOLVED, RELEASED):
                found.append(PENDING)
            continue  # "not pending", "no request": no outcome stated by this word
        found.append(outcome)
    return found


def outcome_of(text: str) -> str | None:
    """The outcome the text states first, or ``None`` when it states none.

    ``approved by the CA`` -> ``approved``; ``pending (CA on leave)`` -> ``pending``;
    ``rejected for lane B`` -> ``rejected``; ``not approved`` -> ``rejected``;
    ``not resolved`` -> ``pending``; ``lane B, `db/schema.sql` (ADR-7)`` -> ``None``.
    """
    found = outcomes_in(text)
    return found[0] if found else None


def _decision(text: str) -> bool | None:
    """Granted (``True``), refused or still open (``False``), or nothing stated (``None``).

    The last decision decides (``requested 03-01, approved 03-02`` is granted; ``approved,
    then revoked`` is not); with no decision, a pending word means not granted.
    """
    found = outcomes_in(text)
    decided = [outcome for outcome in found if outcome in (APPROVED, REJECTED, DENIED)]
    if decided:
        return decided[-1] == APPROVED
    if PENDING in found:
        return False
    return None


#: Words in a key that make the line a request rather than a grant: ``Override request``.
REQUEST_WORDS = ("request", "requests", "requested", "ask", "asks", "proposal", "proposed")
_REQUEST_KEY = re.compile(r"(?<![\w-])(?:" + "|".join(REQUEST_WORDS) + r")(?![\w-])", re.IGNORECASE)


def is_granted(key: str, value: str) -> bool:
    """Whether an approval or override line (``key``: ``value``) states a grant.

    The value decides first (``Override request: lane C (approved by TL)`` is granted), then
    the key (``Pending approval: CA`` is not); in either, the last decision word decides
    (``requested 03-01, approved 03-02`` is granted, ``approved, then revoked`` is not). A
    line with no outcome word is a grant as written (``CA approval: lane B``), unless its key
    asks (``Override request: lane C``).
    """
    decided = _decision(value)
    if decided is None:
        decided = _decision(key)
    if decided is None:
        return _REQUEST_KEY.search(key) is None  # "Override request: lane C" only asks
    return decided


#: Words before an action word (in its clause) that make it an intention or a reminder.
UNDONE_BEFORE = (
    "must",
    "should",
    "needs to",
    "need to",
    "has to",
    "have to",
    "will",
    "shall",
    "please",
    "reminder",
    "todo",
    "to-do",
    "not",
    "never",
    "hasn't",
    "haven't",
    "didn't",
    "did not",
    "yet to",
    "without",
    "asked to",
    "going to",
)
#: Words right before an action word that make it an intention: ``to rebase``, ``no rebase``.
UNDONE_JUST_BEFORE = ("to", "no", "a", "needs", "need", "requires", "require")
#: Words right after an action word that make it an intention: ``rebase pending``.
UNDONE_AFTER = (
    "pending",
    "required",
    "needed",
    "requested",
    "planned",
    "todo",
    "missing",
    "outstanding",
    "not done",
    "not yet done",
    "is pending",
    "is required",
    "is needed",
    "still pending",
)


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]{1,3}") for w in words)


_UNDONE_BEFORE = re.compile(rf"(?<![\w'-])(?:{_words(UNDONE_BEFORE)})(?![\w'-])", re.IGNORECASE)
_UNDONE_JUST_BEFORE = re.compile(
    rf"(?<![\w'-])(?:{_words(UNDONE_JUST_BEFORE)})[ \t:]{{1,3}}$", re.IGNORECASE
)
_UNDONE_AFTER = re.compile(rf"^[ \t:=-]{{0,3}}(?:{_words(UNDONE_AFTER)})(?![\w'-])", re.IGNORECASE)
_REMINDER_LEAD = re.compile(
    r"^[\s>*_-]*(?:reminder|todo|to-do|action item|follow-?up|open item)s?\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[;.!?|]|->|→|—|–|\s-\s|,\s*(?:but|while|and|then)\b")


def _clause_start(text: str, start: int) -> int:
    left = 0
    for match in _CLAUSE.finditer(text, 0, start):
        left = match.end()
    return left


def is_undone(line: str, start: int, end: int) -> bool:
    """Whether the action word at ``line[start:end]`` is only asked for or reminded of.

    ``Reminder: lane B must rebase``, ``B needs to rebase on a1a1a1a``, ``rebase pending``,
    ``not rebased yet``, ``TODO: rebase`` -> undone; ``rebased on a1a1a1a``, ``Rebase: done``,
    ``rebased, no conflicts`` -> done.
    """
    if _REMINDER_LEAD.search(line):
        return True
    before = line[_clause_start(line, start) : start]
    if _UNDONE_BEFORE.search(before) or _UNDONE_JUST_BEFORE.search(before):
        return True
    return _UNDONE_AFTER.search(line[end:]) is not None


#: Phrases that say the roles of their clause were not reached.
UNREACHED_PHRASES = (
    "not informed",
    "not yet informed",
    "not notified",
    "not yet notified",
    "not told",
    "not reached",
    "not contacted",
    "not copied",
    "not cc'd",
    "not ccd",
    "not in cc",
    "not escalated",
    "not aware",
    "unaware",
    "to be informed",
    "to be notified",
    "to inform",
    "to notify",
    "will inform",
    "will notify",
    "not yet",
    "pending",
    "missing",
    "unreachable",
    "out of office",
    "on leave",
)
_UNREACHED = re.compile(
    r"(?<![\w'-])(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"[ \t]{1,3}") for w in UNREACHED_PHRASES)
    + r")(?![\w'-])|(?<![\w'-])(?:no|without|except|not)[ \t]{1,3}(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
_REACH_CLAUSE = re.compile(r"[;,.|]|->|→|—|–|\s-\s|\band\b|\+")


def reach_clauses(text: str) -> list[str]:
    """The clauses of an escalation line, split at ``;`` ``,`` ``->`` ``and`` and the like.

    Parentheses stay with their clause: ``Scrum Master (not informed yet)`` is one clause.
    """
    return [part for part in _REACH_CLAUSE.split(text) if part.strip()]


def unreached_clause(clause: str) -> bool:
    """Whether a clause says its roles were not reached: ``SM not informed yet``, ``no SM``."""
    return _UNREACHED.search(clause) is not None


_STRUCK = re.compile(r"~~[^~\n]{0,400}~~")
_TAG_RESOLVED = re.compile(
    r"\[[ \t]*(?:assumption[ \t]*[-:_/ ][ \t]*(?:resolved|reconciled|closed|confirmed|verified)"
    r"|(?:resolved|reconciled|closed)[ \t]*[-:_/ ][ \t]*assumption)[ \t]*\]",
    re.IGNORECASE,
)
_RESOLVING = re.compile(
    r"(?<![\w-])(resolved|reconciled|confirmed|verified|closed|settled)(?![\w-])", re.IGNORECASE
)


def is_resolved_assumption(line: str, start: int) -> bool:
    """Whether the ``[ASSUMPTION`` tag at ``line[start:]`` is resolved.

    Resolved: struck through (``~~[ASSUMPTION] ...~~``), tagged resolved
    (``[ASSUMPTION-RESOLVED]``, ``[ASSUMPTION: resolved]``, ``[RESOLVED ASSUMPTION]``), or
    followed on its line by a resolving word not negated (``[ASSUMPTION] 404 on unknown ids
    -- resolved: confirmed by lane B``). ``[ASSUMPTION] ... not yet confirmed`` stays open.
    """
    for match in _STRUCK.finditer(line):
        if match.start() <= start < match.end():
            return True
    if _TAG_RESOLVED.match(line, start):
        return True
    rest = line[start:]
    for match in _RESOLVING.finditer(rest):
        if not _NEGATED.search(_normalise(rest[: match.start()]) + " "):
            return True
    return False
