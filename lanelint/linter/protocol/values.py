"""The value grammar: how a table cell or a field value is read before any rule sees it.

Teams annotate values. ``accepted (docs only)``, ``✅ accepted``, ``EA — backend``,
`` `T-102` (part 2) `` and ``~~active~~ done`` all carry one core value and some qualifiers:

* text in parentheses (``(docs only)``, ``（注）``) is a qualifier;
* a trailing note after a spaced dash or an em/en dash (``— waits for criteria``) is a qualifier;
* emoji and check marks (``✅``, ``✔``) are qualifiers;
* struck-through text (``~~active~~``) is a qualifier: it is no longer the value;
* backticks and emphasis are dropped, their content kept.

A list value (``TL, SM``; ``System Analyst + Product Owner``; `` `a.md`; `b.md` ``;
``A and B``) splits into items at top-level commas, semicolons, ``+``, ``&``, spaced slashes
and the word ``and``: never inside backticks or parentheses.

Rules compare the core value (normalised through the vocabulary); messages quote ``raw``.
Every reader here is a single left-to-right scan: linear in the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from lanelint.linter.protocol.vocabulary.blanks import BLANK_WORDS
from lanelint.linter.protocol.vocabulary.links import LINK_WORDS
from lanelint.linter.protocol.vocabulary.statuses import STATUS_WORDS, UNKNOWN
from lanelint.linter.protocol.vocabulary.verdicts import VERDICT_WORDS

_OPEN = {"(": ")", "（": "）"}
_DASHES = "—–"
_ITEM_SEPARATORS = ",;+&\n"
_TRIM = " \t,;:!|"
#: Quotes around a whole value, in the usual languages: "x", 'x', «x», „x“, “x”, ‘x’, ‹x›.
_QUOTES = {'"': '"', "'": "'", "«": "»", "„": "“", "“": "”", "‘": "’", "‹": "›", "»": "«"}


def _ascii_run(special: str) -> re.Pattern[str]:
    """A run of ASCII characters other than ``special``.

    The same set as ``[^<special>\\u0080-\\U0010FFFF]+``, written as ASCII ranges: such a
    negated class over all of Unicode takes 4 ms to compile, and there were eight of them
    (the module's import: 26 ms before, 5 ms since).
    """
    ranges: list[str] = []
    start = None
    for code in range(129):
        inside = code < 128 and chr(code) not in special
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            end = code - 1
            ranges.append(f"\\x{start:02x}" + (f"-\\x{end:02x}" if end > start else ""))
            start = None
    return re.compile("[" + "".join(ranges) + "]+")


#: A run of characters that need no decision: copied in one step (a plain character class,
#: so it cannot backtrack).
_PLAIN_RUN = _ascii_run("`(~*_-")
#: The same runs for text with no code span, no balanced group, or neither: a backtick or a
#: parenthesis that opens nothing is a plain character.
_PLAIN_RUNS = {
    (True, True): _PLAIN_RUN,
    (True, False): _ascii_run("`~*_-"),
    (False, True): _ascii_run("(~*_-"),
    (False, False): _ascii_run("~*_-"),
}
_GROUP_RUN = re.compile(r"[^`()（）]+")
_ITEM_RUN = _ascii_run("`(,;+&\n/ <-")
_ITEM_RUNS = {
    (True, True): _ITEM_RUN,
    (True, False): _ascii_run("`,;+&\n/ <-"),
    (False, True): _ascii_run("(,;+&\n/ <-"),
    (False, False): _ascii_run(",;+&\n/ <-"),
}


@dataclass(frozen=True, slots=True)
class Value:
    """One value as written (``raw``) and as read (``core`` plus ``qualifiers``)."""

    raw: str
    core: str
    qualifiers: tuple[str, ...] = ()
    #: Offset of the core value's first character in ``raw`` (0 when the core is empty).
    start: int = 0
    #: Whether the core came from a code span (``` `T-102` ```).
    code: bool = False

    @property
    def key(self) -> str:
        """The core value, case-folded: what comparisons use."""
        return self.core.casefold()

    @property
    def blank(self) -> bool:
        """Whether the value says "nothing here yet" (empty, ``TBD``, ``-``, ``see above``)."""
        return is_blank_key(self.key) or is_blank_key(_squash(self.raw).casefold())


def _squash(text: str) -> str:
    return " ".join(text.split())


def is_blank_key(key: str) -> bool:
    return key.strip(" \t*_`") in BLANK_WORDS


def is_emoji(char: str) -> bool:
    """Pictographs, dingbats and check marks, and the joiners that glue them."""
    code = ord(char)
    if char in "\u200d\ufe0f\ufe0e\u20e3":
        return True
    if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF:
        return True
    return code > 0x2000 and unicodedata.category(char) == "So"


def _code_end(text: str, start: int) -> int:
    """End (exclusive) of the code span opening at ``start``, or -1 when it is not closed."""
    n = len(text)
    run = start
    while run < n and text[run] == "`":
        run += 1
    width = run - start
    search = run
    while True:
        found = text.find("`" * width, search)
        if found < 0:
            return -1
        end = found + width
        if end < n and text[end] == "`":
            while end < n and text[end] == "`":
                end += 1
            search = end
            continue
        return end


def _structure(text: str) -> tuple[dict[int, int], dict[int, int]]:
    """Where each code span and each balanced parenthesised group opening at an index ends.

    One pass with a stack: unbalanced parentheses stay plain text, and nothing inside a code
    span counts.
    """
    codes: dict[int, int] = {}
    groups: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    closers = {close: opening for opening, close in _OPEN.items()}
    i = 0
    n = len(text)
    while i < n:
        run = _GROUP_RUN.match(text, i)
        if run is not None:
            i = run.end()
            continue
        char = text[i]
        if char == "`":
            end = _code_end(text, i)
            if end > 0:
                codes[i] = end
                i = end
                continue
            while i < n and text[i] == "`":
                i += 1
            continue
        if char in _OPEN:
            stack.append((char, i))
        elif char in closers:
            while stack and stack[-1][0] != closers[char]:
                stack.pop()
            if stack:
                groups[stack.pop()[1]] = i + 1
        i += 1
    return codes, groups


def _note_start(text: str, i: int) -> bool:
    """Whether a trailing note starts at ``text[i]``: an em/en dash, or a spaced ``-``/``--``."""
    char = text[i]
    if char in _DASHES:
        return True
    if char != "-" or i == 0 or not text[i - 1].isspace():
        return False
    j = i
    while j < len(text) and text[j] == "-":
        j += 1
    if j - i > 2 or (j < len(text) and text[j] == ">"):
        return False
    return j == len(text) or text[j].isspace()


def _emphasis(text: str, i: int) -> int:
    """Width of an emphasis marker at ``i`` (``**``, ``__``, ``*``, word-edge ``_``), or 0.

    A star beside a slash, or opening ``*.py``, is a glob (``tests/*``, ``**/x``): not emphasis.
    """
    char = text[i]
    if char == "*":
        width = 2 if text.startswith("**", i) else 1
        before = text[i - 1] if i > 0 else " "
        after = text[i + width] if i + width < len(text) else " "
        if before == "/" or after == "/" or (after == "." and before in " /"):
            return 0
        return width
    if char == "_":
        if text.startswith("__", i):
            return 2
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return 1 if not (before.isalnum() and after.isalnum()) else 0
    return 0


@lru_cache(maxsize=8192)
def read_value(text: str) -> Value:
    """Read one value into its core and qualifiers (see the module docs for the grammar)."""
    codes, groups = _structure(text)
    parts: list[str] = []
    qualifiers: list[str] = []
    start = -1
    code = False
    i = 0
    n = len(text)
    plain_run = _PLAIN_RUNS[(bool(codes), bool(groups))]
    while i < n:
        run = plain_run.match(text, i)
        if run is not None:
            chunk = run.group()
            if start < 0 and chunk.strip():
                start = i + len(chunk) - len(chunk.lstrip())
            parts.append(chunk)
            i = run.end()
            continue
        char = text[i]
        if char == "`":
            end = codes.get(i, -1)
            if end > 0:
                inner = text[i:end].strip("`")
                if len(inner) >= 2 and inner[0] == " " and inner[-1] == " ":
                    inner = inner[1:-1]
                if start < 0 and inner.strip():
                    start = i
                code = code or bool(inner.strip())
                parts.append(inner)
                i = end
                continue
            i += 1
            continue
        if char in _OPEN:
            end = groups.get(i, -1)
            if end > 0:
                qualifiers.append(text[i + 1 : end - 1].strip())
                parts.append(" ")
                i = end
                continue
        if char == "~" and text.startswith("~~", i):
            end = text.find("~~", i + 2)
            if end > 0:
                qualifiers.append(text[i + 2 : end].strip())
                parts.append(" ")
                i = end + 2
                continue
            i += 2
            continue
        if _note_start(text, i):
            if start < 0:
                # A leading dash (``— done``) or a value that is only dashes.
                i += 1
                continue
            note = text[i:].lstrip("-—– \t").strip()
            if note:
                qualifiers.append(note)
            break
        if is_emoji(char):
            if char not in "\u200d\ufe0f\ufe0e\u20e3":
                qualifiers.append(char)
            parts.append(" ")
            i += 1
            continue
        width = _emphasis(text, i) if char in "*_" else 0
        if width:
            i += width
            continue
        if start < 0 and not char.isspace():
            start = i
        parts.append(char)
        i += 1
    core = _squash("".join(parts)).strip(_TRIM)
    if core.endswith(".") and not core.endswith(".."):
        core = core[:-1].rstrip(_TRIM)
    if core.startswith("..."):
        core = core.lstrip(". ")
    if len(core) >= 2 and core[0] in _QUOTES and core[-1] in _QUOTES.values():
        core = core[1:-1].strip(_TRIM)
    kept = tuple(q for q in qualifiers if q)
    if not core and kept and not is_emoji(kept[0][0]):
        first = read_value(kept[0])
        return Value(text, first.core, first.qualifiers + kept[1:], 0, first.code)
    return Value(text, core, kept, max(start, 0) if core else 0, code)


def split_items(text: str) -> list[tuple[int, str]]:
    """``(offset, text)`` of each item of a list value, split at top level only.

    Separators: ``,`` ``;`` ``+`` ``&``, a line break, a spaced ``/`` and the word ``and``.
    A trailing note after a dash belongs to the whole list and is dropped from the items.
    """
    codes, groups = _structure(text)
    items: list[tuple[int, str]] = []
    begin = 0
    seen = False
    item_run = _ITEM_RUNS[(bool(codes), bool(groups))]
    i = 0
    n = len(text)
    while i < n:
        run = item_run.match(text, i)
        if run is not None:
            seen = True
            i = run.end()
            continue
        char = text[i]
        if char == "`":
            seen = True
            i = codes.get(i, i + 1)
            continue
        if char in _OPEN:
            seen = True
            i = groups.get(i, i + 1)
            continue
        if _note_start(text, i) and seen:
            break
        width = 0
        if char in _ITEM_SEPARATORS or (
            char == "/" and i > 0 and text[i - 1] == " " and text[i + 1 : i + 2] == " "
        ):
            width = 1
        elif (
            char == " "
            and text[i + 1 : i + 4].casefold() == "and"
            and (i + 4 == n or text[i + 4].isspace())
        ):
            width = 4
        elif char == "<" and text[i : i + 4].casefold() in ("<br>", "<br/"):
            close = text.find(">", i)
            width = close - i + 1 if close > 0 else 4
        if width:
            items.append((begin, text[begin:i]))
            begin = i + width
            i = begin
            seen = False
            continue
        seen = seen or not char.isspace()
        i += 1
    items.append((begin, text[begin:i]))
    return [(offset, part) for offset, part in items if part.strip()]


def read_items(text: str) -> tuple[Value, ...]:
    """The items of a list value, each read by :func:`read_value`; blank items are dropped."""
    values = []
    for _, part in split_items(text):
        value = read_value(part)
        if value.core and not value.blank:
            values.append(value)
    return tuple(values)


def path_core(text: str) -> str:
    """A path without a line suffix: ``spec/requirements.md:10-40`` -> ``spec/requirements.md``."""
    path = text.strip()
    hash_at = path.find("#L")
    if hash_at > 0:
        path = path[:hash_at]
    colon = path.rfind(":")
    if colon > 0 and all(c.isdigit() or c in "-–, L" for c in path[colon + 1 :]):
        tail = path[colon + 1 :]
        if tail and tail[0].isdigit():
            path = path[:colon]
    return path


def _leading_word(key: str, words: dict[str, str]) -> str | None:
    """The meaning of a known word that opens ``key`` and is followed by a link word."""
    tokens = key.replace(":", " : ").split()
    for size in (4, 3, 2, 1):
        if len(tokens) <= size:
            continue
        head = " ".join(tokens[:size])
        if head in words and tokens[size] in LINK_WORDS:
            return words[head]
    return None


def _meaning(key: str, words: dict[str, str]) -> str | None:
    if key in words:
        return words[key]
    if "/" in key:
        meanings = {words.get(part.strip()) for part in key.split("/")}
        if len(meanings) == 1 and None not in meanings:
            return meanings.pop()
    return _leading_word(key, words)


def status_state(text: str) -> str:
    """The state a status cell means (a ``statuses`` constant), ``""`` when the cell is blank.

    ``in progress (day 2)`` is active, ``on hold (blocked by infra)`` blocked, ``✅ done`` done,
    ``blocked by infra`` blocked; ``actve`` is ``unknown``.
    """
    value = read_value(text)
    if value.key in STATUS_WORDS:
        return STATUS_WORDS[value.key]
    if value.blank:
        return ""
    return _meaning(value.key, STATUS_WORDS) or UNKNOWN


def verdict_of(text: str) -> str | None:
    """The verdict a ledger cell means, ``""`` when blank, ``None`` when no verdict is known."""
    value = read_value(text)
    if value.key in VERDICT_WORDS:
        return VERDICT_WORDS[value.key]
    if value.blank:
        return ""
    return _meaning(value.key, VERDICT_WORDS)


def header_key(text: str) -> str:
    """A header as compared: lower case, no backticks, emphasis or parentheses, single spaces."""
    value = read_value(text)
    return value.key
