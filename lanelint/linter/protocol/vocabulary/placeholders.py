"""Template placeholders: the one definition of what ``<placeholder>`` text is.

A placeholder is what a template writes where a value belongs: ``<task>``, ``<YYYY-MM-DD>``,
``<PASS|FAIL>``, ``<gate report / checks>``. Text between angle brackets is often something
else: an HTML element (``<details>``, ``<noscript>``), a comparison or an arrow (``a < b > c``,
``<-``, ``->``), a generic type (``List<String>``), an autolink (``<https://...>``) or a
parameter of a path or command (``agents/<role>/SKILL.md``). This module says which is which;
the readers and rules take these words from here and keep no pattern of their own.
"""

from __future__ import annotations

import re

#: The raw shape: text between ``<`` and ``>`` on one line, with no angle bracket inside.
PLACEHOLDER = re.compile(r"<([^<>\n]{1,400})>")

#: Characters a placeholder's name may hold besides letters and digits.
_NAME_EXTRA = frozenset(" _-./|:,+()#'&*?=")

#: Every HTML element name (and the SVG and MathML roots), so ``<head>`` or ``<select>`` in
#: prose about HTML is never taken for a placeholder.
HTML_ELEMENTS = frozenset(
    (
        "a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound "
        "big blink blockquote body br button canvas caption center cite code col colgroup "
        "content data datalist dd del details dfn dialog dir div dl dt em embed fieldset "
        "figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup "
        "hr html i iframe image img input ins isindex kbd keygen label legend li link listing "
        "main map mark marquee math menu menuitem meta meter multicol nav nextid nobr noembed "
        "noframes noscript object ol optgroup option output p param picture plaintext portal "
        "pre progress q rb rp rt rtc ruby s samp script search section select shadow slot small "
        "source spacer span strike strong style sub summary sup svg table tbody td template "
        "textarea tfoot th thead time title tr track tt u ul var video wbr xmp"
    ).split()
)

#: Words that introduce a format description or an example: a table, list or line right after
#: a lead-in ending in ``:`` (or under a heading) that holds one of these shows the shape of a
#: value, and its placeholders are meant to stay.
LEAD_IN_WORDS = (
    "example",
    "examples",
    "e.g.",
    "for instance",
    "format",
    "formats",
    "formatted",
    "like this",
    "as follows",
    "looks like",
    "look like",
    "shape",
    "syntax",
    "usage",
    "template",
    "schema",
    "pattern",
)


def _names_lead_in(text: str) -> bool:
    """Whether ``text`` holds one of :data:`LEAD_IN_WORDS` as a word of its own."""
    lowered = text.casefold()
    for word in LEAD_IN_WORDS:
        start = lowered.find(word)
        while start >= 0:
            end = start + len(word)
            before = lowered[start - 1] if start else " "
            after = lowered[end] if end < len(lowered) else " "
            if not before.isalpha() and not after.isalpha():
                return True
            start = lowered.find(word, start + 1)
    return False


#: Words right before a placeholder that make it an example in prose: ``text such as
#: `<name>` that you replace``.
INLINE_LEAD_INS = ("such as", "e.g.", "e.g.,", "eg.", "for example", "for instance", "like", "i.e.")


def follows_inline_lead_in(before: str) -> bool:
    """Whether the text just before a placeholder ends with an inline example lead-in."""
    tail = before[-24:].rstrip(" `*_(:,").casefold()
    for word in INLINE_LEAD_INS:
        if tail.endswith(word):
            start = len(tail) - len(word)
            return start == 0 or not tail[start - 1].isalpha()
    return False


#: Table headers of a column that names parameters rather than holding values: a table
#: ``| Argument | Meaning |`` documents ``<env>``, it does not leave it unfilled.
DEFINITION_HEADERS = frozenset(
    (
        "argument arguments arg args parameter parameters param params placeholder placeholders "
        "option options flag flags variable variables token tokens syntax code pattern form"
    ).split()
)

#: Characters that glue a placeholder into a longer token (a path, a file name, a generic).
PATH_GLUE = frozenset("/\\_.-~$@%=[]{}")


def _unmarked(line: str) -> str:
    """A line without its leading quote, heading or list markers and surrounding emphasis."""
    return line.strip().lstrip(" \t>#*_-").rstrip(" \t*_")


def is_html_element(inner: str) -> bool:
    """``inner`` (the text between the brackets) opens or closes an HTML element."""
    text = inner.strip().rstrip("/").strip()
    if text.startswith("/"):
        text = text[1:].strip()
    if not text:
        return False
    name = text.split(None, 1)[0].casefold()
    if name not in HTML_ELEMENTS:
        return False
    rest = text[len(name) :].strip()
    return not rest or "=" in rest or rest.startswith(("/", "-"))


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def is_placeholder_name(inner: str) -> bool:
    """Whether the text between the brackets reads as a placeholder's name.

    It starts with a letter or digit and holds a letter; it ends with a letter, a digit or
    ``)?*.``; it holds only letters, digits, spaces and ``_-./|:,+()#'&*?=``; its parentheses
    are balanced; and it is neither an HTML element nor an autolink or address.
    """
    if not inner or not inner[0].isalnum() or not any(char.isalpha() for char in inner):
        return False
    if not (inner[-1].isalnum() or inner[-1] in ")?*."):
        return False
    if "://" in inner or inner.casefold().startswith(("mailto:", "www.")):
        return False
    if "@" in inner:
        return False
    if not all(char.isalnum() or char in _NAME_EXTRA for char in inner):
        return False
    if "=" in inner and '"' in inner:
        return False
    return _balanced(inner) and not is_html_element(inner)


def is_placeholder(value: str) -> bool:
    """A whole value that is still a template placeholder: ``<task>``, `` `<sha>` ``."""
    match = PLACEHOLDER.fullmatch(value.replace("`", "").strip().strip("*_").strip())
    return match is not None and is_placeholder_name(match.group(1))


def is_lead_in(line: str) -> bool:
    """A line that introduces an example or a format description.

    ``Use this table like this:``, ``Format:``, ``**Example:**``, ``For example, a row:``,
    or a heading such as ``### Example`` / ``## Format of a heartbeat``.
    """
    stripped = line.strip()
    is_heading = stripped.startswith("#")
    text = _unmarked(stripped)
    if not text:
        return False
    if not (is_heading or text.endswith(":") or stripped.rstrip("*_ ").endswith(":")):
        return False
    return _names_lead_in(text)


def starts_with_lead_in(line: str) -> bool:
    """A ``Format: <lane> <status>`` line: the lead-in and its example share the line."""
    text = _unmarked(line)
    head, colon, _ = text.partition(":")
    return bool(colon) and len(head) <= 40 and _names_lead_in(head.strip("*_ "))


def template_key(name: str) -> str:
    """The comparable form of a placeholder name: case-folded, single spaces, no backticks."""
    return " ".join(name.replace("`", "").split()).casefold()
