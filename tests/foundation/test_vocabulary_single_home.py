"""The protocol's words are defined once, in ``lanelint/linter/protocol/vocabulary/``.

Scans every module of the package for a literal collection (tuple, list, set, frozenset or
dict keys) holding two or more of the protocol's status, verdict, dependency, role or blank
words. Such a literal outside the vocabulary is a second definition that will drift.
"""

from __future__ import annotations

import ast
from pathlib import Path

from lanelint.linter.protocol.vocabulary.blanks import BLANK_WORDS
from lanelint.linter.protocol.vocabulary.dependencies import DEPENDENCY_KINDS
from lanelint.linter.protocol.vocabulary.roles import ROLE_ALIASES
from lanelint.linter.protocol.vocabulary.statuses import STATES, STATUS_WORDS
from lanelint.linter.protocol.vocabulary.verdicts import VERDICT_WORDS, VERDICTS

PACKAGE = Path(__file__).resolve().parents[2] / "lanelint"
VOCABULARY = PACKAGE / "linter" / "protocol" / "vocabulary"


def _protocol_words() -> frozenset[str]:
    words: set[str] = set(STATUS_WORDS) | set(STATES) | set(VERDICT_WORDS) | set(VERDICTS)
    words |= set(DEPENDENCY_KINDS)
    words |= {word for word in BLANK_WORDS if any(c.isalpha() for c in word)}
    for canonical, aliases in ROLE_ALIASES.items():
        words.add(canonical)
        words.update(aliases)
    return frozenset(word.casefold() for word in words)


WORDS = _protocol_words()


def _strings(node: ast.AST) -> list[str]:
    elements: list[ast.expr | None]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        elements = list(node.elts)
    elif isinstance(node, ast.Dict):
        elements = list(node.keys)
    else:
        return []
    return [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def offending_literals(source: str) -> list[tuple[int, list[str]]]:
    """``(line, protocol words)`` of each literal collection naming two or more of them."""
    found = []
    for node in ast.walk(ast.parse(source)):
        words = [s for s in _strings(node) if s.casefold() in WORDS]
        if len({w.casefold() for w in words}) >= 2:
            found.append((getattr(node, "lineno", 0), words))
    return found


def test_the_scan_finds_a_list_of_its_own() -> None:
    source = 'ACTIVE = frozenset({"active", "in progress", "wip"})\nX = ("a", "b")\n'
    assert offending_literals(source) == [(1, ["active", "in progress", "wip"])]
    assert offending_literals('VERDICTS = ("accepted", "rejected", "pending")\n')
    assert offending_literals('ROLES = {"TL": 1, "SM": 2}\n')
    assert offending_literals('ONE = ("active", "x")\n') == []


def test_no_protocol_word_list_outside_the_vocabulary() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if VOCABULARY in path.parents:
            continue
        for line, words in offending_literals(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {words}")
    assert not offenders, "protocol words listed outside the vocabulary:\n" + "\n".join(offenders)
