"""Protocol section 8, conflict and rollback: pushed ranges and resubmissions."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location, Severity
from lanelint.linter.engine.registry import workspace_rule
from lanelint.linter.protocol.artifacts.ledger import is_commit_ref
from lanelint.linter.protocol.artifacts.mentions import lane_ids, task_ids
from lanelint.linter.workspace.index import RowRef, WorkspaceIndex, key, lane_key
from lanelint.rules._relations import MAX_RELATED, on_row, row_at
from lanelint.rules._values import quote


def _same_commit(a: str, b: str) -> bool:
    a, b = key(a), key(b)
    return len(a) >= 7 and len(b) >= 7 and (a.startswith(b) or b.startswith(a))


def _ledgers(index: WorkspaceIndex) -> dict[tuple[str, int], list[RowRef]]:
    grouped: dict[tuple[str, int], list[RowRef]] = {}
    for ref in index.rows:
        grouped.setdefault((ref.path, ref.ledger.line), []).append(ref)
    return grouped


def covered(
    ref: str, ledgers: dict[tuple[str, int], list[RowRef]], skip: RowRef | None = None
) -> list[RowRef]:
    """The ledger rows a commit or range names.

    A range ``a..b`` covers the rows after ``a``'s row up to ``b``'s row of one ledger, read
    in ledger order (the order commits were recorded); a single commit covers its own rows.
    """
    if ".." in ref:
        start, _, end = ref.replace("...", "..").partition("..")
        for rows in ledgers.values():
            ends = [i for i, r in enumerate(rows) if _same_commit(r.row.commit, end)]
            if not ends:
                continue
            starts = [i for i, r in enumerate(rows) if _same_commit(r.row.commit, start)]
            first = starts[0] + 1 if starts and starts[0] < ends[-1] else 0
            return [r for r in rows[first : ends[-1] + 1] if r is not skip]
        return []
    return [r for rows in ledgers.values() for r in rows if _same_commit(r.row.commit, ref)]


@workspace_rule("PDP801", "pushed-range-mixed", Severity.ERROR, section=8)
def pushed_range_mixed(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A pushed commit range mixes accepted and rejected commits.

    ## What it does
    Reads push records: metadata lines whose key contains `push` (`- Pushed: `a1b2c3d..e4f5a6b``,
    `**Push:** `a1b2c3d`, `e4f5a6b``), rows of push tables (a table under a heading about
    pushes such as `## Pushes`, or with a `Pushed` column: `| Commit | Pushed at |`), and
    ledger rows whose commit is a range with the verdict `accepted`. A push line or row that
    says `pending` (`awaiting`, `TBD`) is not a push. A range `a..b` covers the ledger rows
    after `a` up to `b`, in ledger order. Reports a push or an accepted range that covers
    both accepted and rejected rows.

    ## Why
    Protocol sections 8 and 10: push is allowed only for accepted commits, and pushing mixed
    accepted/rejected ranges is an anti-pattern. The rejected commit reaches the main line
    with the accepted ones, and rolling it back later reverts unrelated accepted scope.

    ## Example
    ```markdown
    - Pushed: `a1a1a1a..c3c3c3c`

    | `b2b2b2b` | B | T-102 | rejected | tests fail |
    | `c3c3c3c` | C | T-103 | accepted | gate report |
    ```
    Use instead: push only the accepted commits (`- Pushed: `c3c3c3c``) after reverting or
    dropping `b2b2b2b`.
    """
    index = ctx.index
    ledgers = _ledgers(index)
    for push in index.pushes:
        rows = [r for ref in push.item.refs for r in covered(ref, ledgers)]
        rejected = [r for r in rows if r.row.verdict == "rejected"]
        if rejected and any(r.row.verdict == "accepted" for r in rows):
            yield Finding(
                push.item.line,
                f"push {quote(push.item.text.replace('`', ''))} "
                "mixes accepted and rejected commits "
                f"({', '.join(quote(r.row.commit) for r in rejected[:3])} rejected)",
                column=push.item.column,
                path=push.path,
                related=tuple(row_at(r) for r in rejected[:MAX_RELATED]),
            )
    for ref in index.rows:
        if ref.row.verdict != "accepted" or not ref.row.is_range:
            continue
        rejected = [r for r in covered(ref.row.commit, ledgers, ref) if r.row.verdict == "rejected"]
        if rejected:
            yield on_row(
                ref,
                f"accepted range {quote(ref.row.commit)} includes rejected commit "
                f"{quote(rejected[0].row.commit)}",
                related=tuple(row_at(r) for r in rejected[:MAX_RELATED]),
            )


def _rebase_noted(index: WorkspaceIndex, ref: RowRef) -> bool:
    lane = index.lane_of(ref)
    lane_id = lane_key(ref.row.lane) if ref.row.lane else (key(lane.id) if lane else "")
    task = key(ref.row.task) or (lane.task if lane else "")
    for note in index.rebase_notes.get(ref.path, []):
        if note.line == ref.row.line:
            return True
        if lane_id and lane_id in {key(name) for name in lane_ids(note.text)}:
            return True
        if task and task in {key(name) for name in task_ids(note.text)}:
            return True
    reports = index.reports_for_row(ref)
    return any(index.rebase_notes.get(report.path) for report in reports)


@workspace_rule("PDP802", "resubmission-without-rebase", Severity.WARNING, section=8)
def resubmission_without_rebase(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane resubmits after a rejection with no note that it rebased.

    ## What it does
    In each acceptance ledger, a row for a lane (or task) that comes after a `rejected` row
    for the same lane is a resubmission. It needs a note of the rebase: the word `rebase` /
    `rebased` on the row itself (e.g. in its evidence: `rebased on 9f8e7d6`), on a line of
    the ledger's document naming the lane or task, or in the lane's gate report.

    A note of a rebase states one that happened: `rebased on a1a1a1a`, `rebased onto main`,
    `Rebase: done`, `rebased, no conflicts`. A reminder or an intention is not one:
    `Reminder: lane B must rebase`, `B needs to rebase`, `should rebase`, `will rebase`,
    `rebase pending`, `rebase required`, `not rebased yet`, `TODO: rebase`.

    ## Why
    Protocol section 8: a rejected lane must rebase on the latest accepted state before
    resubmission. Without the rebase the new commit may undo accepted work or conflict again.

    ## Example
    ```markdown
    | `b2b2b2b` | B | T-102 | rejected | conflicts with lane A |
    | `d4d4d4d` | B | T-102 | pending | gate report |
    ```
    Use instead: `| `d4d4d4d` | B | T-102 | pending | rebased on `a1a1a1a`, gate report |`.
    """
    index = ctx.index
    rejected: dict[tuple[str, str, str], RowRef] = {}
    for ref in index.rows:
        lane = index.lane_of(ref)
        if lane is not None:
            group = (ref.path, *lane.ident)
        else:
            group = (ref.path, ref.batch, key(ref.row.task) or lane_key(ref.row.lane))
        if not group[2] or not is_commit_ref(ref.row.commit):
            continue
        earlier = rejected.get(group)
        if ref.row.verdict == "rejected":
            rejected.setdefault(group, ref)
        if earlier is None or earlier is ref:
            continue
        if _rebase_noted(index, ref):
            continue
        yield on_row(
            ref,
            f"commit {quote(ref.row.commit)} resubmits after rejected "
            f"{quote(earlier.row.commit)} with no note of a rebase",
            related=(Location(earlier.path, earlier.row.line, message="rejected submission"),),
        )
