"""Whether two paths or globs can name the same file, and glob matching with ``**``.

Both questions are answered by walking the product of two small automata (one per pattern),
which takes time proportional to the product of the pattern lengths: no backtracking.
"""

from __future__ import annotations

from functools import lru_cache

_LITERAL, _ONE, _STAR, _DEEP = 0, 1, 2, 3
Token = tuple[int, str]


def normalise(path: str) -> str:
    path = path.strip().replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    if path.endswith("/"):
        path += "**"
    return path


@lru_cache(maxsize=4096)
def _tokens(pattern: str) -> tuple[Token, ...]:
    out: list[Token] = []
    i = 0
    n = len(pattern)
    while i < n:
        char = pattern[i]
        if char == "*":
            if i + 1 < n and pattern[i + 1] == "*":
                while i < n and pattern[i] == "*":
                    i += 1
                # "a/**/b" also matches "a/b": let the slash after ** be optional.
                if i < n and pattern[i] == "/":
                    i += 1
                    out.append((_DEEP, "/"))
                else:
                    out.append((_DEEP, ""))
                continue
            out.append((_STAR, ""))
        elif char == "?":
            out.append((_ONE, ""))
        elif char == "[":
            close = pattern.find("]", i + 2)
            if close < 0:
                out.append((_LITERAL, char))
            else:
                out.append((_ONE, ""))
                i = close
        else:
            out.append((_LITERAL, char))
        i += 1
    return tuple(out)


def is_glob(path: str) -> bool:
    return any(c in path for c in "*?[")


def _closure(tokens: tuple[Token, ...], state: int) -> set[int]:
    """States reachable without reading a character (a star may match nothing)."""
    seen = {state}
    stack = [state]
    while stack:
        current = stack.pop()
        star = current < len(tokens) and tokens[current][0] in (_STAR, _DEEP)
        if star and current + 1 not in seen:
            seen.add(current + 1)
            stack.append(current + 1)
    return seen


def _step(tokens: tuple[Token, ...], state: int, char: str) -> set[int]:
    """States after reading ``char`` (``""`` stands for any character that is not ``/``)."""
    if state >= len(tokens):
        return set()
    kind, value = tokens[state]
    slash = char == "/"
    if kind == _LITERAL:
        return {state + 1} if char and value == char else set()
    if kind == _ONE:
        return set() if slash else {state + 1}
    if kind == _STAR:
        return set() if slash else {state}
    return {state}  # ** crosses folders


def _alphabet(a: tuple[Token, ...], b: tuple[Token, ...], i: int, j: int) -> set[str]:
    chars = {"", "/"}
    for tokens, state in ((a, i), (b, j)):
        if state < len(tokens) and tokens[state][0] == _LITERAL:
            chars.add(tokens[state][1])
    return chars


def _intersects(a: tuple[Token, ...], b: tuple[Token, ...]) -> bool:
    start = {(i, j) for i in _closure(a, 0) for j in _closure(b, 0)}
    seen = set(start)
    stack = list(start)
    while stack:
        i, j = stack.pop()
        if i == len(a) and j == len(b):
            return True
        for char in _alphabet(a, b, i, j):
            for ni in _step(a, i, char):
                for nj in _step(b, j, char):
                    for ci in _closure(a, ni):
                        for cj in _closure(b, nj):
                            if (ci, cj) not in seen:
                                seen.add((ci, cj))
                                stack.append((ci, cj))
    return False


def overlap(first: str, second: str) -> bool:
    """Whether some file path is named by both ``first`` and ``second`` (paths or globs)."""
    a, b = normalise(first), normalise(second)
    if not is_glob(a) and not is_glob(b):
        return a == b
    return _intersects(_tokens(a), _tokens(b))


def matches(path: str, pattern: str) -> bool:
    """Whether a concrete ``path`` matches ``pattern`` (``*`` stays in a folder, ``**`` not)."""
    return _intersects(_tokens(normalise(path).replace("[", "?")), _tokens(normalise(pattern)))
