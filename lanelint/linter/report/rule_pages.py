"""The rule reference: the page ``lanelint explain CODE`` prints, and the same pages as files.

``lanelint rules --write-docs docs/rules`` writes one Markdown file per rule (``CODE.md``) and
an index (``README.md``), all generated from the registry, so the pages never drift from the
rules' own documentation.
"""

from __future__ import annotations

import re
from pathlib import Path

from lanelint.linter.engine.registry import Rule
from lanelint.rules import all_rules

INDEX = "README.md"
_PAGE = re.compile(r"^[A-Z]+\d+\.md$")
_SCOPES = {"document": "one document", "workspace": "across documents", "engine": "engine"}


def section_label(rule: Rule) -> str:
    return f"protocol section {rule.section}" if rule.section is not None else "lanelint itself"


def rule_page(rule: Rule) -> str:
    """The full documentation of one rule, in Markdown."""
    fix = "yes (`lanelint check --fix`)" if rule.fixable else "no"
    head = (
        f"Severity: {rule.severity.label} · Enforces: {section_label(rule)} · "
        f"Reads: {_SCOPES[rule.scope]} · Fixable: {fix}"
    )
    return f"# {rule.code} {rule.name}\n\n{head}\n\n{rule.docs.strip()}\n"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def index_page(rules: list[Rule]) -> str:
    """The index of every rule: a table linking each page, by protocol section."""
    lines = [
        "# lanelint rules",
        "",
        "Generated from the rules' own documentation; regenerate with",
        "`lanelint rules --write-docs docs/rules`. `lanelint explain CODE` prints the same page.",
        "`PDP` codes enforce the protocol section their digits name (`PDP501`: section 5,",
        "rule 1; `PDP1001`: section 10); `LL` codes are about the input and lanelint itself.",
        "",
        "| Code | Name | Severity | Section | Fixable | Summary |",
        "|---|---|---|---|---|---|",
    ]
    for rule in rules:
        section = f"§{rule.section}" if rule.section is not None else "lanelint"
        fix = "yes" if rule.fixable else ""
        lines.append(
            f"| [`{rule.code}`]({rule.code}.md) | {rule.name} | {rule.severity.label} | "
            f"{section} | {fix} | {_cell(rule.summary)} |"
        )
    return "\n".join(lines) + "\n"


def rule_table(rules: list[Rule]) -> str:
    """The README's rule table: code, name, severity, section and summary of every rule.

    ``lanelint rules --format markdown`` prints it; a test keeps the README's copy equal.
    """
    lines = ["| Code | Name | Severity | Section | Summary |", "|---|---|---|---|---|"]
    for rule in rules:
        section = f"§{rule.section}" if rule.section is not None else "lanelint"
        lines.append(
            f"| `{rule.code}` | {rule.name} | {rule.severity.label} | {section} | "
            f"{_cell(rule.summary)} |"
        )
    return "\n".join(lines) + "\n"


def expected_pages() -> dict[str, str]:
    """File name -> content of every page the registry gives."""
    rules = all_rules()
    pages = {f"{rule.code}.md": rule_page(rule) for rule in rules}
    pages[INDEX] = index_page(rules)
    return pages


def stale_pages(folder: Path) -> list[str]:
    """Pages in ``folder`` that are missing, different, or of a rule that no longer exists."""
    expected = expected_pages()
    stale = []
    for name, text in sorted(expected.items()):
        target = folder / name
        if not target.is_file() or target.read_text("utf-8") != text:
            stale.append(name)
    if folder.is_dir():
        stale += sorted(
            p.name for p in folder.iterdir() if _PAGE.match(p.name) and p.name not in expected
        )
    return stale


def write_pages(folder: Path) -> list[str]:
    """Bring ``folder`` up to date; return the names written or removed."""
    from lanelint.linter.io.writes import write_text_atomic

    folder.mkdir(parents=True, exist_ok=True)
    expected = expected_pages()
    changed = stale_pages(folder)
    for name in changed:
        if name in expected:
            write_text_atomic(folder / name, expected[name])
        else:
            (folder / name).unlink()
    return changed
