"""Shared helpers for the template tests: rendering skeletons and filling their placeholders."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from lanelint.linter.skeletons import KINDS, Values, render_skeleton

ALL_VALUES = Values(
    task="T-101", lane="B", role="Executive Assistant", runtime="Codex", date="2026-02-16"
)
NO_VALUES = Values()
#: The command-line form of ALL_VALUES (role written as an abbreviation on purpose).
ALL_OPTIONS = (
    "--task", "T-101", "--lane", "B", "--role", "EA", "--runtime", "codex", "--date", "2026-02-16",
)  # fmt: skip

_PLACEHOLDER = re.compile(r"`?<([^<>\n]{1,200})>`?")


def render(kind: str, values: Values = ALL_VALUES) -> str:
    return render_skeleton(KINDS[kind], values)


def fill(text: str, values: Mapping[str, str | Sequence[str]]) -> str:
    """Replace every placeholder; a sequence value is used one item per occurrence, in order."""
    queues = {
        key: [value] if isinstance(value, str) else list(value) for key, value in values.items()
    }
    used: dict[str, int] = {}

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in queues:
            raise KeyError(f"no realistic value for placeholder <{key}>")
        items = queues[key]
        index = used.get(key, 0)
        used[key] = index + 1
        return items[min(index, len(items) - 1)]

    return _PLACEHOLDER.sub(replace, text)


#: Realistic values for every placeholder the built-in templates leave with ALL_VALUES given.
REALISTIC: dict[str, dict[str, str | list[str]]] = {
    "preflight-stamp": {
        "2026-02-16 HH:MM TZ": "2026-02-16 09:30 UTC",
        "PASS|FAIL": "PASS",
        "PASS|SKIP|FAIL": ["PASS", "SKIP"],
        "N": "12",
        "READY TO EXECUTE|NOT READY TO EXECUTE": "READY TO EXECUTE",
    },
    "gate-report": {
        "decision, and the reason for it": (
            "Export runs as a streaming job, so large batches fit in memory."
        ),
        "changed file": "`apps/exporter/src/export.py`",
        "what changed in it": "streaming writer and its error handling.",
        "requirement or acceptance check": "`REQ-100` criterion 2 (exports over 1 GB)",
        "where this lane meets it": "covered by `test_export_large_batch`.",
        "who continues, with what": (
            "QA/SET (lane C) runs the regression suite on commit `a1b2c3d`."
        ),
        "risk": "Risk: slower exports on small batches",
        "mitigation": "batch size threshold, measured in lane C.",
        "ADRs added or changed, or: ADR set unchanged": "ADR set unchanged.",
    },
    "workboard": {
        "BATCH-ID": "`B-12`",
        "SPRINT-ID": "`S-2026-07`",
        "name": "Technical Lead",
        # In row order: lanes A, C and D (lane B is given), then the acceptance queue and
        # the escalation line.
        "task": ["`REQ-100`", "`QA-103`", "`OPS-104`", "`REQ-100`"],
        "role": ["`System Analyst`", "`QA/SET`", "`DevOps/SRE`", "TL, SM"],
        "type": ["none", "hard(A)", "hard(B)", "soft(B)"],
        "files of lane A": "`spec/requirements/export.md`",
        "files of lane B": "`apps/exporter/src/export.py`",
        "files of lane C": "`apps/exporter/tests/test_export.py`",
        "files of lane D": "`deploy/exporter.yaml`",
        # The approved baseline lists the task of every lane (the given lane's is written).
        "task of lane A": "`REQ-100`",
        "task of lane B": "`T-101`",
        "task of lane C": "`QA-103`",
        "task of lane D": "`OPS-104`",
        "acceptance checks of lane A": "criteria reviewed by the Product Owner",
        "acceptance checks of lane B": "`pytest apps/exporter/tests` passes",
        "acceptance checks of lane C": "regression suite green on the lane B commit",
        "acceptance checks of lane D": "staging deploy answers its health check",
        "active/blocked/done": "active",
        "timestamp": [
            "2026-02-16 09:40 UTC",
            "2026-02-16 10:05 UTC",
            "2026-02-16 10:10 UTC",
            "2026-02-16 10:12 UTC",
        ],
        "sha": "`a1b2c3d`",
        "lane": "A",
        "accepted/rejected/pending": "pending",
        "gate report / checks": "review of the requirement by the Product Owner",
        "issue": "lane D waits for staging credentials",
        "time": "2026-02-16 15:00 UTC",
    },
    "heartbeat": {
        "2026-02-16 HH:MM TZ": "2026-02-16 11:00 UTC",
        "active/blocked/done": "active",
        "none, or what blocks the lane": "none",
        "next step": "finish the streaming writer and open the gate report",
    },
    "escalation": {
        "why the lane cannot go on": "lane B waits for staging credentials since 09:00",
        "what is blocked, since when, and what was tried": (
            "The export job cannot be deployed to staging; DevOps/SRE was asked at 09:00."
        ),
        "the decision or help asked for, and by when": (
            "Grant the lane staging credentials, or move the deploy to lane D, by 15:00 UTC."
        ),
    },
    "task": {
        "title": "Streaming export",
        "what this task achieves, in one or two sentences": (
            "Exports of any size run as a streaming job without running out of memory."
        ),
        "what this task changes": "the exporter's writer",
        "what it leaves alone": "the export file format",
        "file or glob this task edits": "`apps/exporter/src/export.py`",
        "check that shows the task is done": "`pytest apps/exporter/tests -k large_batch` passes",
        "how to undo the change: the commits to revert, data to restore": (
            "Revert the lane's commits; no data migration is involved."
        ),
    },
}


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
