"""Dependency kinds (protocol sections 4 and 6) and the words around them."""

from __future__ import annotations

NONE = "none"
SOFT = "soft"
HARD = "hard"

#: The protocol's dependency kinds, weakest first.
DEPENDENCY_KINDS: tuple[str, ...] = (NONE, SOFT, HARD)

#: Words written between a kind and its upstream lanes instead of parentheses:
#: ``hard: A``, ``hard on A``, ``soft after L1``.
UPSTREAM_LINK_WORDS: frozenset[str] = frozenset({"on", "after", "from", "upon", "to"})
