"""Waivers: suppressions with an owner, an expiry and a reason, and prose exception records.

``<!-- lanelint-waive PDP201 owner="Technical Lead" until=2026-03-01 reason="hotfix lane" -->``
covers, like ``lanelint-disable``, the lines from the comment to a ``lanelint-enable`` or the
end of the file; ``lanelint-waive-next-line`` and ``lanelint-waive-file`` cover the next line
and the whole file. A waiver only waives while it is complete, unexpired and granted by a role
that may grant every code it names; otherwise the findings come back and the waiver itself is
reported (``LL011``, ``LL012``, ``LL013``).

A prose exception record next to a lane table (an approval by a named role plus a rationale,
as protocol section 2 asks for a temporary extra lane) waives the lane limit, ``PDP201``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from lanelint.linter.engine.config import Config
from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.artifacts.mentions import roles_in
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.protocol.vocabulary import waivers as vocabulary

#: Protocol sections whose codes only the Technical Lead may waive, by default.
TL_SECTIONS = vocabulary.DEFAULT_GRANTED_PREFIXES
TECHNICAL_LEAD = vocabulary.DEFAULT_GRANTER
WAIVER_KINDS = ("waive", "waive-next-line", "waive-file")
EXCEPTION_KIND = "exception"
#: The code a prose exception record waives.
LANE_LIMIT_CODE = "PDP201"

_ATTRIBUTE = re.compile(r"""([A-Za-z][\w-]{0,20})[ \t]*=[ \t]*("[^"\n]*"|'[^'\n]*'|[^\s"']+)""")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class WaiverFields:
    codes: tuple[str, ...]
    owner: str
    until: str
    reason: str


def parse_waiver(text: str) -> WaiverFields:
    """The codes and ``owner=``, ``until=``, ``reason=`` of a waiver comment's text (after
    ``lanelint-waive``). Values may be quoted with ``"`` or ``'``."""
    first = _ATTRIBUTE.search(text)
    head = text[: first.start()] if first else text
    codes = tuple(c.upper() for c in re.split(r"[\s,]+", head.strip()) if c)
    values: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = match.group(2)
        if value[:1] in "\"'" and value[-1:] == value[:1]:
            value = value[1:-1]
        values.setdefault(match.group(1).casefold(), value.strip())
    return WaiverFields(
        codes,
        values.get("owner", ""),
        values.get("until", values.get("expires", "")),
        values.get("reason", ""),
    )


