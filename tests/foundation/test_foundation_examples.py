"""The bundled example project: the clean variant passes, the seeded one trips every rule.

The snapshots hold the whole report on the seeded example. Adding a rule or a document to the
example changes them: review the difference, then refresh them with
``pytest tests/foundation/test_foundation_examples.py --snapshot-update``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
from syrupy.assertion import SnapshotAssertion

from tests.conftest import EXAMPLES, REPO, run_cli
from tests.foundation.foundation_docs import FOUNDATION_CODES
from tests.foundation.test_foundation_cli import schema

CLEAN = "examples/spec/clean"
SEEDED = "examples/spec/seeded"


def _json(*args: str) -> tuple[int, dict[str, Any]]:
    result = run_cli(["check", "--format", "json", *args], cwd=REPO)
    report: dict[str, Any] = json.loads(result.stdout)
    jsonschema.validate(report, schema())
    return result.exit_code, report


def test_examples_are_projects_of_their_own() -> None:
    for variant in ("clean", "seeded"):
        assert (EXAMPLES / variant / "lanelint.toml").is_file()
        documents = sorted(p.name for p in (EXAMPLES / variant / "spec/operations").glob("*.md"))
        assert "workboard_B-14.md" in documents
        assert "session_log_B-14.md" in documents
        for task in ("DG-101", "DG-102", "DG-103", "DG-104"):
            assert f"gate_report_{task}_2026-03-03.md" in documents


def test_clean_example_has_no_finding_of_the_foundation_rules() -> None:
    code, report = _json("--select", ",".join(FOUNDATION_CODES), CLEAN)
    assert report["diagnostics"] == []
    assert code == 0
    assert report["summary"]["files"] >= 6


def test_clean_example_exits_0() -> None:
    result = run_cli(["check", "--no-color", CLEAN], cwd=REPO)
    assert result.exit_code == 0, result.stdout
    assert re.fullmatch(r"All checks passed \(\d+ files checked\)\.\n", result.stdout)


def test_seeded_example_trips_every_foundation_rule() -> None:
    code, report = _json(SEEDED)
    assert code == 1
    assert set(FOUNDATION_CODES) <= {d["code"] for d in report["diagnostics"]}


def test_seeded_example_text_report(snapshot: SnapshotAssertion) -> None:
    result = run_cli(["check", "--no-color", SEEDED], cwd=REPO)
    assert result.exit_code == 1
    assert result.stdout == snapshot


def test_seeded_example_json_report(snapshot: SnapshotAssertion) -> None:
    code, report = _json(SEEDED)
    assert code == 1
    assert report == snapshot
