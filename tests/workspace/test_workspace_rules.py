"""The cross-document rules on the examples, and the index they read."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.markdown.parse import parse_document
from lanelint.linter.protocol.artifacts.model import extract
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.run.api import lint_text
from lanelint.linter.workspace.index import build_index
from lanelint.linter.workspace.repository import RepositoryFiles, normalise_claim
from lanelint.rules import all_rules
from tests.conftest import EXAMPLES, codes, lint_folder

CROSS_DOCUMENT = {
    "PDP307", "PDP308", "PDP406", "PDP407", "PDP503", "PDP603", "PDP604", "PDP708", "PDP709",
    "PDP710", "PDP711", "PDP801", "PDP802", "PDP901", "PDP902", "PDP903", "PDP1001", "PDP1002",
}  # fmt: skip
ROLES = RoleBook()


def test_every_cross_document_rule_is_declared_with_its_section() -> None:
    rules = {rule.code: rule for rule in all_rules()}
    for code in CROSS_DOCUMENT:
        rule = rules[code]
        assert f"section {rule.section}" in rule.docs.replace("sections", "section")
        assert "## Example" in rule.docs
        assert "Use instead" in rule.docs


def test_seeded_example_exercises_every_cross_document_rule() -> None:
    found = set(codes(lint_folder(EXAMPLES / "seeded")))
    assert CROSS_DOCUMENT - found == set()


def test_clean_example_fires_no_cross_document_rule() -> None:
    result = lint_folder(EXAMPLES / "clean")
    assert result.diagnostics == []
    assert result.exit_code() == 0


def test_findings_across_documents_point_at_both() -> None:
    result = lint_folder(EXAMPLES / "seeded")
    related = [d for d in result.diagnostics if d.code == "PDP903"]
    assert related
    assert related[0].related[0].path.endswith("escalation_B-15_lane-L4.md")


def _artifacts(text: str, path: str = "spec/doc.md") -> object:
    return extract(parse_document(path, text), ROLES)


def test_artifacts_stay_plain_data_for_the_cache() -> None:
    text = (EXAMPLES / "clean" / "spec" / "operations" / "dispatch_B-15.md").read_text()
    artifacts = extract(parse_document("spec/operations/dispatch_B-15.md", text), ROLES)
    json.dumps(dataclasses.asdict(artifacts))  # raises on anything but plain data
    assert artifacts.notes is not None
    assert artifacts.notes.batch == "B-15"
    assert [note.task for note in artifacts.task_notes] == ["DG-105", "DG-106", "DG-107", "DG-108"]


def test_heartbeat_shapes() -> None:
    text = (
        "# Heartbeat log\n\n## 2026-02-16 11:00 UTC - Lane B\n\n**Status:** ok\n"
        "**Blockers:** none\n**Next step:** tests\n\n"
        "- 2026-02-16 12:00 UTC lane C. Status: green; Blockers: none; Next step: review\n"
        "- 2026-02-16 13:00 UTC lane D. Status: waiting\n"
    )
    beats = extract(parse_document("spec/heartbeats.md", text), ROLES).heartbeats
    assert [(b.lane, b.timestamp, b.missing) for b in beats] == [
        ("B", "2026-02-16 11:00 UTC", ()),
        ("C", "2026-02-16 12:00 UTC", ()),
        ("D", "2026-02-16 13:00 UTC", ("blockers", "next step")),
    ]


def test_heartbeat_heading_outside_a_log() -> None:
    text = "# Stand-up\n\n## Heartbeat 2026-02-16 09:00 UTC lane A\n\n- Status: ok\n"
    beats = extract(parse_document("spec/standup.md", text), ROLES).heartbeats
    assert [(b.lane, b.missing) for b in beats] == [("A", ("blockers", "next step"))]


def test_escalation_shapes() -> None:
    text = (
        "# Escalation\n\n**From:** QA\n**To:** TL and SM\n**Date:** 2026-02-16 10:00 UTC\n"
        "**Reason:** lane C blocked on staging\n\n## Escalations\n\n"
        "- lane D waits for the lock -> owner Technical Lead -> ETA tomorrow\n"
    )
    found = extract(parse_document("spec/esc.md", text), ROLES).escalations
    assert [(e.lane, e.recipients) for e in found] == [
        ("C", ("Technical Lead", "Scrum Master")),
        ("D", ("Technical Lead",)),
    ]


def test_baseline_named_by_source_without_baseline_section(tmp_path: Path) -> None:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "plan.md").write_text("# Plan\n\n- T-1 approved\n- T-2 approved\n")
    dispatch = (
        "# Dispatch\n\n- Batch id: `B-1`\n- Baseline source: `spec/plan.md`\n\n"
        "| Lane | Task | Role | Dependency | Files |\n|---|---|---|---|---|\n"
        "| A | T-1 | SA | none | `spec/a.md` |\n| B | T-3 | EA | none | `src/b.py` |\n"
    )
    (tmp_path / "spec" / "dispatch.md").write_text(dispatch)
    result = lint_folder(tmp_path, select=("PDP406",))
    assert [(d.code, d.line) for d in result.diagnostics] == [("PDP406", 9)]
    assert "'T-3'" in result.diagnostics[0].message


def test_row_belongs_to_lane_by_task_across_documents(tmp_path: Path) -> None:
    plan = _artifacts(
        "# D\n\n- Batch id: `B-1`\n\n| Lane | Task | Role | Dependency | Files | Status |\n"
        "|---|---|---|---|---|---|\n| A | T-1 | SA | none | `a.md` | done |\n"
    )
    ledger = _artifacts(
        "# Ledger\n\n| Commit | Task | Verdict |\n|---|---|---|\n| `abcdef1` | T-1 | accepted |\n",
        "spec/ledger.md",
    )
    index = build_index([plan, ledger], tmp_path, ROLES)  # type: ignore[list-item]
    (lane,) = index.lanes
    accepted = index.accepted_row(lane)
    assert accepted is not None
    assert accepted.path == "spec/ledger.md"


def test_repository_files_skip_the_skipped_folders(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "b.js").write_text("")
    repo = RepositoryFiles(tmp_path)
    assert repo.exists("src/a.py")
    assert repo.exists("./src/a.py:12")
    assert repo.exists("src/")
    assert repo.exists("src/*.py")
    assert not repo.exists("src/*.js")
    assert not repo.exists("node_modules/b.js")
    assert normalise_claim("`./docs/x.md#intro`") == "docs/x.md"


def test_gate_report_outside_the_project_is_not_checked(tmp_path: Path) -> None:
    text = "# Gate Report: T-1\n\n## 3) Artifacts\n\n- `nowhere/file.py`: claimed\n"
    config = Config(root=tmp_path / "project")
    result = lint_text(text, str(tmp_path / "elsewhere" / "gate_report_T-1.md"), config=config)
    assert "PDP711" not in codes(result)


def test_heartbeat_interval_is_configurable() -> None:
    folder = EXAMPLES / "clean"
    assert "PDP901" in codes(lint_folder(folder, heartbeat_interval_minutes=5))
