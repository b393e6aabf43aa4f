"""The acceptance ledgers related to the git history they describe.

:func:`ledger_history` reads, in a few batched git calls, what the rules of the ledger against
git need: what each ledger commit id names, the integration branch's history (which commits
reached it, in which order), and the files each accepted commit changed. It is built once per
run (kept in the workspace context's extras) and is ``skipped`` with a reason when the project
is not a git work tree, git is missing, or the repository holds none of the ledgers' commits.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lanelint.linter.io.cache_folder import CACHE_DIR
from lanelint.linter.protocol.vocabulary import verdicts
from lanelint.linter.workspace.git import Branch, GitRepository, GitUnavailable, Resolved
from lanelint.linter.workspace.index import RowRef, WorkspaceIndex

_EXTRAS_KEY = "ledger-history"
_HEX = re.compile(r"[0-9a-fA-F]{7,40}")
_RANGE = re.compile(r"([0-9a-fA-F]{7,40})\.\.\.?([0-9a-fA-F]{7,40})")
_LIST_SPLIT = re.compile(r"[\s,;]+")
#: The skip reason of a run whose ledgers name no commit of the repository: they describe
#: another repository (an example, a documentation-only checkout), and no note is due.
FOREIGN = "none of the ledgers' commit ids is a commit of this repository"
NO_ROWS = "no ledger row names a commit"


def written_ids(commit: str) -> tuple[tuple[str, ...], bool]:
    """The commit ids a ledger cell names and whether it is a range (``a..b``: both ends).

    A cell that is not a commit id, a range, or a list of commit ids names none.
    """
    text = commit.replace("`", "").strip()
    match = _RANGE.fullmatch(text)
    if match:
        return ((match.group(1).lower(), match.group(2).lower()), True)
    parts = [p for p in _LIST_SPLIT.split(text) if p]
    if parts and all(_HEX.fullmatch(p) and any(c.isdigit() for c in p) for p in parts):
        return (tuple(p.lower() for p in parts), False)
    return ((), False)


@dataclass(frozen=True, slots=True)
class RowCommits:
    """A ledger row and the commits its cell names, resolved."""

    ref: RowRef
    ids: tuple[Resolved, ...]
    is_range: bool

    @property
    def shas(self) -> tuple[str, ...]:
        return tuple(r.sha for r in self.ids if r.sha)

    @property
    def head(self) -> str | None:
        """The commit the row stands for: the newest end of a range, else its last id."""
        return self.ids[-1].sha if self.ids else None


@dataclass
class LedgerHistory:
    """The facts git gives about the run's ledgers; ``skipped`` says why there are none."""

    skipped: str = ""
    repository: GitRepository | None = None
    branch: Branch | None = None
    rows: list[RowCommits] = field(default_factory=list)
    files: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The project root relative to the repository's top ("" when they are the same).
    prefix: str = ""
    _patch_ids: dict[str, str] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return not self.skipped and self.repository is not None

    def on_branch(self, sha: str) -> bool:
        return self.branch is not None and sha in self.branch.reached

    def reached(self, sha: str) -> int | None:
        return self.branch.reached.get(sha) if self.branch is not None else None

    def is_ancestor(self, ancestor: str, descendant: str) -> bool:
        """Whether ``ancestor`` is in ``descendant``'s history (itself included)."""
        if ancestor == descendant:
            return True
        branch = self.branch
        if branch is not None and ancestor in branch.reached and descendant in branch.reached:
            limit = branch.reached[ancestor]
            if branch.reached[descendant] < limit:
                return False
            stack, seen = [descendant], {descendant}
            while stack:
                sha = stack.pop()
                for parent in branch.parents(sha):
                    if parent == ancestor:
                        return True
                    # a commit that reached the branch before the ancestor cannot descend from it
                    if parent not in seen and branch.reached.get(parent, -1) >= limit:
                        seen.add(parent)
                        stack.append(parent)
            return False
        assert self.repository is not None
        return self.repository.is_ancestor_git(ancestor, descendant)

    def has_equivalent(self, upstream: str, downstream: str) -> bool:
        assert self.repository is not None
        return self.repository.has_equivalent(upstream, downstream)

    def changed(self, shas: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The changed files of these commits, relative to the repository's top."""
        shas = list(shas)
        wanted = [s for s in shas if s not in self.files]
        if wanted and self.repository is not None:
            try:
                self.files.update(self.repository.changed_files(wanted))
            except GitUnavailable:
                self.files.update(dict.fromkeys(wanted, ()))  # unknown: judged as no change
        return {s: self.files.get(s, ()) for s in shas}

    def range_commits(self, start: str, end: str) -> list[str]:
        """The commits of ``start..end``: in ``end``'s history and not in ``start``'s."""
        if self.repository is None:
            return []
        try:
            return self.repository.git("rev-list", f"{start}..{end}").split()
        except GitUnavailable:
            return []

    def is_merge(self, sha: str) -> bool:
        return self.branch is not None and len(self.branch.parents(sha)) > 1

    def reverted(self, sha: str) -> bool:
        """Whether a commit on the integration branch says it reverts ``sha``."""
        if self.repository is None or self.branch is None:
            return False
        try:
            out = self.repository.git(
                "rev-list", "-F", f"--grep=This reverts commit {sha}", self.branch.tip
            )
        except GitUnavailable:
            return False
        return bool(out.split())

    def patch_ids(self, shas: Iterable[str]) -> dict[str, str]:
        """``git patch-id --stable`` of each commit (a rebased commit keeps its patch id)."""
        shas = list(shas)
        wanted = [s for s in dict.fromkeys(shas) if s not in self._patch_ids]
        if wanted and self.repository is not None:
            with contextlib.suppress(GitUnavailable):
                self._patch_ids.update(self.repository.patch_ids(wanted))
            for sha in wanted:
                self._patch_ids.setdefault(sha, "")
        return {s: self._patch_ids.get(s, "") for s in shas}

    def relative(self, path: str) -> list[str]:
        """The spellings of a repository path a claim may use: from the top, and from the
        project root where the root is below the top."""
        names = [path]
        if self.prefix and path.startswith(self.prefix):
            names.append(path[len(self.prefix) :])
        return names


def ledger_history(
    index: WorkspaceIndex,
    extras: dict[str, object],
    *,
    enabled: bool,
    root: Path,
    integration_branch: str | None,
    use_cache: bool = True,
) -> LedgerHistory:
    """The run's :class:`LedgerHistory`, built on first use and kept in ``extras``."""
    found = extras.get(_EXTRAS_KEY)
    if isinstance(found, LedgerHistory):
        return found
    history = _build(index, enabled, root, integration_branch, use_cache)
    extras[_EXTRAS_KEY] = history
    return history


def _build(
    index: WorkspaceIndex, enabled: bool, root: Path, configured: str | None, use_cache: bool
) -> LedgerHistory:
    rows = [(ref, *written_ids(ref.row.commit)) for ref in index.rows]
    rows = [item for item in rows if item[1]]
    if not enabled:
        return LedgerHistory(skipped="git checks are off (--no-git or git = false)")
    if not rows:
        return LedgerHistory(skipped=NO_ROWS)
    cache_folder = root / CACHE_DIR if use_cache else None
    try:
        repository = GitRepository.open(root, cache_folder)
    except GitUnavailable as exc:
        return LedgerHistory(skipped=f"git checks skipped: {exc}")
    if repository.shallow:
        return LedgerHistory(
            skipped="git checks skipped: the repository is a shallow clone (fetch its whole "
            "history, e.g. `fetch-depth: 0`)"
        )
    try:
        resolved = repository.resolve(i for _, ids, _ in rows for i in ids)
        if not any(r.sha for r in resolved.values()):
            return LedgerHistory(skipped=FOREIGN + f" (repository at {repository.top})")
        named = repository.integration_branch(configured)
        if named is None:
            wanted = f"'{configured}'" if configured else "(remote HEAD, main, current branch)"
            return LedgerHistory(
                skipped=f"git checks skipped: integration branch {wanted} not found"
            )
        branch = repository.branch(*named)
        history = LedgerHistory(repository=repository, branch=branch)
        history.rows = [
            RowCommits(ref, tuple(resolved[i] for i in ids), is_range)
            for ref, ids, is_range in rows
        ]
        try:
            relative = Path(root).resolve().relative_to(repository.top.resolve()).as_posix()
        except ValueError:
            relative = ""
        history.prefix = "" if relative in ("", ".") else relative + "/"
        accepted = [
            sha
            for item in history.rows
            if item.ref.row.verdict == verdicts.ACCEPTED and not item.is_range
            for sha in item.shas
        ]
        history.changed(accepted)
    except GitUnavailable as exc:
        return LedgerHistory(skipped=f"git checks skipped: {exc}")
    if cache_folder is not None:
        repository.save(cache_folder)
    return history
