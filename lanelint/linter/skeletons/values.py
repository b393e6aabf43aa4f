"""Checking the values that go into a skeleton before they enter Markdown.

A value is written into headings, table cells and code spans, so it must not be able to start
a heading, break a table or end a code span: a task id is letters, digits, ``.``, ``_`` and
``-``; a role must be one the protocol knows and is written in its canonical form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lanelint.linter.protocol.roles import ROLE_ALIASES, RoleBook

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
_LANE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class InvalidValue(ValueError):
    """A value that cannot safely go into a skeleton; the message says why."""


@dataclass(frozen=True, slots=True)
class Values:
    """Checked values. ``None`` means "not given": the template writes a placeholder."""

    task: str | None = None
    lane: str | None = None
    role: str | None = None
    runtime: str | None = None
    date: str | None = None

    def get(self, name: str) -> str | None:
        value: str | None = getattr(self, name)
        return value

    def missing(self, names: Sequence[str]) -> list[str]:
        return [name for name in names if self.get(name) is None]


def _shown(value: str) -> str:
    return repr(value) if len(value) <= 60 else repr(value[:59] + "…")


def _why(value: str) -> str:
    for char, reason in (
        ("\n", "a line break could start a new heading"),
        ("\r", "a line break could start a new heading"),
        ("#", "'#' could start a heading"),
        ("|", "'|' would break a table"),
        ("`", "'`' would end a code span"),
        ("<", "'<' would read as a placeholder or HTML"),
        (">", "'>' would read as a placeholder or HTML"),
    ):
        if char in value:
            return f" ({reason})"
    return ""


def check_id(name: str, value: str, pattern: re.Pattern[str] = _ID) -> str:
    text = value.strip()
    if not pattern.fullmatch(text):
        raise InvalidValue(
            f"{name} {_shown(value)} may hold only letters, digits, '.', '_' and '-', "
            f"starting with a letter or digit{_why(value)}"
        )
    return text


def check_role(value: str, roles: RoleBook) -> str:
    canonical = roles.canonical(value) if _why(value) == "" else None
    if canonical is None:
        known = ", ".join(ROLE_ALIASES)
        raise InvalidValue(f"role {_shown(value)} is not a known role (known roles: {known})")
    return canonical


def check_runtime(value: str, allowed: Sequence[str]) -> str:
    wanted = value.strip().casefold()
    for option in allowed:
        if option.casefold() == wanted:
            return option
    raise InvalidValue(f"runtime {_shown(value)} is not one of {', '.join(allowed)}")


def check_date(value: str) -> str:
    text = value.strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"date {_shown(value)} is not a date written YYYY-MM-DD") from None
    return text


def check_values(raw: Mapping[str, str | None], roles: RoleBook, runtimes: Sequence[str]) -> Values:
    """Check and normalise every given value; raise :class:`InvalidValue` on the first bad one."""

    def given(name: str) -> str | None:
        value = raw.get(name)
        return value if value is not None and value.strip() != "" else None

    task, lane, role = given("task"), given("lane"), given("role")
    runtime, date = given("runtime"), given("date")
    return Values(
        task=check_id("task id", task) if task is not None else None,
        lane=check_id("lane", lane, _LANE) if lane is not None else None,
        role=check_role(role, roles) if role is not None else None,
        runtime=check_runtime(runtime, runtimes) if runtime is not None else None,
        date=check_date(date) if date is not None else None,
    )
