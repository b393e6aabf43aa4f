"""The kinds of skeleton ``lanelint new`` writes, their templates and default file names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of document: its template file, the values it needs and where it goes."""

    name: str
    template: str
    required: tuple[str, ...]
    output: str
    summary: str


#: Kind name -> kind. Output patterns are relative to the project root; ``{task}``,
#: ``{lane}``, ``{role}``, ``{runtime}`` and ``{date}`` are filled from the values.
KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "preflight-stamp",
            "preflight_stamp.md.j2",
            ("role", "runtime"),
            "spec/operations/preflight_stamp_{task}_{date}.md",
            "preflight stamp for the start of a lane session (section 3)",
        ),
        Kind(
            "gate-report",
            "gate_report.md.j2",
            ("task", "role", "runtime"),
            "spec/operations/gate_report_{task}_{date}.md",
            "gate report with the seven sections (section 7)",
        ),
        Kind(
            "workboard",
            "workboard.md.j2",
            (),
            "spec/operations/parallel_workboard_{date}.md",
            "parallel workboard: batch metadata, lanes, acceptance queue (sections 2-7)",
        ),
        Kind(
            "heartbeat",
            "heartbeat.md.j2",
            ("lane",),
            "spec/operations/heartbeat_{lane}_{date}.md",
            "heartbeat entry for one lane (section 9)",
        ),
        Kind(
            "escalation",
            "escalation.md.j2",
            ("task", "role"),
            "spec/operations/escalation_{task}_{date}.md",
            "escalation of a blocked lane to the Technical Lead and Scrum Master (section 9)",
        ),
        Kind(
            "task",
            "task.md.j2",
            ("task",),
            "spec/TASKS/TASK_{task}.md",
            "task file: goal, scope, files, acceptance checks, rollback notes (section 4)",
        ),
    )
}

#: The values every kind takes, in prompt order.
VALUE_NAMES = ("task", "lane", "role", "runtime", "date")


def get_kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        known = ", ".join(KINDS)
        raise KeyError(f"unknown kind '{name}' (known kinds: {known})") from None
