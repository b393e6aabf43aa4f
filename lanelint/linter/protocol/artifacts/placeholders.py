"""Leftover ``<placeholder>`` values from templates, and recognising templates themselves.

:func:`find_placeholders` lists the ``<...>`` texts of a document that can be template
placeholders, and whether each stands as a whole value (a table cell, a ``Key: value`` field,
a stamp line, a list item, heading or paragraph of its own). It leaves out, always: fenced code
other than preflight stamps, HTML comments, HTML elements, comparisons and arrows, autolinks,
parameters glued into a path, glob or file name (``agents/<role>/SKILL.md``,
``gate_report_<TASK>_<date>.md``) or standing inside a longer code span (`` `git add <paths>` ``),
and examples that a format description introduces (``Format:``, ``Example:``, ``Use this table
like this:``). What is left is reported by PDP001 when it is a whole value or names a
placeholder of a template.
"""

from __future__ import annotations

import functools
import os
import sys
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from importlib import resources
from pathlib import Path, PurePosixPath

from lanelint.linter.markdown import inline
from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.artifacts.stamp import is_stamp, read_stamps
from lanelint.linter.protocol.artifacts.tables import normalise_header
from lanelint.linter.protocol.vocabulary import placeholders as words
from lanelint.linter.protocol.vocabulary.placeholders import (
    DEFINITION_HEADERS,
    PATH_GLUE,
    follows_inline_lead_in,
    is_lead_in,
    is_placeholder,
    is_placeholder_name,
    starts_with_lead_in,
    template_key,
)

_MAX_PLACEHOLDER = 200
_MAX_TEMPLATE_BYTES = 1 << 20
_END = sys.maxsize
_LIST_MARKERS = ("- ", "* ", "+ ")


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A ``<text>`` that can be a leftover placeholder; ``whole`` when it is a whole value."""

    text: str
    line: int
    column: int
    whole: bool = False


def is_template_path(path: str) -> bool:
    """Files under a ``templates/`` folder (or one named ``*_TEMPLATE``, as GitHub's
    ``ISSUE_TEMPLATE``) or named ``*_TEMPLATE.md`` are schemas."""
    posix = PurePosixPath(path)
    for part in posix.parts[:-1]:
        folder = part.casefold()
        if folder in ("templates", "template") or folder.endswith("_template"):
            return True
    stem = posix.name.rsplit(".", 1)[0]
    return stem.upper().endswith("_TEMPLATE")


def introduced(document: Document, line: int) -> bool:
    """Whether the nearest non-blank line above ``line`` is an example or format lead-in."""
    line -= 1
    while line >= 1 and not document.line_text(line).strip():
        line -= 1
    return line >= 1 and is_lead_in(document.line_text(line))


def _glued(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (``<...>``) is part of a longer token: a path, a name."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before and (before.isalnum() or before in PATH_GLUE or before == "<"):
        return True
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        return True  # a file name: <date>.md
    if not after:
        return False
    return after.isalnum() or (after in PATH_GLUE and after != ".") or after == ">"


def _in_longer_span(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Inside a code span that holds more than this placeholder: a command or a path.

    ``spans`` are in order and do not overlap, so the one that can hold ``start`` is found by
    bisection (a line may hold thousands of spans).
    """
    index = bisect_right(spans, (start, _END, "")) - 1
    if index < 0:
        return False
    span_start, span_end, content = spans[index]
    if span_start <= start and end <= span_end:
        return content.strip() != "" and not is_placeholder(content)
    return False


def _bare(line: str) -> str:
    """A line without list or quote markers, numbering and emphasis."""
    text = line.strip().lstrip(">").strip()
    for marker in _LIST_MARKERS:
        if text.startswith(marker):
            text = text[len(marker) :].strip()
            break
    head, dot, rest = text.partition(". ")
    if dot and head.isdigit():
        text = rest.strip()
    return text.lstrip("#").strip()


