"""Small, linear-time readers for the inline pieces the rules need.

lanelint parses block structure with markdown-it-py and skips its inline pass: the rules read
only code spans, plain text and HTML comments from inline content, and these scanners get them
without backtracking, whatever the line.
"""

from __future__ import annotations

import re

_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)")
_LINK = re.compile(r"!?\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")


def code_spans(text: str) -> list[tuple[str, int]]:
    """``(content, offset)`` for each code span in ``text``; offset of the opening backticks.

    Follows CommonMark: a run of N backticks is closed by the next run of exactly N backticks;
    content has one leading and trailing space stripped when both are present.
    """
    spans: list[tuple[str, int]] = []
    i = 0
    n = len(text)
    while i < n:
        start = text.find("`", i)
        if start < 0:
            break
        if start > 0 and text[start - 1] == "\\":
            i = start + 1
            continue
        run_end = start
        while run_end < n and text[run_end] == "`":
            run_end += 1
        width = run_end - start
        search = run_end
        close = -1
        while True:
            found = text.find("`" * width, search)
            if found < 0:
                break
            end = found + width
            if (end < n and text[end] == "`") or (found > 0 and text[found - 1] == "`"):
                # Part of a longer run; skip the whole run.
                while end < n and text[end] == "`":
                    end += 1
                search = end
                continue
            close = found
            break
        if close < 0:
            i = run_end
            continue
        content = text[run_end:close].replace("\n", " ")
        if len(content) >= 2 and content[0] == " " and content[-1] == " " and content.strip():
            content = content[1:-1]
        spans.append((content, start))
        i = close + width
    return spans


def strip_inline(text: str) -> str:
    """Plain text of inline Markdown: links keep their text; emphasis and backticks go."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    text = text.replace("`", "")
    if "*" in text or "_" in text or "~" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def comments(text: str) -> list[tuple[str, int]]:
    """``(inner text, offset)`` for each complete ``<!-- ... -->`` in ``text``."""
    found: list[tuple[str, int]] = []
    i = 0
    while True:
        start = text.find("<!--", i)
        if start < 0:
            return found
        end = text.find("-->", start + 4)
        if end < 0:
            return found
        found.append((text[start + 4 : end], start))
        i = end + 3
