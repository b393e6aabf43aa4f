"""Applying rule fixes to files: plan in memory, show as a diff, or write atomically.

A fix run reads each file once, applies the fixes its findings carry until none is left (so
a second run changes nothing), and writes the new bytes only if the file still has the bytes
it had when read. Line endings (per line), the byte-order mark and UTF-8 are kept.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.passes import (
    RunSettings,
    document_context,
    file_ignored,
    is_protocol_rule,
    rule_pass,
)
from lanelint.linter.engine.payloads import Fix, InsertGateSection, InsertLines, Replace, payloads
from lanelint.linter.engine.suppressions import read_suppressions
from lanelint.linter.fixes.edits import Lines, apply
from lanelint.linter.io.discovery import FileEntry
from lanelint.linter.io.source import UTF8_BOM, digest_bytes
from lanelint.linter.io.writes import ChangedOnDiskError, write_bytes_atomic
from lanelint.linter.markdown.document import Document
from lanelint.linter.markdown.parse import parse_document
from lanelint.linter.protocol.artifacts.gate_report import GATE_SECTIONS, GateReport
from lanelint.linter.protocol.artifacts.model import Artifacts, extract
from lanelint.linter.protocol.documents import classify
from lanelint.linter.run.driver import Run
from lanelint.linter.skeletons import gate_section_stubs

#: Section index -> (heading text, stub lines), from the gate-report template.
Stubs = dict[int, tuple[str, list[str]]]
MAX_PASSES = 10
_NUMBERED = re.compile(r"(\d{1,2})([).:]?)[ \t]+(.*)")


@dataclass
class FilePlan:
    """The fixes for one file, computed in memory."""

    path: Path
    display: str
    digest: str
    before: Lines
    after: Lines
    bom: bool
    fixed: int = 0
    codes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.before.text() != self.after.text()

    def data(self) -> bytes:
        body = self.after.text().encode("utf-8")
        return UTF8_BOM + body if self.bom else body

    def diff(self) -> str:
        old = self.before.lf_text().splitlines(keepends=True)
        new = self.after.lf_text().splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, f"a/{self.display}", f"b/{self.display}")
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass
class FixRun:
    plans: list[FilePlan] = field(default_factory=list)
    written: list[FilePlan] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[FilePlan]:
        return [plan for plan in self.plans if plan.changed]

    @property
    def fixed(self) -> int:
        return sum(plan.fixed for plan in self.written)


def _gate_heading(report: GateReport, index: int, stubs: Stubs) -> str:
    heading = stubs[index][0] if index in stubs else GATE_SECTIONS[index][0]
    match = _NUMBERED.fullmatch(heading)
    name = match.group(3) if match else heading
    for section in report.sections:
        numbered = _NUMBERED.fullmatch(section.heading)
        if section.index is not None and numbered:
            return f"{index + 1}{numbered.group(2)} {name}"
    if report.sections and all(s.number is None for s in report.sections):
        return name
    return f"{index + 1}) {name}"


def _last_filled(document: Document, start: int, end: int) -> int:
    while end > start and not document.line_text(end).strip():
        end -= 1
    return end


def gate_section_edit(
    document: Document, report: GateReport, index: int, stubs: Stubs
) -> InsertLines:
    """Where missing section ``index`` goes, and its heading and stub text."""
    heading = "## " + _gate_heading(report, index, stubs)
    stub = stubs[index][1] if index in stubs else []
    known = [s for s in report.sections if s.index is not None]
    before = [s for s in known if s.index is not None and s.index < index]
    after = [s for s in known if s.index is not None and s.index > index]
    if before:
        anchor = max(before, key=lambda s: (s.index or 0, s.line))
        end = _last_filled(document, anchor.line, anchor.end_line)
        return InsertLines(end, ("", heading, "", *stub) if stub else ("", heading), index)
    if after:
        first = min(after, key=lambda s: s.line)
        block = (heading, "", *stub, "") if stub else (heading, "")
        return InsertLines(first.line - 1, block, index)
    end = _last_filled(document, 0, len(document.lines))
    block = (heading, "", *stub) if stub else (heading,)
    return InsertLines(end, ("", *block) if end else block, index)


def finding_edits(
    fix: Fix | None, document: Document, artifacts: Artifacts, stubs: Callable[[], Stubs]
) -> list[Replace | InsertLines]:
    """The edits that one finding's fix payload (or payloads) make on ``document``."""
    edits: list[Replace | InsertLines] = []
    for payload in payloads(fix):
        if isinstance(payload, Replace | InsertLines):
            edits.append(payload)
        elif isinstance(payload, InsertGateSection) and artifacts.gate_report:
            edits.append(gate_section_edit(document, artifacts.gate_report, payload.index, stubs()))
    return edits


