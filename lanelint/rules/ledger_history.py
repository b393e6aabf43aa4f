"""The acceptance ledger against the git history it describes (protocol sections 5, 6, 7, 8).

These rules read the repository around the project (read-only, never a fetch): they run when
the project is a git work tree, and are skipped with one ``LL010`` note otherwise. They are
off with ``--no-git`` or ``git = false``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lanelint.linter.engine.context import WorkspaceContext
from lanelint.linter.engine.diagnostics import Finding, Location, Severity
from lanelint.linter.engine.registry import workspace_rule
from lanelint.linter.io import globs
from lanelint.linter.protocol.vocabulary import verdicts
from lanelint.linter.workspace.history import (
    FOREIGN,
    NO_ROWS,
    LedgerHistory,
    RowCommits,
    ledger_history,
)
from lanelint.linter.workspace.index import INTEGRATION_RANK, LaneRef, WorkspaceIndex, key
from lanelint.rules._relations import lane_at, on_row, row_at
from lanelint.rules._values import quote
from lanelint.rules.locks import (
    _lock_owners,
    _overridden,
    batch_locks,
    is_high_risk,
    names_lock_owner,
)

GIT_CODES = (
    "PDP510",
    "PDP511",
    "PDP512",
    "PDP610",
    "PDP720",
    "PDP721",
    "PDP722",
    "PDP723",
    "PDP724",
    "PDP810",
)
_TYPE_NAMES = ("requirements/architecture", "implementation", "quality", "operations")
_MARKDOWN = (".md", ".markdown")


def history(ctx: WorkspaceContext) -> LedgerHistory:
    """The run's ledger history (built once, by the first rule that asks)."""
    config = ctx.config
    return ledger_history(
        ctx.index,
        ctx.extras,
        enabled=config.git,
        root=config.root,
        integration_branch=config.integration_branch,
        use_cache=config.cache,
    )


def short(sha: str) -> str:
    return sha[:10]


def _owner_key(index: WorkspaceIndex, item: RowCommits) -> tuple[str, str]:
    """What a row accepts the commit for: its lane (batch and id), else its task."""
    lane = index.lane_of(item.ref)
    if lane is not None:
        return ("lane", f"{lane.batch}\x00{key(lane.id)}")
    if item.ref.row.task:
        return ("task", key(item.ref.row.task))
    if item.ref.row.lane:
        return ("lane", f"{item.ref.batch}\x00{key(item.ref.row.lane)}")
    return ("", "")


@workspace_rule("LL010", "git-checks-skipped", Severity.INFO, section=None)
def git_checks_skipped(ctx: WorkspaceContext) -> Iterator[Finding]:
    """The checks of the ledger against git did not run; the note says why.

    ## What it does
    The rules that compare acceptance ledgers with the repository (PDP510–PDP512, PDP610,
    PDP720–PDP724, PDP810) need the project to be a git work tree with the full history of
    its integration branch. When the run has a ledger row naming a commit but git is not
    installed, the project is not inside a work tree, the clone is shallow, or the
    integration branch cannot be found, those rules are skipped and this one info note says
    so, once per run, at the first ledger. `--no-git` or `git = false` in the configuration
    switch the checks off without a note. When the repository holds none of the ledgers'
    commits (the ledgers describe another repository, as a bundled example does), the rules
    are skipped without a note: there is nothing in this repository to compare them with.

    ## Why
    A check that silently did not run looks like a check that passed.

    ## Example
    `spec/ledger.md:5:1: LL010 git checks skipped: /tmp/x is not inside a git work tree`.
    Run lanelint in the repository's work tree, with `fetch-depth: 0` in CI, or pass
    `--no-git`.
    """
    if not any(is_enabled_code(ctx, code) for code in GIT_CODES):
        return
    found = history(ctx)
    if not found.skipped or not ctx.config.git or not ctx.index.rows:
        return
    if found.skipped == NO_ROWS or found.skipped.startswith(FOREIGN):
        return
    first = min(ctx.index.rows, key=lambda r: (r.path, r.ledger.line))
    yield Finding(first.ledger.line, found.skipped, path=first.path)


def is_enabled_code(ctx: WorkspaceContext, code: str) -> bool:
    from lanelint.linter.engine.passes import is_enabled

    return is_enabled(code, ctx.config)


