"""lanelint's own markdown-it-py block parser: the library's block rules, called less often.

Every block rule of markdown-it starts by looking at the first character of its line and
returns ``False`` at once when that character cannot start its block (``#`` for a heading,
``>`` for a block quote, ...). The library still calls every rule of a chain for every line it
tries, and again for every line of a paragraph to see whether the line ends it: on the
2,000-document benchmark folder that was 1.1 million rule calls, each with a ``LOGGER.debug``
call on entry. :class:`_DispatchRuler` hands the library's rules, in place of each chain, one
function that calls only the rules the line's first character can start, in the chain's order;
the rules themselves are the library's, unchanged.

Everything here lives on the :class:`MarkdownIt` instance that :func:`markdown_parser` makes:
nothing in the library's modules is changed, so a program that imports lanelint and uses
markdown-it itself sees the stock library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Literal

import markdown_it
from markdown_it import MarkdownIt, parser_block, rules_block
from markdown_it.parser_block import ParserBlock
from markdown_it.ruler import Ruler
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_core.normalize import normalize
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType

from lanelint.linter.markdown.flat import flat_tokens
from lanelint.linter.markdown.tokens import BlockToken

BlockRule = Callable[[StateBlock, int, int, bool], bool]

#: The first characters (after the indent) with which each library rule can match a line; a
#: rule not named here (a plugin's) is tried on every line. ``table`` and ``code`` look at
#: something else (the next line, the indent) and are handled apart. Each set is what the rule
#: itself checks before anything else, returning ``False`` for any other character.
_STARTS: dict[BlockRule, str] = {
    rules_block.fence: "`~",
    rules_block.blockquote: ">",
    rules_block.hr: "*-_",
    rules_block.list_block: "*-+0123456789",
    rules_block.reference: "[",
    rules_block.html_block: "<",
    rules_block.heading: "#",
}
_TABLE_CELL = "|-:"
_BLANK = " \t"

# What else :meth:`_Dispatch.__call__` knows of the line, as bits of its variant. Each bit is a
# condition the rule checks itself, before anything else, and returns ``False`` without it.
#: The line is indented code (``StateBlock.is_code_block``): ``code`` may match.
_CODE = 1
#: The next line starts as a table's delimiter row does (two of ``|-:`` and blanks, not
#: ``- ``): ``table`` may match.
_TABLE = 2
#: The two characters after the first are its own or blanks: ``hr`` may match.
_RULE_LINE = 4
#: A blank or the end of the line follows the first character: a bullet list may start.
_BULLET = 8
_VARIANTS = 16


def _kept(rule: BlockRule, char: str | None, variant: int) -> bool:
    """Whether ``rule`` may match a line starting with ``char`` (``None``: a character no rule
    starts with) in ``variant``."""
    if rule is rules_block.table:
        return bool(variant & _TABLE)
    if rule is rules_block.code:
        return bool(variant & _CODE)
    starts = _STARTS.get(rule)
    if starts is None:
        return True
    if char is None or char not in starts:
        return False
    if rule is rules_block.hr:
        return bool(variant & _RULE_LINE)
    if rule is rules_block.list_block and char in "*-+":
        return bool(variant & _BULLET)
    return True


class _Dispatch:
    """One rule chain, tried only with the rules that the line at hand can start.

    Calling it is equivalent to trying every rule of the chain in order until one matches: the
    rules it leaves out are exactly those that would return ``False`` before looking further,
    without touching the state. An empty line (some callers try rules on one) gets the whole
    chain.
    """

    def __init__(self, rules: Sequence[BlockRule]) -> None:
        self.rules = tuple(rules)
        chars = {c for rule in self.rules for c in _STARTS.get(rule, "")}
        #: By variant, the rules for each first character named in ``_STARTS`` and (under
        #: ``None``) for any other character.
        self.by_variant: list[dict[str | None, tuple[BlockRule, ...]]] = [
            {
                char: tuple(rule for rule in self.rules if _kept(rule, char, variant))
                for char in [*chars, None]
            }
            for variant in range(_VARIANTS)
        ]

    def __call__(self, state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
        src = state.src
        b_marks = state.bMarks
        t_shift = state.tShift
        e_marks = state.eMarks
        start = b_marks[line] + t_shift[line]
        end = e_marks[line]
        if start >= end:
            rules: tuple[BlockRule, ...] = self.rules
        else:
            variant = 0
            if line + 2 <= end_line:
                after = line + 1
                cell = b_marks[after] + t_shift[after]
                if cell + 1 < e_marks[after]:
                    first, second = src[cell], src[cell + 1]
                    if (
                        first in _TABLE_CELL
                        and (second in _TABLE_CELL or second in _BLANK)
                        and not (first == "-" and second in _BLANK)
                    ):
                        variant = _TABLE
            if state.sCount[line] - state.blkIndent >= 4:
                variant |= _CODE
            char = src[start]
            if char in "*-_+":
                following = src[start + 1] if start + 1 < end else " "
                if following in _BLANK:
                    variant |= _BULLET
                if (
                    start + 2 < end
                    and (following == char or following in _BLANK)
                    and (src[start + 2] == char or src[start + 2] in _BLANK)
                ):
                    variant |= _RULE_LINE
            choice = self.by_variant[variant]
            found = choice.get(char)
            rules = found if found is not None else choice[None]
        for rule in rules:  # noqa: SIM110 (a loop: any() over a generator costs more here)
            if rule(state, line, end_line, silent):
                return True
        return False


class _DispatchRuler(Ruler[BlockRule]):
    """The block ruler whose chains are each one :class:`_Dispatch`.

    The library's rules read their terminator chains (``getRules("paragraph")`` and the like)
    and try each function of the list in turn; a one-function list holding the dispatch gives
    them the same answer. The dispatches are rebuilt whenever the library rebuilds its chains
    (after ``enable`` or ``disable``).
    """

    def __init__(self, rules: Ruler[BlockRule]) -> None:
        super().__init__()
        self.__rules__ = list(rules.__rules__)
        self._chains: dict[str, list[BlockRule]] = {}
        #: The rules are markdown-it's own, all on, in their order (what ``flat_tokens``
        #: reproduces).
        self.stock = False

    def __compile__(self) -> None:
        super().__compile__()
        assert self.__cache__ is not None
        self._chains = {
            name: [_Dispatch(rules)] if rules else [] for name, rules in self.__cache__.items()
        }
        active = [(rule.name, rule.fn, rule.alt) for rule in self.__rules__ if rule.enabled]
        self.stock = active == [(name, fn, alt) for name, fn, alt in parser_block._rules]

    def is_stock(self) -> bool:
        """Whether the rules are markdown-it's own, all on, in their order."""
        if self.__cache__ is None:
            self.__compile__()
        return self.stock

    def getRules(self, chainName: str = "") -> list[BlockRule]:
        if self.__cache__ is None:
            self.__compile__()
        return self._chains.get(chainName) or []