def parse_day(text: str) -> date | None:
    match = _DATE.fullmatch(text.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def today(config: Config) -> date:
    """``--now`` where given (its date), else today's date (UTC)."""
    if config.now:
        from lanelint.linter.protocol.timestamps import parse_timestamp

        moment = parse_timestamp(config.now)
        if moment is not None:
            return moment.date()
    return datetime.now(UTC).date()


def granters(code: str, config: Config) -> tuple[str, ...] | None:
    """The roles that may waive ``code`` (canonical names), or ``None`` for any role.

    ``waiver-owners`` in the configuration (longest matching code prefix) wins; by default
    the Technical Lead grants the codes of sections 2, 5, 7 and 8.
    """
    best: tuple[int, tuple[str, ...]] | None = None
    for prefix, roles in config.waiver_owners.items():
        if code.startswith(prefix) and (best is None or len(prefix) > best[0]):
            best = (len(prefix), roles)
    if best is not None:
        book = RoleBook(config.role_aliases)
        return tuple(book.canonical(r) or r for r in best[1])
    if code.startswith(TL_SECTIONS):
        return (TECHNICAL_LEAD,)
    return None


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a waiver does not waive: a code (LL011-LL013) and a message."""

    code: str
    message: str


INCOMPLETE, EXPIRED, OWNER = "LL011", "LL012", "LL013"


def problem(
    kind: str,
    codes: tuple[str, ...],
    owner: str,
    until: str,
    reason: str,
    config: Config,
    day: date,
) -> Problem | None:
    """What keeps a waiver from waiving, or ``None`` when it is in force on ``day``."""
    book = RoleBook(config.role_aliases)
    if kind == EXCEPTION_KIND:
        allowed = granters(LANE_LIMIT_CODE, config)
        named = [r for r in owner.split(", ") if r]
        if not reason or not named or (allowed is not None and not set(named) & set(allowed)):
            return Problem(OWNER, "")
        return None
    missing = [
        name
        for name, value in (("code", codes), ("owner", owner), ("until", until), ("reason", reason))
        if not value
    ]
    if missing:
        return Problem(INCOMPLETE, f"waiver has no {', '.join(missing)}; it waives nothing")
    expiry = parse_day(until)
    if expiry is None:
        return Problem(INCOMPLETE, f"waiver 'until={until}' is not a date (YYYY-MM-DD)")
    label = ", ".join(codes)
    if day > expiry:
        return Problem(
            EXPIRED,
            f"waiver for {label} expired on {expiry.isoformat()} (date used: "
            f"{day.isoformat()}); the findings it waived are reported again",
        )
    role = book.canonical(owner)
    for code in codes:
        allowed = granters(code, config)
        if role is None or (allowed is not None and role not in allowed):
            who = " or the ".join(allowed) if allowed else "a protocol role"
            return Problem(
                OWNER,
                f"waiver for {code} is owned by '{owner}'; only the {who} may grant it",
            )
    return None


# -- prose exception records -------------------------------------------------------------------


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


_EXCEPTION_WORDS = _words(vocabulary.EXCEPTION_WORDS)
_APPROVAL = _words(vocabulary.APPROVAL_WORDS)
_RATIONALE = _words(vocabulary.RATIONALE_WORDS)
_NEGATION = _words(vocabulary.NOT_APPROVED)
#: How far from a lane table (in lines) an exception record may stand.
NEAR_LINES = 15


@dataclass(frozen=True, slots=True)
class ProseException:
    line: int
    column: int
    start: int
    end: int
    roles: tuple[str, ...]
    reason: str


def _blocks(lines: list[str], first: int, last: int) -> list[tuple[int, str]]:
    """Paragraphs and list items between 1-based lines ``first`` and ``last``: (line, text)."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number in range(first, last + 1):
        text = lines[number - 1].strip() if 0 < number <= len(lines) else ""
        new_item = bool(re.match(r"([-*+]|\d+[.)])\s", text)) or text.startswith("#")
        if not text or text.startswith("|") or new_item:
            if current:
                blocks.append((start, " ".join(current)))
                current = []
            if not text or text.startswith(("|", "#")):
                continue
        if not current:
            start = number
        current.append(text.lstrip(">").strip())
    if current:
        blocks.append((start, " ".join(current)))
    return blocks


def prose_exceptions(document: Document, roles: RoleBook) -> list[ProseException]:
    """Exception records next to the document's lane tables; each covers its table's lines.

    A record is a paragraph, list item or quote within a few lines of a lane table that says
    it is an exception (a temporary or extra lane, over the lane limit), that it was
    approved, by which role, and why (a rationale, reason, because ...).
    """
    from lanelint.linter.protocol.artifacts.lane_plan import LANE_COLUMNS
    from lanelint.linter.protocol.artifacts.tables import column_map

    found: list[ProseException] = []
    for table in document.tables:
        columns = column_map(table, LANE_COLUMNS)
        if "lane" not in columns or "status" not in columns:
            continue
        first = max(1, table.line - NEAR_LINES)
        last = min(len(document.lines), table.end_line + NEAR_LINES)
        for line, text in _blocks(document.lines, first, last):
            if table.line <= line <= table.end_line:
                continue
            if not (_EXCEPTION_WORDS.search(text) and _APPROVAL.search(text)):
                continue
            if _NEGATION.search(text):
                continue
            reason = _RATIONALE.search(text)
            named = roles_in(text, roles)
            if reason is None or not named:
                continue
            rationale = text[reason.end() :].strip(" :.-*_")
            if not rationale:
                continue
            found.append(ProseException(line, 1, table.line, table.end_line, named, rationale))
    return found