@workspace_rule("PDP720", "ledger-commit-not-found", Severity.ERROR, section=7)
def ledger_commit_not_found(ctx: WorkspaceContext) -> Iterator[Finding]:
    """An accepted ledger row names a commit id that is no commit of the repository.

    ## What it does
    Resolves every commit id of the acceptance ledgers with git (either end of a range
    `abc1234..def5678`, each id of a list). Reports an `accepted` row whose id (or range end)
    names no commit. Rejected and pending rows are not reported: a rejected commit may well
    have been discarded. The check runs only in a git work tree with the full history, and
    only on a ledger at least half of whose commit ids are commits of the repository (a
    ledger describing another repository, or whose history was squashed away, is not
    judged; see `LL010`).

    ## Why
    Protocol section 7: the Technical Lead keeps a verdict per lane commit. An accepted id
    that names nothing (a typo, a commit from a rewritten branch) accepts work nobody can
    find, and every later check of that lane builds on it.

    ## Example
    `| `abc1234` | B | T-102 | accepted | gate report |` where `git cat-file -t abc1234`
    fails. Use instead: the id of the commit that was reviewed (`git log --oneline`).
    """
    found = history(ctx)
    if not found.available:
        return
    counts: dict[tuple[str, int], list[int]] = {}
    for item in found.rows:
        tally = counts.setdefault((item.ref.path, item.ref.ledger.line), [0, 0])
        tally[0] += sum(1 for r in item.ids if r.sha)
        tally[1] += len(item.ids)
    for item in found.rows:
        if item.ref.row.verdict != verdicts.ACCEPTED:
            continue
        resolved_here, total = counts[(item.ref.path, item.ref.ledger.line)]
        if resolved_here * 2 < total:
            continue  # most of this ledger is not in this repository: it describes another
        for resolved in item.ids:
            if resolved.state == "missing":
                yield on_row(
                    item.ref,
                    f"accepted commit {quote(resolved.text)} is no commit of the repository",
                )


