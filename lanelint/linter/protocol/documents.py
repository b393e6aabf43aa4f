"""Which documents are protocol documents, and which artifacts make them so.

Every PDP rule speaks only about protocol documents: a document that holds a recognisable
protocol artifact, or that the ``documents`` configuration names. The readers in
:mod:`lanelint.linter.protocol.artifacts` are forgiving (a table with a ``Lane`` and an
``Owner`` column is read as a lane plan); this module asks for the further evidence that
tells a protocol artifact from a table about a swimming pool:

- **preflight stamp**: a fenced block whose first line is ``PREFLIGHT STAMP``, unless a
  lead-in introduces it as an example (``The stamp looks like this:``).
- **lane plan**: a lane table that also has a task, dependency, files or acceptance column,
  and either a lane owned by a protocol role together with a protocol lane id (``A``..``E``,
  ``L1``, ``Lane B``), a marked dependency (``none``/``soft``/``hard``) or a batch id in the
  document; or owner cells that are all template placeholders.
- **gate report**: a document titled or named as a gate report with the section ``Role
  confirmation`` or ``Implementation handoff``, or at least five of the seven sections, or
  one of them where the title names a task id (``# Gate Report: T-2``).
- **ledger**: a commit-and-verdict table with a row whose verdict is ``accepted``,
  ``rejected`` or ``pending``, or whose commit is a commit id or range where the table also
  has a lane, task or evidence column (a ``git bisect`` log of good and bad commits is no
  ledger); or a row of placeholders.
- **heartbeat**: a timestamped entry that names a lane or task, or has all of ``status``,
  ``blockers`` and ``next step``; or a heartbeat log (by title or file name) that names a
  lane and has two of those fields.
- **escalation**: one that reaches a protocol role and names a lane or task, or says the lane
  is blocked.
- **baseline**: a section headed ``Approved baseline`` / ``Task baseline`` / ``Batch
  baseline`` listing task ids.
- **task**: a task file in a ``TASKS`` folder or named ``TASK_<id>.md``.
- **batch notes**: a ``Batch id`` line naming one id (``B-7``) together with a TL override
  naming a lane, an approval naming a role, a push record of commits or a ``Baseline
  source`` path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from lanelint.linter.io import globs
from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.artifacts import mentions
from lanelint.linter.protocol.artifacts.gate_report import GATE_SECTIONS, GateReport
from lanelint.linter.protocol.artifacts.heartbeat import is_heartbeat_log
from lanelint.linter.protocol.artifacts.lane_plan import LanePlan
from lanelint.linter.protocol.artifacts.ledger import VERDICTS, Ledger, is_commit_ref
from lanelint.linter.protocol.artifacts.mentions import lane_ids
from lanelint.linter.protocol.artifacts.notes import Notes
from lanelint.linter.protocol.artifacts.placeholders import introduced
from lanelint.linter.protocol.artifacts.stamp import is_stamp
from lanelint.linter.protocol.document_class import OTHER, PROTOCOL, TEMPLATE, DocumentClass
from lanelint.linter.protocol.vocabulary.placeholders import is_placeholder
from lanelint.linter.protocol.vocabulary.recognition import (
    BASELINE_QUALIFIERS,
    DISTINCTIVE_GATE_SECTIONS,
    ESCALATION_WORDS,
    GATE_SECTIONS_NEEDED,
    HEARTBEAT_FIELDS_NEEDED,
    TASK_FILE_PREFIXES,
    TASK_FOLDERS,
)

_WORDS = re.compile(r"[a-z]+")
_EXTRA_LANE_COLUMNS = ("task", "dependency", "files", "acceptance")
_EXTRA_LEDGER_COLUMNS = ("lane", "task", "evidence")
_MAX_BATCH_ID = 40
_HEARTBEAT_KEYS = frozenset({"status", "blockers", "blocker", "next step", "next steps"})

if TYPE_CHECKING:
    from lanelint.linter.protocol.artifacts.model import Artifacts


def _lane_id(text: str) -> bool:
    """A protocol lane id: ``A``..``E`` (any letter), ``L1``, ``3``, ``Lane B``, ``lane-L2``."""
    text = text.strip()
    if text[:4].casefold() == "lane":
        text = text[4:].lstrip(" \t_-")
    if len(text) == 1:
        return text.isalnum()
    head, tail = text[:1], text[1:]
    return (head.isalpha() and head.isascii() and tail.isdigit() and len(tail) <= 2) or (
        text.isdigit() and len(text) <= 2
    )


def _placeholder(text: str) -> bool:
    return is_placeholder(text)


def _lane_plan(plan: LanePlan, batch: bool) -> bool:
    if not plan.lanes:
        return False
    if all(_placeholder(lane.owner_text) for lane in plan.lanes):
        return True
    if not any(name in plan.columns for name in _EXTRA_LANE_COLUMNS):
        return False
    owned = [lane for lane in plan.lanes if lane.owners]
    if not owned:
        return False
    if batch:
        return True
    if any(_lane_id(lane.id) for lane in owned):
        return True
    return any(lane.dependency is not None and lane.dependency.marked for lane in plan.lanes)


def _gate_report(report: GateReport) -> bool:
    matched = {section.index for section in report.sections if section.index is not None}
    distinctive = {
        index for index, (name, _) in enumerate(GATE_SECTIONS) if name in DISTINCTIVE_GATE_SECTIONS
    }
    if matched & distinctive or len(matched) >= GATE_SECTIONS_NEEDED:
        return True
    task = mentions.TASK_ID.fullmatch(report.task.strip())
    named = task is not None and any(char.isdigit() for char in report.task)
    return bool(matched) and (named or _placeholder(report.task))


def _ledger(ledger: Ledger) -> bool:
    described = any(name in ledger.columns for name in _EXTRA_LEDGER_COLUMNS)
    for row in ledger.rows:
        if _placeholder(row.verdict_text or row.verdict) and _placeholder(row.commit):
            return True
        if row.verdict in VERDICTS or (described and is_commit_ref(row.commit)):
            return True
    return False


def _baseline_heading(heading: str) -> bool:
    words = set(_WORDS.findall(heading.casefold()))
    return "baseline" in words and any(word in words for word in BASELINE_QUALIFIERS)


def _task_file(path: str) -> bool:
    posix = PurePosixPath(path.replace("\\", "/"))
    if any(part.casefold() in TASK_FOLDERS for part in posix.parts[:-1]):
        return True
    return posix.name.casefold().startswith(TASK_FILE_PREFIXES)


def _heartbeat_log(document: Document) -> bool:
    """A heartbeat log (by title or name) whose entries carry heartbeat fields and name a
    lane, even where their time is still a placeholder."""
    if not is_heartbeat_log(document):
        return False
    keys = {" ".join(item.key.casefold().split()) for item in document.meta}
    if len(keys & _HEARTBEAT_KEYS) < HEARTBEAT_FIELDS_NEEDED:
        return False
    return "lane" in keys or any(lane_ids(heading.text) for heading in document.headings)


def _stamp_examples(document: Document) -> int:
    """How many stamp blocks stand right after a lead-in (``The stamp looks like this:``)."""
    return sum(1 for f in document.fences if is_stamp(f) and introduced(document, f.line))


def _batch_notes(notes: Notes) -> bool:
    """A batch id (one token: ``B-7``) with a lane override, a role's approval, a push of
    commits or a baseline source path."""
    batch = notes.batch.strip()
    if not batch or len(batch) > _MAX_BATCH_ID or any(char.isspace() for char in batch):
        return False
    return (
        any(lane_ids(note.text) for note in notes.overrides)
        or any(note.roles for note in notes.approvals)
        or any(note.refs for note in notes.pushes)
        or any("/" in source or source.endswith(".md") for source in notes.baseline_sources)
    )


def recognised_kinds(artifacts: Artifacts, document: Document) -> tuple[str, ...]:
    """The protocol artifacts of a document that are recognisable as such (see module doc)."""
    if artifacts.is_template:
        return ()
    found: list[str] = []
    if len(artifacts.stamps) > _stamp_examples(document):
        found.append("preflight-stamp")
    batch = bool(artifacts.notes is not None and artifacts.notes.batch)
    if any(_lane_plan(plan, batch) for plan in artifacts.lane_plans):
        found.append("lane-plan")
    if artifacts.gate_report is not None and _gate_report(artifacts.gate_report):
        found.append("gate-report")
    if any(_ledger(ledger) for ledger in artifacts.ledgers):
        found.append("ledger")
    beats = artifacts.heartbeats
    if any(
        beat.lane or beat.task or all((beat.status, beat.blockers, beat.next_step))
        for beat in beats
    ) or _heartbeat_log(document):
        found.append("heartbeat")
    for escalation in artifacts.escalations:
        said = escalation.reason.casefold()
        stuck = any(word in said for word in ESCALATION_WORDS)
        named = escalation.lane or escalation.task or stuck
        if escalation.recipients and named and (escalation.sender or escalation.lane):
            found.append("escalation")
            break
    if any(s.tasks and _baseline_heading(s.heading) for s in artifacts.baselines):
        found.append("baseline")
    if _task_file(artifacts.path) and any(n.kind == "file" for n in artifacts.task_notes):
        found.append("task")
    if artifacts.notes is not None and _batch_notes(artifacts.notes):
        found.append("batch-notes")
    return tuple(found)


def relative_path(path: str, root: Path) -> str:
    """``path`` relative to ``root`` with ``/`` separators, or ``""`` outside it."""
    absolute = os.path.abspath(path)
    base = os.path.join(os.path.abspath(root), "")
    if not absolute.startswith(base):
        return ""
    return absolute[len(base) :].replace(os.sep, "/")


def matches_documents(path: str, root: Path, patterns: Sequence[str]) -> bool:
    """Whether the ``documents`` globs (relative to the project root) name ``path``."""
    if not patterns:
        return False
    relative = relative_path(path, root)
    name = relative.rsplit("/", 1)[-1] if relative else PurePosixPath(path).name
    for pattern in patterns:
        if "/" not in pattern.strip().rstrip("/"):
            if globs.matches(name, pattern.strip()):
                return True
        elif relative and globs.matches(relative, pattern):
            return True
    return False


def classify(
    artifacts: Artifacts, document: Document, root: Path, patterns: Sequence[str] = ()
) -> DocumentClass:
    """How the run takes a document: a template, a protocol document, or another document.

    It is a protocol document when it holds an artifact recognisable as the protocol's (see
    :func:`recognised_kinds`) or the ``documents`` globs name it.
    """
    if artifacts.is_template:
        return DocumentClass(TEMPLATE)
    kinds = recognised_kinds(artifacts, document)
    configured = matches_documents(artifacts.path, root, patterns)
    if kinds or configured:
        return DocumentClass(PROTOCOL, kinds, configured)
    return DocumentClass(OTHER)
