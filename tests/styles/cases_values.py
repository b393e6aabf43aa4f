"""Writing styles of values: statuses, owners, dependencies, files, tasks, ledgers, stamps.

Every case starts from the bundled clean example and rewrites one value of one document the
way another team writes it. A silent case must leave the whole project without any finding;
a firing case hides a real mistake inside the variant and must give exactly one finding, of
the expected code, on the expected line, and nothing else.
"""

from __future__ import annotations

from tests.styles.harness import BASES, Case

WORKBOARD = "spec/operations/workboard_B-14.md"
DISPATCH = "spec/operations/dispatch_B-15.md"
SESSIONS = "spec/operations/session_log_B-14.md"

_ROW_A = "| A | `DG-101` | System Analyst | none | `spec/requirements/weekly_digest.md` |"
_ROW_B = "| B | `DG-102` | Executive Assistant | hard(A) |"
_ROW_C = "| C | `DG-103` | QA/SET | soft(B) |"
_ROW_D = "| D | `DG-104` | DevOps/SRE | none |"


def _text(path: str) -> str:
    return (BASES["clean"] / path).read_text(encoding="utf-8")


def _swap(path: str, pairs: list[tuple[str, str]]) -> str:
    text = _text(path)
    for old, new in pairs:
        assert old in text, f"{old!r} is not in {path}"
        text = text.replace(old, new, 1)
    return text