@workspace_rule("PDP721", "ledger-commit-ambiguous", Severity.ERROR, section=7)
def ledger_commit_ambiguous(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A ledger commit id is so short that it names several objects of the repository.

    ## What it does
    Reports each commit id of an acceptance ledger row (any verdict; either end of a range)
    that git finds ambiguous: more than one object starts with it.

    ## Why
    Protocol section 7: the verdict is per commit. An ambiguous id does not say which commit
    was accepted or rejected.

    ## Example
    `| `abc1234` | ...` where two commits start with `abc1234`. Use instead: a longer id
    (`git rev-parse --short=12 <commit>`) or the full one.
    """
    found = history(ctx)
    if not found.available:
        return
    for item in found.rows:
        for resolved in item.ids:
            if resolved.state == "ambiguous":
                yield on_row(
                    item.ref,
                    f"commit id {quote(resolved.text)} is ambiguous: several objects start with it",
                )


@workspace_rule("PDP722", "commit-accepted-twice", Severity.ERROR, section=7)
def commit_accepted_twice(ctx: WorkspaceContext) -> Iterator[Finding]:
    """One commit is accepted for two different lanes or tasks.

    ## What it does
    Resolves the commit ids of the `accepted` ledger rows to full commits (so that `abc1234`
    and its full id are the same commit) and reports a row that accepts a commit an earlier
    row already accepted for another lane (or, for rows with no lane, another task). The
    same commit accepted twice for the same lane, e.g. in the ledgers of two batches, is
    not reported.

    ## Why
    Protocol section 7: each lane produces its own commit, gate report and verdict. One
    commit accepted for two lanes means one of the lanes' work was never reviewed on its
    own, or a row was copied with the wrong id.

    ## Example
    ```markdown
    | `abc1234` | A | T-101 | accepted | gate report |
    | `abc1234def` | B | T-102 | accepted | gate report |
    ```
    Use instead: the commit of lane B.
    """
    found = history(ctx)
    if not found.available:
        return
    first: dict[str, tuple[tuple[str, str], RowCommits]] = {}
    for item in found.rows:
        if item.ref.row.verdict != verdicts.ACCEPTED or item.is_range:
            continue
        owner = _owner_key(ctx.index, item)
        if not owner[0]:
            continue
        for sha in item.shas:
            seen = first.get(sha)
            if seen is None:
                first[sha] = (owner, item)
                continue
            if seen[0] == owner:
                continue
            earlier = seen[1]
            what = "lane" if owner[0] == "lane" and seen[0][0] == "lane" else "task"
            yield on_row(
                item.ref,
                f"commit {short(sha)} is accepted here and for another {what} "
                f"(row {quote(earlier.ref.row.commit)})",
                related=(row_at(earlier.ref, "first accepted here"),),
            )


def _latest_verdicts(found: LedgerHistory) -> dict[str, str]:
    latest: dict[str, str] = {}
    for item in sorted(found.rows, key=lambda i: (i.ref.order,)):
        for sha in item.shas:
            latest[sha] = item.ref.row.verdict
    return latest


@workspace_rule("PDP723", "unaccepted-commit-on-integration-branch", Severity.ERROR, section=7)
def unaccepted_commit_on_integration_branch(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A rejected or pending commit has reached the integration branch.

    ## What it does
    Reports a ledger row with the verdict `rejected` or `pending` whose commit is in the
    history of the integration branch (the `integration-branch` setting; by default the
    branch the remote's HEAD names, else `main`, else the current branch). Not reported:
    a commit that a later ledger row accepts (a resubmission of the same commit), and a
    rejected commit that a commit on the branch reverts (`This reverts commit <id>`, as
    `git revert` writes, the rollback of protocol section 8).

    ## Why
    Protocol sections 7 and 10: push is allowed only for commits with accepted verdicts;
    pushing mixed accepted/rejected commit ranges is an anti-pattern. A rejected commit on
    the integration branch ships work the Technical Lead turned down.

    ## Example
    `| `abc1234` | C | T-103 | rejected | gate report |` while `git merge-base --is-ancestor
    abc1234 main` succeeds. Use instead: revert the commit on the branch
    (`git revert abc1234`), or accept it in a new ledger row after review.
    """
    found = history(ctx)
    if not found.available or found.branch is None:
        return
    latest = _latest_verdicts(found)
    for item in found.rows:
        verdict = item.ref.row.verdict
        if verdict not in (verdicts.REJECTED, verdicts.PENDING):
            continue
        shas = item.shas
        if item.is_range and len(shas) == 2:
            shas = (shas[1],)
        for sha in shas:
            if latest.get(sha) == verdicts.ACCEPTED or not found.on_branch(sha):
                continue
            if verdict == verdicts.REJECTED and found.reverted(sha):
                continue
            yield on_row(
                item.ref,
                f"{verdict} commit {short(sha)} is on the integration branch '{found.branch.name}'",
                column="verdict",
            )


def _rank(ctx: WorkspaceContext, item: RowCommits) -> tuple[LaneRef | None, int | None]:
    index = ctx.index
    lane = index.lane_of(item.ref)
    kind = lane.type if lane is not None else None
    if kind is None and item.ref.row.role:
        from lanelint.linter.protocol.roles import lane_type_of

        role = index.roles.canonical(item.ref.row.role)
        kind = lane_type_of(role) if role else None
    return lane, INTEGRATION_RANK.get(kind) if kind else None


@workspace_rule("PDP724", "integration-order-in-history", Severity.WARNING, section=7)
def integration_order_in_history(ctx: WorkspaceContext) -> Iterator[Finding]:
    """Accepted commits reached the integration branch out of the protocol's lane order.

    ## What it does
    For each batch, takes its accepted commits that are on the integration branch and the
    moment each one reached it: the position, on the branch's first-parent line, of the
    commit (a merge, or the commit itself) that first brought it in. Each commit gets the
    type of its lane (from the lane's owner role, else the row's `Role` cell):
    requirements/architecture, implementation, quality, operations. Reports a commit that
    reached the branch after a commit of a later type, unless the batch's approved baseline
    overrides the order (a line mentioning `integration order`). Commits brought in by the
    same merge count as integrated together. Where the ledger rows are written does not
    matter here (that is PDP710); this rule reads the history.

    ## Why
    Protocol section 7: accepted commits integrate in the order architecture/requirements,
    implementation, quality, operations. The order of table rows says what was reviewed
    first; the history says what was integrated first.

    ## Example
    Lane C's (quality) accepted commit was merged into `main` before lane B's
    (implementation). Use instead: merge lane B first, or record the override in the
    baseline.
    """
    found = history(ctx)
    if not found.available:
        return
    index = ctx.index
    per_batch: dict[str, list[tuple[int, int, RowCommits]]] = {}
    for item in found.rows:
        if item.ref.row.verdict != verdicts.ACCEPTED:
            continue
        head = item.head
        position = found.reached(head) if head else None
        if position is None:
            continue
        lane, rank = _rank(ctx, item)
        if rank is None:
            continue
        batch_id = lane.batch if lane is not None else item.ref.batch
        per_batch.setdefault(batch_id, []).append((position, rank, item))
    for batch_id, entries in per_batch.items():
        batch = index.batches.get(batch_id)
        baseline = index.baseline(batch, ctx.config.baseline_files) if batch else None
        if baseline is not None and baseline.order_override:
            continue
        entries.sort(key=lambda e: (e[0], e[1], e[2].ref.order))
        highest: tuple[int, int, RowCommits] | None = None
        for entry in entries:
            position, rank, item = entry
            if highest is not None and rank < highest[1] and position > highest[0]:
                earlier = highest[2]
                yield on_row(
                    item.ref,
                    f"accepted {_TYPE_NAMES[rank]} commit {short(item.head or '')} reached "
                    f"'{found.branch.name if found.branch else ''}' after "
                    f"{_TYPE_NAMES[highest[1]]} commit {short(earlier.head or '')}",
                    related=(row_at(earlier.ref, "integrated earlier"),),
                )
            if highest is None or rank > highest[1]:
                highest = entry


def _accepted_by_lane(
    ctx: WorkspaceContext, found: LedgerHistory
) -> dict[tuple[str, str], tuple[LaneRef, RowCommits]]:
    """Each lane's latest accepted row with a resolved commit."""
    result: dict[tuple[str, str], tuple[LaneRef, RowCommits]] = {}
    for item in found.rows:
        if item.ref.row.verdict != verdicts.ACCEPTED or item.head is None:
            continue
        lane = ctx.index.lane_of(item.ref)
        if lane is not None:
            result[lane.ident] = (lane, item)
    return result


@workspace_rule("PDP610", "hard-dependency-not-in-history", Severity.ERROR, section=6)
def hard_dependency_not_in_history(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A lane's accepted commit does not build on the accepted commit of its hard upstream.

    ## What it does
    For each lane with a hard dependency (`hard(A)`), takes its accepted commit (the newest
    end of a range) and the accepted commit of each upstream lane, and reports when the
    upstream commit is not in the downstream commit's history. A rebased or cherry-picked
    copy of the upstream commit (the same patch, `git cherry`) counts as in the history.
    Lanes without accepted commits on either side are left to PDP603.

    ## Why
    Protocol section 6: with a hard dependency the downstream lane waits for the accepted
    commit of its upstream lane. A downstream commit that does not contain it was built
    without the work it depends on, whatever the documents say.

    ## Example
    Lane B is `hard(A)`; lane A's accepted commit is `a1a1a1a`, lane B's is `b2b2b2b`, and
    `git merge-base --is-ancestor a1a1a1a b2b2b2b` fails. Use instead: rebase lane B on
    the accepted state that contains `a1a1a1a`, and record the new commit.
    """
    found = history(ctx)
    if not found.available:
        return
    accepted = _accepted_by_lane(ctx, found)
    for lane, item in accepted.values():
        head = item.head
        assert head is not None
        for upstream in ctx.index.upstream(lane, "hard"):
            other = accepted.get(upstream.ident)
            if other is None or other[1].head is None:
                continue
            base = other[1].head
            if found.is_ancestor(base, head) or found.has_equivalent(base, head):
                continue
            yield on_row(
                item.ref,
                f"accepted commit {short(head)} of lane '{lane.id}' does not contain commit "
                f"{short(base)} accepted for its hard upstream lane '{upstream.id}'",
                related=(row_at(other[1].ref, f"upstream lane '{upstream.id}' accepted"),),
            )


def _batch_claims(ctx: WorkspaceContext, batch_id: str) -> list[str]:
    """Every file a batch's lanes declare or lock (normalised paths and globs)."""
    batch = ctx.index.batches.get(batch_id)
    if batch is None:
        return []
    found = {globs.normalise(c.path) for lane in batch.lanes for c in lane.lane.files}
    found.update(globs.normalise(p) for lock in batch_locks(ctx.index, batch) for p in lock.paths)
    return sorted(p for p in found if p)


def _built_on(
    found: LedgerHistory, earlier: tuple[LaneRef, RowCommits] | RowCommits | None, later: RowCommits
) -> bool:
    """Whether ``later``'s commit contains ``earlier``'s (or a rebased copy of it)."""
    if isinstance(earlier, tuple):
        earlier = earlier[1]
    if earlier is None or earlier.head is None or later.head is None:
        return False
    if earlier.head == later.head:
        return False
    return found.is_ancestor(earlier.head, later.head)


class _HighRisk:
    """The high-risk paths and globs, with plain paths looked up in a set."""

    def __init__(self, paths: tuple[str, ...]) -> None:
        normal = [globs.normalise(p) for p in paths]
        self.plain = {p for p in normal if not globs.is_glob(p)}
        self.patterns = [p for p in normal if globs.is_glob(p)]

    def matches(self, path: str) -> bool:
        name = globs.normalise(path)
        return name in self.plain or any(is_high_risk(name, (p,)) for p in self.patterns)


def _exempt_files(ctx: WorkspaceContext) -> set[str]:
    """The documents any lane may change besides its declared files: every document of the
    run (gate reports, task files, workboard rows, heartbeats and stamps are updated by the
    lanes themselves)."""
    index = ctx.index
    return {index.relative(d.path) for d in index.documents if index.relative(d.path)}


def _claimed(names: list[str], claims: list[str]) -> bool:
    for name in names:
        for claim in claims:
            folder = claim.rstrip("/") + "/"
            if name == claim or name.startswith(folder):
                return True
            if globs.is_glob(claim) and globs.matches(name, claim):
                return True
    return False


def _lane_files(found: LedgerHistory, item: RowCommits) -> list[str]:
    """The files the commits of an accepted row changed (a range: every commit in it)."""
    if item.is_range and len(item.shas) == 2:
        commits = found.range_commits(item.shas[0], item.shas[1])
    else:
        commits = list(item.shas)
    changed = found.changed(commits)
    names: list[str] = []
    for sha in commits:
        names.extend(n for n in changed[sha] if n not in names)
    return names


@workspace_rule("PDP510", "commit-outside-lane-files", Severity.WARNING, section=5)
def commit_outside_lane_files(ctx: WorkspaceContext) -> Iterator[Finding]:
    """An accepted commit changed files its lane never declared.

    ## What it does
    For each `accepted` ledger row of a lane that lists its files, reads the files the
    commit really changed (every commit of a range `a..b`; merges change nothing of their
    own) and reports those that none of the lane's file claims (paths, folders or globs)
    names. Exempt: the Markdown documents of the run (gate reports, task files, workboard
    rows, heartbeats and stamps are updated by the lanes themselves), and any file whose
    name contains the lane's task id.
    Claims are read from the repository's top and from the project root.

    ## Why
    Protocol section 5: parallel execution is safe for disjoint file sets, and the lock
    rules rely on the declared sets. A lane that edits files it never declared races with
    the lanes that did, unseen by every check of the plan.

    ## Example
    Lane B declares `src/api/**`; its accepted commit also changed `src/db/models.py`.
    Use instead: declare the file (and settle the overlap), or move the change to the lane
    that owns it.
    """
    found = history(ctx)
    if not found.available:
        return
    exempt = _exempt_files(ctx)
    for lane, item in _accepted_by_lane(ctx, found).values():
        claims = [globs.normalise(c.path) for c in lane.lane.files]
        claims = [c for c in claims if c]
        if not claims:
            continue
        task = lane.task
        outside = []
        for name in _lane_files(found, item):
            spellings = found.relative(name)
            if any(s in exempt for s in spellings):
                continue
            if task and task in name.casefold():
                continue
            if not _claimed(spellings, claims):
                outside.append(name)
        if outside:
            shown = ", ".join(quote(n, 50) for n in outside[:3])
            more = f" and {len(outside) - 3} more" if len(outside) > 3 else ""
            yield on_row(
                item.ref,
                f"accepted commit {short(item.head or '')} of lane '{lane.id}' changed "
                f"{shown}{more}, outside the lane's declared files",
                related=(lane_at(lane, f"lane '{lane.id}' declares its files here", "files"),),
            )


@workspace_rule("PDP511", "commit-touches-locked-file", Severity.ERROR, section=5)
def commit_touches_locked_file(ctx: WorkspaceContext) -> Iterator[Finding]:
    """An accepted commit changed a file locked to another lane.

    ## What it does
    For each file lock a batch records (`- Lock owner: `AGENTS.md` -> lane A`), reads the
    files each accepted commit of the batch's other lanes really changed and reports a
    commit that changed a locked path (globs included), unless a TL override names the
    lane or its task (a metadata line whose key contains `override`, e.g.
    `- TL override: lane B may edit `AGENTS.md``), or the commit builds on the lock owner
    lane's accepted commit (the owner's work was accepted first, which releases the lock).

    ## Why
    Protocol section 5: a non-owner lane touching a locked file is blocked until lock
    release or TL override. The plan can say the lane stayed away; the commit shows
    whether it did.

    ## Example
    `AGENTS.md` is locked to lane A; lane B's accepted commit changed `AGENTS.md`.
    Use instead: move the change to lane A, or record the TL override.
    """
    found = history(ctx)
    if not found.available:
        return
    index = ctx.index
    accepted = _accepted_by_lane(ctx, found)
    for lane, item in accepted.values():
        batch = index.batches.get(lane.batch)
        recorded = batch_locks(index, batch) if batch is not None else list(lane.plan.locks)
        # a lock may be read twice (beside the table and in the document): one finding each
        locks = list({(lock.paths, lock.owner): lock for lock in recorded}.values())
        if not locks:
            continue
        batch_lanes = batch.lanes if batch else [lane]
        names = _lane_files(found, item)
        for lock in locks:
            owners = _lock_owners(lock.owner, batch_lanes, ctx.roles)
            if not owners or any(owner.ident == lane.ident for owner in owners):
                continue
            hit = next(
                (
                    n
                    for n in names
                    for locked in lock.paths
                    if any(globs.matches(s, locked) for s in found.relative(n))
                ),
                None,
            )
            if hit is None or _overridden(lane, index.overrides):
                continue
            if any(_built_on(found, accepted.get(o.ident), item) for o in owners):
                continue  # the lock owner's work was accepted first: the lock was released
            yield on_row(
                item.ref,
                f"accepted commit {short(item.head or '')} of lane '{lane.id}' changed "
                f"{quote(hit)}, locked to lane '{owners[0].id}'",
                related=(Location(lane.path, lock.line, message="file lock"),),
            )


@workspace_rule("PDP512", "high-risk-file-changed-without-lock", Severity.ERROR, section=5)
def high_risk_file_changed_without_lock(ctx: WorkspaceContext) -> Iterator[Finding]:
    """Accepted commits of two lanes changed the same high-risk file with no lock owner.

    ## What it does
    Reads the files the accepted commits of each batch really changed. When two or more
    lanes of a batch changed the same high-risk file (`high-risk-files`; by default
    `AGENTS.md`, `spec/AGENT_RUNTIME.md`, `spec/AGENT_RUNTIME_ADAPTERS.md` and the CLI's
    `models.py` and `cli.py`) in parallel (neither commit builds on the other) and the batch
    assigns no lock owner for it, reports the later lane's accepted row.

    ## Why
    Protocol section 5: if two lanes need the same high-risk file, the Technical Lead
    assigns a file lock owner. The plans may declare disjoint files; the history shows the
    overlap that really happened.

    ## Example
    Lanes A and B both changed `AGENTS.md` in their accepted commits, and the workboard
    has no `Lock owner` line for it. Use instead: record `- Lock owner: `AGENTS.md` ->
    lane A` and have lane B wait for the lock.
    """
    found = history(ctx)
    if not found.available:
        return
    risky = _HighRisk(ctx.config.high_risk_files)
    first: dict[tuple[str, str], tuple[LaneRef, RowCommits]] = {}
    ordered = sorted(_accepted_by_lane(ctx, found).values(), key=lambda v: v[1].ref.order)
    for lane, item in ordered:
        for name in _lane_files(found, item):
            spellings = found.relative(name)
            if not any(risky.matches(s) for s in spellings):
                continue
            seen = first.setdefault((lane.batch, name), (lane, item))
            if seen[0].ident == lane.ident:
                continue
            if _built_on(found, seen[1], item) or _built_on(found, item, seen[1]):
                continue  # one after the other, not in parallel
            batch = ctx.index.batches.get(lane.batch)
            locks = batch_locks(ctx.index, batch) if batch is not None else list(lane.plan.locks)
            if any(names_lock_owner(locks, s) for s in spellings):
                continue
            yield on_row(
                item.ref,
                f"accepted commits of lanes '{seen[0].id}' and '{lane.id}' both changed "
                f"high-risk file {quote(name)}, which has no lock owner",
                related=(row_at(seen[1].ref, f"lane '{seen[0].id}' changed it"),),
            )


@workspace_rule("PDP810", "unaccounted-commit-on-integration-branch", Severity.WARNING, section=8)
def unaccounted_commit_on_integration_branch(ctx: WorkspaceContext) -> Iterator[Finding]:
    """A commit reached the integration branch during a batch, and no ledger row accounts for it.

    ## What it does
    For each batch, takes the span of the integration branch between the first and the last
    of its accepted commits to reach it (by the branch's first-parent line), and reports
    each commit that reached the branch in that span, changed a file the batch's lanes
    declare or lock, and that no ledger row of the run names. Commits that change only
    other files (another team's work in the same repository) are outside the batch.
    Accounted for, and never reported: commits any ledger row names (any verdict), commits
    inside a ledger range `a..b`, merge commits, copies of a ledger commit with the same
    patch (rebased or cherry-picked), and commits that change only Markdown documents (the
    ledgers, heartbeats and reports themselves are committed that way). With fewer than two
    accepted commits of a batch on the branch there is no span to check.

    ## Why
    Protocol sections 7 and 8: push is allowed only for commits with accepted verdicts, and
    a rollback reverts an accepted commit atomically. A commit that reached the branch with
    no verdict bypassed the gate, and nothing records what reverting it would undo.

    ## Example
    Between lane A's and lane C's accepted commits, `main` got `f00baa1 hotfix` that no
    ledger names. Use instead: record it in the ledger with its verdict and gate report.
    """
    found = history(ctx)
    if not found.available or found.branch is None:
        return
    branch = found.branch
    named: set[str] = set()
    for item in found.rows:
        named.update(item.shas)
        if item.is_range and len(item.shas) == 2:
            named.update(found.range_commits(item.shas[0], item.shas[1]))
    spans: dict[str, list[tuple[int, RowCommits]]] = {}
    for item in found.rows:
        if item.ref.row.verdict != verdicts.ACCEPTED or item.head is None:
            continue
        position = found.reached(item.head)
        if position is None:
            continue
        lane = ctx.index.lane_of(item.ref)
        batch = lane.batch if lane is not None else item.ref.batch
        spans.setdefault(batch, []).append((position, item))
    candidates: dict[str, int] = {}
    covered: dict[int, list[str]] = {}
    anchors: dict[str, RowCommits] = {}
    for batch_id, entries in spans.items():
        if len(entries) < 2:
            continue
        entries.sort(key=lambda e: e[0])
        anchors[batch_id] = entries[-1][1]
        for position in range(entries[0][0], entries[-1][0] + 1):
            covered.setdefault(position, []).append(batch_id)
    if covered:
        for sha, position in branch.reached.items():
            if position in covered and sha not in named and not found.is_merge(sha):
                candidates[sha] = position
    if not candidates:
        return
    changed = found.changed(candidates)
    claims = {batch_id: _batch_claims(ctx, batch_id) for batch_id in anchors}
    reported: list[tuple[int, str, RowCommits]] = []
    for sha, position in candidates.items():
        names = changed[sha]
        if not names or all(n.lower().endswith(_MARKDOWN) for n in names):
            continue
        spellings = [s for n in names for s in found.relative(n)]
        owner = next((b for b in covered[position] if _claimed(spellings, claims[b])), None)
        if owner is not None:
            reported.append((position, sha, anchors[owner]))
    if not reported:
        return
    off_branch = [sha for sha in named if not found.on_branch(sha)]
    known = set(found.patch_ids(off_branch).values()) - {""}
    patches = found.patch_ids([sha for _, sha, _ in reported]) if known else {}
    for _position, sha, anchor in sorted(reported, key=lambda r: (r[0], r[1])):
        if patches.get(sha) and patches[sha] in known:
            continue
        yield on_row(
            anchor.ref,
            f"commit {short(sha)} reached '{branch.name}' during this batch and no ledger "
            "row accounts for it",
        )
