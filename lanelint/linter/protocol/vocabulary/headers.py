"""Header synonyms for every table kind the protocol reads.

Headers are compared after :func:`lanelint.linter.protocol.values.header_key`: lower case,
no backticks or emphasis, nothing in parentheses, single spaces.
"""

from __future__ import annotations

#: Lane tables (sections 2, 4, 5, 6): field -> the headers that name it.
LANE_COLUMNS: dict[str, frozenset[str]] = {
    "lane": frozenset({"lane", "lane id", "lane #", "lanes", "lane no", "lane no."}),
    "task": frozenset({"task", "task id", "tasks", "task ids", "task ref", "ticket", "task #"}),
    "owner": frozenset(
        {
            "role", "role owner", "owner role", "owner", "owners", "owner roles", "roles",
            "lane owner", "owner / role", "role / owner", "session role", "owning role",
            "owner role/s",
        }
    ),
    "dependency": frozenset(
        {
            "dependency", "dependency type", "dependencies", "depends on", "depends",
            "deps", "dependency kind", "dep", "dependency / upstream",
        }
    ),
    "files": frozenset(
        {
            "locked files", "file scope", "target files", "files", "files in scope",
            "file set", "paths", "owned files", "write scope", "files / paths", "scope files",
            "file ownership", "target paths",
        }
    ),
    "status": frozenset({"status", "state", "lane status", "lane state", "current status"}),
    "last_update": frozenset(
        {"last update", "last updated", "updated", "last heartbeat", "last change"}
    ),
    "acceptance": frozenset(
        {
            "acceptance", "acceptance checks", "acceptance criteria", "checks",
            "done when", "definition of done", "dod", "acceptance check",
        }
    ),
}  # fmt: skip

#: Acceptance ledgers (sections 7, 8): field -> the headers that name it.
LEDGER_COLUMNS: dict[str, frozenset[str]] = {
    "commit": frozenset(
        {
            "commit", "commits", "commit id", "sha", "commit range", "commit sha",
            "commit hash", "hash", "commit / range", "commit(s)", "lane commit",
        }
    ),
    "verdict": frozenset(
        {"verdict", "tl verdict", "verdict by tl", "decision", "tl decision", "review verdict"}
    ),
    "lane": frozenset({"lane", "lane id", "lanes"}),
    "task": frozenset({"task", "task id", "tasks"}),
    "role": frozenset({"role", "owner", "role owner", "owner role", "owner roles", "owners"}),
    "evidence": frozenset(
        {
            "evidence", "evidence / checks", "checks", "gate report", "evidence/checks",
            "gate report / evidence", "evidence / gate report", "notes / evidence",
        }
    ),
}  # fmt: skip

#: Headers of free-text columns that any protocol table may carry and no rule reads.
FREE_TEXT_COLUMNS: frozenset[str] = frozenset(
    {
        "notes", "note", "comments", "comment", "remarks", "description", "summary", "goal",
        "goals", "title", "name", "scope", "priority", "eta", "branch", "pr", "pull request",
        "session", "terminal", "blockers", "blocker", "next step", "next steps", "date",
        "time", "timestamp", "reviewer", "reviewed by", "sprint", "batch", "batch id",
        "outcome", "result", "risk", "risks", "estimate", "effort", "size", "link", "links",
        "brief", "deliverable", "deliverables", "artifact", "artifacts", "ticket link",
        "#", "no", "no.", "id", "type", "lane type", "kind", "reason", "why", "details",
        "gate report", "evidence", "verdict", "commit", "pushed", "merged", "push",
        "accepted at", "submitted", "submitted at", "started", "finished", "owner name",
        "assignee", "who", "contact", "started at", "due", "deadline", "context",
    }
)  # fmt: skip
