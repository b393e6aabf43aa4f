"""Small helpers the rules share for reading cell and field values."""

from __future__ import annotations

from lanelint.linter.protocol.vocabulary.placeholders import is_placeholder

__all__ = ["is_placeholder", "quote"]


def quote(value: str, limit: int = 60) -> str:
    """``'value'`` for a message, shortened to ``limit`` characters."""
    text = " ".join(value.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
