"""Small helpers the rules share for reading cell and field values."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"<[^<>\n]{1,200}>")


def is_placeholder(value: str) -> bool:
    """A value that is still a template placeholder: ``<task>``, `` `<sha>` ``."""
    return _PLACEHOLDER.fullmatch(value.replace("`", "").strip()) is not None


def quote(value: str, limit: int = 60) -> str:
    """``'value'`` for a message, shortened to ``limit`` characters."""
    text = " ".join(value.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
