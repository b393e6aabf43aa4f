"""Ledger verdicts (protocol section 7): the Technical Lead's word on a lane commit."""

from __future__ import annotations

ACCEPTED = "accepted"
REJECTED = "rejected"
PENDING = "pending"

#: The protocol's verdicts, in the order the protocol names them.
VERDICTS: tuple[str, ...] = (ACCEPTED, REJECTED, PENDING)

#: Verdict word (case-folded, single spaces) -> the verdict it means.
VERDICT_WORDS: dict[str, str] = {
    "accepted": ACCEPTED,
    "accept": ACCEPTED,
    "approved": ACCEPTED,
    "rejected": REJECTED,
    "reject": REJECTED,
    "declined": REJECTED,
    "pending": PENDING,
    "pending review": PENDING,
    "in review": PENDING,
    "under review": PENDING,
    "awaiting review": PENDING,
    "awaiting verdict": PENDING,
    "pending verdict": PENDING,
}
