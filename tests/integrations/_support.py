"""Helpers shared by the integration tests: the seeded spec folder they all lint."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The project's seeded example: the golden (snapshot) tests render it in every format.
EXAMPLE = REPO / "examples" / "spec" / "seeded"
#: A small spec folder of these tests, seeded with violations whose details the tests pin down:
#: a finding with related locations in its own document (PDP501) and in another (PDP709), the
#: two quick-fixable findings (PDP701, PDP301) and a cross-document one (PDP307).
SEEDED = FIXTURES / "seeded"
WORKBOARD = "spec/operations/workboard_B-7.md"
LEDGER = "spec/operations/ledger_B-7.md"
GATE_REPORT = "spec/gates/gate_report_SPEC-01.md"
SESSION_LOG = "spec/sessions/session_log_2026-02-16.md"


def copy_seeded(tmp_path: Path) -> Path:
    """A private copy of the seeded folder (outside the repository) that a test may edit."""
    target = tmp_path / "seeded"
    shutil.copytree(SEEDED, target)
    return target


def normalise_root(text: str) -> str:
    """Replace the machine-specific repository URI so that snapshots compare anywhere."""
    return text.replace(REPO.as_uri() + "/", "file:///REPO/")
