"""Everything the protocol's rules read from one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from lanelint.linter.artifacts.gate_report import GateReport, read_gate_report
from lanelint.linter.artifacts.lane_plan import LanePlan, read_lane_plans
from lanelint.linter.artifacts.ledger import Ledger, read_ledgers
from lanelint.linter.artifacts.placeholders import (
    Placeholder,
    find_placeholders,
    is_template_path,
)
from lanelint.linter.artifacts.stamp import PreflightStamp, read_stamps
from lanelint.linter.document import Document
from lanelint.linter.roles import RoleBook


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
        return found


def extract(document: Document, roles: RoleBook) -> Artifacts:
    """Read every artifact FORMATS.md defines from ``document``.

    Templates are recognised and yield no artifacts: they are schemas, not filled documents.
    """
    if is_template_path(document.path):
        return Artifacts(path=document.path, is_template=True)
    return Artifacts(
        path=document.path,
        stamps=read_stamps(document),
        lane_plans=read_lane_plans(document, roles),
        gate_report=read_gate_report(document),
        ledgers=read_ledgers(document),
        placeholders=find_placeholders(document),
    )
