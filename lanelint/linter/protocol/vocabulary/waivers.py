"""Words of exceptions to the protocol: who grants them, and how a prose record says so."""

from __future__ import annotations

#: The role that grants exceptions to the codes of these protocol sections, by default.
DEFAULT_GRANTER = "Technical Lead"
DEFAULT_GRANTED_PREFIXES: tuple[str, ...] = ("PDP2", "PDP5", "PDP7", "PDP8")

#: A prose exception record says it is an exception ... (regular-expression alternatives)
EXCEPTION_WORDS: tuple[str, ...] = (
    "exception",
    "waiver",
    "temporary",
    "temporarily",
    "fifth lane",
    "extra lane",
    "additional lane",
    "lane limit",
    "over the limit",
    "above the limit",
)
#: ... that it was approved ...
APPROVAL_WORDS: tuple[str, ...] = (
    "approved",
    "approval",
    "approves",
    "signed off",
    "granted",
    "grants",
)
#: ... and why.
RATIONALE_WORDS: tuple[str, ...] = (
    "rationale",
    "reason",
    "because",
    "justification",
    "justified",
    "due to",
    "so that",
    "in order to",
)
#: Phrases that say the approval is not (yet) given.
NOT_APPROVED: tuple[str, ...] = (
    "not approved",
    "no approval",
    "without approval",
    "pending approval",
    "awaiting approval",
    "approval pending",
    "not yet approved",
    "requested",
    "rejected",
    "denied",
)
