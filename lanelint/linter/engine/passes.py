"""The rule engine: documents -> artifacts -> rules -> suppressions and severities -> sorted.

The engine receives its rules as data (:class:`~lanelint.linter.engine.registry.Rule`) and knows
none of them by name; it reports only its own ``LL`` codes (unreadable file, suppressions,
internal errors).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from functools import cached_property
from pathlib import Path

from lanelint.linter.engine import meta_rules
from lanelint.linter.engine.config import Config
from lanelint.linter.engine.context import DocumentContext, WorkspaceContext
from lanelint.linter.engine.diagnostics import Diagnostic, Finding, Location, Severity
from lanelint.linter.engine.registry import DocumentRule, Rule, WorkspaceRule
from lanelint.linter.engine.suppressions import Suppression, read_suppressions
from lanelint.linter.engine.waiver_checks import exception_records, void_waivers, waiver_findings
from lanelint.linter.io.source import DecodeError, decode
from lanelint.linter.markdown.document import Document
from lanelint.linter.markdown.parse import parse_document
from lanelint.linter.protocol.artifacts.model import Artifacts, extract
from lanelint.linter.protocol.artifacts.stamp import StampSchema
from lanelint.linter.protocol.document_class import OTHER, DocumentClass
from lanelint.linter.protocol.documents import classify
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.workspace.groups import batch_group
from lanelint.linter.workspace.index import WorkspaceIndex, build_index
from lanelint.linter.workspace.repository import RepositoryFiles
from lanelint.linter.workspace.summary import DocumentSummary, summarize


@dataclass(frozen=True)
class RunSettings:
    """Everything the per-document phase needs; picklable, so workers can receive it."""

    config: Config
    rules: tuple[Rule, ...]
    known_codes: tuple[str, ...]
    stamp_schema: StampSchema

    @cached_property
    def roles(self) -> RoleBook:
        """Made once: the per-document phase asks for it two or three times a document."""
        return RoleBook(self.config.role_aliases)


@dataclass
class DocumentResult:
    """What the per-document phase learnt about one file."""

    path: str
    digest: str | None = None
    #: The full artifacts, for callers that build a result themselves; the per-document
    #: phase keeps only ``summary``.
    artifacts: Artifacts | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    line_count: int = 0
    #: What the document contributes to the workspace phase (computed with its artifacts).
    summary: DocumentSummary | None = None
    #: How the run took the document: a protocol document, another document, a template.
    taken: DocumentClass | None = None


def is_protocol_rule(code: str) -> bool:
    """PDP codes speak about protocol documents only; the engine's LL codes about every file."""
    return code.startswith("PDP")


def document_class(result: DocumentResult) -> DocumentClass:
    """How the run took the document of ``result``: protocol document, other, template."""
    return result.taken if result.taken is not None else DocumentClass(OTHER)


def is_enabled(code: str, config: Config) -> bool:
    """``select`` and ``ignore`` by code or prefix; ``LL`` codes are on unless ignored."""
    if any(code.startswith(prefix) or prefix == "ALL" for prefix in config.ignore):
        return False
    if code.startswith("LL") or not config.select:
        return True
    return any(prefix == "ALL" or code.startswith(prefix) for prefix in config.select)


def severity_of(rule: Rule, config: Config) -> Severity:
    """The configured severity for a code: the longest matching prefix wins."""
    best: tuple[int, Severity] | None = None
    for prefix, level in config.severity.items():
        if rule.code.startswith(prefix) and (best is None or len(prefix) > best[0]):
            best = (len(prefix), level)
    return best[1] if best else rule.severity


def _diagnostic(rule: Rule, finding: Finding, path: str, config: Config) -> Diagnostic:
    location = Location(
        finding.path or path,
        max(finding.line, 1),
        max(finding.column, 1),
        finding.end_line,
        finding.end_column,
    )
    return Diagnostic(
        rule.code,
        severity_of(rule, config),
        finding.message,
        location,
        finding.related,
        rule.fixable and finding.fix is not None,
    )


