"""Every variant FORMATS.md names is read, each with its own test."""

from __future__ import annotations

from pathlib import Path

import pytest

from lanelint.linter.protocol.artifacts.gate_report import read_gate_report
from lanelint.linter.protocol.artifacts.lane_plan import parse_dependency
from lanelint.linter.protocol.artifacts.placeholders import is_template_path
from tests.foundation.foundation_docs import (
    GATE_SECTIONS,
    gate_report,
    lint,
    lint_dir,
    model,
    stamp,
    workboard,
    write,
)

ROWS_BY_LETTER = (
    "| A | `T-1` | System Analyst | none | `spec/req.md` | active |\n"
    "| B | `T-2` | Executive Assistant | hard(A) | `src/app.py` | active |\n"
    "| C | `T-3` | QA/SET | soft(B) | `tests/test_app.py` | active |\n"
    "| D | `T-4` | DevOps/SRE | none | `deploy/app.yaml` | active |\n"
    "| E | `T-5` | Scrum Master | none | `spec/operations/retro.md` | blocked |\n"
)


# -- lane ids -------------------------------------------------------------------------------


def test_lane_letters_a_to_e_are_read_and_match_their_owner_types() -> None:
    text = workboard(ROWS_BY_LETTER)
    _, artifacts = model(text)
    (plan,) = artifacts.lane_plans
    assert [lane.id for lane in plan.lanes] == ["A", "B", "C", "D", "E"]
    assert [lane.owners for lane in plan.lanes] == [
        ("System Analyst",),
        ("Executive Assistant",),
        ("QA/SET",),
        ("DevOps/SRE",),
        ("Scrum Master",),
    ]
    assert lint(text).diagnostics == []


def test_sequence_lane_ids_are_read_and_never_taken_for_a_type() -> None:
    rows = (
        "| L1 | `T-1` | QA/SET | none | `tests/a.py` | active |\n"
        "| L2 | `T-2` | DevOps/SRE | hard(L1) | `deploy/a.yaml` | active |\n"
        "| L10 | `T-3` | Executive Assistant | soft(L1+L2) | `src/a.py` | active |\n"
    )
    text = workboard(rows)
    (plan,) = model(text)[1].lane_plans
    assert [lane.id for lane in plan.lanes] == ["L1", "L2", "L10"]
    assert plan.lane("l10") is plan.lanes[2]
    assert lint(text).diagnostics == []


# -- lane plan header names -----------------------------------------------------------------

HEADER_VARIANTS = [
    ("lane", "Lane"),
    ("task", "Task"),
    ("task", "Task ID"),
    ("owner", "Role"),
    ("owner", "Role owner"),
    ("owner", "Owner role"),
    ("owner", "Owner"),
    ("dependency", "Dependency"),
    ("dependency", "Dependency type"),
    ("dependency", "Dependency (`none/soft/hard`)"),
    ("files", "Locked files"),
    ("files", "File scope"),
    ("files", "Target files"),
    ("files", "Files"),
    ("status", "Status"),
    ("status", "Status (`active`, `blocked`, `done`, ...)"),
    ("last_update", "Last update"),
    ("acceptance", "Acceptance"),
    ("acceptance", "Acceptance checks"),
]
BASE_COLUMNS = {
    "lane": ("Lane", "B"),
    "task": ("Task ID", "`T-2`"),
    "owner": ("Role", "Executive Assistant"),
    "dependency": ("Dependency", "hard(A)"),
    "files": ("Files", "`src/app.py`"),
    "status": ("Status", "active"),
    "last_update": ("Last update", "2026-02-16 10:00 UTC"),
    "acceptance": ("Acceptance checks", "`pytest` green"),
}


@pytest.mark.parametrize(("field", "header"), HEADER_VARIANTS)
def test_each_lane_plan_header_name_is_recognised(field: str, header: str) -> None:
    columns = dict(BASE_COLUMNS)
    columns[field] = (header.upper() if field == "status" else header, columns[field][1])
    head = "| " + " | ".join(name for name, _ in columns.values()) + " |\n"
    rule = "|" + "---|" * len(columns) + "\n"
    row_a = "| A | `T-1` | System Analyst | none | `spec/req.md` | done | 2026-02-16 | ok |\n"
    row_b = "| " + " | ".join(value for _, value in columns.values()) + " |\n"
    (plan,) = model(workboard(row_a + row_b, header=head + rule))[1].lane_plans
    assert set(plan.columns) == set(BASE_COLUMNS)
    lane = plan.lanes[1]
    assert lane.cell(field) is not None
    assert (lane.id, lane.task, lane.owners) == ("B", "T-2", ("Executive Assistant",))
    assert lane.dependency is not None
    assert lane.dependency.upstream() == ("A",)
    assert [claim.path for claim in lane.files] == ["src/app.py"]
    assert lane.status == "active"


