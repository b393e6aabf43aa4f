"""The rule engine: documents -> artifacts -> rules -> suppressions and severities -> sorted.

The engine receives its rules as data (:class:`~lanelint.linter.engine.registry.Rule`) and knows
none of them by name; it reports only its own ``LL`` codes (unreadable file, suppressions,
internal errors).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase

from lanelint.linter.engine import meta_rules
from lanelint.linter.engine.config import Config
from lanelint.linter.engine.context import DocumentContext, WorkspaceContext
from lanelint.linter.engine.diagnostics import Diagnostic, Finding, Location, Severity
from lanelint.linter.engine.registry import Rule
from lanelint.linter.engine.suppressions import Suppression, read_suppressions
from lanelint.linter.io.source import DecodeError, decode
from lanelint.linter.markdown.document import Document
from lanelint.linter.markdown.parse import parse_document
from lanelint.linter.protocol.artifacts.model import Artifacts, extract
from lanelint.linter.protocol.artifacts.stamp import StampSchema
from lanelint.linter.protocol.documents import OTHER, DocumentClass, classify
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.workspace.index import build_index


@dataclass(frozen=True)
class RunSettings:
    """Everything the per-document phase needs; picklable, so workers can receive it."""

    config: Config
    rules: tuple[Rule, ...]
    known_codes: tuple[str, ...]
    stamp_schema: StampSchema

    @property
    def roles(self) -> RoleBook:
        return RoleBook(self.config.role_aliases)


@dataclass
class DocumentResult:
    """What the per-document phase learnt about one file."""

    path: str
    digest: str | None = None
    artifacts: Artifacts | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    line_count: int = 0


def is_protocol_rule(code: str) -> bool:
    """PDP codes speak about protocol documents only; the engine's LL codes about every file."""
    return code.startswith("PDP")


def document_class(result: DocumentResult, config: Config) -> DocumentClass:
    """How the run takes the document of ``result``: protocol document, other, template."""
    if result.artifacts is None:
        return DocumentClass(OTHER)
    return classify(result.artifacts, config.root, config.documents)


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


def run_document_rules(
    document: Document, artifacts: Artifacts, settings: RunSettings, protocol: bool = True
) -> list[Diagnostic]:
    """The document rules on one document; PDP rules only where it is a protocol document."""
    context = DocumentContext(
        document, artifacts, settings.config, settings.roles, settings.stamp_schema
    )
    found: list[Diagnostic] = []
    for rule in settings.rules:
        if rule.scope != "document" or rule.check is None:
            continue
        if not protocol and is_protocol_rule(rule.code):
            continue
        try:
            for finding in rule.check(context):
                found.append(_diagnostic(rule, finding, document.path, settings.config))
        except Exception as exc:  # isolation: one broken rule never stops the run
            found.append(_crash(rule, document.path, exc))
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
    result.artifacts = artifacts
    result.suppressions = read_suppressions(document.comments, max(len(document.lines), 1))
    if not artifacts.is_template:
        config = settings.config
        protocol = classify(artifacts, config.root, config.documents).is_protocol
        result.diagnostics.extend(run_document_rules(document, artifacts, settings, protocol))
    return result


def workspace_view(result: DocumentResult, config: Config) -> Artifacts | None:
    """What a document contributes to the workspace phase.

    A protocol document contributes all its artifacts. Any other document contributes only
    what a protocol document may look up in it, as evidence or by naming it: the task ids it
    lists (where a ``Baseline source`` names it), the acceptance checks of a task, its batch
    id with approvals and TL overrides, rebase notes, and ``[ASSUMPTION]`` tags (read where a
    lane's files name the document). It holds no lane, ledger row, stamp, report, heartbeat,
    escalation, baseline section or push record of its own, so no cross-document rule starts
    from it: a finding can only reach it through a protocol document that names it.
    """
    artifacts = result.artifacts
    if artifacts is None or artifacts.is_template:
        return artifacts
    if document_class(result, config).is_protocol:
        return artifacts
    notes = artifacts.notes
    return Artifacts(
        path=artifacts.path,
        baseline_facts=artifacts.baseline_facts,
        task_notes=list(artifacts.task_notes),
        notes=(replace(notes, pushes=()) if notes is not None else None),
    )


def run_workspace_rules(
    results: Sequence[DocumentResult],
    settings: RunSettings,
    extras: dict[str, object] | None = None,
) -> list[Diagnostic]:
    """The cross-document phase: every workspace rule once, over the protocol documents.

    Other documents are seen only as :func:`workspace_view` gives them.
    """
    config = settings.config
    views = [workspace_view(r, config) for r in results]
    documents = tuple(view for view in views if view is not None)
    index = None
    if any(rule.scope == "workspace" for rule in settings.rules):
        index = build_index(documents, settings.config.root, settings.roles)
    context = WorkspaceContext(documents, settings.config, settings.roles, extras or {}, index)
    anchor = results[0].path if results else "."
    found: list[Diagnostic] = []
    for rule in settings.rules:
        if rule.scope != "workspace" or rule.check is None:
            continue
        try:
            for finding in rule.check(context):
                found.append(_diagnostic(rule, finding, anchor, settings.config))
        except Exception as exc:  # isolation
            found.append(_crash(rule, anchor, exc))
    return found


def _file_ignored(code: str, path: str, config: Config) -> bool:
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
    kept: list[Diagnostic] = []
    for diagnostic in [d for r in results for d in r.diagnostics] + list(extra):
        if not is_enabled(diagnostic.code, config) and not diagnostic.code.startswith("LL9"):
            continue
        if _file_ignored(diagnostic.code, diagnostic.path, config):
            continue
        owner = by_path.get(diagnostic.path)
        suppressed = False
        if owner is not None and not diagnostic.code.startswith("LL9"):
            for item in owner.suppressions:
                if item.covers(diagnostic.code, diagnostic.line):
                    used.add(id(item))
                    suppressed = True
        if not suppressed:
            kept.append(diagnostic)
    kept.extend(_suppression_findings(results, settings, used))
    kept.sort(key=Diagnostic.sort_key)
    return kept


def _suppression_findings(
    results: Sequence[DocumentResult], settings: RunSettings, used: set[int]
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
