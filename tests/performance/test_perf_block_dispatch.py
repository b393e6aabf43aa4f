"""lanelint's block parser tries fewer rules per line, and gives the stock parser's tokens."""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt

from lanelint.linter.markdown.blocks import markdown_parser
from tests.conftest import EXAMPLES

#: Lines that start (or nearly start) every kind of block, alone and in lists and quotes.
FRAGMENTS = [
    "",
    "text",
    "Acceptance:",
    "**Role:** TL",
    "**bold** text",
    "*emphasis*",
    "_under_",
    "__strong__",
    "# Heading",
    "## Heading ##",
    "#not a heading",
    "####### seven",
    "Setext",
    "===",
    "---",
    "- - -",
    "***",
    "* * *",
    "___",
    "-- x",
    "-  -  -",
    "*\t*\t*",
    "_ \t_ _",
    "--  -",
    "-\titem",
    "*\t",
    "--",
    "*-*",
    "- item",
    "-item",
    "-",
    "* item",
    "+ item",
    "+",
    "1. item",
    "1) item",
    "2. item",
    "10. item",
    "1.item",
    "1",
    "  - nested",
    "    - deep",
    "     code",
    "\tcode",
    " \t- tabbed",
    "> quote",
    ">",
    "> - quoted item",
    "> | a | b |",
    "> |---|---|",
    "| a | b |",
    "|---|---|",
    "| --- | :-: |",
    "|-|-|",
    ":--|--:",
    "a | b",
    "-|-",
    "- | -",
    "|",
    "| x |",
    "```",
    "```python",
    "~~~",
    "``` a ` b",
    "~~",
    "<!-- comment -->",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "<span>inline</span>",
    "<x-y>",
    "<?php ?>",
    "<![CDATA[ x ]]>",
    "[ref]: http://example.org",
    "[ref]:",
    "[link](x)",
    "[not ref",
    "\\- escaped",
    "\\|",
]


def _stock() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table"])
    md.disable("inline")
    return md


def _documents(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    documents = []
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 14)):
            line = rng.choice(FRAGMENTS)
            indent = rng.choice(["", "", "", " ", "  ", "   ", "    ", "\t", "> ", "- "])
            lines.append(indent + line)
        documents.append("\n".join(lines) + rng.choice(["", "\n", "\n\n", " "]))
    return documents


def _same(ours: MarkdownIt, stock: MarkdownIt, text: str) -> None:
    mine = [t.as_dict() for t in ours.parse(text)]
    assert mine == [t.as_dict() for t in stock.parse(text)], repr(text)


@pytest.mark.parametrize("seed", range(4))
def test_tokens_equal_the_stock_parsers_on_mixed_blocks(seed: int) -> None:
    ours, stock = markdown_parser(), _stock()
    for text in _documents(2000, seed):
        _same(ours, stock, text)


def test_tokens_equal_the_stock_parsers_on_the_examples() -> None:
    ours, stock = markdown_parser(), _stock()
    documents = sorted(EXAMPLES.rglob("*.md"))
    assert documents
    for path in documents:
        _same(ours, stock, path.read_bytes().decode("utf-8", "replace"))


def test_each_chain_is_one_dispatch_and_the_library_is_untouched() -> None:
    ours = markdown_parser()
    for chain in ("", "paragraph", "list", "blockquote", "reference"):
        assert len(ours.block.ruler.getRules(chain)) == 1
    stock = _stock()
    assert len(stock.block.ruler.getRules("")) == 11  # a parser made after ours is stock
    assert type(stock.block).parse is not type(ours.block).parse


def test_a_rule_switched_off_leaves_its_dispatch() -> None:
    md = markdown_parser()
    text = "# Title\n\ntext\n"
    before = [t.type for t in md.parse(text)]
    md.disable("heading")
    try:
        assert [t.type for t in md.parse(text)] == [
            t.type for t in _stock().disable("heading").parse(text)
        ]
    finally:
        md.enable("heading")
    assert [t.type for t in md.parse(text)] == before
