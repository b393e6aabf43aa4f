"""A realistic spec folder to run the robustness tests on: the seeded example, copied."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "spec" / "seeded"


def seeded_copy(target: Path, copies: int = 1) -> Path:
    """``target`` holding the seeded example; ``copies`` > 1 repeats its spec folder."""
    if not (EXAMPLE / "spec").is_dir():
        pytest.skip(f"the seeded example {EXAMPLE} is absent")
    shutil.copytree(EXAMPLE, target, symlinks=True)
    for index in range(2, copies + 1):
        shutil.copytree(EXAMPLE / "spec", target / "spec" / f"copy{index}", symlinks=True)
    return target
