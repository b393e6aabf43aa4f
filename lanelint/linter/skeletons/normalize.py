"""Normalising rendered Markdown with mdformat, so the same inputs give the same bytes."""

from __future__ import annotations

import mdformat


def normalize(text: str) -> str:
    """mdformat with GFM tables (tables stay tables); lines kept as written."""
    formatted: str = mdformat.text(
        text, extensions={"tables"}, options={"wrap": "keep", "number": False}
    )
    return formatted.rstrip("\n") + "\n"
