"""Seed cases for the writing-styles suite: the lane limit on a status-bearing lane table."""

from __future__ import annotations

from tests.styles.harness import Case

_HEAD = """# Parallel Workboard: B-90

- Batch id: `B-90`

| Lane | Task ID | Role | Dependency | Locked files | Status |
|---|---|---|---|---|---|
"""
_ROWS = [
    "| A | `REQ-901` | System Analyst | none | `spec/requirements/a.md` | active |",
    "| B | `IMPL-902` | Executive Assistant | none | `apps/x/src/b.py` | active |",
    "| C | `QA-903` | QA/SET | none | `apps/x/tests/test_c.py` | active |",
    "| D | `OPS-904` | DevOps/SRE | none | `deploy/d.yaml` | active |",
    "| E | `IMPL-905` | Executive Assistant | none | `apps/x/src/e.py` | active |",
]

CASES = [
    Case(
        "lane-limit/five-active-lanes",
        "PDP201",
        True,
        {"spec/workboard_B-90.md": _HEAD + "\n".join(_ROWS) + "\n"},
        path="spec/workboard_B-90.md",
        only=False,
    ),
    Case(
        "lane-limit/four-active-lanes",
        "PDP201",
        False,
        {"spec/workboard_B-90.md": _HEAD + "\n".join(_ROWS[:4]) + "\n"},
        only=False,
    ),
]
