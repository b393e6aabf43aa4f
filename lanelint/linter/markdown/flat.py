"""The blocks of flat documents, read a line at a time without markdown-it's rule chains.

Most protocol documents are flat: ATX headings, paragraphs, one level of ``-`` lists whose items
are one line each, fenced code blocks and pipe tables, none of them indented (all 2,000
benchmark documents, 372 of the 388 example and fixture documents). :func:`flat_blocks` reads
such a document's blocks; :func:`flat_tokens` renders them as exactly the tokens markdown-it's
block parser gives (same types, maps, levels, contents, markup, attributes and hidden flags),
and :func:`~lanelint.linter.markdown.parse.parse_document` builds its document model from them
directly. For the benchmark folder: 0.35 s for the tokens instead of 1.0 s.

Anything else makes both answer ``None``, and markdown-it parses the document: an indented line
outside a fence (nested lists, continuation lines, indented code), a tab, a carriage return or
NUL, a line only of ``-``, ``=``, ``*``, ``_`` and spaces (a thematic break or a setext
underline), a block quote, HTML, an ordered list, an empty list item, a list item that goes on
to a second line, a list item that starts a block of its own (a heading, a fence, a nested
list), an ATX-looking line that is no heading, a fence-looking line that is no fence, a line
starting with ``[`` where the text holds ``]:`` (a link reference definition may start there),
and a table delimiter row anywhere but under the first line of a block. The decisions follow
markdown-it-py 3's rules line by line; tests compare the tokens with the library's, and the
documents built from the blocks with those built from the library's tokens, on fuzzed
documents, the examples and the fixtures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from markdown_it.rules_block.table import escapedSplit, headerLineRe
from markdown_it.token import Token

from lanelint.linter.markdown.tokens import BlockToken

_new_token = BlockToken.__new__

_BLANK = " \t"
_RULE_CHARS = "-=*_ "
_ORDERED = re.compile(r"[0-9]{1,9}[.)](?: |$)")
_DELIMITER = "|-:"
_DELIMITER_ROW = "|-: \t"

# What a line is, outside a fence (see :func:`_kind`).
_EMPTY = 0
_TEXT = 1  # a paragraph's line; it cannot interrupt a paragraph
_HEADING = 2
_FENCE = 3
_BULLET = 4
_OTHER = 5  # anything not handled here: the whole document goes to markdown-it


class _NotFlat(Exception):
    """The document holds something :func:`flat_tokens` leaves to markdown-it."""


def _heading(line: str) -> tuple[int, str] | None:
    """``(level, content)`` of an ATX heading line, as markdown-it's ``heading`` rule reads it."""
    end = len(line)
    level = 1
    pos = 1
    while pos < end and line[pos] == "#" and level <= 6:
        level += 1
        pos += 1
    if level > 6 or (pos < end and line[pos] not in _BLANK):
        return None
    stop = end  # the closing sequence: trailing blanks, then ``#``s after a blank, go
    while stop > pos and line[stop - 1] in _BLANK:
        stop -= 1
    hashes = stop
    while hashes > pos and line[hashes - 1] == "#":
        hashes -= 1
    if hashes > pos and line[hashes - 1] in _BLANK:
        stop = hashes
    return level, line[pos:stop].strip()


def _fence(line: str) -> tuple[str, str] | None:
    """``(markup, info)`` of a fence's opening line, as markdown-it's ``fence`` rule reads it."""
    marker = line[0]
    run = len(line) - len(line.lstrip(marker))
    if run < 3:
        return None
    info = line[run:]
    if marker == "`" and "`" in info:
        return None
    return line[:run], info


def _closes(line: str, markup: str) -> bool:
    """Whether ``line`` closes a fence opened with ``markup`` (at most 3 spaces of indent)."""
    text = line.lstrip(" ")
    if len(line) - len(text) >= 4 or not text.startswith(markup):
        return False
    return not text.lstrip(markup[0]).strip(_BLANK)