def _example_lines(document: Document) -> set[int]:
    """Lines that an example or format lead-in introduces: the block after it, or its section."""
    lines = document.lines
    found: set[int] = set()
    number = 0
    total = len(lines)
    while number < total:
        text = lines[number]
        number += 1
        if not is_lead_in(text):
            if starts_with_lead_in(text):
                found.add(number)
            continue
        heading = text.lstrip().startswith("#")
        level = len(text.lstrip()) - len(text.lstrip().lstrip("#"))
        index = number  # 0-based index of the next line
        while index < total and not lines[index].strip():
            index += 1
        while index < total:
            current = lines[index]
            stripped = current.lstrip()
            if heading:
                if stripped.startswith("#"):
                    depth = len(stripped) - len(stripped.lstrip("#"))
                    if depth <= level:
                        break
            elif not current.strip():
                break
            found.add(index + 1)
            index += 1
    return found


def _definition_cells(document: Document) -> dict[int, list[tuple[int, int]]]:
    """Per line, the ``[start, end)`` offsets of cells in a column that names parameters."""
    found: dict[int, list[tuple[int, int]]] = {}
    for table in document.tables:
        columns = [
            index
            for index, cell in enumerate(table.header)
            if normalise_header(cell.text) in DEFINITION_HEADERS
        ]
        for row in table.rows:
            for index in columns:
                if index < len(row.cells):
                    cell = row.cells[index]
                    start = cell.column - 1
                    found.setdefault(cell.line, []).append((start, start + len(cell.text)))
    return found


def _whole_lines(document: Document) -> dict[int, set[str]]:
    """Per line, the placeholder texts that stand there as a whole value."""
    whole: dict[int, set[str]] = {}

    def add(line: int, value: str) -> None:
        match = words.PLACEHOLDER.search(value)
        if match is not None and is_placeholder(value):
            whole.setdefault(line, set()).add(match.group(1))

    for table in document.tables:
        for cell in table.header:
            add(cell.line, cell.text)
        for row in table.rows:
            for cell in row.cells:
                add(cell.line, cell.text)
    for item in document.meta:
        add(item.line, item.value)
    for stamp in read_stamps(document):
        for entry in (*stamp.fields, *stamp.checks):
            add(entry.line, entry.value)
    for number, text in enumerate(document.lines, start=1):
        if "<" in text:
            add(number, _bare(text))
    return whole


def _scan_line(
    text: str,
    line: int,
    whole: set[str],
    found: list[Placeholder],
    defined: Sequence[tuple[int, int]] = (),
) -> None:
    spans: list[tuple[int, int, str]] | None = None
    for match in words.PLACEHOLDER.finditer(text):
        inner = match.group(1)
        if len(inner) > _MAX_PLACEHOLDER or not is_placeholder_name(inner):
            continue
        start, end = match.start(), match.end()
        if _glued(text, start, end):
            continue
        if any(low <= start and end <= high for low, high in defined):
            continue
        if follows_inline_lead_in(text[max(0, start - 32) : start]):
            continue
        if "`" in text:
            if spans is None:
                spans = [
                    (offset, offset + len(content) + 2, content)
                    for content, offset in inline.code_spans(text)
                ]
                spans = [(s, _span_end(text, s), c) for s, _, c in spans]
            if _in_longer_span(spans, start, end):
                continue
        found.append(Placeholder(inner, line, start + 1, inner in whole))


def _span_end(text: str, start: int) -> int:
    """The offset just past the closing backticks of the code span opening at ``start``."""
    width = 0
    while start + width < len(text) and text[start + width] == "`":
        width += 1
    close = text.find("`" * width, start + width)
    return close + width if close >= 0 else len(text)


