"""The value grammar: core value, qualifiers and list items of a cell or field value."""

from __future__ import annotations

import time

import pytest

from lanelint.linter.protocol.artifacts.gate_report import section_index, title_task
from lanelint.linter.protocol.artifacts.lane_plan import parse_dependency
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.protocol.timestamps import parse_timestamp
from lanelint.linter.protocol.values import (
    header_key,
    path_core,
    read_items,
    read_value,
    split_items,
    status_state,
    verdict_of,
)
from lanelint.linter.protocol.vocabulary import statuses


@pytest.mark.parametrize(
    ("text", "core", "qualifiers"),
    [
        ("accepted (docs only)", "accepted", ("docs only",)),
        ("✅ accepted", "accepted", ("✅",)),
        ("rejected (out of scope)", "rejected", ("out of scope",)),
        ("pending review", "pending review", ()),
        ("hard(A) — waits for criteria", "hard", ("A", "waits for criteria")),
        ("`T-102` (part 2)", "T-102", ("part 2",)),
        ("`a1a1a1a` (squashed)", "a1a1a1a", ("squashed",)),
        ("Executive Assistant (Alice)", "Executive Assistant", ("Alice",)),
        ("EA — backend", "EA", ("backend",)),
        ("EA – backend", "EA", ("backend",)),
        ("EA - backend", "EA", ("backend",)),
        ("READY TO EXECUTE ✅", "READY TO EXECUTE", ("✅",)),
        ("PASS (AGENTS.md loaded, 9 sections)", "PASS", ("AGENTS.md loaded, 9 sections",)),
        ("2026-02-16 10:00 (UTC+3)", "2026-02-16 10:00", ("UTC+3",)),
        ("`B-1` (sprint 5)", "B-1", ("sprint 5",)),
        ("`spec/x.md` (sections 1–4)", "spec/x.md", ("sections 1–4",)),
        ("src/api.py (handlers only)", "src/api.py", ("handlers only",)),
        ("~~active~~ done", "done", ("active",)),
        ("**done**", "done", ()),
        ("__done__", "done", ()),
        ("(EA)", "EA", ()),
        ("active（注記）", "active", ("注記",)),
        ("Accepted.", "Accepted", ()),
        ("  in   progress  ", "in progress", ()),
    ],
)
def test_core_and_qualifiers(text: str, core: str, qualifiers: tuple[str, ...]) -> None:
    value = read_value(text)
    assert value.core == core
    assert value.qualifiers == qualifiers
    assert value.raw == text


@pytest.mark.parametrize(
    "text",
    ["gate_report_x.md", "apps/x/tests/*", "abc1234..def5678", "spec/a-b.md", "snake_case_name"],
)
def test_values_without_qualifiers_are_kept_whole(text: str) -> None:
    assert read_value(text).core == text


def test_unbalanced_parentheses_are_plain_text() -> None:
    assert read_value("active (day 2").core == "active (day 2"
    assert read_value("a) b").core == "a) b"


def test_an_arrow_is_not_a_dash_note() -> None:
    assert read_value("lane B -> lane C").core == "lane B -> lane C"


def test_core_start_points_into_the_raw_text() -> None:
    value = read_value("✅ accepted")
    assert value.raw[value.start : value.start + len(value.core)] == "accepted"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("System Analyst + Product Owner", ["System Analyst", "Product Owner"]),
        ("`a1a1a1a`, `b2b2b2b`", ["a1a1a1a", "b2b2b2b"]),
        ("src/api.py; src/db.py", ["src/api.py", "src/db.py"]),
        ("TL, SM — orchestration", ["TL", "SM"]),
        ("QA/SET + DevOps/SRE", ["QA/SET", "DevOps/SRE"]),
        ("A and B", ["A", "B"]),
        ("TL & SM", ["TL", "SM"]),
        ("TL / SM", ["TL", "SM"]),
        ("`a.md` (x, y), `b.md`", ["a.md", "b.md"]),
        ("hard(A, B)", ["hard"]),
        ("Research and Development", ["Research", "Development"]),
        ("a<br>b", ["a", "b"]),
        ("TBD, `x.md`", ["x.md"]),
        ("", []),
    ],
)
def test_list_items(text: str, items: list[str]) -> None:
    assert [value.core for value in read_items(text)] == items


