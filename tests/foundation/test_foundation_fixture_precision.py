"""The foundation rules' fixture folders trigger exactly their own rule, and nothing else."""

from __future__ import annotations

import pytest

from tests.conftest import RULE_FIXTURES
from tests.foundation.foundation_docs import FOUNDATION_CODES, lint_dir


@pytest.mark.parametrize("code", FOUNDATION_CODES)
def test_fires_folder_trips_only_its_own_rule(code: str) -> None:
    result = lint_dir(RULE_FIXTURES / code / "fires")
    assert {d.code for d in result.diagnostics} == {code}, result.diagnostics


@pytest.mark.parametrize("code", FOUNDATION_CODES)
def test_passes_folder_is_clean(code: str) -> None:
    result = lint_dir(RULE_FIXTURES / code / "passes")
    assert result.diagnostics == []
