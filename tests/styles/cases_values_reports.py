"""Writing styles of preflight stamps, gate reports and batch metadata.

Same shape as :mod:`tests.styles.cases_values`: one value of the clean example rewritten;
silent variants leave the project without findings, hidden mistakes give exactly one.
"""

from __future__ import annotations

from tests.styles.cases_values import fires, silent
from tests.styles.harness import BASES, Case

SESSIONS = "spec/operations/session_log_B-14.md"
REPORT = "spec/operations/gate_report_DG-101_2026-03-03.md"
WORKBOARD = "spec/operations/workboard_B-14.md"

CASES: list[Case] = []

# -- R1: stamps -----------------------------------------------------------------------------

_CHECK = "1) Instruction injection: PASS"
for number, value in enumerate(
    [
        "PASS (AGENTS.md loaded, 9 sections)",
        "PASS ✅",
        "**PASS**",
        "`PASS`",
        "pass",
        "PASS — AGENTS.md loaded",
    ]
):
    CASES.append(
        silent(
            f"stamp/check-{number}",
            "PDP302",
            SESSIONS,
            (_CHECK, f"1) Instruction injection: {value}"),
        )
    )
CASES.append(
    fires(
        "stamp/check-typo-with-note",
        "PDP302",
        SESSIONS,
        "PAS (AGENTS.md loaded)",
        (_CHECK, "1) Instruction injection: PAS (AGENTS.md loaded)"),
    )
)

_READY = "Preflight status: READY TO EXECUTE"
for number, value in enumerate(
    ["READY TO EXECUTE ✅", "**READY TO EXECUTE**", "READY TO EXECUTE."]
):
    CASES.append(
        silent(f"stamp/ready-{number}", "PDP304", SESSIONS, (_READY, f"Preflight status: {value}"))
    )
CASES.append(
    fires(
        "stamp/ready-with-emoji-over-failed-check",
        "PDP304",
        SESSIONS,
        "READY TO EXECUTE ✅",
        (_CHECK, "1) Instruction injection: FAIL (AGENTS.md missing)"),
        (_READY, "Preflight status: READY TO EXECUTE ✅"),
    )
)

_STAMP_TIME = "Timestamp: 2026-03-03 09:05 UTC"
for number, value in enumerate(
    [
        "2026-03-03 12:05 (UTC+3)",
        "2026-03-03 09:05 UTC (after standup)",
        "`2026-03-03 09:05 UTC`",
        "2026-03-03 09:05 UTC ✅",
    ]
):
    CASES.append(
        silent(
            f"stamp/timestamp-{number}", "PDP303", SESSIONS, (_STAMP_TIME, f"Timestamp: {value}")
        )
    )
CASES.append(
    fires(
        "stamp/timestamp-date-only-with-zone",
        "PDP303",
        SESSIONS,
        "Timestamp: 2026-03-03 (UTC+3)",
        (_STAMP_TIME, "Timestamp: 2026-03-03 (UTC+3)"),
    )
)

_ROLE_A = "Role: System Analyst"
for number, value in enumerate(
    ["System Analyst (Alice)", "SA — requirements", "**System Analyst**", "System Analyst (SA)"]
):
    CASES.append(silent(f"stamp/role-{number}", "PDP306", SESSIONS, (_ROLE_A, f"Role: {value}")))
_ROLE_B = "Role: Executive Assistant"
CASES += [
    silent(
        "stamp/role-ea-parenthesised",
        "PDP306",
        SESSIONS,
        (_ROLE_B, "Role: Executive Assistant (EA)"),
    ),
    silent("stamp/role-ea-dash", "PDP306", SESSIONS, (_ROLE_B, "Role: EA — backend")),
    fires(
        "stamp/role-typo-with-qualifier",
        "PDP306",
        SESSIONS,
        "Role: Sytem Analyst (Alice)",
        (_ROLE_A, "Role: Sytem Analyst (Alice)"),
    ),
]

# -- R4: gate reports -----------------------------------------------------------------------

for number, (old, new) in enumerate(
    [
        ("## 1) Role confirmation", "## 1) Role confirmation (System Analyst)"),
        ("## 6) Risks / open questions", "## 6) Open questions and risks"),
        ("## 7) ADR status", "## 7) ADRs"),
        ("## 5) Implementation handoff", "## 5) Handoff to implementation"),
        ("## 3) Artifacts", "## 3. Artefacts"),
        ("## 2) Decisions", "## 2) **Decisions**"),
        ("## 4) Traceability", "## 4) Traceability ✅"),
        ("## 6) Risks / open questions", "## 6) Risks"),
        ("# Gate Report: DG-101", "# DG-101 — Gate Report"),
        ("# Gate Report: DG-101", "# Gate Report: DG-101 (rework 2)"),
        ("# Gate Report: DG-101", "# Gate Report — Lane A (DG-101)"),
        ("# Gate Report: DG-101", "# Gate report: `DG-101`"),
    ]
):
    CASES.append(silent(f"gate-report/heading-{number}", "PDP701", REPORT, (old, new)))


def _one_level_down() -> str:
    text = (BASES["clean"] / REPORT).read_text(encoding="utf-8")
    text = text.replace("\n## ", "\n### ").replace(
        "# Gate Report: DG-101", "## Gate Report: DG-101"
    )
    return "# Batch B-14: reports\n\n" + text


CASES += [
    Case(
        "gate-report/sections-one-level-down",
        "PDP701",
        False,
        {REPORT: _one_level_down()},
        base="clean",
    ),
    fires(
        "gate-report/missing-section-among-variants",
        "PDP701",
        REPORT,
        "# Gate Report: DG-101 (rework 2)",
        ("# Gate Report: DG-101", "# Gate Report: DG-101 (rework 2)"),
        ("## 6) Risks / open questions", "## 6) Open questions and risks"),
        ("## 7) ADR status\n", "## Notes\n"),
    ),
    fires(
        "gate-report/out-of-order-variant",
        "PDP702",
        REPORT,
        "## 7) Open questions and risks",
        ("## 6) Risks / open questions", "## 6) ADRs"),
        ("## 7) ADR status", "## 7) Open questions and risks"),
    ),
    fires(
        "gate-report/duplicated-variant",
        "PDP704",
        REPORT,
        "## 8) ADRs",
        ("## 7) ADR status\n", "## 7) ADR status\n\nSee below.\n\n## 8) ADRs\n"),
    ),
]

# -- R1: batch id ---------------------------------------------------------------------------

CASES += [
    silent(
        "batch-id/with-qualifier",
        "PDP307",
        WORKBOARD,
        ("- Batch id: `B-14`", "- Batch id: `B-14` (sprint 5)"),
    ),
    silent("batch-id/bold", "PDP307", WORKBOARD, ("- Batch id: `B-14`", "- Batch id: **B-14**")),
]