def test_split_items_gives_offsets_into_the_text() -> None:
    text = "`a.md`, `b.md`"
    assert [(offset, text[offset : offset + len(part)]) for offset, part in split_items(text)] == [
        (0, "`a.md`"),
        (7, " `b.md`"),
    ]


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        ("", True),
        ("-", True),
        ("—", True),
        ("TBD", True),
        ("tbd", True),
        ("n/a", True),
        ("N/A.", True),
        ("to be defined", True),
        ("see above", True),
        ("`TBD`", True),
        ("**-**", True),
        ("T-102", False),
        ("active", False),
    ],
)
def test_blank_stand_ins(text: str, blank: bool) -> None:
    assert read_value(text).blank is blank


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("active", statuses.ACTIVE),
        ("in progress (day 2)", statuses.ACTIVE),
        ("started", statuses.ACTIVE),
        ("doing", statuses.ACTIVE),
        ("In Review", statuses.SUBMITTED),
        ("on hold (blocked by infra)", statuses.BLOCKED),
        ("blocked by infra", statuses.BLOCKED),
        ("Blocked: waiting for TL", statuses.BLOCKED),
        ("✅ done", statuses.DONE),
        ("done/accepted", statuses.DONE),
        ("~~active~~ done", statuses.DONE),
        ("not started", statuses.PENDING),
        ("cancelled", statuses.CANCELLED),
        ("actve", statuses.UNKNOWN),
        ("done/active", statuses.UNKNOWN),
        ("activated the flag", statuses.UNKNOWN),
        ("TBD", ""),
        ("", ""),
    ],
)
def test_status_states(text: str, state: str) -> None:
    assert status_state(text) == state


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("accepted (docs only)", "accepted"),
        ("✅ accepted", "accepted"),
        ("Accepted.", "accepted"),
        ("accepted by TL", "accepted"),
        ("rejected (out of scope)", "rejected"),
        ("pending review", "pending"),
        ("✅ acepted", None),
        ("LGTM", None),
        ("-", ""),
    ],
)
def test_verdicts(text: str, verdict: str | None) -> None:
    assert verdict_of(text) == verdict


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("spec/requirements.md:10-40", "spec/requirements.md"),
        ("spec/requirements.md:10", "spec/requirements.md"),
        ("src/a.py#L10-L20", "src/a.py"),
        ("src/a.py", "src/a.py"),
        ("C:/x", "C:/x"),
    ],
)
def test_path_core(text: str, path: str) -> None:
    assert path_core(text) == path


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Dependency (`none/soft/hard`)", "dependency"),
        ("**TL verdict**", "tl verdict"),
        ("`Commit SHA`", "commit sha"),
        ("Evidence / checks", "evidence / checks"),
    ],
)
def test_header_keys(text: str, key: str) -> None:
    assert header_key(text) == key


@pytest.mark.parametrize(
    ("cell", "owners", "unknown"),
    [
        ("Executive Assistant (Alice)", ["Executive Assistant"], []),
        ("EA — backend", ["Executive Assistant"], []),
        ("System Analyst + Product Owner", ["System Analyst", "Product Owner"], []),
        ("QA/SET + DevOps/SRE", ["QA/SET", "DevOps/SRE"], []),
        ("QA / SET", ["QA/SET"], []),
        ("TL, the backend team", ["Technical Lead"], ["the backend team"]),
    ],
)
def test_owner_cells(cell: str, owners: list[str], unknown: list[str]) -> None:
    assert RoleBook().split(cell) == (owners, unknown)


def test_role_spellings_read_through_the_grammar() -> None:
    roles = RoleBook()
    assert roles.canonical("Executive Assistant (EA)") == "Executive Assistant"
    assert roles.canonical("Executive Asistant (EA)") is None


@pytest.mark.parametrize(
    ("cell", "kind", "upstream"),
    [
        ("hard(A) — waits for criteria", "hard", ("A",)),
        ("hard: A", "hard", ("A",)),
        ("hard on lane A, B", "hard", ("A", "B")),
        ("hard(A) (criteria first)", "hard", ("A",)),
        ("**hard**(A) ✅", "hard", ("A",)),
        ("hard(lane A)", "hard", ("A",)),
        ("hard(Z)", "hard", ("Z",)),
    ],
)
def test_dependencies_with_qualifiers(cell: str, kind: str, upstream: tuple[str, ...]) -> None:
    dependency = parse_dependency(cell)
    assert dependency.kind == kind
    assert dependency.upstream() == upstream


@pytest.mark.parametrize("cell", ["hard: waits for the criteria", "depends on A (criteria)"])
def test_prose_after_a_kind_is_not_a_list_of_lanes(cell: str) -> None:
    assert not parse_dependency(cell).marked


def test_timestamp_zone_in_parentheses() -> None:
    with_zone = parse_timestamp("2026-02-16 10:00 (UTC+3)", require_time=True)
    plain = parse_timestamp("2026-02-16 07:00 UTC", require_time=True)
    assert with_zone is not None
    assert with_zone == plain
    assert parse_timestamp("2026-02-16 (UTC+3)", require_time=True) is None


@pytest.mark.parametrize(
    ("title", "task"),
    [
        ("Gate Report: T-101", "T-101"),
        ("T-101 — Gate Report", "T-101"),
        ("Gate Report: T-101 (rework 2)", "T-101"),
        ("Gate Report — Lane A (T-101)", "T-101"),
        ("Gate report", ""),
        ("Gate reports policy", None),
        ("Weekly notes", None),
    ],
)
def test_gate_report_titles(title: str, task: str | None) -> None:
    assert title_task(title) == task


@pytest.mark.parametrize(
    ("heading", "index"),
    [
        ("1) Role confirmation (System Analyst)", 0),
        ("6) Open questions and risks", 5),
        ("7) ADRs", 6),
        ("5) Handoff to implementation", 4),
        ("3. Artefacts", 2),
        ("Summary", None),
    ],
)
def test_gate_section_headings(heading: str, index: int | None) -> None:
    assert section_index(heading)[0] == index


@pytest.mark.parametrize(
    "text",
    [
        "(" * 100_000,
        "`" * 100_000,
        "` " * 50_000,
        "~~" * 50_000,
        " -" * 50_000,
        "✅" * 100_000,
        "*_" * 50_000,
        "a and " * 20_000,
        "(a, " * 25_000,
        "a - " * 25_000,
    ],
)
def test_grammar_is_linear_on_crafted_values(text: str) -> None:
    # A linear scan reads 100 000 characters in about a second even on a busy machine;
    # a quadratic one needs billions of steps (over 40 s here before the scans were fixed).
    started = time.perf_counter()
    read_value.__wrapped__(text)
    split_items(text)
    read_items(text)
    assert time.perf_counter() - started < 5.0