def _is_delimiter_row(line: str) -> bool:
    """Whether ``line`` passes the character test of a table's delimiter row."""
    if len(line) < 2:
        return False
    first, second = line[0], line[1]
    if first not in _DELIMITER or second not in _DELIMITER_ROW:
        return False
    if first == "-" and second in _BLANK:
        return False
    return not line.strip(_DELIMITER_ROW)


def _kind(line: str, references: bool, item: bool = False) -> int:
    """What ``line`` starts, outside a fence; ``references``: the text holds ``]:``; ``item``:
    the line is the text of a list item (after its marker)."""
    if not line:
        return _EMPTY
    first = line[0]
    if first == " ":
        return _EMPTY if not line.strip(" ") else _OTHER
    if first in _RULE_CHARS and not line.strip(_RULE_CHARS):
        return _OTHER  # a thematic break, a setext underline, or an empty list item
    if first == "#":
        return _HEADING if _heading(line) is not None else _OTHER
    if first in "`~" and line.startswith(("```", "~~~")):
        return _FENCE if _fence(line) is not None else _OTHER
    if first in "-+*" and (len(line) == 1 or line[1] == " "):
        if item or len(line) < 3 or line[2] == " ":
            return _OTHER  # a nested list, or an item whose text is not right after it
        return _BULLET if _kind(line[2:], references, item=True) == _TEXT else _OTHER
    if first in "<>" or (first == "[" and references):
        return _OTHER
    if first in "0123456789" and _ORDERED.match(line):
        return _OTHER
    return _TEXT


@dataclass(frozen=True, slots=True)
class Heading:
    line: int  # 0-based, as markdown-it's maps
    level: int
    content: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fence:
    start: int
    end: int
    markup: str
    info: str
    content: str


@dataclass(frozen=True, slots=True)
class Table:
    start: int
    end: int
    aligns: tuple[str, ...]
    header: tuple[str, ...]
    #: ``(line, cells)``: as many cells as the header has, blank where the row has none.
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    start: int
    end: int
    marker: str
    #: ``(line, end, text)`` of each item; ``end`` is where the next block starts.
    items: tuple[tuple[int, int, str], ...]
    tight: bool


Block = Heading | Paragraph | Fence | Table | BulletList


