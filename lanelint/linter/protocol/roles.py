"""The protocol's roles, the spellings teams use for them, and the lane type each one owns."""

from __future__ import annotations

import re
from collections.abc import Mapping

#: Canonical role name -> the other spellings of FORMATS.md's role table.
ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "Product Owner": ("PO",),
    "System Analyst": ("SA",),
    "Chief Architect": ("CA",),
    "Executive Assistant": ("EA",),
    "QA/SET": ("QA", "SET"),
    "DevOps/SRE": ("DevOps", "SRE"),
    "Technical Lead": ("TL",),
    "Scrum Master": ("SM",),
    "Developer Helper": (),
    "Business Coach": (),
    "Technical Support Agent": (),
}

#: Lane types of protocol section 2: letter -> (name, owning roles).
LANE_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "A": ("requirements/architecture", ("Product Owner", "System Analyst", "Chief Architect")),
    "B": ("implementation", ("Executive Assistant",)),
    "C": ("quality", ("QA/SET",)),
    "D": ("operations", ("DevOps/SRE",)),
    "E": ("orchestration", ("Technical Lead", "Scrum Master")),
}

_SEPARATORS = re.compile(r"(?:(?<!\s)\s+)?(?:\+|,|;|&|\band\b)\s*", re.IGNORECASE)


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
        for alias, target in (extra_aliases or {}).items():
            table[_key(alias)] = table.get(_key(target), target)
        self._table = table

    def canonical(self, text: str) -> str | None:
        """The canonical name of one role spelling, or ``None`` when it is no known role."""
        return self._table.get(_key(text))

    def split(self, text: str) -> tuple[list[str], list[str]]:
        """``(canonical roles, unknown parts)`` of a cell naming one or several owners.

        ``QA/SET`` and ``DevOps/SRE`` are single roles; ``TL, SM`` and ``SA + PO`` are two.
        """
        cleaned = text.replace("`", "").strip()
        if not cleaned:
            return [], []
        whole = self.canonical(cleaned)
        if whole:
            return [whole], []
        known: list[str] = []
        unknown: list[str] = []
        for part in _SEPARATORS.split(cleaned):
            if not part.strip():
                continue
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