def _crash(rule: Rule, path: str, exc: BaseException) -> Diagnostic:
    return Diagnostic(
        meta_rules.RULE_CRASHED.code,
        Severity.ERROR,
        f"rule {rule.code} failed on this file: {type(exc).__name__}: {exc}",
        Location(path, 1),
    )


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    """What one document rule said about one document: its findings, or the error it raised."""

    rule: Rule
    findings: tuple[Finding, ...] = ()
    error: Exception | None = None


def rule_pass(context: DocumentContext, rules: Iterable[Rule]) -> Iterator[RuleOutcome]:
    """The one per-document rule pass: each document rule of ``rules`` over ``context``.

    ``check``, ``--fix`` and the editor's code actions all run rules through here; a rule that
    raises gives an outcome holding the error, and the pass goes on.
    """
    for rule in rules:
        if not isinstance(rule, DocumentRule):
            continue
        findings: list[Finding] = []
        try:
            findings.extend(rule.run(context))
        except Exception as exc:  # isolation: one broken rule never stops the run
            yield RuleOutcome(rule, tuple(findings), exc)
            continue
        yield RuleOutcome(rule, tuple(findings))


def document_context(
    document: Document, artifacts: Artifacts, settings: RunSettings
) -> DocumentContext:
    return DocumentContext(
        document, artifacts, settings.config, settings.roles, settings.stamp_schema
    )


def run_document_rules(
    document: Document, artifacts: Artifacts, settings: RunSettings, protocol: bool = True
) -> list[Diagnostic]:
    """The document rules on one document; PDP rules only where it is a protocol document."""
    context = document_context(document, artifacts, settings)
    rules = (
        settings.rules if protocol else [r for r in settings.rules if not is_protocol_rule(r.code)]
    )
    found: list[Diagnostic] = []
    for outcome in rule_pass(context, rules):
        for finding in outcome.findings:
            found.append(_diagnostic(outcome.rule, finding, document.path, settings.config))
        if outcome.error is not None:
            found.append(_crash(outcome.rule, document.path, outcome.error))
    return found


def check_bytes(path: str, data: bytes, settings: RunSettings) -> DocumentResult:
    """The per-document phase for one file's bytes."""
    result = DocumentResult(path)
    try:
        source = decode(data)
    except DecodeError as exc:
        result.diagnostics.append(
            Diagnostic(
                meta_rules.UNREADABLE_FILE.code,
                Severity.ERROR,
                exc.message,
                Location(path, exc.line),
            )
        )
        return result
    result.digest = source.digest
    return check_text(path, source.text, settings, result)


def check_text(
    path: str, text: str, settings: RunSettings, result: DocumentResult | None = None
) -> DocumentResult:
    result = result or DocumentResult(path)
    try:
        document = parse_document(path, text)
        artifacts = extract(document, settings.roles)
    except Exception as exc:  # isolation: a parser bug becomes a finding
        result.diagnostics.append(
            Diagnostic(
                meta_rules.PARSE_FAILED.code,
                Severity.ERROR,
                f"could not parse this file: {type(exc).__name__}: {exc}",
                Location(path, 1),
            )
        )
        return result
    result.line_count = len(document.lines)
    # Only the summary outlives the per-document phase: memory grows with lanes and rows,
    # not with the text (``artifacts`` stays empty unless a caller fills it).
    config = settings.config
    result.taken = classify(artifacts, document, config.root, config.documents)
    protocol = result.taken.is_protocol
    result.summary = summarize(workspace_view(artifacts, protocol), document)
    result.suppressions = read_suppressions(document.comments, max(len(document.lines), 1))
    if artifacts.lane_plans:
        result.suppressions.extend(exception_records(document, settings.roles))
    if not artifacts.is_template:
        result.diagnostics.extend(run_document_rules(document, artifacts, settings, protocol))
    return result


def _summary_of(result: DocumentResult) -> DocumentSummary:
    """The result's summary; one made from its artifacts where it has none."""
    if result.summary is not None:
        return result.summary
    assert result.artifacts is not None
    return summarize(result.artifacts)


