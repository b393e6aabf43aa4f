"""The protocol's roles, the spellings teams use for them, and the lane type each one owns."""

from __future__ import annotations

from collections.abc import Mapping

from lanelint.linter.protocol.values import read_items, read_value
from lanelint.linter.protocol.vocabulary.roles import LANE_TYPES, ROLE_ALIASES, ROLE_VARIANTS

__all__ = ["LANE_TYPES", "ROLE_ALIASES", "RoleBook", "lane_type_name", "lane_type_of"]


#: At most this many answers are kept by a role book.
_KNOWN_LIMIT = 8192


def _key(text: str) -> str:
    return " ".join(text.replace("`", "").split()).casefold()


class RoleBook:
    """Resolves role spellings to canonical names; teams may add aliases in configuration."""

    def __init__(self, extra_aliases: Mapping[str, str] | None = None) -> None:
        table: dict[str, str] = {}
        for canonical, aliases in ROLE_ALIASES.items():
            table[_key(canonical)] = canonical
            for alias in aliases:
                table[_key(alias)] = canonical
        for variant, target in ROLE_VARIANTS.items():
            table.setdefault(_key(variant), target)
        for alias, target in (extra_aliases or {}).items():
            table[_key(alias)] = table.get(_key(target), target)
        self._table = table
        #: Answers already given (the same spellings come back in every document).
        self._known: dict[str, str | None] = {}

    def canonical(self, text: str) -> str | None:
        """The canonical name of one role spelling, or ``None`` when it is no known role.

        The value grammar applies: ``Executive Assistant (Alice)``, ``EA — backend`` and
        ``**EA**`` are all the Executive Assistant.
        """
        known = self._known
        if text in known:
            return known[text]
        found = self._table.get(_key(text))
        if found is None and text:
            found = self._table.get(_key(read_value(text).core))
        if len(known) < _KNOWN_LIMIT:
            known[text] = found
        return found

    def split(self, text: str) -> tuple[list[str], list[str]]:
        """``(canonical roles, unknown parts)`` of a cell naming one or several owners.

        ``QA/SET`` and ``DevOps/SRE`` are single roles; ``TL, SM`` and ``SA + PO`` are two.
        """
        cleaned = text.replace("`", "").strip()
        if not cleaned:
            return [], []
        whole = self.canonical(cleaned) or self.canonical(read_value(cleaned).core)
        if whole:
            return [whole], []
        known: list[str] = []
        unknown: list[str] = []
        for item in read_items(cleaned):
            part = item.core
            role = self.canonical(part)
            if role is None and "/" in part:
                pieces = [self.canonical(p) for p in part.split("/")]
                if all(pieces):
                    known.extend(p for p in pieces if p and p not in known)
                    continue
            if role is None:
                unknown.append(part.strip())
            elif role not in known:
                known.append(role)
        return known, unknown


def lane_type_of(role: str) -> str | None:
    """The lane-type letter a canonical role owns, or ``None`` for roles without one."""
    for letter, (_, roles) in LANE_TYPES.items():
        if role in roles:
            return letter
    return None


def lane_type_name(letter: str) -> str:
    return LANE_TYPES[letter][0] if letter in LANE_TYPES else "unknown"
