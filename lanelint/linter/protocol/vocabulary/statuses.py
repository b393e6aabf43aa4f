"""Lane statuses: the words teams write in a status column and the state each one means.

A lane is in exactly one state. ``UNKNOWN`` is the state of a status nobody recognises: rules
treat such a lane as unknown, never as "not active".
"""

from __future__ import annotations

ACTIVE = "active"
BLOCKED = "blocked"
DONE = "done"
SUBMITTED = "submitted"
PENDING = "pending"
CANCELLED = "cancelled"
UNKNOWN = "unknown"

#: Every state a lane status can mean, ``UNKNOWN`` last.
STATES: tuple[str, ...] = (ACTIVE, BLOCKED, DONE, SUBMITTED, PENDING, CANCELLED, UNKNOWN)

#: States in which a lane no longer holds its files.
FINISHED_STATES: frozenset[str] = frozenset({DONE, CANCELLED})

#: Status word (case-folded, single spaces) -> the state it means.
STATUS_WORDS: dict[str, str] = {
    # active: the lane is being worked on
    "active": ACTIVE,
    "in progress": ACTIVE,
    "in-progress": ACTIVE,
    "inprogress": ACTIVE,
    "progress": ACTIVE,
    "running": ACTIVE,
    "wip": ACTIVE,
    "work in progress": ACTIVE,
    "started": ACTIVE,
    "doing": ACTIVE,
    "ongoing": ACTIVE,
    "on-going": ACTIVE,
    "working": ACTIVE,
    "in work": ACTIVE,
    "in flight": ACTIVE,
    "in development": ACTIVE,
    "in dev": ACTIVE,
    "implementing": ACTIVE,
    "executing": ACTIVE,
    "underway": ACTIVE,
    "under way": ACTIVE,
    "rework": ACTIVE,
    "in rework": ACTIVE,
    "reopened": ACTIVE,
    "changes requested": ACTIVE,
    # blocked: the lane waits on something outside it
    "blocked": BLOCKED,
    "on hold": BLOCKED,
    "on-hold": BLOCKED,
    "waiting": BLOCKED,
    "stuck": BLOCKED,
    "paused": BLOCKED,
    "stalled": BLOCKED,
    "halted": BLOCKED,
    "suspended": BLOCKED,
    # done: the lane's work is accepted or integrated
    "done": DONE,
    "merged": DONE,
    "closed": DONE,
    "accepted": DONE,
    "complete": DONE,
    "completed": DONE,
    "finished": DONE,
    "integrated": DONE,
    "shipped": DONE,
    "delivered": DONE,
    "resolved": DONE,
    # submitted: the lane's commit waits for the Technical Lead's verdict
    "submitted": SUBMITTED,
    "in review": SUBMITTED,
    "in-review": SUBMITTED,
    "review": SUBMITTED,
    "under review": SUBMITTED,
    "awaiting review": SUBMITTED,
    "ready for review": SUBMITTED,
    "pending review": SUBMITTED,
    "pending verdict": SUBMITTED,
    "awaiting verdict": SUBMITTED,
    "in qa": SUBMITTED,
    # pending: the lane has not started
    "pending": PENDING,
    "planned": PENDING,
    "not started": PENDING,
    "todo": PENDING,
    "to do": PENDING,
    "to-do": PENDING,
    "queued": PENDING,
    "ready": PENDING,
    "ready to start": PENDING,
    "new": PENDING,
    "backlog": PENDING,
    "scheduled": PENDING,
    "next": PENDING,
    "idle": PENDING,
    # cancelled: the lane will not run
    "cancelled": CANCELLED,
    "canceled": CANCELLED,
    "dropped": CANCELLED,
    "abandoned": CANCELLED,
    "descoped": CANCELLED,
    "de-scoped": CANCELLED,
    "withdrawn": CANCELLED,
    "won't do": CANCELLED,
    "wont do": CANCELLED,
    "removed": CANCELLED,
}
