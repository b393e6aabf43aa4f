"""Edge cases of the cross-document rules, each on a small folder written by the test."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import lint_folder, run_cli

HEAD = "| Lane | Task | Role | Dependency | Files | Status |\n|---|---|---|---|---|---|\n"
LEDGER = "\n| Commit | Lane | Task | Verdict | Evidence |\n|---|---|---|---|---|\n"


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def _found(folder: Path, code: str) -> list[tuple[str, int, str]]:
    result = lint_folder(folder, select=(code,))
    return [(Path(d.path).name, d.line, d.message) for d in result.diagnostics]


def test_accepted_range_row_that_spans_a_rejected_commit(tmp_path: Path) -> None:
    rows = (
        "| `a1a1a1a` | A | T-1 | accepted | ok |\n"
        "| `b2b2b2b` | A | T-1 | rejected | no |\n"
        "| `a1a1a1a..c3c3c3c` | A | T-1 | accepted | ok |\n"
        "| `c3c3c3c` | A | T-1 | accepted | ok |\n"
    )
    folder = _folder(tmp_path, {"spec/ledger.md": "# Ledger\n" + LEDGER + rows})
    assert _found(folder, "PDP801") == [
        ("ledger.md", 7, "accepted range 'a1a1a1a..c3c3c3c' includes rejected commit 'b2b2b2b'")
    ]


def test_push_of_accepted_commits_only_is_fine(tmp_path: Path) -> None:
    rows = "| `a1a1a1a` | A | T-1 | accepted | ok |\n| `b2b2b2b` | B | T-2 | rejected | no |\n"
    text = "# Ledger\n\n- Pushed: `a1a1a1a`\n" + LEDGER + rows
    assert _found(_folder(tmp_path, {"spec/ledger.md": text}), "PDP801") == []


def test_rebase_note_in_the_gate_report_counts(tmp_path: Path) -> None:
    rows = "| `b2b2b2b` | B | T-2 | rejected | no |\n| `d4d4d4d` | B | T-2 | pending | again |\n"
    report = "# Gate Report: T-2\n\n## 6) Risks\n\n- Rebased on the accepted state.\n"
    files = {"spec/ledger.md": "# Ledger\n" + LEDGER + rows}
    assert [code[1] for code in _found(_folder(tmp_path, files), "PDP802")] == [6]
    files["spec/gate_report_T-2.md"] = report
    assert _found(_folder(tmp_path, files), "PDP802") == []


def test_stamps_without_any_lane_plan_are_not_reported(tmp_path: Path) -> None:
    log = "# Log\n\n```text\nPREFLIGHT STAMP\nRole: QA/SET\n```\n"
    assert _found(_folder(tmp_path, {"spec/log.md": log}), "PDP308") == []


def test_lock_owner_note_in_parentheses_names_no_second_owner(tmp_path: Path) -> None:
    plan = (
        "# Plan\n\n- Lock owner: `AGENTS.md` -> lane A (lane B waits)\n\n" + HEAD
        + "| A | T-1 | TL | none | `AGENTS.md` | active |\n"
        + "| B | T-2 | EA | none | `AGENTS.md` | active |\n"
    )  # fmt: skip
    found = _found(_folder(tmp_path, {"spec/plan.md": plan}), "PDP503")
    assert [(line, message.split(" claims")[0]) for _, line, message in found] == [(8, "lane 'B'")]


def test_heartbeat_without_batch_is_ambiguous_across_batches(tmp_path: Path) -> None:
    def plan(batch: str) -> str:
        return (
            f"# Plan {batch}\n\n- Batch id: `{batch}`\n\n| Lane | Task | Role | Dependency |"
            " Files | Status | Last update |\n|---|---|---|---|---|---|---|\n"
            f"| A | T-{batch} | EA | none | `a.py` | active | 2026-02-16 12:00 UTC |\n"
        )

    beat = "# Heartbeats\n\n## 2026-02-16 11:30 UTC - Lane A\n\n- Status: ok\n- Blockers: none\n"
    files = {
        "spec/one.md": plan("B1"),
        "spec/two.md": plan("B2"),
        "spec/hb.md": beat + "- Next step: go\n",
    }
    assert [f[0] for f in _found(_folder(tmp_path, files), "PDP901")] == ["one.md", "two.md"]


def test_board_writes_its_output_file(tmp_path: Path) -> None:
    plan = "# Plan\n\n" + HEAD + "| A | T-1 | SA | none | `a.md` | active |\n"
    folder = _folder(tmp_path / "project", {"spec/plan.md": plan})
    target = tmp_path / "board.md"
    result = run_cli(["board", str(folder), "--isolated", "--format", "markdown",
                      "--output-file", str(target)])  # fmt: skip
    assert result.exit_code == 0
    assert result.output == ""
    assert "```mermaid\nflowchart LR\n" in target.read_text()