def _one_pass(
    lines: Lines,
    display: str,
    settings: RunSettings,
    stubs: Callable[[], Stubs],
    codes: list[str],
    seen: set[tuple[str, str]],
) -> int:
    """Apply every fix found in one reading of the text; the number of findings fixed.

    A finding already fixed in an earlier pass (same code and message) is not fixed again, so
    a fix that does not make its finding go away can never repeat itself.
    """
    document = parse_document(display, lines.lf_text())
    artifacts = extract(document, settings.roles)
    if artifacts.is_template:
        return 0
    config = settings.config
    protocol = classify(artifacts, document, config.root, config.documents).is_protocol
    context = document_context(document, artifacts, settings)
    suppressions = read_suppressions(document.comments, max(len(document.lines), 1))
    found_now: set[tuple[str, str]] = set()
    replaces: list[Replace] = []
    inserts: list[InsertLines] = []
    owners: list[tuple[str, int, int]] = []  # (code, first edit, last edit) per finding
    fixable = [
        rule
        for rule in settings.rules
        if rule.fixable
        and not file_ignored(rule.code, display, settings.config)
        and (protocol or not is_protocol_rule(rule.code))  # PDP rules: protocol documents only
    ]
    for outcome in rule_pass(context, fixable):
        rule = outcome.rule
        for finding in outcome.findings:
            if finding.fix is None or any(s.covers(rule.code, finding.line) for s in suppressions):
                continue
            key = (rule.code, finding.message)
            if key in seen:
                continue
            found_now.add(key)
            for edit in finding_edits(finding.fix, document, artifacts, stubs):
                if isinstance(edit, Replace):
                    replaces.append(edit)
                    owners.append((rule.code, len(replaces) - 1, -1))
                else:
                    inserts.append(edit)
                    owners.append((rule.code, -1, len(inserts) - 1))
    seen.update(found_now)
    if not replaces and not inserts:
        return 0
    applied = apply(lines, replaces, inserts)
    done = 0
    for code, replace_at, insert_at in owners:
        ok = applied[replace_at] if replace_at >= 0 else applied[len(replaces) + insert_at]
        if ok:
            done += 1
            codes.append(code)
    return done


def plan_text(
    data: bytes, path: Path, display: str, settings: RunSettings, stubs: Callable[[], Stubs]
) -> FilePlan | None:
    """The fixed version of a file's bytes; ``None`` when they are not UTF-8 text."""
    bom = data.startswith(UTF8_BOM)
    try:
        text = data[len(UTF8_BOM) :].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    before = Lines.parse(text)
    after = Lines.parse(text)
    plan = FilePlan(path, display, digest_bytes(data), before, after, bom)
    seen: set[tuple[str, str]] = set()
    for _ in range(MAX_PASSES):
        done = _one_pass(after, display, settings, stubs, plan.codes, seen)
        if not done:
            break
        plan.fixed += done
    return plan


def write_plan(
    plan: FilePlan, *, root: Path | None = None, allow_outside: bool = False
) -> str | None:
    """Write a changed plan atomically; a message instead when the file changed meanwhile.

    With ``root``, a file that resolves outside it (say, through a symbolic link) is refused
    unless ``allow_outside`` says the user named that exact file.
    """
    try:
        write_bytes_atomic(
            plan.path,
            plan.data(),
            expected_digest=plan.digest,
            root=root,
            allow_outside=allow_outside,
        )
    except ChangedOnDiskError:
        return f"{plan.display}: changed on disk after it was read; not fixed"
    except OSError as exc:
        return f"{plan.display}: cannot write fixes: {exc.strerror or exc}"
    return None


def fix_entries(
    entries: Sequence[FileEntry],
    settings: RunSettings,
    *,
    write: bool,
    stubs: Callable[[], Stubs],
) -> FixRun:
    run = FixRun()
    for entry in entries:
        try:
            data = entry.path.read_bytes()
        except OSError:
            continue  # reported as LL001 by the check that follows
        plan = plan_text(data, entry.path, entry.display, settings, stubs)
        if plan is None or not plan.changed:
            continue
        run.plans.append(plan)
        if write:
            problem = write_plan(plan, root=settings.config.root, allow_outside=entry.explicit)
            if problem is None:
                run.written.append(plan)
            else:
                run.skipped.append(problem)
    return run


def fix_paths(paths: Sequence[Path], config: Config, *, write: bool) -> FixRun:
    """Fix (or, with ``write=False``, only plan) every document under ``paths``."""
    return fix_run(Run(config), list(paths), write=write)


def fix_run(run: Run, paths: Sequence[Path], *, write: bool) -> FixRun:
    """Fix the documents below ``paths`` with the run's settings; the files written are
    checked again by the run, so that a report that follows sees the fixed text."""
    entries = run.add_targets(list(paths))
    settings = run.settings
    cache: list[Stubs] = []

    def stubs() -> Stubs:
        if not cache:
            cache.append(gate_section_stubs(settings.config))
        return cache[0]

    done = fix_entries(entries, settings, write=write, stubs=stubs)
    for plan in done.written:
        run.reload(plan.display)
    return done
