"""The protocol's roles, the spellings teams use for them, and the lane types they own."""

from __future__ import annotations

#: Canonical role name -> the other spellings teams use for it.
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

#: Further spellings read as a role but respelt by the spelling rules: the same role name
#: with other punctuation.
ROLE_VARIANTS: dict[str, str] = {
    "QA / SET": "QA/SET",
    "QA-SET": "QA/SET",
    "DevOps / SRE": "DevOps/SRE",
    "DevOps-SRE": "DevOps/SRE",
}

#: Lane types of protocol section 2: letter -> (name, owning roles).
LANE_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "A": ("requirements/architecture", ("Product Owner", "System Analyst", "Chief Architect")),
    "B": ("implementation", ("Executive Assistant",)),
    "C": ("quality", ("QA/SET",)),
    "D": ("operations", ("DevOps/SRE",)),
    "E": ("orchestration", ("Technical Lead", "Scrum Master")),
}

#: The roles a blocked lane's escalation must reach (protocol section 9).
ESCALATION_ROLES: tuple[str, ...] = ("Technical Lead", "Scrum Master")
