"""Generate a deterministic, realistic spec folder for the benchmark.

The folder holds the documents a team keeps under the Parallel Delivery Protocol: gate
reports, dispatches (lane tables, acceptance ledgers, task briefs), session logs (preflight
stamps, heartbeats, escalations) and escalation notes, 1-12 KB each, about one in seven seeded
with a violation. The same ``--docs`` and ``--seed`` always give the same bytes.

    python benchmarks/generate.py --docs 2000 --out benchmarks/data/docs-2000
"""

from __future__ import annotations

import argparse
import random
import shutil
from collections.abc import Callable
from pathlib import Path

ROLES_BY_LANE = {
    "A": ("System Analyst", "Product Owner", "Chief Architect"),
    "B": ("Executive Assistant",),
    "C": ("QA/SET",),
    "D": ("DevOps/SRE",),
    "E": ("Technical Lead", "Scrum Master"),
}
RUNTIMES = ("Codex", "Claude", "Other")
AREAS = ("planner", "calendar", "inbox", "billing", "search", "sync", "reports", "auth")
KINDS = ("models", "service", "views", "cli", "schema_docs", "adapters", "jobs", "metrics")
WORDS = (
    "lane batch owner review acceptance evidence commit gate report baseline scope lock "
    "release handoff risk decision traceability artifact queue dependency upstream downstream "
    "session stamp heartbeat blocker escalation integration merge regression fixture contract "
    "module interface migration rollout checklist sprint estimate capacity runbook dashboard "
    "alert latency throughput retry timeout payload parser validator config policy template"
).split()
VIOLATION_SHARE = 0.15