def find_placeholders(document: Document) -> list[Placeholder]:
    """Candidate placeholders outside code blocks (preflight stamps count) and examples."""
    skipped: list[tuple[int, int]] = [
        (fence.line, fence.end_line)
        for fence in document.fences
        if not is_stamp(fence) or introduced(document, fence.line)
    ]
    comment_lines: set[int] = set()
    for comment in document.comments:
        comment_lines.update(range(comment.line, comment.end_line + 1))
    if not any("<" in text for text in document.lines):
        return []
    examples = _example_lines(document)
    whole = _whole_lines(document)
    defined = _definition_cells(document)
    found: list[Placeholder] = []
    block = 0
    for number, text in enumerate(document.lines, start=1):
        if "<" not in text or number in comment_lines or number in examples:
            continue
        while block < len(skipped) and skipped[block][1] < number:
            block += 1
        if block < len(skipped) and skipped[block][0] <= number <= skipped[block][1]:
            continue
        _scan_line(text, number, whole.get(number, set()), found, defined.get(number, []))
    return found


def template_names(texts: Iterable[str]) -> frozenset[str]:
    """The placeholder names written in template texts, as :func:`template_key` gives them.

    A Jinja2 expression inside a placeholder (``<files of lane {{ id }}>``) stands for any
    text, written ``*``.
    """
    names: set[str] = set()
    for text in texts:
        plain = _jinja_wildcards(text)
        for match in words.PLACEHOLDER.finditer(plain):
            inner = match.group(1)
            key = template_key(inner)
            if key.replace("*", "").strip() and ("*" in inner or is_placeholder_name(inner)):
                names.add(key)
    return frozenset(names)


def _jinja_wildcards(text: str) -> str:
    out: list[str] = []
    i = 0
    while True:
        start = text.find("{{", i)
        if start < 0:
            out.append(text[i:])
            return "".join(out)
        end = text.find("}}", start + 2)
        if end < 0:
            out.append(text[i:])
            return "".join(out)
        expression = text[start + 2 : end]
        out.append(text[i:start])
        # ``{{ x or "<task>" }}`` writes its default; any other expression stands for a value.
        quoted = expression.split('"')
        out.append(quoted[1] if len(quoted) >= 3 and "<" in quoted[1] else "*")
        i = end + 2


@functools.cache
def builtin_template_names() -> frozenset[str]:
    """The placeholder names of lanelint's own templates and built-in stamp schema."""
    texts: list[str] = []
    folder = resources.files("lanelint").joinpath("templates")
    for entry in folder.iterdir():
        if entry.name.endswith(".j2"):
            texts.append(entry.read_text("utf-8"))
    texts.append(
        resources.files("lanelint.linter.protocol")
        .joinpath("preflight_stamp.md")
        .read_text("utf-8")
    )
    return template_names(texts)


def team_template_names(folder: Path) -> frozenset[str]:
    """The placeholder names of the team's templates (``*.md`` and ``*.j2`` in ``folder``).

    Read again only when a file in the folder changes (name, size or modification time);
    an absent or unreadable folder has none.
    """
    try:
        entries = sorted(
            (entry.name, entry.stat().st_mtime_ns, entry.stat().st_size)
            for entry in os.scandir(folder)
            if entry.is_file() and entry.name.endswith((".md", ".j2"))
        )
    except OSError:
        return frozenset()
    return _team_names(str(folder), tuple(entries))


@functools.lru_cache(maxsize=16)
def _team_names(folder: str, entries: tuple[tuple[str, int, int], ...]) -> frozenset[str]:
    texts: list[str] = []
    for name, _, _ in entries:
        try:
            with open(os.path.join(folder, name), encoding="utf-8-sig") as handle:
                texts.append(handle.read(_MAX_TEMPLATE_BYTES))
        except (OSError, UnicodeDecodeError):
            continue
    return template_names(texts)


def matches_template(name: str, names: Iterable[str]) -> bool:
    """Whether placeholder ``name`` is one a template writes (wildcards from Jinja2 match)."""
    wanted = template_key(name)
    for pattern in names:
        if pattern == wanted or ("*" in pattern and fnmatchcase(wanted, pattern)):
            return True
    return False
