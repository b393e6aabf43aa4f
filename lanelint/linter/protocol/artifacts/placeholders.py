"""Leftover ``<placeholder>`` values from templates, and recognising templates themselves."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.artifacts.stamp import is_stamp

#: Names that open or close HTML elements; ``<details>`` is markup, ``<task>`` a placeholder.
HTML_TAGS = frozenset(
    (
        "a abbr b blockquote br caption code dd del details div dl dt em h1 h2 h3 h4 h5 h6 hr "
        "i img input ins kbd li mark ol p pre q s samp small span strike strong sub summary sup "
        "table tbody td tfoot th thead tr tt u ul var video audio source picture figure "
        "figcaption center font section article aside nav header footer main"
    ).split()
)
_MAX_PLACEHOLDER = 120


@dataclass(frozen=True, slots=True)
class Placeholder:
    text: str
    line: int
    column: int


def is_template_path(path: str) -> bool:
    """FORMATS.md: files under a ``templates/`` folder or named ``*_TEMPLATE.md`` are schemas."""
    posix = PurePosixPath(path)
    if any(part.casefold() == "templates" for part in posix.parts[:-1]):
        return True
    stem = posix.name.rsplit(".", 1)[0]
    return stem.upper().endswith("_TEMPLATE")


def _is_placeholder(inner: str, before: str) -> bool:
    if not inner or inner[0] in "!/?" or inner[0].isspace() or inner[-1].isspace():
        return False
    if before and (before.isalnum() or before in "<_"):
        return False  # generics such as List<String>, or <<heredoc>>
    lowered = inner.casefold()
    if "://" in lowered or lowered.startswith(("mailto:", "http:", "https:")):
        return False
    if "@" in inner and " " not in inner:
        return False  # an e-mail autolink
    name = lowered.split(None, 1)[0].rstrip("/")
    if name in HTML_TAGS and (name == lowered.rstrip("/ ") or "=" in lowered):
        return False
    return not ("=" in inner and '"' in inner)


def _scan_line(text: str, line: int, found: list[Placeholder]) -> None:
    i = 0
    n = len(text)
    while True:
        start = text.find("<", i)
        if start < 0:
            return
        end = text.find(">", start + 1)
        if end < 0:
            return
        inner_start = start + 1
        nested = text.find("<", inner_start, end)
        if nested >= 0:
            i = nested
            continue
        inner = text[inner_start:end]
        if len(inner) <= _MAX_PLACEHOLDER and _is_placeholder(
            inner, text[start - 1] if start else ""
        ):
            found.append(Placeholder(inner, line, start + 1))
        i = end + 1
        if i >= n:
            return


def find_placeholders(document: Document) -> list[Placeholder]:
    """Placeholders outside code blocks, and inside preflight stamps (which are code blocks)."""
    skipped: list[tuple[int, int]] = [
        (fence.line, fence.end_line) for fence in document.fences if not is_stamp(fence)
    ]
    comment_lines: set[int] = set()
    for comment in document.comments:
        comment_lines.update(range(comment.line, comment.end_line + 1))
    found: list[Placeholder] = []
    block = 0
    for number, text in enumerate(document.lines, start=1):
        if "<" not in text or number in comment_lines:
            continue
        while block < len(skipped) and skipped[block][1] < number:
            block += 1
        if block < len(skipped) and skipped[block][0] <= number <= skipped[block][1]:
            continue
        _scan_line(text, number, found)
    return found