def test_header_names_ignore_case_backticks_and_emphasis() -> None:
    header = (
        "| `LANE` | **Task id** | Owner Role | DEPENDENCY | File Scope |\n|---|---|---|---|---|\n"
    )
    rows = "| A | T-1 | PO | none | `spec/req.md` |\n"
    (plan,) = model(workboard(rows, header=header))[1].lane_plans
    assert plan.columns == ("lane", "task", "owner", "dependency", "files")


def test_a_table_without_an_owner_column_is_not_a_lane_plan() -> None:
    header = "| Lane | Task | Notes |\n|---|---|---|\n"
    _, artifacts = model(workboard("| A | T-1 | fine |\n", header=header))
    assert artifacts.lane_plans == []


def test_several_owners_in_one_cell() -> None:
    rows = (
        "| A | `T-1` | System Analyst + Product Owner | none | `spec/a.md` | active |\n"
        "| E | `T-2` | TL, SM | none | `spec/b.md` | active |\n"
    )
    plan = model(workboard(rows))[1].lane_plans[0]
    assert plan.lanes[0].owners == ("System Analyst", "Product Owner")
    assert plan.lanes[1].owners == ("Technical Lead", "Scrum Master")
    assert lint(workboard(rows)).diagnostics == []


# -- dependency cells -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "kind", "upstream"),
    [
        ("none", "none", ()),
        ("soft", "soft", ()),
        ("hard", "hard", ()),
        ("hard(A)", "hard", ("A",)),
        ("soft(C)", "soft", ("C",)),
        ("hard(A, B)", "hard", ("A", "B")),
        ("hard(L1+L2)", "hard", ("L1", "L2")),
        ("`hard(A)`", "hard", ("A",)),
        ("hard (A)", "hard", ("A",)),
        ("Hard(A)", "hard", ("A",)),
        ("hard(A and B)", "hard", ("A", "B")),
        ("soft(A), hard(B)", "hard", ("A", "B")),
        ("none (parallel-safe)", "none", ()),
        ("hard: A", "hard", ("A",)),
        ("hard(A) — waits for criteria", "hard", ("A",)),
    ],
)
def test_marked_dependency(cell: str, kind: str, upstream: tuple[str, ...]) -> None:
    dependency = parse_dependency(cell)
    assert dependency.marked
    assert dependency.kind == kind
    assert dependency.upstream() == upstream


@pytest.mark.parametrize(
    "cell",
    [
        "depends on L1 artifacts",
        "parallel-safe",
        "primary",
        "hardware",
        "n/a",
        "",
        "hard: see notes",
    ],
)
def test_free_text_is_not_a_marked_dependency(cell: str) -> None:
    dependency = parse_dependency(cell)
    assert not dependency.marked
    assert dependency.kind is None
    assert dependency.upstream() == ()


def test_free_text_dependency_is_reported_with_its_text() -> None:
    rows = (
        "| L1 | `T-1` | System Analyst | none | `spec/a.md` | active |\n"
        "| L2 | `T-2` | Executive Assistant | depends on L1 artifacts | `src/a.py` | active |\n"
    )
    result = lint(workboard(rows))
    assert [(d.code, d.line) for d in result.diagnostics] == [("PDP403", 13)]
    assert "'depends on L1 artifacts'" in result.diagnostics[0].message


# -- gate reports ---------------------------------------------------------------------------


@pytest.mark.parametrize("numbering", ["{n}) ", "{n}. ", ""], ids=["paren", "dot", "unnumbered"])
def test_gate_report_heading_styles(numbering: str) -> None:
    text = gate_report(numbering)
    report = read_gate_report(model(text)[0])
    assert report is not None
    assert [s.index for s in report.sections] == list(range(7))
    expected = list(range(1, 8)) if numbering else [None] * 7
    assert [s.number for s in report.sections] == expected
    assert all(s.has_content for s in report.sections)
    assert lint(text).diagnostics == []


