"""Small builders of realistic protocol documents for the foundation tests."""

from __future__ import annotations

from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.markdown.document import Document
from lanelint.linter.markdown.parse import parse_document
from lanelint.linter.protocol.artifacts.model import Artifacts, extract
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.run.api import LintResult, lint_paths, lint_text

#: The codes of the foundation: rules that read one document, and the engine's own codes.
#: The helpers below run only these, so rules that relate documents do not change the results.
FOUNDATION_CODES = (
    *("PDP001", "PDP201", "PDP202"),
    *(f"PDP30{i}" for i in range(1, 7)),
    *(f"PDP40{i}" for i in range(1, 6)),
    *("PDP501", "PDP502", "PDP601", "PDP602"),
    *(f"PDP70{i}" for i in range(1, 8)),
    *("LL001", "LL002", "LL003"),
)

LANES_HEADER = (
    "| Lane | Task ID | Role | Dependency (`none/soft/hard`) | Locked files | Status |\n"
    "|---|---|---|---|---|---|\n"
)

STAMP = """```text
PREFLIGHT STAMP
Runtime: Codex
Role: {role}
Timestamp: {timestamp}

1) Instruction injection: PASS
- AGENTS.md loaded (top-level sections: 9)

2) Skill discovery (R2): PASS
- Read mapped role file: agents/{slug}/SKILL.md

3) Task discovery: PASS
- Found relevant task file(s): spec/TASKS/TASK_T-1.md

4) Permissions readiness: PASS
- Baseline-safe commands run without new approvals

5) Framework readiness (System Analyst planning only): {framework}

Preflight status: READY TO EXECUTE
```
"""

GATE_SECTIONS = (
    ("Role confirmation", "Acting as Executive Assistant for lane B."),
    ("Decisions", "- The exporter writes CSV only."),
    ("Artifacts", "- `apps/exporter/src/export.py`: the writer."),
    ("Traceability", "- Task `T-2` implements requirement `T-1`."),
    ("Implementation handoff", "- QA/SET runs `pytest apps/exporter`."),
    ("Risks / open questions", "- Risk: large files. Mitigation: stream rows."),
    ("ADR status", "No ADR changes."),
)


def stamp(
    role: str = "Executive Assistant",
    timestamp: str = "2026-02-16 10:02 UTC",
    framework: str = "SKIP",
) -> str:
    slug = role.casefold().replace(" ", "_").replace("/", "_")
    return STAMP.format(role=role, timestamp=timestamp, slug=slug, framework=framework)


def workboard(rows: str, header: str = LANES_HEADER, extra: str = "") -> str:
    return (
        "# Parallel Workboard: B-7\n\n"
        "## Batch metadata\n\n"
        "- Batch id: `B-7`\n"
        "- Date: `2026-02-16`\n\n"
        "## Lanes\n\n" + header + rows + extra
    )


def gate_report(
    numbering: str = "{n}) ",
    sections: tuple[tuple[str, str], ...] = GATE_SECTIONS,
    task: str = "T-2",
) -> str:
    text = f"# Gate Report: {task}\n\n**Role:** Executive Assistant  \n**Date:** 2026-02-16\n"
    for number, (title, body) in enumerate(sections, start=1):
        text += f"\n## {numbering.format(n=number)}{title}\n\n{body}\n"
    return text


def model(text: str, path: str = "spec/operations/doc.md") -> tuple[Document, Artifacts]:
    document = parse_document(path, text)
    return document, extract(document, RoleBook())


def lint(text: str, path: str = "spec/operations/doc.md", **overrides: object) -> LintResult:
    """Lint one document with the foundation's codes (``select`` may be overridden)."""
    config = Config(root=Path.cwd(), select=FOUNDATION_CODES)
    if overrides:
        config = config.with_overrides(**overrides)
    return lint_text(text, path, config=config)


def lint_dir(folder: Path, **overrides: object) -> LintResult:
    """Lint a folder as its own project root with the foundation's codes."""
    config = Config(root=folder.resolve(), select=FOUNDATION_CODES)
    if overrides:
        config = config.with_overrides(**overrides)
    return lint_paths([folder], config=config)


def found(result: LintResult) -> list[tuple[str, int]]:
    """``(code, line)`` of every diagnostic, in report order."""
    return [(d.code, d.line) for d in result.diagnostics]


def write(folder: Path, relative: str, content: str | bytes) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
