"""The waiver list of ``lanelint waivers``: every waiver with its code, owner, expiry, days left
and reason, sorted by expiry, in text or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.passes import DocumentResult
from lanelint.linter.engine.waivers import EXCEPTION_KIND, EXPIRED, parse_day, problem

FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class WaiverEntry:
    path: str
    line: int
    kind: str
    codes: tuple[str, ...]
    owner: str
    until: str
    days_left: int | None
    reason: str
    status: str  # "in force", "expired", "incomplete", "owner not allowed"

    def sort_key(self) -> tuple[int, str, str, int]:
        expiry = parse_day(self.until)
        return (0 if expiry else 1, expiry.isoformat() if expiry else "", self.path, self.line)


_STATUS = {"LL011": "incomplete", EXPIRED: "expired", "LL013": "owner not allowed"}


def collect(results: Sequence[DocumentResult], config: Config, day: date) -> list[WaiverEntry]:
    entries: list[WaiverEntry] = []
    for result in results:
        for item in result.suppressions:
            if not item.is_waiver:
                continue
            why = problem(item.kind, item.codes, item.owner, item.until, item.reason, config, day)
            expiry = parse_day(item.until)
            status = _STATUS.get(why.code, "not in force") if why else "in force"
            entries.append(
                WaiverEntry(
                    result.path,
                    item.line,
                    "prose exception" if item.kind == EXCEPTION_KIND else item.kind,
                    item.codes,
                    item.owner,
                    item.until,
                    (expiry - day).days if expiry else None,
                    " ".join(item.reason.split()),
                    status,
                )
            )
    entries.sort(key=WaiverEntry.sort_key)
    return entries


def render_text(entries: Sequence[WaiverEntry], day: date) -> str:
    lines = [f"Waivers as of {day.isoformat()}: {len(entries)}"]
    if not entries:
        return lines[0] + "\n"
    header = ("until", "days left", "code", "owner", "status", "where", "reason")
    rows = [
        (
            e.until or "-",
            str(e.days_left) if e.days_left is not None else "-",
            ", ".join(e.codes) or "-",
            e.owner or "-",
            e.status,
            f"{e.path}:{e.line}",
            e.reason or "-",
        )
        for e in entries
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines.append("")
    for row in [header, *rows]:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def render_json(entries: Sequence[WaiverEntry], day: date) -> str:
    data = {
        "version": 1,
        "date": day.isoformat(),
        "waivers": [
            {
                "path": e.path,
                "line": e.line,
                "kind": e.kind,
                "codes": list(e.codes),
                "owner": e.owner,
                "until": e.until or None,
                "days_left": e.days_left,
                "reason": e.reason,
                "status": e.status,
            }
            for e in entries
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
