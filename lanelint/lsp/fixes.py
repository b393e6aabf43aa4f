"""Code actions from the fix engine (:mod:`lanelint.linter.fixes`): the same edits as ``--fix``.

For one finding, the rule is run again on the buffer to get the fix it attaches; the payloads
are applied to a copy of the text and the change is sent back as one edit over the lines that
differ. A finding the engine cannot fix gets no code action.
"""

from __future__ import annotations

from dataclasses import dataclass

from lanelint.linter.engine.diagnostics import Diagnostic
from lanelint.linter.engine.passes import RunSettings, document_context, rule_pass
from lanelint.linter.engine.registry import DocumentRule
from lanelint.linter.markdown.parse import parse_document
from lanelint.linter.protocol.artifacts.model import extract


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace 0-based lines ``start`` (inclusive) to ``end`` (exclusive) by ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class QuickFix:
    title: str
    replacements: tuple[Replacement, ...]


def fixed_text(diagnostic: Diagnostic, text: str, path: str, settings: RunSettings) -> str | None:
    """The buffer with the fix of ``diagnostic`` applied, or ``None`` where it has none."""
    from lanelint.linter.engine.payloads import InsertLines, Replace
    from lanelint.linter.fixes.edits import Lines, apply
    from lanelint.linter.fixes.engine import finding_edits

    rule = next((r for r in settings.rules if r.code == diagnostic.code), None)
    if not isinstance(rule, DocumentRule) or not rule.fixable:
        return None
    document = parse_document(path, text)
    artifacts = extract(document, settings.roles)
    context = document_context(document, artifacts, settings)
    finding = next(
        (
            f
            for outcome in rule_pass(context, [rule])
            for f in outcome.findings
            if f.fix is not None and f.line == diagnostic.line and f.message == diagnostic.message
        ),
        None,
    )
    if finding is None:
        return None
    from lanelint.linter.skeletons import gate_section_stubs

    edits = finding_edits(
        finding.fix, document, artifacts, lambda: gate_section_stubs(settings.config)
    )
    replaces = [edit for edit in edits if isinstance(edit, Replace)]
    inserts = [edit for edit in edits if isinstance(edit, InsertLines)]
    lines = Lines.parse(text)
    if not any(apply(lines, replaces, inserts)):
        return None
    return lines.lf_text()


def line_change(old: str, new: str) -> Replacement:
    """One replacement of whole lines that turns ``old`` into ``new``."""
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_old, end_new = len(before), len(after)
    while end_old > start and end_new > start and before[end_old - 1] == after[end_new - 1]:
        end_old -= 1
        end_new -= 1
    inserted = "".join(after[start:end_new])
    return Replacement(start, end_old, inserted)


def code_action_fix(
    diagnostic: Diagnostic, text: str, path: str, settings: RunSettings
) -> QuickFix | None:
    """The fix engine's fix for ``diagnostic``, as one replacement of whole lines, or ``None``."""
    try:
        new = fixed_text(diagnostic, text, path, settings)
    except Exception:  # the fix engine must never take the editor session down
        new = None
    if new is None or new == text:
        return None
    return QuickFix(f"Fix {diagnostic.code}: {diagnostic.message}", (line_change(text, new),))
