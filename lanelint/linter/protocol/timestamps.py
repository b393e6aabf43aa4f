"""Reading the timestamps teams write: ``2026-02-15 10:30 UTC``, ISO 8601, and the like."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from lanelint.linter.protocol.values import read_value

_STAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?"
    r"[ \t]*(Z|[A-Za-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?"
)

#: Offsets of the zone abbreviations teams write most; any other 2-5 letters read as UTC.
_ZONES = {
    "UTC": 0.0, "GMT": 0.0, "Z": 0.0, "WET": 0.0, "BST": 1.0, "CET": 1.0, "CEST": 2.0,
    "EET": 2.0, "EEST": 3.0, "MSK": 3.0, "IST": 5.5, "SGT": 8.0, "JST": 9.0, "AEST": 10.0,
    "EST": -5.0, "EDT": -4.0, "CST": -6.0, "CDT": -5.0, "MST": -7.0, "MDT": -6.0,
    "PST": -8.0, "PDT": -7.0,
}  # fmt: skip

_OFFSET = re.compile(r"([+-])(\d{1,2}):?(\d{2})?")


def _offset(zone: str) -> timezone:
    letters = zone.rstrip("+-0123456789:")
    rest = zone[len(letters) :]
    hours = _ZONES.get(letters.upper(), 0.0) if letters else 0.0
    delta = timedelta(hours=hours)
    if rest:
        match = _OFFSET.fullmatch(rest)
        if match:
            sign = -1 if match.group(1) == "-" else 1
            delta += sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
    return timezone(delta)


def _qualified(text: str) -> re.Match[str] | None:
    """A timestamp with notes: ``2026-02-16 10:00 (UTC+3)``, ``2026-02-16 10:00 UTC ✅``.

    A zone in parentheses is the timestamp's zone; any other note is dropped.
    """
    value = read_value(text)
    if not value.core:
        return None
    for qualifier in value.qualifiers:
        match = _STAMP.fullmatch(f"{value.core} {qualifier}")
        if match and match.group(7):
            return match
    return _STAMP.fullmatch(value.core)


def parse_timestamp(text: str, *, require_time: bool = False) -> datetime | None:
    """A timezone-aware UTC datetime, or ``None`` when ``text`` is not a timestamp.

    Accepts ``YYYY-MM-DD``, optionally followed by ``HH:MM[:SS]`` (after a space or ``T``) and a
    zone: ``Z``, ``UTC``, an abbreviation, ``UTC+3`` or ``+03:00``. A time without a zone is
    read as UTC. With ``require_time``, a date alone is not enough.
    """
    cleaned = text.strip().strip("`").strip()
    match = _STAMP.fullmatch(cleaned)
    if not match:
        match = _qualified(cleaned)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if require_time and hour is None:
        return None
    try:
        value = datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=_offset(zone) if zone else UTC,
        )
    except ValueError:
        return None
    return value.astimezone(UTC)