def workspace_view(artifacts: Artifacts, protocol: bool) -> Artifacts:
    """What a document contributes to the workspace phase.

    A protocol document contributes all its artifacts. Any other document contributes only
    what a protocol document may look up in it, as evidence or by naming it: the task ids it
    lists (where a ``Baseline source`` names it), the acceptance checks of a task, its batch
    id with approvals and TL overrides, rebase notes, ``[ASSUMPTION]`` tags (read where a
    lane's files name the document), and daily sync records (a sync kept in meeting notes
    still counts as held). It holds no lane, ledger row, stamp, report, heartbeat,
    escalation, baseline section or push record of its own, so no cross-document rule starts
    from it: a finding can only reach it through a protocol document that names it.
    """
    if protocol or artifacts.is_template:
        return artifacts
    notes = artifacts.notes
    return Artifacts(
        path=artifacts.path,
        baseline_facts=artifacts.baseline_facts,
        task_notes=list(artifacts.task_notes),
        notes=(replace(notes, pushes=()) if notes is not None else None),
        syncs=list(artifacts.syncs),
    )


def run_workspace_rules(
    results: Sequence[DocumentResult],
    settings: RunSettings,
    extras: dict[str, object] | None = None,
    repository: RepositoryFiles | None = None,
    base: Path | None = None,
) -> list[Diagnostic]:
    """The cross-document phase: every workspace rule once, over all summaries.

    Documents that are not protocol documents are seen only as :func:`workspace_view` gives
    them (their summaries are made from that view). ``repository`` is the caller's view of the
    files on disk (for claims that a file exists), so that it can tell afterwards what the
    phase looked at.
    """
    documents = tuple(_summary_of(r) for r in results if r.summary or r.artifacts)
    index = None
    workspace_rules = [rule for rule in settings.rules if isinstance(rule, WorkspaceRule)]
    if workspace_rules:
        index = build_index(documents, settings.config.root, settings.roles, repository, base)
    context = WorkspaceContext(documents, settings.config, settings.roles, extras or {}, index)
    anchor = results[0].path if results else "."
    found: list[Diagnostic] = []
    for rule in workspace_rules:
        found.extend(_run_workspace_rule(rule, context, anchor, settings.config))
    return found