class _Reader:
    """One pass over the lines of a flat document, finding its blocks as markdown-it would."""

    def __init__(self, lines: list[str], last_newline: bool, references: bool) -> None:
        self.lines = lines
        self.count = len(lines)
        self.last_newline = last_newline
        #: What each line starts, read once (fence contents too: cheaper than asking twice).
        self.kinds = [_kind(line, references) for line in lines]
        self.blocks: list[Block] = []

    def delimiter_after(self, index: int) -> bool:
        return index + 1 < self.count and _is_delimiter_row(self.lines[index + 1])

    def read(self) -> list[Block]:
        index = 0
        count = self.count
        while index < count:
            kind = self.kinds[index]
            if kind == _EMPTY:
                index += 1
                continue
            if kind == _OTHER:
                raise _NotFlat
            if self.delimiter_after(index):
                end = self.table(index)
                if end is not None:
                    index = end
                    continue
            if kind == _HEADING:
                index = self.heading(index)
            elif kind == _FENCE:
                index = self.fence(index)
            elif kind == _BULLET:
                index = self.bullet_list(index)
            elif kind == _TEXT:
                index = self.paragraph(index)
            else:
                raise _NotFlat
        return self.blocks

    def heading(self, index: int) -> int:
        found = _heading(self.lines[index])
        assert found is not None
        self.blocks.append(Heading(index, *found))
        return index + 1

    def fence(self, index: int) -> int:
        found = _fence(self.lines[index])
        assert found is not None
        markup, info = found
        end = index + 1
        closed = False
        while end < self.count:
            if _closes(self.lines[end], markup):
                closed = True
                break
            end += 1
        body = self.lines[index + 1 : end]
        content = "\n".join(body)
        if body and (end < self.count or self.last_newline):
            content += "\n"
        stop = end + 1 if closed else end
        self.blocks.append(Fence(index, stop, markup, info, content))
        return stop

    def paragraph(self, index: int) -> int:
        end = index + 1
        while end < self.count:
            kind = self.kinds[end]
            if kind == _EMPTY or kind in (_HEADING, _FENCE, _BULLET):
                break  # a blank line ends it; these blocks interrupt it
            if kind != _TEXT or self.delimiter_after(end):
                raise _NotFlat  # a table could interrupt it there
            end += 1
        self.blocks.append(Paragraph(index, end, "\n".join(self.lines[index:end]).strip()))
        return end

    def bullet_list(self, index: int) -> int:
        lines = self.lines
        kinds = self.kinds
        count = self.count
        start = index
        marker = lines[index][0]
        items: list[tuple[int, int, str]] = []
        tight = True
        blank_before = False
        while True:
            after = index + 1
            ended_by_blank = False
            if after < count:
                kind = kinds[after]
                if kind == _EMPTY:
                    while after < count and kinds[after] == _EMPTY:
                        after += 1
                    ended_by_blank = True
                elif kind not in (_HEADING, _FENCE, _BULLET):
                    raise _NotFlat  # a second line of the item, or a table under it
            if blank_before:
                tight = False
            items.append((index, after, lines[index][2:].strip()))
            blank_before = ended_by_blank
            index = after
            if index >= count or kinds[index] != _BULLET or lines[index][0] != marker:
                break
        self.blocks.append(BulletList(start, index, marker, tuple(items), tight))
        return index

    def table(self, index: int) -> int | None:
        """The end of the table whose header is line ``index``; ``None`` where markdown-it's
        ``table`` rule would not take it."""
        aligns: list[str] = []
        columns = self.lines[index + 1].split("|")
        for position, part in enumerate(columns):
            text = part.strip()
            if not text:
                if position in (0, len(columns) - 1):
                    continue
                return None
            if not headerLineRe.search(text):
                return None
            if text[-1] == ":":
                aligns.append("center" if text[0] == ":" else "right")
            elif text[0] == ":":
                aligns.append("left")
            else:
                aligns.append("")
        header = self.lines[index].strip()
        if "|" not in header:
            return None
        cells = _split(header)
        if cells and cells[0] == "":
            cells.pop(0)
        if cells and cells[-1] == "":
            cells.pop()
        width = len(cells)
        if width == 0 or width != len(aligns):
            return None
        rows: list[tuple[int, tuple[str, ...]]] = []
        end = index + 2
        while end < self.count:
            kind = self.kinds[end]
            if kind in (_EMPTY, _HEADING, _FENCE, _BULLET):
                break  # a blank line ends it; these blocks interrupt it
            if kind != _TEXT:
                raise _NotFlat
            row = _split(self.lines[end].strip())
            if row and row[0] == "":
                row.pop(0)
            if row and row[-1] == "":
                row.pop()
            texts = tuple(
                row[column].strip() if column < len(row) and row[column] else ""
                for column in range(width)
            )
            rows.append((end, texts))
            end += 1
        header_texts = tuple(cell.strip() for cell in cells)
        self.blocks.append(Table(index, end, tuple(aligns), header_texts, tuple(rows)))
        return end


