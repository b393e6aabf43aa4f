"""The block parser's line tables, built by ``str`` methods, match markdown-it's own exactly."""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock

from lanelint.linter.markdown.blocks import LinedState, markdown_parser

EDGE_CASES = [
    "",
    " ",
    "\t",
    "\n",
    " \n",
    "a",
    "a\n",
    "a\n ",  # a last line of blanks without a newline gets no entry
    "a\n\t",
    "a\n \t ",
    "  a",
    "\ta\n\t\tb",
    " \t x",
    "x\ny\n",
    "\u00a0x\n",  # only spaces and tabs indent
    "|a|b|\n|-|-|\n|1|2|",
    "> |a|\n> |-|\n> |1|",
    "- a\n\n  \tb\n",
    "```\n\tcode\n  ```",
    "    code\n\n\n",
    "a\n\n \n\t\n",
    "\n\n\n",
    "   \n   ",
]
ALPHABET = [" ", "\t", "\n", ">", "|", "-", "*", "#", "`", "a", "1", ".", "~", "=", "[", "]", ":"]


def _stock() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table"])
    md.disable("inline")
    return md


def _tables(state: StateBlock) -> tuple[object, ...]:
    return (state.bMarks, state.eMarks, state.tShift, state.sCount, state.bsCount, state.lineMax)


def _texts() -> list[str]:
    rng = random.Random(6)
    fuzz = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    return EDGE_CASES + fuzz


@pytest.mark.parametrize("text", EDGE_CASES)
def test_line_tables_equal_the_librarys(text: str) -> None:
    stock = _stock()
    assert _tables(LinedState(text, stock, {}, [])) == _tables(StateBlock(text, stock, {}, []))


def test_tokens_equal_the_stock_parsers_on_edge_cases_and_fuzz() -> None:
    stock, ours = _stock(), markdown_parser()
    for text in _texts():
        mine = [t.as_dict() for t in ours.parse(text)]
        assert mine == [t.as_dict() for t in stock.parse(text)], repr(text)
