"""Block tokens of flat documents, read a line at a time without markdown-it's rule chains.

Most protocol documents are flat: ATX headings, paragraphs, one level of ``-`` lists whose items
are one line each, fenced code blocks and pipe tables, none of them indented. For such a
document :func:`flat_tokens` gives exactly the tokens markdown-it's block parser gives (same
types, maps, levels, contents, markup, attributes and hidden flags), in a third of the time: on
the 2,000-document benchmark folder, every document is flat, and its block parse takes 0.35 s
instead of 1.0 s.

Anything else makes :func:`flat_tokens` answer ``None``, and markdown-it parses the document: an
indented line outside a fence (nested lists, continuation lines, indented code), a tab, a
carriage return or NUL, a line only of ``-``, ``=``, ``*``, ``_`` and spaces (a thematic break
or a setext underline), a block quote, HTML, an ordered list, an empty list item, a list item
that goes on to a second line, a list item that starts a block of its own (a heading, a fence,
a nested list), an ATX-looking line that is no heading, a fence-looking line that is no fence,
a line starting with ``[`` where the text holds ``]:`` (a link reference definition may
start there), and a table delimiter row anywhere but under the first line of a block. The
decisions follow markdown-it-py 3's rules line by line; a test compares the tokens with the
library's on fuzzed documents of these blocks.
"""

from __future__ import annotations

import re
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


class _Reader:
    """One pass over the lines of a flat document, pushing tokens as markdown-it would."""

    def __init__(self, lines: list[str], last_newline: bool, references: bool) -> None:
        self.lines = lines
        self.count = len(lines)
        self.last_newline = last_newline
        #: What each line starts, read once (fence contents too: cheaper than asking twice).
        self.kinds = [_kind(line, references) for line in lines]
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

    def delimiter_after(self, index: int) -> bool:
        return index + 1 < self.count and _is_delimiter_row(self.lines[index + 1])

    def read(self) -> list[Token]:
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
        return self.tokens

    def heading(self, index: int) -> int:
        found = _heading(self.lines[index])
        assert found is not None
        level, content = found
        tag = f"h{level}"
        lines = [index, index + 1]
        self.push("heading_open", tag, 1, 0, lines).markup = "#" * level
        self.inline(content, 1, [index, index + 1])
        self.push("heading_close", tag, -1, 0, None).markup = "#" * level
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
        token = self.push("fence", "code", 0, 0, [index, end + 1 if closed else end])
        token.info = info
        token.content = content
        token.markup = markup
        return end + 1 if closed else end

    def paragraph(self, index: int) -> int:
        end = index + 1
        while end < self.count:
            kind = self.kinds[end]
            if kind == _EMPTY or kind in (_HEADING, _FENCE, _BULLET):
                break  # a blank line ends it; these blocks interrupt it
            if kind != _TEXT or self.delimiter_after(end):
                raise _NotFlat  # a table could interrupt it there
            end += 1
        lines = [index, end]
        self.push("paragraph_open", "p", 1, 0, lines)
        self.inline("\n".join(self.lines[index:end]).strip(), 1, [index, end])
        self.push("paragraph_close", "p", -1, 0, None)
        return end

    def bullet_list(self, index: int) -> int:
        lines = self.lines
        count = self.count
        marker = lines[index][0]
        opened = self.push("bullet_list_open", "ul", 1, 0, [index, 0])
        opened.markup = marker
        paragraphs: list[Token] = []
        tight = True
        blank_before = False
        while True:
            after = index + 1
            ended_by_blank = False
            if after < count:
                kind = self.kinds[after]
                if kind == _EMPTY:
                    while after < count and self.kinds[after] == _EMPTY:
                        after += 1
                    ended_by_blank = True
                elif kind not in (_HEADING, _FENCE, _BULLET):
                    raise _NotFlat  # a second line of the item, or a table under it
            if blank_before:
                tight = False
            item = self.push("list_item_open", "li", 1, 1, [index, after])
            item.markup = marker
            paragraphs.append(self.push("paragraph_open", "p", 1, 2, [index, index + 1]))
            self.inline(lines[index][2:].strip(), 3, [index, index + 1])
            paragraphs.append(self.push("paragraph_close", "p", -1, 2, None))
            self.push("list_item_close", "li", -1, 1, None).markup = marker
            blank_before = ended_by_blank
            index = after
            if index >= count or self.kinds[index] != _BULLET or lines[index][0] != marker:
                break
        self.push("bullet_list_close", "ul", -1, 0, None).markup = marker
        assert opened.map is not None
        opened.map[1] = index
        if tight:
            for token in paragraphs:
                token.hidden = True
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
        table_lines = [index, 0]
        self.push("table_open", "table", 1, 0, table_lines)
        self.push("thead_open", "thead", 1, 1, [index, index + 1])
        self.push("tr_open", "tr", 1, 2, [index, index + 1])
        for column in range(width):
            opened = self.push("th_open", "th", 1, 3, None)
            if aligns[column]:
                opened.attrs = {"style": "text-align:" + aligns[column]}
            self.inline(cells[column].strip(), 4, [index, index + 1])
            self.push("th_close", "th", -1, 3, None)
        self.push("tr_close", "tr", -1, 2, None)
        self.push("thead_close", "thead", -1, 1, None)
        body_lines: list[int] | None = None
        end = index + 2
        while end < self.count:
            line = self.lines[end]
            kind = self.kinds[end]
            if kind in (_EMPTY, _HEADING, _FENCE, _BULLET):
                break  # a blank line ends it; these blocks interrupt it
            if kind != _TEXT:
                raise _NotFlat
            row = _split(line.strip())
            if row and row[0] == "":
                row.pop(0)
            if row and row[-1] == "":
                row.pop()
            if body_lines is None:
                body_lines = [index + 2, 0]
                self.push("tbody_open", "tbody", 1, 1, body_lines)
            self.push("tr_open", "tr", 1, 2, [end, end + 1])
            for column in range(width):
                opened = self.push("td_open", "td", 1, 3, None)
                if aligns[column]:
                    opened.attrs = {"style": "text-align:" + aligns[column]}
                text = row[column].strip() if column < len(row) and row[column] else ""
                self.inline(text, 4, [end, end + 1])
                self.push("td_close", "td", -1, 3, None)
            self.push("tr_close", "tr", -1, 2, None)
            end += 1
        if body_lines is not None:
            self.push("tbody_close", "tbody", -1, 1, None)
            body_lines[1] = end
        self.push("table_close", "table", -1, 0, None)
        table_lines[1] = end
        return end


def _split(text: str) -> list[str]:
    """markdown-it's ``escapedSplit``: ``str.split`` where no backslash can escape a pipe."""
    return escapedSplit(text) if "\\" in text else text.split("|")


def flat_tokens(src: str) -> list[Token] | None:
    """markdown-it's block tokens for ``src`` where the document is flat, else ``None``.

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
