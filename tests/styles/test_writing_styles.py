"""The writing-styles suite: five teams write the same fact five ways, and lanelint reads all.

Cases live in the ``cases_*.py`` modules beside this one, each exposing ``CASES``; this module
runs them all. See :mod:`tests.styles.harness` for what a case asserts.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

from tests.styles.harness import Case, check


def _all_cases() -> list[Case]:
    cases: list[Case] = []
    folder = Path(__file__).parent
    for module in sorted(pkgutil.iter_modules([str(folder)]), key=lambda m: m.name):
        if module.name.startswith("cases_"):
            cases.extend(importlib.import_module(f"tests.styles.{module.name}").CASES)
    return cases


CASES = _all_cases()


def test_case_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_writing_style(case: Case, tmp_path: Path) -> None:
    check(case, tmp_path / "project")
