"""Flat documents: lanelint's line reader gives markdown-it's block tokens, or leaves them."""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt

from lanelint.linter.markdown.flat import flat_blocks, flat_tokens
from tests.conftest import EXAMPLES, FIXTURES, REPO, SHARED

#: Lines of the blocks flat documents hold, and lines near their edges.
FLAT_LINES = [
    "",
    "",
    "",
    " ",
    "Plain text",
    "text with trailing blanks  ",
    "**Role:** TL",
    "Acceptance:",
    "**Acceptance:**",
    "Files in scope (B):",
    "- Acceptance:",
    "- **Blockers:** none",
    "- Lane: C",
    "- Status: done",
    "**bold** start",
    "*emphasis* start",
    "_under_ start",
    "=equals start",
    "-dash start",
    "--x",
    "+plus",
    "`code` start",
    "``two``",
    "~tilde",
    "~~strike~~",
    "2026-03-03 a date",
    "1 a number",
    "12)x",
    "[link](x) text",
    "[ref] text",
    "\\| escaped pipe",
    "a | b",
    "| a | b |",
    "| a \\| b | c |",
    "|a|b|c|",
    "| x |",
    "|---|---|",
    "| --- | :-: |",
    "|:--|--:|",
    ":-:|:--",
    "---|---",
    "|-|",
    "| - |",
    "- |",
    "- | -",
    "-:",
    ": -",
    "|- ",
    "|--|--|--|",
    "# Heading",
    "## Heading ##",
    "### Heading#",
    "#### Heading \\#",
    "#",
    "# #",
    "#   spaced   #  ",
    "###### six",
    "- item",
    "- **Lane:** C",
    "- `path.py` item",
    "- item | with pipe",
    "* star item",
    "+ plus item",
    "```",
    "```text",
    "``` python ",
    "~~~",
    "````",
    "~~~~ info",
    "   ```",
    "    ```",
    "```  ",
]
#: Lines flat documents never hold: one of them sends the document to markdown-it.
OTHER_LINES = [
    "---",
    "===",
    "***",
    "- - -",
    "-",
    "- ",
    "+",
    "-  two spaces",
    "- # heading item",
    "- - nested",
    "- 1. ordered",
    "1. ordered",
    "2) ordered",
    "  indented",
    "    code",
    "> quote",
    "<div>",
    "<!-- comment -->",
    "#hashtag",
    "####### seven",
    "``` a`b",
    "[ref]: http://example.org",
    "\ttab",
]


def _stock() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table"])
    md.disable("inline")
    return md


def _documents(count: int, seed: int, other: float) -> list[str]:
    rng = random.Random(seed)
    documents = []
    for _ in range(count):
        lines = [
            rng.choice(OTHER_LINES) if rng.random() < other else rng.choice(FLAT_LINES)
            for _ in range(rng.randint(1, 16))
        ]
        documents.append("\n".join(lines) + rng.choice(["", "\n", "\n\n", "  ", "\n  "]))
    return documents


def _dicts(tokens: list[object]) -> list[object]:
    return [token.as_dict() for token in tokens]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("seed", "other"), [(0, 0.0), (1, 0.0), (2, 0.01), (3, 0.03)])
def test_flat_tokens_are_the_stock_parsers(seed: int, other: float) -> None:
    stock = _stock()
    flat = 0
    for text in _documents(2000, seed, other):
        tokens = flat_tokens(text)
        if tokens is None:
            continue
        flat += 1
        assert _dicts(tokens) == _dicts(stock.parse(text)), repr(text)
    assert flat > 300  # the reader really ran


def test_each_line_a_flat_document_cannot_hold_leaves_it_to_markdown_it() -> None:
    for line in OTHER_LINES:
        for text in (line, f"Text\n\n{line}\n", f"- item\n\n{line}\n"):
            assert flat_tokens(text) is None, repr(text)


def _texts() -> list[tuple[str, str]]:
    """Every Markdown text the repository holds: the examples, the fixtures, the noise corpus
    (other teams' documents of every kind), the writing-styles cases, the project's own
    documentation, and the reference folder beside the repository where it is present."""
    from tests.styles.test_writing_styles import CASES

    folders = [EXAMPLES, FIXTURES, REPO / "tests" / "noise" / "corpus", REPO / "docs", SHARED]
    paths = sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*.md"))
    paths.append(REPO / "README.md")
    texts = [(str(p), p.read_bytes().decode("utf-8", "replace")) for p in paths]
    texts += [(f"{case.id}:{name}", text) for case in CASES for name, text in case.files.items()]
    return [
        (name, text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd"))
        for name, text in texts
    ]


def test_every_document_of_the_repository_reads_alike() -> None:
    stock = _stock()
    texts = _texts()
    flat = 0
    for name, text in texts:
        tokens = flat_tokens(text)
        if tokens is not None:
            flat += 1
            assert _dicts(tokens) == _dicts(stock.parse(text)), name
    assert flat > len(texts) // 3


def _documents_alike(path: str, text: str) -> bool:
    """Whether ``text`` is flat; asserts that its document is built alike from its blocks and
    from the stock parser's tokens."""
    from lanelint.linter.markdown import parse

    source = parse.mask_front_matter(text)
    blocks = flat_blocks(source)
    if blocks is None:
        return False
    direct = parse._build_flat(parse._Builder(path, text), blocks)
    assert direct == parse._Builder(path, text).build(_stock().parse(source)), repr(text)
    return True


@pytest.mark.parametrize(("seed", "other"), [(4, 0.0), (5, 0.01)])
def test_flat_documents_are_built_alike_from_blocks_and_from_tokens(
    seed: int, other: float
) -> None:
    flat = sum(_documents_alike("doc.md", text) for text in _documents(2000, seed, other))
    assert flat > 300


def test_every_document_of_the_repository_is_built_alike() -> None:
    texts = _texts()
    flat = sum(_documents_alike(name.rsplit("/", 1)[-1], text) for name, text in texts)
    assert flat > len(texts) // 3


@pytest.mark.parametrize(
    "text",
    [
        "Acceptance:\n- a\n- b\n",
        "Acceptance:\n\n- a\n",
        "- Acceptance:\n* a\n",
        "- Blockers:\n\n* a\n\n- b\n",
        "Acceptance:\n# Title\n- a\n",
        "Acceptance:\n```\nx\n```\n- a\n",
        "Acceptance:\n\n| a |\n|---|\n- a\n",
        "# T\n\nFiles:\n- `a.py`\n\n## U\n\n- b\n",
    ],
)
def test_labels_and_their_lists_are_built_alike(text: str) -> None:
    assert _documents_alike("doc.md", text)