def _run_workspace_rule(
    rule: Rule, context: WorkspaceContext, anchor: str, config: Config
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    if not isinstance(rule, WorkspaceRule):
        return found
    try:
        for finding in rule.run(context):
            found.append(_diagnostic(rule, finding, anchor, config))
    except Exception as exc:  # isolation
        found.append(_crash(rule, anchor, exc))
    return found


@dataclass
class WorkspaceOutcome:
    """The findings of a workspace phase, and those of each batch to keep for the next one."""

    diagnostics: list[Diagnostic]
    by_batch: dict[str, list[Diagnostic]]


def run_workspace_incremental(
    index: WorkspaceIndex,
    settings: RunSettings,
    kept: Mapping[str, Sequence[Diagnostic]],
    stale: Callable[[str], bool],
    extras: dict[str, object] | None = None,
) -> WorkspaceOutcome:
    """The cross-document phase, re-checking only what a change touched.

    Rules that read the whole run (``reads="run"``) run as always. Rules that read one batch
    (``reads="batch"``) run once per batch whose group ``stale`` names (see
    :func:`lanelint.linter.workspace.groups.changed_groups`) or that ``kept`` does not hold;
    every other batch keeps its findings from ``kept``. With an empty ``kept`` this is a full
    phase whose ``by_batch`` can be kept for the next run.
    """
    config = settings.config
    context = WorkspaceContext(tuple(index.documents), config, settings.roles, extras or {}, index)
    anchor = index.documents[0].path if index.documents else "."
    found: list[Diagnostic] = []
    batch_rules: list[Rule] = []
    for rule in settings.rules:
        if not isinstance(rule, WorkspaceRule):
            continue
        if rule.reads == "batch":
            batch_rules.append(rule)
        else:
            found.extend(_run_workspace_rule(rule, context, anchor, config))
    by_batch: dict[str, list[Diagnostic]] = {}
    for batch_id, batch in index.batches.items():
        previous = kept.get(batch_id)
        if previous is not None and not stale(batch_group(batch_id)):
            by_batch[batch_id] = list(previous)
            continue
        one = dataclasses.replace(context, only=frozenset({batch_id}))
        by_batch[batch_id] = [
            d for rule in batch_rules for d in _run_workspace_rule(rule, one, batch.path, config)
        ]
    for diagnostics in by_batch.values():
        found.extend(diagnostics)
    return WorkspaceOutcome(found, by_batch)


def file_ignored(code: str, path: str, config: Config) -> bool:
    for glob, codes in config.per_file_ignores.items():
        matched = fnmatchcase(path, glob) or fnmatchcase(path, f"*/{glob}")
        if matched and any(code.startswith(c) or c == "ALL" for c in codes):
            return True
    return False


def finalize(
    results: Sequence[DocumentResult],
    extra: Iterable[Diagnostic],
    settings: RunSettings,
) -> list[Diagnostic]:
    """Apply suppressions, per-file ignores and select/ignore; add suppression findings; sort."""
    config = settings.config
    by_path = {r.path: r for r in results}
    used: set[int] = set()  # ids of the suppressions that suppressed something in this run
    void = void_waivers(results, config)  # waivers not in force: they suppress nothing
    kept: list[Diagnostic] = []
    for diagnostic in [d for r in results for d in r.diagnostics] + list(extra):
        if not is_enabled(diagnostic.code, config) and not diagnostic.code.startswith("LL9"):
            continue
        if file_ignored(diagnostic.code, diagnostic.path, config):
            continue
        owner = by_path.get(diagnostic.path)
        suppressed = False
        if owner is not None and not diagnostic.code.startswith("LL9"):
            for item in owner.suppressions:
                if id(item) not in void and item.covers(diagnostic.code, diagnostic.line):
                    used.add(id(item))
                    suppressed = True
        if not suppressed:
            kept.append(diagnostic)
    kept.extend(_suppression_findings(results, settings, used, void))
    kept.extend(
        waiver_findings(
            results,
            void,
            lambda code: is_enabled(code, config),
            lambda rule: severity_of(rule, config),
        )
    )
    kept.sort(key=Diagnostic.sort_key)
    return kept


def _suppression_findings(
    results: Sequence[DocumentResult],
    settings: RunSettings,
    used: set[int],
    void: Mapping[int, object] | None = None,
) -> list[Diagnostic]:
    config = settings.config
    ran = {rule.code for rule in settings.rules if is_enabled(rule.code, config)}
    found: list[Diagnostic] = []
    for result in results:
        for item in result.suppressions:
            location = Location(result.path, item.line, item.column)
            unknown = [
                c for c in item.codes if not any(k.startswith(c) for k in settings.known_codes)
            ]
            for code in unknown:
                if is_enabled(meta_rules.UNKNOWN_SUPPRESSED_CODE.code, config):
                    found.append(
                        Diagnostic(
                            meta_rules.UNKNOWN_SUPPRESSED_CODE.code,
                            severity_of(meta_rules.UNKNOWN_SUPPRESSED_CODE, config),
                            f"suppression names unknown rule code '{code}'",
                            location,
                        )
                    )
            if id(item) in used or not is_enabled(meta_rules.UNUSED_SUPPRESSION.code, config):
                continue
            if item.kind == "exception" or (void is not None and id(item) in void):
                continue  # a prose record is no directive; a void waiver has its own finding
            named = [c for c in item.codes if c not in unknown]
            if item.codes and not any(any(r.startswith(c) for r in ran) for c in named):
                continue  # every code it names is switched off or unknown: not its fault
            label = ", ".join(item.codes) if item.codes else "all codes"
            found.append(
                Diagnostic(
                    meta_rules.UNUSED_SUPPRESSION.code,
                    severity_of(meta_rules.UNUSED_SUPPRESSION, config),
                    f"'lanelint-{item.kind}' for {label} suppresses nothing",
                    location,
                )
            )
    return found
