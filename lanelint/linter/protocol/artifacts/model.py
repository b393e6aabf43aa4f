"""Everything the protocol's rules read from one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.artifacts.baseline import (
    BaselineFacts,
    BaselineSection,
    read_baseline_facts,
    read_baselines,
)
from lanelint.linter.protocol.artifacts.escalation import Escalation, read_escalations
from lanelint.linter.protocol.artifacts.gate_report import GateReport, read_gate_report
from lanelint.linter.protocol.artifacts.heartbeat import Heartbeat, read_heartbeats
from lanelint.linter.protocol.artifacts.lane_plan import LanePlan, read_lane_plans
from lanelint.linter.protocol.artifacts.ledger import Ledger, read_ledgers
from lanelint.linter.protocol.artifacts.locks import LockAssignment, read_locks
from lanelint.linter.protocol.artifacts.notes import Notes, read_notes
from lanelint.linter.protocol.artifacts.placeholders import (
    Placeholder,
    find_placeholders,
    is_template_path,
)
from lanelint.linter.protocol.artifacts.stamp import PreflightStamp, read_stamps
from lanelint.linter.protocol.artifacts.sync import SyncRecord, read_syncs
from lanelint.linter.protocol.artifacts.task_file import TaskNote, read_task_notes
from lanelint.linter.protocol.roles import RoleBook


@dataclass(slots=True)
class Artifacts:
    """The typed artifacts of one document. A document may hold several of them."""

    path: str
    is_template: bool = False
    stamps: list[PreflightStamp] = field(default_factory=list)
    lane_plans: list[LanePlan] = field(default_factory=list)
    gate_report: GateReport | None = None
    ledgers: list[Ledger] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)
    heartbeats: list[Heartbeat] = field(default_factory=list)
    escalations: list[Escalation] = field(default_factory=list)
    baselines: list[BaselineSection] = field(default_factory=list)
    baseline_facts: BaselineFacts | None = None
    task_notes: list[TaskNote] = field(default_factory=list)
    notes: Notes | None = None
    syncs: list[SyncRecord] = field(default_factory=list)
    #: The file locks the document records (lane plans carry the same in ``plan.locks``).
    locks: tuple[LockAssignment, ...] = ()

    @property
    def kinds(self) -> list[str]:
        """The protocol kinds this document holds; empty for documents of no kind."""
        found = []
        if self.stamps:
            found.append("preflight-stamp")
        if self.lane_plans:
            found.append("lane-plan")
        if self.gate_report is not None:
            found.append("gate-report")
        if self.ledgers:
            found.append("ledger")
        if self.heartbeats:
            found.append("heartbeat")
        if self.escalations:
            found.append("escalation")
        if any(section.tasks for section in self.baselines):
            found.append("baseline")
        if self.task_notes:
            found.append("task")
        return found


def extract(document: Document, roles: RoleBook) -> Artifacts:
    """Read every artifact FORMATS.md defines from ``document``.

    Templates are recognised and yield no artifacts: they are schemas, not filled documents.
    """
    if is_template_path(document.path):
        return Artifacts(path=document.path, is_template=True)
    gate_report = read_gate_report(document)
    artifacts = Artifacts(
        path=document.path,
        stamps=read_stamps(document),
        lane_plans=read_lane_plans(document, roles),
        gate_report=gate_report,
        ledgers=read_ledgers(document),
        placeholders=find_placeholders(document),
        heartbeats=read_heartbeats(document),
        escalations=read_escalations(document, roles),
        baselines=read_baselines(document),
        baseline_facts=read_baseline_facts(document),
        task_notes=read_task_notes(document, gate_report is not None),
        notes=read_notes(document, roles),
        syncs=read_syncs(document),
        locks=read_locks(document),
    )
    return artifacts