def test_gate_report_risks_alone_is_the_sixth_section() -> None:
    sections = list(GATE_SECTIONS)
    sections[5] = ("Risks", "- Risk: none beyond the usual.")
    text = gate_report("{n}) ", tuple(sections))
    report = read_gate_report(model(text)[0])
    assert report is not None
    assert report.sections[5].index == 5
    assert report.sections[5].name == "Risks / open questions"
    assert lint(text).diagnostics == []


def test_gate_report_found_by_file_name_and_task_from_it() -> None:
    text = "Report for the exporter lane.\n" + gate_report().split("\n", 1)[1]
    path = "spec/operations/gate_report_T-2_2026-02-16.md"
    report = read_gate_report(model(text, path)[0])
    assert report is not None
    assert report.task == "T-2"
    assert lint(text, path).diagnostics == []


def test_gate_report_title_metadata_and_artifact_claims() -> None:
    report = read_gate_report(model(gate_report(task="`PARALLEL-POLICY-01`"))[0])
    assert report is not None
    assert (report.task, report.role, report.date) == (
        "PARALLEL-POLICY-01",
        "Executive Assistant",
        "2026-02-16",
    )
    assert [claim.path for claim in report.artifacts] == ["apps/exporter/src/export.py"]


def test_a_document_that_is_not_a_gate_report() -> None:
    _, artifacts = model("# Gate Reports index\n\n## Decisions\n\n- none\n", "spec/index.md")
    assert artifacts.gate_report is None
    assert artifacts.kinds == []


# -- preflight stamps -----------------------------------------------------------------------


def test_several_stamps_in_one_file() -> None:
    text = (
        "# Session log\n\n## Lane A\n\n"
        + stamp("System Analyst", framework="PASS")
        + "\n## Lane B\n\n"
        + stamp("Executive Assistant", "2026-02-16 11:00 UTC")
        + "\n## Lane C\n\n"
        + stamp("QA/SET", "2026-02-16 11:30 UTC")
    )
    document, artifacts = model(text)
    assert [s.role for s in artifacts.stamps] == ["System Analyst", "Executive Assistant", "QA/SET"]
    assert [s.line for s in artifacts.stamps] == [5, 30, 55]
    for item in artifacts.stamps:
        assert document.lines[item.line - 1] == "```text"
        assert [c.number for c in item.checks] == [1, 2, 3, 4, 5]
    assert lint(text).diagnostics == []
    broken = text.replace("Timestamp: 2026-02-16 11:00 UTC", "Timestamp: after lunch")
    assert [(d.code, d.line) for d in lint(broken).diagnostics] == [("PDP303", 34)]


def test_stamp_in_a_tilde_fence_without_info_string() -> None:
    text = "# Session\n\n" + stamp().replace("```text", "~~~").replace("```", "~~~")
    (item,) = model(text)[1].stamps
    assert item.field("Role") is not None
    assert lint(text).diagnostics == []


# -- encodings and line endings --------------------------------------------------------------

SAMPLE = workboard(
    "| A | `T-1` | System Analyst | none | `spec/a.md` | active |\n"
    "| B | `T-2` | Executive Assistant | hard(F) | `src/a.py` | active |\n"
)


def _report(folder: Path) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.line, d.location.column, d.message) for d in lint_dir(folder).diagnostics]


def test_crlf_gives_the_same_lines_and_columns_as_lf(tmp_path: Path) -> None:
    write(tmp_path / "lf", "board.md", SAMPLE)
    write(tmp_path / "crlf", "board.md", SAMPLE.replace("\n", "\r\n").encode())
    expected = _report(tmp_path / "lf")
    assert [code for code, *_ in expected] == ["PDP601"]
    assert _report(tmp_path / "crlf") == expected


def test_utf8_bom_gives_the_same_lines_and_columns(tmp_path: Path) -> None:
    write(tmp_path / "plain", "board.md", SAMPLE)
    write(tmp_path / "bom", "board.md", b"\xef\xbb\xbf" + SAMPLE.encode())
    write(tmp_path / "both", "board.md", b"\xef\xbb\xbf" + SAMPLE.replace("\n", "\r\n").encode())
    expected = _report(tmp_path / "plain")
    assert _report(tmp_path / "bom") == expected
    assert _report(tmp_path / "both") == expected


