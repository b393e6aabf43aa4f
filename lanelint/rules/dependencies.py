"""Protocol section 6, dependency scheduling: the lanes a dependency names, and cycles."""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location, Severity
from lanelint.linter.engine.registry import workspace_rule
from lanelint.linter.protocol.artifacts.notes import Notes
from lanelint.linter.workspace.index import Batch, LaneRef, is_active, is_done
from lanelint.rules._relations import lane_at, on_lane, verdict_unknown


def _lanes(batch: Batch) -> dict[str, LaneRef]:
    """The lanes of a batch by case-folded id: the last row of each id, in first-seen order."""
    return {ref.id.casefold(): ref for ref in batch.lanes if ref.id}


@workspace_rule("PDP601", "dependency-unknown-lane", Severity.ERROR, section=6, reads="batch")
def dependency_unknown_lane(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A dependency names a lane that the batch does not have.

    ## What it does
    Reads the upstream lanes of `hard(A)`, `soft(L1+L2)` and the like, and reports each one
    that is not a lane id of the batch. A batch is everything written under one batch id
    (`- Batch id: `B-7``, `**Batch:** B-7`, or a heading such as `## Batch B-7`), in
    whichever documents it is written: lane C of the workboard may depend on lane A of the
    dispatch. A document with `## Batch B-1` and `## Batch B-2` sections holds two batches,
    and a document with lanes and no batch id is a batch of its own.

    Upstream lanes are read the same way whatever the notes around them: `hard(Z) — waits`,
    `hard: Z` and `hard on lane Z` all name lane `Z`.

    ## Why
    Protocol section 6: a downstream lane waits for its upstream. An upstream that does not
    exist is a typo or a lane that was dropped, and the wait never ends.

    ## Example
    ```markdown
    | B | T-2 | Executive Assistant | hard(F) | `src/app.py` | active |
    ```
    Use instead: `hard(A)`, naming a lane of the table.
    """
    for batch in ctx.batches():
        lanes = _lanes(batch)
        for ref in batch.lanes:
            dependency = ref.lane.dependency
            if dependency is None:
                continue
            for upstream in dependency.upstream():
                if upstream.casefold() not in lanes:
                    yield Finding(
                        ref.lane.line,
                        f"lane '{ref.id}' depends on lane '{upstream}', "
                        "which the batch does not have",
                        column=ref.lane.column("dependency"),
                        path=ref.path,
                    )


@workspace_rule("PDP602", "dependency-cycle", Severity.ERROR, section=6, reads="batch")
def dependency_cycle(ctx: WorkspaceContext) -> Iterator[Finding]:
    """Lanes depend on each other in a cycle.

    ## What it does
    Follows the upstream lanes named by every `hard(...)` and `soft(...)` dependency of a
    batch and reports each cycle once, at its first lane, with the lanes in order. A batch is
    everything written under one batch id (`- Batch id: `B-7``, `**Batch:** B-7`, or a
    heading such as `## Batch B-7`), in whichever documents it is written, so a cycle through
    lanes of a dispatch and a workboard of one batch is found. A document with
    `## Batch B-1` and `## Batch B-2` sections holds two batches, and a document with lanes
    and no batch id is a batch of its own. Where a lane is written more than once, its last
    row gives its dependency.

    ## Why
    Protocol section 6: a hard dependency waits for the upstream's accepted commit. In a cycle
    every lane waits for another, and none can start.

    ## Example
    ```markdown
    | A | T-1 | System Analyst | hard(B) | `spec/a.md` |
    | B | T-2 | Executive Assistant | hard(A) | `src/b.py` |
    ```
    Use instead: decide which lane goes first and mark the other `none` or `soft`.
    """
    for batch in ctx.batches():
        yield from _cycles(_lanes(batch))


def _cycles(lanes: dict[str, LaneRef]) -> Iterator[Finding]:
    graph = {
        key: [u.casefold() for u in ref.lane.dependency.upstream() if u.casefold() in lanes]
        if ref.lane.dependency
        else []
        for key, ref in lanes.items()
    }
    reported: set[frozenset[str]] = set()
    order = list(lanes)
    for start in order:
        path = _cycle_from(start, graph)
        if path is None:
            continue
        members = frozenset(path)
        if members in reported:
            continue
        reported.add(members)
        first = min(path, key=order.index)
        rotated = path[path.index(first) :] + path[: path.index(first)]
        names = [lanes[k].id for k in rotated]
        ref = lanes[first]
        related = tuple(
            Location(lanes[k].path, lanes[k].lane.line, message=f"lane '{lanes[k].id}'")
            for k in rotated[1:]
        )
        yield Finding(
            ref.lane.line,
            "dependency cycle: " + " -> ".join([*names, names[0]]),
            column=ref.lane.column("dependency"),
            path=ref.path,
            related=related,
        )


def _cycle_from(start: str, graph: dict[str, list[str]]) -> list[str] | None:
    """The lanes of a cycle through ``start``, if there is one (iterative DFS)."""
    stack: list[tuple[str, int]] = [(start, 0)]
    path: list[str] = [start]
    on_path = {start}
    visited: set[str] = set()
    while stack:
        node, index = stack[-1]
        edges = graph.get(node, [])
        if index >= len(edges):
            stack.pop()
            path.pop()
            on_path.discard(node)
            visited.add(node)
            continue
        stack[-1] = (node, index + 1)
        nxt = edges[index]
        if nxt == start:
            return list(path)
        if nxt in on_path or nxt in visited:
            continue
        stack.append((nxt, 0))
        path.append(nxt)
        on_path.add(nxt)
    return None


# -- across documents -------------------------------------------------------------------


@workspace_rule("PDP603", "hard-dependency-not-accepted", Severity.ERROR, section=6, reads="batch")
def hard_dependency_not_accepted(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane with a hard dependency is active or done while its upstream has no accepted commit.

    ## What it does
    For each lane whose status is active or done and whose dependency names upstream lanes as
    `hard(...)`, looks up every acceptance ledger of the folder for a row of the upstream
    lane (by lane id in the batch, or by its task id) with the verdict `accepted`.

    ## Why
    Protocol section 6: with a hard dependency the downstream lane waits for an accepted
    commit from the upstream lane. Starting earlier builds on work nobody has accepted.

    ## Example
    ```markdown
    | A | T-101 | System Analyst | none | `spec/api.md` | active |
    | B | T-102 | Executive Assistant | hard(A) | `src/api.py` | active |
    ```
    with no `accepted` ledger row for lane A.

    Use instead: mark lane B `blocked` until lane A's commit is accepted, or make the
    dependency `soft(A)` and tag assumptions `[ASSUMPTION]`.
    """
    index = ctx.index
    for lane in (lane for batch in ctx.batches() for lane in batch.lanes):
        status = lane.lane.status
        if not (is_active(status) or is_done(status)):
            continue
        for upstream in index.upstream(lane, "hard"):
            if index.accepted_row(upstream) is not None or verdict_unknown(index, upstream):
                continue
            yield on_lane(
                lane,
                f"lane '{lane.id}' is {status} with hard({upstream.id}), but lane "
                f"'{upstream.id}' has no accepted commit in the ledger",
                column="dependency",
                related=(lane_at(upstream, f"upstream lane '{upstream.id}'"),),
            )


@workspace_rule("PDP604", "soft-dependency-assumptions-left", Severity.WARNING, section=6)
def soft_dependency_assumptions_left(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane with a soft dependency is done while its documents still carry `[ASSUMPTION]`.

    ## What it does
    For each `done` lane whose dependency is `soft` (or names a `soft(...)` upstream), looks
    for `[ASSUMPTION]` tags in the lane's documents: the Markdown files its files cell
    names (globs included), its gate reports and its task file or dispatch brief.

    A resolved assumption is not reported: struck through (`~~[ASSUMPTION] 30 days~~`,
    `~~[ASSUMPTION]~~ 90 days`), tagged resolved (`[ASSUMPTION-RESOLVED]`, `[ASSUMPTION:
    resolved]`), or followed on its line by a resolving word (`resolved`, `reconciled`,
    `confirmed`, `verified`): `[ASSUMPTION] 90 days (reconciled with lane A)`. A negated one
    stays open: `[ASSUMPTION] 90 days (not yet confirmed)`, `unresolved`.

    ## Why
    Protocol section 6: a downstream lane may proceed on a soft dependency with assumptions
    tagged `[ASSUMPTION]`, but must reconcile them before merge. A tag left in a finished
    lane is an assumption nobody checked.

    ## Example
    Lane `C` (`soft(B)`, `done`) whose `spec/test_plan.md` still says
    `[ASSUMPTION] the API returns 404 for unknown ids`.

    Use instead: reconcile the assumption with lane B's accepted work and remove the tag.
    """
    index = ctx.index
    for lane in index.lanes:
        dependency = lane.lane.dependency
        if not is_done(lane.lane.status) or dependency is None:
            continue
        if not any(term.kind == "soft" for term in dependency.terms):
            continue
        paths = {d.path for d in index.documents_matching(c.path for c in lane.lane.files)}
        paths.update(report.path for report in index.reports_of(lane))
        paths.update(note.path for note in index.task_notes_of(lane))
        tags = [
            Location(path, tag.line, tag.column, message="[ASSUMPTION] tag")
            for path in sorted(paths)
            for tag in (index.by_path[path].notes or _NO_NOTES).assumptions
        ]
        if tags:
            yield on_lane(
                lane,
                f"lane '{lane.id}' is done on a soft dependency, but {len(tags)} "
                "[ASSUMPTION] tag(s) remain in its documents",
                column="status",
                related=tuple(tags),
            )


_NO_NOTES = Notes("", (), 0, (), (), (), (), ())