class LinedState(StateBlock):
    """markdown-it's block state with its line tables built by ``str`` methods.

    ``StateBlock`` fills ``bMarks``/``eMarks``/``tShift``/``sCount`` with a loop over every
    character; this builds the same tables a line at a time (the library sets every other
    field, from an empty source). Like the library, a last line of only spaces and tabs with
    no newline after it gets no entry. Its tokens are :class:`BlockToken`.
    """

    src = ""  # a plain attribute, not the base class's property: a million reads per run

    def __init__(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> None:
        super().__init__("", md, env, tokens)
        self.src = src
        begins: list[int] = []
        ends: list[int] = []
        shifts: list[int] = []
        counts: list[int] = []
        start = 0
        length = len(src)
        while start < length:
            end = src.find("\n", start)
            if end == -1:
                end = length
            line = src[start:end]
            indent = len(line) - len(line.lstrip(" \t"))
            if indent == len(line) and end == length:
                break  # trailing blanks without a newline: no line, as in StateBlock
            offset = indent
            if indent and "\t" in line[:indent]:
                offset = 0
                for character in line[:indent]:
                    offset += 4 - offset % 4 if character == "\t" else 1
            begins.append(start)
            ends.append(end)
            shifts.append(indent)
            counts.append(offset)
            start = end + 1
        begins.append(length)  # the library's fake last entry
        ends.append(length)
        shifts.append(0)
        counts.append(0)
        self.bMarks = begins
        self.eMarks = ends
        self.tShift = shifts
        self.sCount = counts
        self.bsCount = [0] * len(begins)
        self.lineMax = len(begins) - 1

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        """``StateBlock.push`` with a :class:`BlockToken`."""
        token = BlockToken(ttype, tag, nesting)
        if nesting < 0:
            self.level -= 1  # closing tag
        token.level = self.level
        if nesting > 0:
            self.level += 1  # opening tag
        self.tokens.append(token)
        return token


class _LinedBlockParser(ParserBlock):
    """``ParserBlock`` with :class:`LinedState` and the dispatching ruler, for documents that
    :func:`~lanelint.linter.markdown.flat.flat_tokens` leaves to markdown-it."""

    def parse(
        self, src: str, md: MarkdownIt, env: EnvType, outTokens: list[Token]
    ) -> list[Token] | None:
        if not src:
            return None
        flat = flat_tokens(src) if reads_flat(md) else None
        if flat is not None:
            outTokens.extend(flat)
            return outTokens
        state = LinedState(src, md, env, outTokens)
        self.tokenize(state, state.line, state.lineMax)
        return state.tokens


def _normalize(state: StateCore) -> None:
    """markdown-it's ``normalize`` rule, which does nothing to a text without a carriage return
    or NUL: only such a text pays for its two substitutions (53 ms for the 2,000 benchmark
    documents, whose every newline the first one replaced with itself)."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


def reads_flat(md: MarkdownIt) -> bool:
    """Whether ``md`` parses flat documents as :mod:`~lanelint.linter.markdown.flat` reads
    them: it is lanelint's parser, with markdown-it's own block rules, all on, and HTML."""
    ruler = md.block.ruler
    return isinstance(ruler, _DispatchRuler) and ruler.is_stock() and bool(md.options.get("html"))


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """CommonMark with GFM tables, block rules only."""
    md = MarkdownIt("commonmark").enable(["table"])
    md.disable("inline")
    if not markdown_it.__version__.startswith("3."):
        return md  # the line tables and rules follow markdown-it-py 3; stay stock elsewhere
    block = _LinedBlockParser()
    block.ruler = _DispatchRuler(md.block.ruler)
    md.block = block
    md.core.ruler.at("normalize", _normalize)
    # text_join joins the children of inline tokens, and without the inline pass there are
    # none: it would only walk every token.
    md.disable("text_join")
    return md