def test_bom_does_not_hide_the_first_heading(tmp_path: Path) -> None:
    write(tmp_path, "notes.md", b"\xef\xbb\xbf" + gate_report(sections=GATE_SECTIONS[:6]).encode())
    assert [(d.code, d.line) for d in lint_dir(tmp_path).diagnostics] == [("PDP701", 1)]


# -- metadata lines --------------------------------------------------------------------------


def test_bold_and_list_metadata_lines() -> None:
    text = (
        "# Dispatch\n\n"
        "**Owner:** Technical Lead  \n"
        "**Date:** 2026-02-16  \n"
        "**Baseline source:** `spec/operations/tl_plan_x.md`\n\n"
        "- Batch id: `B-7`\n"
        "- TL owner: Technical Lead\n"
    )
    document, _ = model(text)
    seen = [(m.key, m.value, m.line, m.column, m.style) for m in document.meta]
    assert seen == [
        ("Owner", "Technical Lead", 3, 12, "bold"),
        ("Date", "2026-02-16", 4, 11, "bold"),
        ("Baseline source", "`spec/operations/tl_plan_x.md`", 5, 22, "bold"),
        ("Batch id", "`B-7`", 7, 13, "list"),
        ("TL owner", "Technical Lead", 8, 13, "list"),
    ]
    assert document.meta_value("batch ID") is document.meta[3]


def test_batch_id_comes_from_the_metadata() -> None:
    (plan,) = model(SAMPLE)[1].lane_plans
    assert plan.batch_id == "B-7"


# -- templates ---------------------------------------------------------------------------------

TEMPLATE_BOARD = workboard(
    "| A | `<task>` | `<role>` | `<type>` | `<files>` | `<active/blocked/done>` |\n"
)


@pytest.mark.parametrize(
    "path",
    [
        "spec/templates/PARALLEL_WORKBOARD_TEMPLATE.md",
        "spec/templates/board.md",
        "GATE_TEMPLATE.md",
    ],
)
def test_templates_are_recognised_and_never_linted(tmp_path: Path, path: str) -> None:
    assert is_template_path(path)
    _, artifacts = model(TEMPLATE_BOARD, path)
    assert artifacts.is_template
    assert artifacts.kinds == []
    write(tmp_path, path, TEMPLATE_BOARD)
    assert lint_dir(tmp_path).diagnostics == []


def test_the_same_skeleton_outside_templates_is_a_filled_document(tmp_path: Path) -> None:
    assert not is_template_path("spec/operations/board.md")
    write(tmp_path, "spec/operations/board.md", TEMPLATE_BOARD)
    codes = {d.code for d in lint_dir(tmp_path).diagnostics}
    assert codes == {"PDP001"}


def test_a_stamp_template_in_the_folder_is_the_schema(tmp_path: Path) -> None:
    template = (
        "# Stamp\n\n```text\nPREFLIGHT STAMP\nRole: <Technical Lead|Scrum Master>\n"
        "Timestamp: <YYYY-MM-DD HH:MM TZ>\n1) Ticket linked: <YES|NO>\n"
        "Preflight status: <READY TO EXECUTE|NOT READY TO EXECUTE>\n```\n"
    )
    write(tmp_path, "spec/templates/PREFLIGHT_STAMP_TEMPLATE.md", template)
    filled = (
        "# Session\n\n```text\nPREFLIGHT STAMP\nRole: Technical Lead\n"
        "Timestamp: 2026-02-16 09:00 UTC\n1) Ticket linked: MAYBE\n"
        "Preflight status: READY TO EXECUTE\n```\n"
    )
    write(tmp_path, "spec/operations/session.md", filled)
    result = lint_dir(tmp_path)
    assert [(d.code, d.line) for d in result.diagnostics] == [("PDP302", 7)]
    assert "allowed: YES, NO" in result.diagnostics[0].message


def test_a_stamp_in_a_list_item_points_at_its_values() -> None:
    body = stamp(timestamp="soon").replace("\n", "\n   ").rstrip(" ")
    text = "# Session log\n\n1. Lane B session:\n\n   " + body
    document, artifacts = model(text)
    (item,) = artifacts.stamps
    entry = item.field("Timestamp")
    assert entry is not None
    assert document.line_text(entry.line)[entry.column - 1 :] == "soon"
    result = lint(text)
    assert [(d.code, d.line, d.location.column) for d in result.diagnostics] == [
        ("PDP303", entry.line, entry.column)
    ]
