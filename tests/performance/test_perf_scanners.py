"""The faster scans of whole documents find exactly what the plain ones find."""

from __future__ import annotations

import random
import re

import pytest

from lanelint.linter.protocol import values
from lanelint.linter.protocol.artifacts import mentions
from tests.conftest import EXAMPLES

ALPHABET = ["a", "Z", "T", "0", "9", "-", "_", " ", "\n", ".", "x", "-1", "T-", "AB-12", "é"]


def _texts() -> list[str]:
    rng = random.Random(11)
    fuzz = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 80))) for _ in range(5000)]
    long_parts = [
        "T-" + "1" * 30,
        "A" * 30 + "-1",
        "X-1-2-3-4-5-6-7",
        "a-" * 40 + "9",
        "-T-1",
        "x_-T-1",
        "é-T-1 T-1",
    ]
    documents = [p.read_bytes().decode("utf-8", "replace") for p in EXAMPLES.rglob("*.md")]
    return fuzz + long_parts + documents


def _task_ids_by_finditer(text: str) -> list[str]:
    found: list[str] = []
    for match in mentions.TASK_ID.finditer(text):
        value = match.group(1)
        if value not in found and any(c.isdigit() for c in value):
            found.append(value)
    return found


def test_task_ids_found_from_the_hyphens_are_those_finditer_finds() -> None:
    for text in _texts():
        assert mentions.task_ids(text) == _task_ids_by_finditer(text), repr(text)


def test_only_i_k_and_s_match_other_letters_without_regard_to_case() -> None:
    """The lower-case tests that spare case-blind searches rely on this (``order``, ``reba``)."""
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    others = [chr(c) for c in range(128, 0x110000) if any_letter.fullmatch(chr(c))]
    matched = {
        letter
        for letter in "abcdefghijklmnopqrstuvwxyz"
        for other in others
        if re.fullmatch(letter, other, re.IGNORECASE)
    }
    assert matched == {"i", "k", "s"}


@pytest.mark.parametrize(
    ("special", "negated"),
    [
        ("`(~*_-", r"[^`(~*_\-\u0080-\U0010FFFF]+"),
        ("~*_-", r"[^~*_\-\u0080-\U0010FFFF]+"),
        ("`(,;+&\n/ <-", r"[^`(,;+&\n/ <\-\u0080-\U0010FFFF]+"),
        (",;+&\n/ <-", r"[^,;+&\n/ <\-\u0080-\U0010FFFF]+"),
    ],
)
def test_ascii_runs_are_the_negated_classes_they_replace(special: str, negated: str) -> None:
    ours, theirs = values._ascii_run(special), re.compile(negated)
    for code in [*range(0x300), 0x2014, 0xFF08, 0x10FFFF]:
        assert bool(ours.fullmatch(chr(code))) == bool(theirs.fullmatch(chr(code))), hex(code)
