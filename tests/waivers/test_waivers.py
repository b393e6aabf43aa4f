"""Waivers with an owner, an expiry and a reason; prose exception records; ``lanelint waivers``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from lanelint.linter.engine.config import Config
from lanelint.linter.run.api import LintResult, lint_paths
from tests.conftest import run_cli

TL = 'owner="Technical Lead"'


def lanes(count: int, before: str = "", after: str = "") -> str:
    roles = ["System Analyst", "Executive Assistant", "QA/SET", "DevOps/SRE", "Executive Assistant"]
    rows = "\n".join(
        f"| L{n} | `T-{n}` | {roles[(n - 1) % 5]} | none | `src/f{n}.py` | active |"
        for n in range(1, count + 1)
    )
    return f"""# Workboard B-9

- Batch id: `B-9`

## Lanes
{before}
| Lane | Task ID | Role | Dependency | Files | Status |
|---|---|---|---|---|---|
{rows}
{after}"""


def lint(tmp_path: Path, text: str, now: str | None = "2026-02-20", **extra: object) -> LintResult:
    spec = tmp_path / "spec"
    spec.mkdir(exist_ok=True)
    (spec / "board.md").write_text(text, encoding="utf-8")
    config = Config(root=tmp_path.resolve(), cache=False, now=now).with_overrides(**extra)
    return lint_paths([spec], config=config)


def codes(result: LintResult, *wanted: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in result.diagnostics if d.code in wanted]


WANTED = ("PDP201", "LL002", "LL011", "LL012", "LL013")


def test_five_active_lanes_without_a_waiver_keep_their_finding(tmp_path: Path) -> None:
    assert codes(lint(tmp_path, lanes(5)), *WANTED) == [("PDP201", 7)]


def test_a_complete_waiver_in_force_waives(tmp_path: Path) -> None:
    waiver = f'<!-- lanelint-waive PDP201 {TL} until=2026-03-01 reason="hotfix lane" -->'
    assert codes(lint(tmp_path, lanes(5, before=waiver)), *WANTED) == []


def test_next_line_and_file_forms(tmp_path: Path) -> None:
    body = f"<!-- lanelint-waive-next-line PDP201 {TL} until=2026-03-01 reason='hotfix' -->"
    assert codes(lint(tmp_path, lanes(5, before=body)), *WANTED) == []
    whole = f"<!-- lanelint-waive-file PDP201 {TL} until=2026-03-01 reason='hotfix' -->\n"
    assert codes(lint(tmp_path, whole + lanes(5)), *WANTED) == []


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        ('until=2026-03-01 reason="x"', "owner"),
        (f'{TL} reason="x"', "until"),
        (f"{TL} until=2026-03-01", "reason"),
    ],
)
def test_a_waiver_without_owner_expiry_or_reason_is_a_finding(
    tmp_path: Path, fields: str, missing: str
) -> None:
    waiver = f"<!-- lanelint-waive PDP201 {fields} -->"
    result = lint(tmp_path, lanes(5, before=waiver))
    assert codes(result, *WANTED) == [("LL011", 6), ("PDP201", 7)]
    message = next(d.message for d in result.diagnostics if d.code == "LL011")
    assert message == f"waiver has no {missing}; it waives nothing"


def test_a_waiver_with_an_unreadable_date_is_incomplete(tmp_path: Path) -> None:
    waiver = f'<!-- lanelint-waive PDP201 {TL} until="next sprint" reason="x" -->'
    assert codes(lint(tmp_path, lanes(5, before=waiver)), *WANTED) == [
        ("LL011", 6),
        ("PDP201", 7),
    ]


def test_an_expired_waiver_is_reported_and_its_findings_come_back(tmp_path: Path) -> None:
    waiver = f'<!-- lanelint-waive PDP201 {TL} until=2026-03-01 reason="hotfix lane" -->'
    in_force = lint(tmp_path, lanes(5, before=waiver), now="2026-03-01")
    assert codes(in_force, *WANTED) == []
    expired = lint(tmp_path, lanes(5, before=waiver), now="2026-03-02")
    assert codes(expired, *WANTED) == [("LL012", 6), ("PDP201", 7)]
    message = next(d.message for d in expired.diagnostics if d.code == "LL012")
    assert "expired on 2026-03-01 (date used: 2026-03-02)" in message


def test_the_owner_must_be_a_role_that_may_grant_the_code(tmp_path: Path) -> None:
    qa = '<!-- lanelint-waive PDP201 owner="QA/SET" until=2026-03-01 reason="x" -->'
    result = lint(tmp_path, lanes(5, before=qa))
    assert codes(result, *WANTED) == [("LL013", 6), ("PDP201", 7)]
    assert "only the Technical Lead may grant it" in next(
        d.message for d in result.diagnostics if d.code == "LL013"
    )
    alias = '<!-- lanelint-waive PDP201 owner=TL until=2026-03-01 reason="x" -->'
    assert codes(lint(tmp_path, lanes(5, before=alias)), *WANTED) == []
    configured = lint(tmp_path, lanes(5, before=qa), waiver_owners={"PDP2": ("QA/SET",)})
    assert codes(configured, *WANTED) == []


def test_an_owner_that_is_no_role_is_reported_for_any_code(tmp_path: Path) -> None:
    text = lanes(3, after="\n<!-- lanelint-waive PDP9 owner=alice until=2026-03-01 reason=x -->")
    assert codes(lint(tmp_path, text), *WANTED) == [("LL013", 13)]


PROSE = (
    "\n> **Exception:** a temporary fifth lane (L5) was approved by the Technical Lead on "
    "2026-02-16. Rationale: the production incident INC-7 needs a hotfix lane alongside.\n"
)


def test_a_prose_exception_record_waives_the_lane_limit(tmp_path: Path) -> None:
    assert codes(lint(tmp_path, lanes(5, after=PROSE)), *WANTED) == []
    assert codes(lint(tmp_path, lanes(5, before=PROSE)), *WANTED) == []


@pytest.mark.parametrize(
    "record",
    [
        PROSE.replace("Technical Lead", "Scrum Master"),  # not the role that may grant it
        PROSE.replace("Rationale: the production incident INC-7 needs", "It needs"),  # no reason
        PROSE.replace("was approved", "is requested"),  # no approval
        PROSE.replace("was approved", "was not approved"),
    ],
)
def test_a_lane_table_over_the_limit_without_a_valid_record_keeps_its_finding(
    tmp_path: Path, record: str
) -> None:
    assert codes(lint(tmp_path, lanes(5, after=record)), *WANTED) == [("PDP201", 7)]


def test_a_prose_record_far_from_the_table_does_not_count(tmp_path: Path) -> None:
    far = "\n" + "\n".join(f"Line {n} of notes." for n in range(20)) + "\n" + PROSE
    assert codes(lint(tmp_path, lanes(5, after=far)), *WANTED) == [("PDP201", 7)]


def test_a_stale_waiver_is_unused(tmp_path: Path) -> None:
    waiver = f'<!-- lanelint-waive PDP201 {TL} until=2026-03-01 reason="hotfix" -->'
    assert codes(lint(tmp_path, lanes(3, before=waiver)), *WANTED) == [("LL002", 6)]


# -- lanelint waivers ----------------------------------------------------------------------------

PROJECT = {
    "spec/board.md": lanes(
        5,
        before=f'<!-- lanelint-waive PDP201 {TL} until=2026-03-01 reason="hotfix lane" -->',
        after=PROSE,
    ),
    "spec/locks.md": (
        "# Locks\n\n"
        '<!-- lanelint-waive-file PDP503 owner=TL until=2026-02-10 reason="lock moved" -->\n'
        "<!-- lanelint-waive-next-line PDP902 owner='Scrum Master' until=2026-04-30 "
        "reason='sync kept elsewhere' -->\n"
        "Some text.\n\n"
        "<!-- lanelint-waive PDP501 until=2026-03-15 -->\n"
    ),
}


def project(tmp_path: Path) -> Path:
    for name, text in PROJECT.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (tmp_path / "lanelint.toml").write_text("cache = false\n")
    return tmp_path


def test_waivers_text(tmp_path: Path, snapshot: SnapshotAssertion) -> None:
    result = run_cli(["waivers", "spec", "--now", "2026-02-20"], cwd=project(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout == snapshot


def test_waivers_json(tmp_path: Path, snapshot: SnapshotAssertion) -> None:
    result = run_cli(
        ["waivers", "spec", "--now", "2026-02-20", "--format", "json"], cwd=project(tmp_path)
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["date"] == "2026-02-20"
    assert [w["until"] for w in data["waivers"]] == [
        "2026-02-10",
        "2026-03-01",
        "2026-03-15",
        "2026-04-30",
        None,
    ]
    assert result.stdout == snapshot


def test_check_now_rejects_a_non_date(tmp_path: Path) -> None:
    result = run_cli(["check", "spec", "--now", "soon"], cwd=project(tmp_path))
    assert result.exit_code == 2
    assert "not a date" in result.output
