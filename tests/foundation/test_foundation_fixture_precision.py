"""The foundation rules' fixture folders trigger exactly their own rule, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import materialize_fixture
from tests.foundation.foundation_docs import FOUNDATION_CODES, lint_dir


@pytest.mark.parametrize("code", FOUNDATION_CODES)
def test_fires_folder_trips_only_its_own_rule(code: str, tmp_path: Path) -> None:
    result = lint_dir(materialize_fixture(code, "fires", tmp_path))
    assert {d.code for d in result.diagnostics} == {code}, result.diagnostics


@pytest.mark.parametrize("code", FOUNDATION_CODES)
def test_passes_folder_is_clean(code: str, tmp_path: Path) -> None:
    result = lint_dir(materialize_fixture(code, "passes", tmp_path))
    assert result.diagnostics == []
