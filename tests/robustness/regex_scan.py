"""Time every compiled regular expression of the package on inputs built to make it backtrack.

Run as ``python -m tests.robustness.regex_scan``; prints one JSON object per line:
``{"pattern": "module.NAME", "input": LABEL, "method": ..., "small": s, "large": s}``, with a
``"start"`` line before each measurement so that a parent that kills a hung scan knows where it
hung. A pattern is suspect when the time grows much faster than the input (``large`` is four
times ``small`` in length) or is slow outright.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
import time
from collections.abc import Iterator

import lanelint

#: Input length of the first measurement; the second is four times longer.
SMALL = 1000
SCALE = 4

_PREFIXES = (
    "", "gate report", "brief", "task T-1", "none", "hard", "soft(A", "2026-01-01", "1)",
    "**Key:**", "lane", "Technical Lead", "lanelint-disable", "[x](", "<!--", "a and",
)  # fmt: skip
_SPACES = (" ", "\t", "\n", " \t", " \n", " ,", ", ", "+ ", "; ")
_BODIES = (
    "a", "A1", "1", "-a", "(", ")", "[", "]", "<", ">", "*", "_", "`", "|", "\\", ":", "-",
    "a-", "T-1 ", "and ", "(a", "[a]", "**", "2026-01-01 ", "0a", "x/", "\u00e9",
)  # fmt: skip


def inputs(length: int) -> Iterator[tuple[str, str]]:
    """``(label, text)`` pairs of about ``length`` characters, each ending in a mismatch."""
    for prefix in _PREFIXES:
        for unit in _SPACES:
            yield f"{prefix!r}+{unit!r}*n+'\\x00'", prefix + unit * (length // len(unit)) + "\x00"
    for unit in _BODIES:
        yield f"{unit!r}*n+'\\x00'", unit * (length // len(unit)) + "\x00"


def patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every module-level compiled pattern in the package, by ``module.NAME``."""
    for info in pkgutil.walk_packages(lanelint.__path__, "lanelint."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # optional extras (the language server) may be absent
            continue
        for name, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{info.name}.{name}", value


def _time(pattern: re.Pattern[str], method: str, text: str) -> float:
    start = time.perf_counter()
    if method == "finditer":
        for _ in pattern.finditer(text):
            pass
    else:
        pattern.fullmatch(text)
    return time.perf_counter() - start


def main() -> None:
    seen: set[int] = set()
    small_inputs = dict(inputs(SMALL))
    large_inputs = dict(inputs(SMALL * SCALE))
    for qualname, pattern in patterns():
        if id(pattern) in seen:  # re-exported under another name
            continue
        seen.add(id(pattern))
        for label, small_text in small_inputs.items():
            large_text = large_inputs[label]
            for method in ("finditer", "fullmatch"):
                record = {"pattern": qualname, "input": label, "method": method}
                print(json.dumps({**record, "start": True}), flush=True)
                small = _time(pattern, method, small_text)
                large = _time(pattern, method, large_text) if small < 0.5 else small * 16
                print(json.dumps({**record, "small": small, "large": large}), flush=True)
    print(json.dumps({"done": True}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