def _line(text: str, needle: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not found")


def silent(case_id: str, code: str, path: str, *pairs: tuple[str, str]) -> Case:
    """The project with ``pairs`` applied to ``path`` gives no finding at all."""
    return Case(case_id, code, False, {path: _swap(path, list(pairs))}, base="clean")


def fires(
    case_id: str, code: str, path: str, needle: str, *pairs: tuple[str, str], only: bool = True
) -> Case:
    """The project gives exactly one finding of ``code``, on the line holding ``needle``."""
    text = _swap(path, list(pairs))
    return Case(
        case_id,
        code,
        True,
        {path: text},
        base="clean",
        path=path,
        line=_line(text, needle),
        only=only,
    )


def _status(row: str, old: str, new: str) -> tuple[str, str]:
    """Replace the status of the lane whose row starts with ``row``."""
    text = _text(WORKBOARD)
    line = next(line for line in text.split("\n") if line.startswith(row))
    cells = line.split(" | ")
    index = len(cells) - 2
    assert cells[index] == old, cells
    cells[index] = new
    return line, " | ".join(cells)


def _cell(row: str, index: int, new: str) -> tuple[str, str]:
    """Replace cell ``index`` (0 = lane) of the workboard lane whose row starts with ``row``."""
    text = _text(WORKBOARD)
    line = next(line for line in text.split("\n") if line.startswith(row))
    cells = [cell.strip() for cell in line.strip("|").split("|")]
    cells[index] = new
    return line, "| " + " | ".join(cells) + " |"


# -- R2: statuses ---------------------------------------------------------------------------

_ACTIVE_VARIANTS = [
    "in progress",
    "In Progress",
    "in progress (day 2)",
    "in-progress",
    "started",
    "doing",
    "ongoing",
    "WIP",
    "running",
    "**active**",
    "Active",
    "ACTIVE",
    "active (rebased on A)",
    "active — since 11:55",
    "active - since 11:55",
    "🚧 active",
    "active ✅",
    "`active`",
    "_active_",
    "~~pending~~ active",
    "active since 11:55",
    "working",
    "in flight",
]
_BLOCKED_VARIANTS = [
    "on hold (blocked by infra)",
    "blocked by the lock",
    "Blocked: waiting for lane B",
    "⛔ blocked",
    "on hold",
    "waiting for lane B",
    "BLOCKED (lock on cli.py)",
    "blocked — lock on cli.py",
    "stuck",
    "paused",
]
_DONE_VARIANTS = [
    "done ✅",
    "Done.",
    "merged",
    "completed",
    "~~active~~ done",
    "accepted",
    "closed (2026-03-03)",
    "✔ done",
    "finished",
    "**Done**",
]

CASES: list[Case] = []
for number, variant in enumerate(_ACTIVE_VARIANTS):
    CASES.append(
        silent(
            f"status/active-{number}",
            "PDP203",
            WORKBOARD,
            _status(_ROW_B, "active", variant),
        )
    )
for number, variant in enumerate(_BLOCKED_VARIANTS):
    CASES.append(
        silent(
            f"status/blocked-{number}",
            "PDP203",
            WORKBOARD,
            _status(_ROW_D, "blocked", variant),
        )
    )
for number, variant in enumerate(_DONE_VARIANTS):
    CASES.append(
        silent(f"status/done-{number}", "PDP203", WORKBOARD, _status(_ROW_A, "done", variant))
    )

_TYPOS = ["actve", "activ", "in progres", "blokced", "???? active"]
for number, typo in enumerate(_TYPOS):
    CASES.append(
        fires(
            f"status/typo-{number}",
            "PDP203",
            WORKBOARD,
            _ROW_B,
            _status(_ROW_B, "active", typo),
        )
    )
CASES += [
    fires(
        "status/typo-on-blocked-lane",
        "PDP203",
        WORKBOARD,
        _ROW_D,
        _status(_ROW_D, "blocked", "blcoked (lock)"),
    ),
    fires(
        "status/typo-with-emoji",
        "PDP203",
        WORKBOARD,
        _ROW_C,
        _status(_ROW_C, "active", "✅ actve"),
    ),
    # A typo stays a typo in a status column headed another way.
    fires(
        "status/typo-under-state-header",
        "PDP203",
        WORKBOARD,
        _ROW_B,
        ("| Status | Last update |", "| State | Last update |"),
        _status(_ROW_B, "active", "actve"),
    ),
]

# Status headers: the column is read whatever its name.
for number, header in enumerate(["State", "Lane status", "Lane state", "**Status**", "status"]):
    CASES.append(
        silent(
            f"status/header-{number}",
            "PDP204",
            WORKBOARD,
            ("| Status | Last update |", f"| {header} | Last update |"),
        )
    )

# -- R4: lane-table headers -----------------------------------------------------------------

_LANE_HEADERS = [
    ("| Lane | Task ID | Role |", "| Lane | Task | Owner roles |"),
    ("| Lane | Task ID | Role |", "| Lane | Task id | Owner |"),
    ("| Lane | Task ID | Role |", "| Lane ID | Task ID | Role owner |"),
    ("| Dependency (`none/soft/hard`) |", "| Depends on |"),
    ("| Dependency (`none/soft/hard`) |", "| Dependencies |"),
    ("| Locked files |", "| Files in scope |"),
    ("| Locked files |", "| File scope |"),
    ("| Acceptance checks |", "| Acceptance criteria |"),
    ("| Last update |", "| Last updated |"),
]
for number, (old, new) in enumerate(_LANE_HEADERS):
    CASES.append(silent(f"headers/lane-{number}", "PDP204", WORKBOARD, (old, new)))

CASES += [
    fires(
        "headers/lane-misspelt-dependency",
        "PDP204",
        WORKBOARD,
        "| Lane | Task ID |",
        ("| Dependency (`none/soft/hard`) |", "| Dependancy |"),
    ),
    fires(
        "headers/lane-misspelt-files",
        "PDP204",
        WORKBOARD,
        "| Lane | Task ID |",
        ("| Locked files |", "| Lokced files |"),
    ),
    silent(
        "headers/lane-free-text-column",
        "PDP204",
        WORKBOARD,
        ("| Last update |\n|---|", "| Last update | Notes |\n|---|---|"),
    ),
]

# -- R2: a lane table with no status column is a batch plan (PDP201) --------------------

_PLAN = """# Dispatch: B-30

- Batch id: `B-30`

| Lane | Task | Owner | Depends on | Files |
|---|---|---|---|---|
"""
_PLAN_ROWS = [
    "| L1 | `DG-101` | System Analyst | none | `spec/a.md` |",
    "| L2 | `DG-102` | Executive Assistant | hard(L1) | `src/b.py` |",
    "| L3 | `DG-103` | QA/SET | soft(L2) | `tests/c.py` |",
    "| L4 | `DG-104` | DevOps/SRE | none | `deploy/d.yaml` |",
    "| L5 | `DG-105` | Chief Architect | none | `docs/e.md` |",
]
_PLAN_PATH = "spec/operations/dispatch_B-30.md"
CASES += [
    Case(
        "batch-plan/five-lanes-without-status",
        "PDP201",
        True,
        {_PLAN_PATH: _PLAN + "\n".join(_PLAN_ROWS) + "\n"},
        base="clean",
        path=_PLAN_PATH,
        line=5,
        only=False,
    ),
    Case(
        "batch-plan/four-lanes-without-status",
        "PDP201",
        False,
        {_PLAN_PATH: _PLAN + "\n".join(_PLAN_ROWS[:4]) + "\n"},
        base="clean",
        only=False,
    ),
]
_STATUS_PLAN = _PLAN.replace(
    "| Files |\n|---|---|---|---|---|", "| Files | State |\n|---|---|---|---|---|---|"
)
for number, words in enumerate(
    [
        ("in progress (day 2)", "started", "doing", "WIP", "active"),
        ("✅ active", "**active**", "running", "ongoing", "in-progress"),
    ]
):
    rows = [f"{row} {word} |" for row, word in zip(_PLAN_ROWS, words, strict=True)]
    CASES.append(
        Case(
            f"batch-plan/five-active-synonyms-{number}",
            "PDP201",
            True,
            {_PLAN_PATH: _STATUS_PLAN + "\n".join(rows) + "\n"},
            base="clean",
            path=_PLAN_PATH,
            only=False,
        )
    )
for number, words in enumerate(
    [
        ("in progress (day 2)", "started", "doing", "WIP", "in review"),
        ("active", "active", "active", "active", "on hold (blocked by infra)"),
        ("active", "active", "active", "active", "done ✅"),
        ("active", "active", "active", "active", "actve"),
    ]
):
    rows = [f"{row} {word} |" for row, word in zip(_PLAN_ROWS, words, strict=True)]
    CASES.append(
        Case(
            f"batch-plan/four-active-of-five-{number}",
            "PDP201",
            False,
            {_PLAN_PATH: _STATUS_PLAN + "\n".join(rows) + "\n"},
            base="clean",
            only=False,
        )
    )

# -- R1: owners -----------------------------------------------------------------------------

_OWNERS_B = [
    "Executive Assistant (Alice)",
    "EA — backend",
    "EA",
    "**Executive Assistant**",
    "`EA`",
    "Executive Assistant – Alice",
    "EA (session 2)",
]
for number, owner in enumerate(_OWNERS_B):
    CASES.append(silent(f"owner/b-{number}", "PDP402", WORKBOARD, _cell(_ROW_B, 2, owner)))
CASES += [
    silent(
        "owner/two-roles-one-type",
        "PDP410",
        WORKBOARD,
        _cell(_ROW_A, 2, "System Analyst + Product Owner"),
    ),
    silent("owner/two-roles-one-type-comma", "PDP410", WORKBOARD, _cell(_ROW_A, 2, "SA, PO")),
    silent("owner/two-roles-one-type-and", "PDP410", WORKBOARD, _cell(_ROW_A, 2, "SA and CA")),
    silent("owner/qa-with-name", "PDP402", WORKBOARD, _cell(_ROW_C, 2, "QA/SET (Bob)")),
    fires(
        "owner/two-lane-types",
        "PDP410",
        WORKBOARD,
        _ROW_C.replace("QA/SET", "QA/SET + DevOps/SRE"),
        _cell(_ROW_C, 2, "QA/SET + DevOps/SRE"),
    ),
    fires(
        "owner/two-lane-types-ampersand",
        "PDP410",
        WORKBOARD,
        "QA & SRE",
        _cell(_ROW_C, 2, "QA & SRE"),
    ),
    fires(
        "owner/typo-with-qualifier",
        "PDP402",
        WORKBOARD,
        "Executive Asistant (Alice)",
        _cell(_ROW_B, 2, "Executive Asistant (Alice)"),
    ),
]

# -- R1: dependencies -----------------------------------------------------------------------

_DEPENDENCIES_B = [
    "hard(A) — waits for criteria",
    "hard: A",
    "hard on A",
    "hard(A) (criteria first)",
    "**hard(A)**",
    "hard(lane A)",
    "hard(A) ✅",
    "hard: lane A",
    "`hard(A)`",
    "hard(A) - waits for criteria",
]
for number, dependency in enumerate(_DEPENDENCIES_B):
    CASES.append(
        silent(f"dependency/b-{number}", "PDP403", WORKBOARD, _cell(_ROW_B, 3, dependency))
    )
CASES += [
    silent("dependency/none-with-note", "PDP403", WORKBOARD, _cell(_ROW_A, 3, "none (first)")),
    silent("dependency/soft-with-emoji", "PDP403", WORKBOARD, _cell(_ROW_C, 3, "soft(B) 🔁")),
    fires(
        "dependency/unknown-lane-with-note",
        "PDP601",
        WORKBOARD,
        "hard(Z) — waits",
        _cell(_ROW_B, 3, "hard(Z) — waits for criteria"),
    ),
    fires(
        "dependency/unknown-lane-after-colon",
        "PDP601",
        WORKBOARD,
        "hard: Z",
        _cell(_ROW_B, 3, "hard: Z"),
    ),
    fires(
        "dependency/free-text-still-unmarked",
        "PDP403",
        WORKBOARD,
        "depends on A (criteria)",
        _cell(_ROW_B, 3, "depends on A (criteria)"),
    ),
]

# -- R1: files and tasks --------------------------------------------------------------------

_B_FILES = (
    "`apps/executive-cli/src/executive_cli/digest.py`, "
    "`apps/executive-cli/src/executive_cli/cli.py`"
)
_FILES_B = [
    "`apps/executive-cli/src/executive_cli/digest.py` (handlers only), "
    "`apps/executive-cli/src/executive_cli/cli.py`",
    "apps/executive-cli/src/executive_cli/digest.py (handlers only); "
    "apps/executive-cli/src/executive_cli/cli.py",
    "`apps/executive-cli/src/executive_cli/digest.py:10-40`, "
    "`apps/executive-cli/src/executive_cli/cli.py`",
    "`apps/executive-cli/src/executive_cli/digest.py`; "
    "`apps/executive-cli/src/executive_cli/cli.py` (sections 1–4)",
]
for number, files in enumerate(_FILES_B):
    CASES.append(silent(f"files/b-{number}", "PDP404", WORKBOARD, (_B_FILES, files)))
CASES += [
    fires(
        "files/blank-stand-in",
        "PDP404",
        WORKBOARD,
        "| to be defined |",
        _cell(_ROW_C, 4, "to be defined"),
    ),
    # A note does not hide a second lane's claim on the locked file.
    silent("task/with-qualifier", "PDP406", WORKBOARD, ("`DG-102`", "`DG-102` (part 2)")),
    silent("task/with-dash-note", "PDP406", WORKBOARD, ("`DG-102`", "DG-102 — digest")),
    fires(
        "task/unknown-with-qualifier",
        "PDP406",
        WORKBOARD,
        "`DG-999` (part 2)",
        ("| D | `DG-104` |", "| D | `DG-999` (part 2) |"),
    ),
]

# -- R1, R4: ledger -------------------------------------------------------------------------

_ACCEPTED = "| `3f9c2a1` | A | `DG-101` | accepted |"
_PENDING = "| `8d41b7e..c02e9f5` | B | `DG-102` | pending |"
for number, verdict in enumerate(
    ["accepted (docs only)", "✅ accepted", "Accepted", "**accepted**", "accepted — by TL"]
):
    CASES.append(
        silent(
            f"ledger/accepted-{number}",
            "PDP705",
            WORKBOARD,
            (_ACCEPTED, _ACCEPTED.replace("accepted", verdict)),
        )
    )
for number, verdict in enumerate(["pending review", "⏳ pending", "Pending (TL on leave)"]):
    CASES.append(
        silent(
            f"ledger/pending-{number}",
            "PDP705",
            WORKBOARD,
            (_PENDING, _PENDING.replace("pending", verdict)),
        )
    )
CASES += [
    fires(
        "ledger/typo-with-emoji",
        "PDP705",
        WORKBOARD,
        "✅ acepted",
        (_ACCEPTED, _ACCEPTED.replace("accepted", "✅ acepted")),
    ),
    silent(
        "ledger/commit-with-qualifier",
        "PDP706",
        WORKBOARD,
        ("| `3f9c2a1` |", "| `3f9c2a1` (squashed) |"),
    ),
    fires(
        "ledger/commit-list-with-a-word",
        "PDP706",
        WORKBOARD,
        "this batch",
        ("| `3f9c2a1` |", "| `3f9c2a1`, this batch |"),
    ),
]
for number, (old, new) in enumerate(
    [
        (
            "| Commit | Lane | Task | Verdict | Evidence |",
            "| Commit SHA | Lane | Task | TL verdict | Evidence |",
        ),
        (
            "| Commit | Lane | Task | Verdict | Evidence |",
            "| Commit | Lane | Task | Verdict | Evidence / checks |",
        ),
        (
            "| Commit | Lane | Task | Verdict | Evidence |",
            "| Commit | Lane | Task | Verdict | Gate report |",
        ),
        (
            "| Commit | Lane | Task | Verdict | Evidence |",
            "| Commit hash | Lane | Task | Verdict | Evidence |",
        ),
    ]
):
    CASES.append(silent(f"ledger/header-{number}", "PDP712", WORKBOARD, (old, new)))
CASES.append(
    fires(
        "ledger/header-misspelt",
        "PDP712",
        WORKBOARD,
        "| Commit | Lane | Task | Verdict | Evidnce |",
        (
            "| Commit | Lane | Task | Verdict | Evidence |",
            "| Commit | Lane | Task | Verdict | Evidnce |",
        ),
    )
)

# -- other languages' punctuation and mixed case ------------------------------------------

for number, variant in enumerate(["«active»", "„active“", '"active"', "“In Progress”", "'doing'"]):
    CASES.append(
        silent(f"status/quoted-{number}", "PDP203", WORKBOARD, _status(_ROW_B, "active", variant))
    )
for number, verdict in enumerate(["«accepted»", "„Accepted“", "“ACCEPTED”"]):
    CASES.append(
        silent(
            f"ledger/quoted-{number}",
            "PDP705",
            WORKBOARD,
            (_ACCEPTED, _ACCEPTED.replace("accepted", verdict)),
        )
    )
CASES.append(
    fires(
        "status/quoted-typo",
        "PDP203",
        WORKBOARD,
        _ROW_B,
        _status(_ROW_B, "active", "«actve»"),
    )
)

# -- the dispatch of batch B-15: sequence ids, a rejected row -------------------------------

_REJECTED = "| `9c9c9c9` | L2 | `DG-106` | rejected |"
for number, verdict in enumerate(
    ["rejected (out of scope)", "❌ rejected", "Rejected — conflicts with the lock", "declined"]
):
    CASES.append(
        silent(
            f"dispatch/rejected-{number}",
            "PDP705",
            DISPATCH,
            (_REJECTED, _REJECTED.replace("rejected", verdict)),
        )
    )
for number, (old, new) in enumerate(
    [
        (
            "| L2 | `DG-106` | Executive Assistant | hard(L1) |",
            "| L2 | `DG-106` | Executive Assistant | hard: L1 |",
        ),
        (
            "| L2 | `DG-106` | Executive Assistant | hard(L1) |",
            "| L2 | `DG-106` | EA — storage | hard(L1) — ADR first |",
        ),
        ("| L3 | `DG-107` | QA/SET | soft(L1) |", "| L3 | `DG-107` | QA (Bob) | soft on L1 |"),
        ("| L4 | `DG-108` | DevOps/SRE | none |", "| L4 | `DG-108` | SRE | none (parallel-safe) |"),
        (
            "| Lane | Task | Owner | Dependency | Target files | Status |",
            "| Lane | Task | Owner roles | Depends on | Files in scope | State |",
        ),
    ]
):
    CASES.append(silent(f"dispatch/variant-{number}", "PDP403", DISPATCH, (old, new)))
CASES += [
    fires(
        "dispatch/unknown-upstream-after-colon",
        "PDP601",
        DISPATCH,
        "hard: L9",
        (
            "| L2 | `DG-106` | Executive Assistant | hard(L1) |",
            "| L2 | `DG-106` | Executive Assistant | hard: L9 |",
        ),
    ),
    fires(
        "dispatch/two-lane-types",
        "PDP410",
        DISPATCH,
        "QA/SET + DevOps/SRE",
        ("| L3 | `DG-107` | QA/SET |", "| L3 | `DG-107` | QA/SET + DevOps/SRE |"),
    ),
    fires(
        "dispatch/status-typo",
        "PDP203",
        DISPATCH,
        "| L2 |",
        ("| active | 2026-03-04 10:35 UTC |", "| actvie | 2026-03-04 10:35 UTC |"),
    ),
]

# -- real mistakes hidden inside variants still fire ----------------------------------------

CASES += [
    fires(
        "hidden/active-synonym-touches-locked-file",
        "PDP503",
        WORKBOARD,
        _ROW_D,
        _status(_ROW_D, "blocked", "in progress (day 2)"),
    ),
    fires(
        "hidden/owner-with-name-of-another-lane-type",
        "PDP202",
        WORKBOARD,
        "| C | `DG-103` |",
        _cell(_ROW_C, 2, "Executive Assistant (Alice)"),
    ),
    fires(
        "hidden/overlap-behind-qualifiers",
        "PDP501",
        WORKBOARD,
        _ROW_D,
        (
            "`apps/executive-cli/tests/digest/*` |",
            "`apps/executive-cli/tests/digest/*` (regression), "
            "`deploy/executive-cli/digest-cron.yaml` (read only) |",
        ),
    ),
    fires(
        "hidden/unknown-upstream", "PDP601", WORKBOARD, "| hard(Z) |", _cell(_ROW_B, 3, "hard(Z)")
    ),
]

# -- a team's own extra column is no unknown header; a column that may hide a field is ----

CASES += [
    silent(
        "headers/extra-column-priority",
        "PDP204",
        WORKBOARD,
        ("| Last update |\n|---|", "| Last update | Priority |\n|---|---|"),
    ),
    silent(
        "headers/extra-column-risk-level",
        "PDP204",
        WORKBOARD,
        ("| Last update |\n|---|", "| Last update | Risk level |\n|---|---|"),
    ),
    silent(
        "headers/ledger-extra-column",
        "PDP712",
        WORKBOARD,
        ("| Verdict | Evidence |\n|---|", "| Verdict | Evidence | Reviewer notes |\n|---|---|"),
    ),
    fires(
        "headers/unplaced-column-where-files-are-missing",
        "PDP204",
        WORKBOARD,
        "| Lane | Task ID |",
        ("| Locked files |", "| Touches |"),
    ),
    fires(
        "headers/status-misspelt",
        "PDP204",
        WORKBOARD,
        "| Lane | Task ID |",
        ("| Status | Last update |", "| Stauts | Last update |"),
    ),
]