class Writer:
    """Builds one document and keeps it between a minimum and a maximum size."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def size(self) -> int:
        return sum(len(line) + 1 for line in self.lines)

    def sentence(self, words: int = 14) -> str:
        rng = self.rng
        picked = [rng.choice(WORDS) for _ in range(rng.randint(max(words - 5, 2), words + 5))]
        if rng.random() < 0.4:
            picked[rng.randrange(len(picked))] = f"`{path(rng)}`"
        if rng.random() < 0.2:
            picked[rng.randrange(len(picked))] = f"**{rng.choice(WORDS)}**"
        if rng.random() < 0.1:
            picked[rng.randrange(len(picked))] = f"[{rng.choice(WORDS)}](https://example.org/x)"
        text = " ".join(picked)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def path(rng: random.Random) -> str:
    area, kind = rng.choice(AREAS), rng.choice(KINDS)
    if kind == "schema_docs":
        return f"docs/{area}/overview.md"
    return f"apps/{area}/src/{area}/{kind}.py"


def task_id(rng: random.Random) -> str:
    return f"{rng.choice(AREAS).upper()}-{rng.randint(1, 400):03d}"


def commit(rng: random.Random) -> str:
    return f"{rng.getrandbits(28):07x}"


def date(rng: random.Random) -> str:
    return f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def stamp(rng: random.Random, role: str, broken: bool) -> list[str]:
    checks = ["PASS", "PASS", rng.choice(["PASS", "SKIP"]), "PASS", "SKIP"]
    if role == "System Analyst":
        checks[4] = "PASS"
    status = "READY TO EXECUTE"
    if broken:
        checks[rng.randrange(4)] = "FAIL"  # contradicts READY TO EXECUTE
    return [
        "```text",
        "PREFLIGHT STAMP",
        f"Runtime: {rng.choice(RUNTIMES)}",
        f"Role: {role}",
        f"Timestamp: {date(rng)} {rng.randint(7, 20):02d}:{rng.randint(0, 59):02d} UTC",
        "",
        f"1) Instruction injection: {checks[0]}",
        f"- AGENTS.md loaded (top-level sections: {rng.randint(8, 14)})",
        "",
        f"2) Skill discovery (R2): {checks[1]}",
        "- Read mapped role file: agents/role/SKILL.md",
        "",
        f"3) Task discovery: {checks[2]}",
        "- Found relevant task file(s): spec/TASKS/TASK_example.md",
        "",
        f"4) Permissions readiness: {checks[3]}",
        "- Baseline-safe commands run without new approvals",
        "",
        f"5) Framework readiness (System Analyst planning only): {checks[4]}",
        "",
        f"Preflight status: {status}",
        "```",
    ]


def gate_report(rng: random.Random, target: int, broken: bool) -> str:
    w = Writer(rng)
    task = task_id(rng)
    role = rng.choice(("Technical Lead", "Executive Assistant", "QA/SET", "DevOps/SRE"))
    w.add(f"# Gate Report: {task}", "", f"**Runtime:** {rng.choice(RUNTIMES)}  ")
    w.add(f"**Role:** {role}  ", f"**Date:** {date(rng)}", "")
    style = rng.choice(("{n}) {t}", "{n}. {t}", "{t}"))
    sections = [
        "Role confirmation",
        "Decisions",
        "Artifacts",
        "Traceability",
        "Implementation handoff",
        "Risks / open questions",
        "ADR status",
    ]
    skipped = rng.randrange(len(sections)) if broken else -1
    per_section = max(1, (target // 7) // 160)
    for number, title in enumerate(sections, 1):
        if number - 1 == skipped:
            continue
        w.add(f"## {style.format(n=number, t=title)}", "")
        if title == "Artifacts":
            for _ in range(per_section + 1):
                w.add(f"- `{path(rng)}`: {w.sentence(8)}")
        elif title in ("Decisions", "Implementation handoff", "Risks / open questions"):
            for _ in range(per_section):
                w.add(f"- {w.sentence()}")
        else:
            w.add(w.paragraph(max(1, per_section // 2)))
        w.add("")
    return w.text()


def dispatch(rng: random.Random, target: int, broken: bool) -> str:
    w = Writer(rng)
    batch = f"B-{rng.randint(1, 900)}"
    w.add(f"# Dispatch {batch}: {rng.choice(AREAS)} batch", "")
    w.add("**Owner:** Technical Lead  ", f"**Date:** {date(rng)}  ")
    w.add(f"**Baseline source:** `spec/operations/tl_plan_{rng.choice(AREAS)}.md`", "")
    w.add("## Batch metadata", "", f"- Batch id: `{batch}`", f"- Sprint: `S-{rng.randint(1, 60)}`")
    w.add(f"- Date: `{date(rng)}`", "- TL owner: `Technical Lead`", "")
    letters = rng.sample(sorted(ROLES_BY_LANE), rng.randint(2, 4))
    letters.sort()
    sequence = rng.random() < 0.3
    ids = [f"L{i + 1}" for i in range(len(letters))] if sequence else letters
    tasks = [task_id(rng) for _ in letters]
    files = [sorted({path(rng) for _ in range(rng.randint(1, 3))}) for _ in letters]
    claimed: set[str] = set()
    for index, owned in enumerate(files):  # disjoint file sets unless seeded otherwise
        files[index] = [p for p in owned if p not in claimed] or [f"docs/lane_{index}.md"]
        claimed.update(files[index])
    fault = rng.choice(("overlap", "missing-lane", "bad-dependency")) if broken else ""
    if fault == "overlap" and len(files) > 1:
        files[1].append(files[0][0])
    w.add("## Lanes", "")
    w.add(
        "| Lane | Task ID | Role | Dependency (`none/soft/hard`) | Locked files | Status "
        "| Last update | Acceptance checks |"
    )
    w.add("|---|---|---|---|---|---|---|---|")
    for index, letter in enumerate(letters):
        owner = rng.choice(ROLES_BY_LANE[letter])
        dependency = "none" if index == 0 else f"{rng.choice(('soft', 'hard'))}({ids[index - 1]})"
        if fault == "missing-lane" and index == len(letters) - 1:
            dependency = "hard(Z9)"
        if fault == "bad-dependency" and index == len(letters) - 1:
            dependency = "depends on the others"
        cells = ", ".join(f"`{p}`" for p in files[index])
        w.add(
            f"| {ids[index]} | `{tasks[index]}` | {owner} | {dependency} | {cells} "
            f"| {rng.choice(('active', 'blocked', 'done'))} | {date(rng)} 10:00 UTC "
            f"| `pytest -q tests/{rng.choice(AREAS)}` |"
        )
    w.add("", "## Acceptance queue", "")
    w.add("| Commit | Lane | Task | Verdict | Evidence |", "|---|---|---|---|---|")
    rows = max(2, target // 1200)
    for row in range(rows):
        index = row % len(letters)
        verdict = rng.choice(("accepted", "pending", "rejected"))
        sha = commit(rng)
        if broken and fault == "" and row == 0:
            verdict = "approved"
        evidence = f"`spec/reports/gate_report_{tasks[index]}.md`" if verdict == "accepted" else "-"
        w.add(f"| `{sha}` | {ids[index]} | `{tasks[index]}` | {verdict} | {evidence} |")
    w.add("")
    while w.size() < target - 400:
        index = rng.randrange(len(letters))
        w.add(f"## {tasks[index]} brief", "", w.paragraph(2), "", "### Acceptance checks", "")
        for _ in range(rng.randint(2, 4)):
            w.add(f"- {w.sentence(9)}")
        w.add("")
    w.add("## Escalations", "", f"- `{w.sentence(5)}` -> owner `Scrum Master` -> ETA `2h`")
    return w.text()


def session_log(rng: random.Random, target: int, broken: bool) -> str:
    w = Writer(rng)
    role = rng.choice([r for roles in ROLES_BY_LANE.values() for r in roles])
    w.add(f"# Session log: {date(rng)} {role}", "")
    w.add(f"**Role:** {role}  ", f"**Lane:** {rng.choice(sorted(ROLES_BY_LANE))}", "")
    stamp_broken = broken and rng.random() < 0.6
    first = True
    while w.size() < target - 300:
        w.add(f"## Session {len(w.lines)}", "")
        w.add(*stamp(rng, role, stamp_broken and first))
        first = False
        w.add("", w.paragraph(2), "")
        for _ in range(rng.randint(1, 3)):
            w.add(f"### Heartbeat {date(rng)} {rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}")
            w.add("", f"- Lane: {rng.choice(sorted(ROLES_BY_LANE))}")
            w.add(f"- Status: {rng.choice(('active', 'blocked', 'done'))}")
            w.add(f"- Blockers: {rng.choice(('none', w.sentence(6)))}")
            w.add(f"- Next step: {w.sentence(8)}", "")
        if rng.random() < 0.3:
            w.add("### Escalation", "", "**From:** QA/SET  ")
            w.add("**To:** Technical Lead, Scrum Master  ", f"**Date:** {date(rng)}  ")
            w.add(f"**Reason:** {w.sentence(10)}", "")
    if broken and not stamp_broken:
        w.add("## Follow-up", "", "Owner: <name> will confirm the release window.", "")
    return w.text()


def escalation(rng: random.Random, target: int, broken: bool) -> str:
    w = Writer(rng)
    w.add(f"# Escalation: lane {rng.choice(sorted(ROLES_BY_LANE))} blocked", "")
    to = "Technical Lead" if broken else "Technical Lead, Scrum Master"
    w.add(f"**From:** {rng.choice(('QA/SET', 'DevOps/SRE', 'Executive Assistant'))}  ")
    w.add(f"**To:** {to}  ", f"**Date:** {date(rng)}  ", f"**Reason:** {w.sentence(10)}", "")
    while w.size() < target:
        w.add(f"## {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}", "", w.paragraph(3), "")
    return w.text()


#: Kind -> (generator, share of the folder, folder).
KINDS_OF_DOCUMENT: dict[str, tuple[Callable[[random.Random, int, bool], str], float, str]] = {
    "gate_report": (gate_report, 0.35, "spec/reports"),
    "dispatch": (dispatch, 0.25, "spec/operations"),
    "session": (session_log, 0.3, "spec/sessions"),
    "escalation": (escalation, 0.1, "spec/escalations"),
}


def generate(out: Path, docs: int, seed: int = 6) -> list[Path]:
    """Write ``docs`` documents under ``out`` (emptied first) and return their paths."""
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(seed)
    names = list(KINDS_OF_DOCUMENT)
    weights = [KINDS_OF_DOCUMENT[n][1] for n in names]
    written: list[Path] = []
    (out).mkdir(parents=True)
    (out / "lanelint.toml").write_text("# benchmark spec folder\n", "utf-8")
    for index in range(docs):
        kind = rng.choices(names, weights)[0]
        make, _, folder = KINDS_OF_DOCUMENT[kind]
        target = int(min(11_000, max(1_200, rng.lognormvariate(8.2, 0.45))))
        broken = rng.random() < VIOLATION_SHARE
        text = make(rng, target, broken)
        bucket = out / folder / f"batch_{index // 200:03d}"
        bucket.mkdir(parents=True, exist_ok=True)
        target_path = bucket / f"{kind}_{index:05d}.md"
        target_path.write_text(text, "utf-8")
        written.append(target_path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="number of documents")
    parser.add_argument("--out", type=Path, help="folder (default benchmarks/data/docs-N)")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    out = args.out or Path(__file__).resolve().parent / "data" / f"docs-{args.docs}"
    files = generate(out, args.docs, args.seed)
    total = sum(p.stat().st_size for p in files)
    print(f"{len(files)} documents, {total / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
