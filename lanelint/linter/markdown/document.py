"""The document model: what a Markdown file holds, each piece with its 1-based line.

Built from markdown-it-py's block tokens by :mod:`lanelint.linter.markdown.parse`. Nothing here
knows about the protocol; the artifacts (stamps, lane plans, ...) are read from this model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    line: int
    column: int = 1


@dataclass(slots=True)
class Section:
    """A heading and everything up to the next heading of the same or a higher level."""

    heading: Heading | None
    level: int
    line: int
    end_line: int
    blocks: int = 0
    children: list[Section] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    def has_content(self) -> bool:
        return self.blocks > 0 or any(child.has_content() for child in self.children)

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in document order."""
        # A stack, not recursive generators: the artifact readers walk every document's
        # sections six times, and each level of ``yield from`` costs a frame per section.
        stack = [self]
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    line: int
    end_line: int
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]
    section: str = ""


@dataclass(frozen=True, slots=True)
class Fence:
    """A fenced code block. ``line`` is the opening fence; the text starts on ``line + 1``."""

    info: str
    text: str
    line: int
    end_line: int


@dataclass(frozen=True, slots=True)
class MetaLine:
    """``**Key:** value`` in a paragraph or ``- Key: value`` as a list item."""

    key: str
    value: str
    line: int
    column: int = 1
    style: str = "bold"


@dataclass(frozen=True, slots=True)
class ListItem:
    text: str
    line: int
    depth: int = 0
    section: str = ""
    #: The item's first paragraph as written (backticks and emphasis kept).
    raw: str = ""


@dataclass(frozen=True, slots=True)
class LabelList:
    """A label followed by a list: ``Acceptance:`` / ``**Acceptance:**`` / ``- Blockers:``.

    The label is the last line of a paragraph (or a list item's whole first line) ending in a
    colon with nothing after it; ``items`` are the items of the list that follows it directly
    (nested items included, with their own ``depth``).
    """

    label: str
    line: int
    column: int
    items: tuple[ListItem, ...]
    section: str = ""

    @property
    def end_line(self) -> int:
        return self.items[-1].line if self.items else self.line


@dataclass(frozen=True, slots=True)
class CodeSpan:
    text: str
    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment; ``text`` is what stands between ``<!--`` and ``-->``."""

    text: str
    line: int
    end_line: int
    column: int = 1


@dataclass(slots=True)
class Document:
    path: str
    text: str
    lines: list[str]
    root: Section
    headings: list[Heading] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    fences: list[Fence] = field(default_factory=list)
    meta: list[MetaLine] = field(default_factory=list)
    list_items: list[ListItem] = field(default_factory=list)
    code_spans: list[CodeSpan] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    label_lists: list[LabelList] = field(default_factory=list)
    #: ``label_lists`` by the line of their label (filled with them by the parser).
    label_index: dict[int, LabelList] = field(default_factory=dict)

    @property
    def title(self) -> Heading | None:
        return self.headings[0] if self.headings else None

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, or ``""`` outside the document."""
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return ""

    def column_of(self, line: int, needle: str, default: int = 1) -> int:
        """The 1-based column where ``needle`` first stands on ``line``."""
        if not needle:
            return default
        index = self.line_text(line).find(needle)
        return index + 1 if index >= 0 else default

    def label_list_at(self, line: int) -> LabelList | None:
        """The label-with-a-list whose label stands on ``line``, if any."""
        return self.label_index.get(line)

    def meta_value(self, *keys: str) -> MetaLine | None:
        """The first metadata line whose key matches one of ``keys`` (case-insensitive)."""
        wanted = {key.casefold() for key in keys}
        for item in self.meta:
            if item.key.casefold() in wanted:
                return item
        return None
