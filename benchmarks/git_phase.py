"""Measure what the ledger-against-git checks add to a run.

    python benchmarks/git_phase.py [--commits 5000] [--rows 200] [--repeat 5]

Builds (once, in ``benchmarks/data/git-C-R``) a repository with ``--commits`` commits on
``main`` (``git fast-import``, deterministic) and a spec folder whose workboards hold
``--rows`` accepted ledger rows, four lanes per batch, each lane's commit on the branch. Then
lints the spec folder in this process with the git checks on and off, and reports the median
of ``--repeat`` runs of:

- the git phase alone: reading the history and running the git rules over the run's facts,
  cold (no ``.lanelint_cache/git.msgpack``) and warm (the cache of the previous run present);
- the whole run with ``git = true`` minus the whole run with ``git = false``, cold and warm.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lanelint.linter.engine.config import Config  # noqa: E402
from lanelint.linter.engine.context import WorkspaceContext  # noqa: E402
from lanelint.linter.protocol.roles import RoleBook  # noqa: E402
from lanelint.linter.run.api import lint_paths  # noqa: E402
from lanelint.rules import all_rules  # noqa: E402
from lanelint.rules.ledger_history import GIT_CODES  # noqa: E402

LANES = (
    ("A", "System Analyst", "none", "docs/req_{b}.txt"),
    ("B", "Executive Assistant", "hard(A)", "src/feature_{b}.py"),
    ("C", "QA/SET", "soft(B)", "tests/test_feature_{b}.py"),
    ("D", "DevOps/SRE", "none", "deploy/feature_{b}.yaml"),
)


def _stream(commits: int, batches: int) -> tuple[str, list[tuple[int, int, int]]]:
    """A fast-import stream: filler commits, and each batch's four lane commits in a row."""
    out: list[str] = []
    lane_commits: list[tuple[int, int, int]] = []  # (mark, batch, lane index)
    every = max(commits // max(batches, 1), 5)
    batch = 0
    mark = 0
    while mark < commits:
        if batch < batches and mark % every == every - 4 and mark + 4 <= commits:
            for index, (_, _, _, pattern) in enumerate(LANES):
                mark += 1
                path = pattern.format(b=batch)
                out.append(_commit(mark, f"batch {batch} lane {LANES[index][0]}", path))
                lane_commits.append((mark, batch, index))
            batch += 1
            continue
        mark += 1
        out.append(_commit(mark, f"filler {mark}", f"lib/module_{mark % 300}.py"))
    return "".join(out), lane_commits


def _commit(mark: int, message: str, path: str) -> str:
    body = f"# {message}\n"
    parent = f"from :{mark - 1}\n" if mark > 1 else ""
    return (
        f"commit refs/heads/main\nmark :{mark}\n"
        f"committer Bench <bench@example.com> {1_700_000_000 + mark * 60} +0000\n"
        f"data {len(message)}\n{message}\n{parent}"
        f"M 100644 inline {path}\ndata {len(body)}\n{body}\n"
    )


def _git(folder: Path, *args: str, data: str | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=folder, input=data, capture_output=True, text=True, check=True
    )
    return done.stdout


def build(folder: Path, commits: int, rows: int) -> Path:
    marker = folder / ".built"
    if marker.is_file():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    _git(folder, "init", "-q", "-b", "main")
    batches = rows // len(LANES)
    stream, lane_commits = _stream(commits, batches)
    _git(folder, "fast-import", "--quiet", data=stream)
    _git(folder, "reset", "-q", "--hard", "main")
    marks = _git(folder, "rev-list", "--reverse", "main").split()
    spec = folder / "spec"
    spec.mkdir()
    by_batch: dict[int, list[tuple[int, str]]] = {}
    for mark, batch, index in lane_commits:
        by_batch.setdefault(batch, []).append((index, marks[mark - 1]))
    for batch, items in by_batch.items():
        lanes = [
            f"| {letter} | `T-{batch}-{letter}` | {role} | {dep} | `{pattern.format(b=batch)}` "
            "| done |"
            for letter, role, dep, pattern in LANES
        ]
        ledger = [
            f"| `{sha[:10]}` | {LANES[index][0]} | `T-{batch}-{LANES[index][0]}` | accepted | "
            f"gate report |"
            for index, sha in items
        ]
        (spec / f"workboard_{batch:03d}.md").write_text(
            f"# Workboard B-{batch}\n\n- Batch id: `B-{batch}`\n\n## Lanes\n\n"
            "| Lane | Task ID | Role | Dependency | Files | Status |\n|---|---|---|---|---|---|\n"
            + "\n".join(lanes)
            + "\n\n## Acceptance ledger\n\n| Commit | Lane | Task | Verdict | Evidence |\n"
            "|---|---|---|---|---|\n" + "\n".join(ledger) + "\n",
            encoding="utf-8",
        )
    marker.write_text("ok\n")
    return folder


def _cpu() -> float:
    """CPU seconds of this process and of the children it waited for (the git calls)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _git_phase(result_documents: list[object], config: Config) -> tuple[float, float, int]:
    from lanelint.linter.engine.passes import DocumentResult

    documents = tuple(
        r.summary
        for r in result_documents
        if isinstance(r, DocumentResult) and r.summary is not None
    )
    rules = [rule for rule in all_rules() if rule.code in GIT_CODES and rule.check is not None]
    roles = config_roles(config)
    from lanelint.linter.workspace.index import build_index

    # the workspace index is built by every run anyway: it is not part of the git phase
    index = build_index(documents, config.root, roles)
    context = WorkspaceContext(documents, config, roles, {}, index)
    start, cpu = time.perf_counter(), _cpu()
    count = 0
    for rule in rules:
        assert rule.check is not None
        count += sum(1 for _ in rule.check(context))
    return time.perf_counter() - start, _cpu() - cpu, count


def config_roles(config: Config) -> RoleBook:
    return RoleBook(config.role_aliases)


def measure(folder: Path, repeat: int) -> dict[str, float]:
    cache = folder / ".lanelint_cache" / "git.msgpack"
    base = Config(root=folder.resolve(), cache=True)
    times: dict[str, list[float]] = {
        "phase cold": [],
        "phase warm": [],
        "phase cold cpu": [],
        "phase warm cpu": [],
        "run off": [],
        "run on cold": [],
        "run on warm": [],
    }
    findings = 0
    for _ in range(repeat):
        start = time.perf_counter()
        off = lint_paths([folder / "spec"], config=base.with_overrides(git=False))
        times["run off"].append(time.perf_counter() - start)
        cache.unlink(missing_ok=True)
        start = time.perf_counter()
        lint_paths([folder / "spec"], config=base)
        times["run on cold"].append(time.perf_counter() - start)
        start = time.perf_counter()
        lint_paths([folder / "spec"], config=base)
        times["run on warm"].append(time.perf_counter() - start)
        cache.unlink(missing_ok=True)
        cold, cold_cpu, findings = _git_phase(list(off.documents), base)
        times["phase cold"].append(cold)
        times["phase cold cpu"].append(cold_cpu)
        warm, warm_cpu, _ = _git_phase(list(off.documents), base)
        times["phase warm"].append(warm)
        times["phase warm cpu"].append(warm_cpu)
    result = {name: statistics.median(values) for name, values in times.items()}
    result.update({f"{name} min": min(values) for name, values in times.items()})
    result["findings"] = findings
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = build(HERE / "data" / f"git-{args.commits}-{args.rows}", args.commits, args.rows)
    result = measure(folder, args.repeat)
    off = result["run off"]
    print(
        f"repository: {args.commits} commits, ledger: {args.rows} accepted rows, "
        f"median of {args.repeat}; git findings: {int(result['findings'])}"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    print("| Measurement | Wall, median | Wall, best | CPU (with git), median |")
    print("|---|---:|---:|---:|")

    def ms(value: float) -> str:
        return f"{value * 1000:.1f} ms"

    for label, name in (("cold (no git cache)", "phase cold"), ("warm", "phase warm")):
        print(
            f"| git phase alone, {label} | {ms(result[name])} | {ms(result[name + ' min'])} "
            f"| {ms(result[name + ' cpu'])} |"
        )
    print(f"| whole run, git off | {ms(off)} | {ms(result['run off min'])} | |")
    for label, name in (("cold", "run on cold"), ("warm", "run on warm")):
        added = result[name] - off
        best = result[name + " min"] - result["run off min"]
        print(f"| whole run, git on, {label}: added | {ms(added)} | {ms(best)} | |")


if __name__ == "__main__":
    main()