class _Tokens:
    """The tokens markdown-it's block parser makes for the blocks of a flat document."""

    def __init__(self) -> None:
        self.tokens: list[Token] = []

    def push(
        self,
        kind: str,
        tag: str,
        nesting: Literal[-1, 0, 1],
        level: int,
        lines: list[int] | None,
    ) -> Token:
        token = _new_token(BlockToken)  # BlockToken's fields, set here: one call fewer
        token.type = kind
        token.tag = tag
        token.nesting = nesting
        token.attrs = {}
        token.map = lines
        token.level = level
        token.children = None
        token.content = ""
        token.markup = ""
        token.info = ""
        token.meta = {}
        token.block = True
        token.hidden = False
        self.tokens.append(token)
        return token

    def inline(self, content: str, level: int, lines: list[int]) -> None:
        token = self.push("inline", "", 0, level, lines)
        token.content = content
        token.children = []

    def render(self, blocks: list[Block]) -> list[Token]:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.paragraph(block.start, block.end, block.content, 0)
            elif isinstance(block, BulletList):
                self.bullet_list(block)
            elif isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Fence):
                self.fence(block)
            else:
                self.table(block)
        return self.tokens

    def paragraph(self, start: int, end: int, content: str, level: int) -> list[Token]:
        opened = self.push("paragraph_open", "p", 1, level, [start, end])
        self.inline(content, level + 1, [start, end])
        return [opened, self.push("paragraph_close", "p", -1, level, None)]

    def heading(self, block: Heading) -> None:
        tag = f"h{block.level}"
        markup = "#" * block.level
        self.push("heading_open", tag, 1, 0, [block.line, block.line + 1]).markup = markup
        self.inline(block.content, 1, [block.line, block.line + 1])
        self.push("heading_close", tag, -1, 0, None).markup = markup

    def fence(self, block: Fence) -> None:
        token = self.push("fence", "code", 0, 0, [block.start, block.end])
        token.info = block.info
        token.content = block.content
        token.markup = block.markup

    def bullet_list(self, block: BulletList) -> None:
        marker = block.marker
        self.push("bullet_list_open", "ul", 1, 0, [block.start, block.end]).markup = marker
        for line, end, text in block.items:
            self.push("list_item_open", "li", 1, 1, [line, end]).markup = marker
            for token in self.paragraph(line, line + 1, text, 2):
                token.hidden = block.tight
            self.push("list_item_close", "li", -1, 1, None).markup = marker
        self.push("bullet_list_close", "ul", -1, 0, None).markup = marker

    def table(self, block: Table) -> None:
        start = block.start
        aligns = block.aligns
        self.push("table_open", "table", 1, 0, [start, block.end])
        self.push("thead_open", "thead", 1, 1, [start, start + 1])
        self.push("tr_open", "tr", 1, 2, [start, start + 1])
        for column, text in enumerate(block.header):
            opened = self.push("th_open", "th", 1, 3, None)
            if aligns[column]:
                opened.attrs = {"style": "text-align:" + aligns[column]}
            self.inline(text, 4, [start, start + 1])
            self.push("th_close", "th", -1, 3, None)
        self.push("tr_close", "tr", -1, 2, None)
        self.push("thead_close", "thead", -1, 1, None)
        if block.rows:
            self.push("tbody_open", "tbody", 1, 1, [start + 2, block.end])
            for line, texts in block.rows:
                self.push("tr_open", "tr", 1, 2, [line, line + 1])
                for column, text in enumerate(texts):
                    opened = self.push("td_open", "td", 1, 3, None)
                    if aligns[column]:
                        opened.attrs = {"style": "text-align:" + aligns[column]}
                    self.inline(text, 4, [line, line + 1])
                    self.push("td_close", "td", -1, 3, None)
                self.push("tr_close", "tr", -1, 2, None)
            self.push("tbody_close", "tbody", -1, 1, None)
        self.push("table_close", "table", -1, 0, None)


def _split(text: str) -> list[str]:
    """markdown-it's ``escapedSplit``: ``str.split`` where no backslash can escape a pipe."""
    return escapedSplit(text) if "\\" in text else text.split("|")


def flat_blocks(src: str) -> list[Block] | None:
    """The blocks of ``src`` where the document is flat, else ``None``.

    ``src`` is what markdown-it's block parser receives (its ``normalize`` rule has run).
    """
    if "\t" in src or "\r" in src or "\0" in src:
        return None
    lines = src.split("\n")
    # Like markdown-it, a last line of only blanks with no newline after it is no line.
    last_newline = not lines[-1].strip(" ")
    if last_newline:
        lines.pop()
    try:
        return _Reader(lines, last_newline, "]:" in src).read()
    except _NotFlat:
        return None


def flat_tokens(src: str) -> list[Token] | None:
    """markdown-it's block tokens for ``src`` where the document is flat, else ``None``."""
    blocks = flat_blocks(src)
    return None if blocks is None else _Tokens().render(blocks)
