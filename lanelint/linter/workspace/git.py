"""The git repository around the project, read-only: commits, their files, the integration branch.

Everything goes through the ``git`` command in a few batched calls (``for-each-ref``,
``cat-file --batch-check``, ``rev-list --parents``, ``diff-tree --stdin``; ``rev-parse`` where
the repository's layout is not the usual one);
never a fetch, never a network call, never a write to the repository. Commits are immutable, so
what was learnt about a commit id (its parents, its changed files) is kept in a
:class:`~lanelint.linter.workspace.git_cache.GitCache` between runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lanelint.linter.workspace.git_cache import GitCache

#: One git call never takes longer than this (a hung process must not hang the run).
TIMEOUT_SECONDS = 60.0
_FULL = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
#: Options of every call: no pager, no ``refs/replace`` substitutions, and no optional
#: locks (``git status``-style index refreshes), so that lanelint never writes to ``.git``.
_OPTIONS = ("--no-pager", "--no-replace-objects", "--no-optional-locks", "-c", "core.quotepath=off")


class GitUnavailable(Exception):
    """Git cannot answer for this project; the message says why, for the report's note."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a written commit id names: ``sha`` when it is one commit, else why not."""

    text: str
    sha: str | None
    state: str  # "commit", "missing" or "ambiguous"


@dataclass
class Branch:
    """The integration branch: its name, tip, and the order in which commits reached it."""

    name: str
    tip: str
    #: Every commit reachable from the tip -> its parents, space-separated.
    raw_parents: dict[str, str] = field(default_factory=dict)
    #: Every commit reachable from the tip -> the position (0 = oldest) of the first-parent
    #: commit that first brought it onto the branch.
    reached: dict[str, int] = field(default_factory=dict)

    def parents(self, sha: str) -> tuple[str, ...]:
        raw = self.raw_parents.get(sha)
        return tuple(raw.split()) if raw else ()


_REFS = (
    "for-each-ref",
    "--format=%(refname)%00%(objectname)%00%(symref)",
    "refs/heads",
    "refs/remotes",
)


#: ``for-each-ref`` with ``%(HEAD)`` first: ``*`` marks the branch checked out here.
_REFS_HEAD_FORMAT = "--format=%(HEAD)%00%(refname)%00%(objectname)%00%(symref)"


def _layout(dot_git: Path) -> tuple[Path, Path, bool] | None:
    """``(work tree top, common git folder, shallow)`` read from the repository layout, or
    ``None`` where it is not the usual one (then ``git rev-parse`` is asked).

    ``.git`` is the git folder, or a file ``gitdir: PATH`` (a linked work tree or a
    submodule) whose folder may name the common folder in its ``commondir`` file. A shallow
    repository has a ``shallow`` file in the common folder.
    """
    try:
        if dot_git.is_dir():
            common = dot_git
            if not (common / "HEAD").is_file() or not (common / "objects").is_dir():
                return None
        else:
            text = dot_git.read_text("utf-8").strip()
            if not text.startswith("gitdir:"):
                return None
            git_dir = Path(text[len("gitdir:") :].strip())
            if not git_dir.is_absolute():
                git_dir = (dot_git.parent / git_dir).resolve()
            common = git_dir
            named = git_dir / "commondir"
            if named.is_file():
                common = Path(named.read_text("utf-8").strip())
                if not common.is_absolute():
                    common = (git_dir / common).resolve()
            if not (git_dir / "HEAD").is_file() or not (common / "objects").is_dir():
                return None
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return dot_git.parent, common.resolve(), (common / "shallow").exists()


def _together(first: Sequence[str], second: Sequence[str], cwd: Path) -> tuple[str, str]:
    """Two read-only calls run at the same time (their start-up costs overlap)."""
    procs: list[subprocess.Popen[str]] = []
    try:
        for args in (first, second):
            procs.append(
                subprocess.Popen(
                    ["git", *_OPTIONS, *args],
                    cwd=cwd,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    encoding="utf-8",
                    errors="surrogateescape",
                )
            )
        outputs: list[str] = []
        for proc, args in zip(procs, (first, second), strict=True):
            out, err = proc.communicate(timeout=TIMEOUT_SECONDS)
            if proc.returncode != 0:
                lines = (err or "").strip().splitlines()
                raise GitUnavailable(lines[0] if lines else f"git {args[0]} failed")
            outputs.append(out)
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitUnavailable(f"git could not run: {exc}") from None
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return outputs[0], outputs[1]


def _run(args: Sequence[str], cwd: Path, data: str | None = None) -> str:
    try:
        done = subprocess.run(
            ["git", *_OPTIONS, *args],
            cwd=cwd,
            input=data,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitUnavailable(f"git could not run: {exc}") from None
    if done.returncode != 0:
        first = (done.stderr or "").strip().splitlines()
        raise GitUnavailable(first[0] if first else f"git {args[0]} failed")
    return done.stdout


def refs_state(root: Path) -> str:
    """A text that changes whenever what the git checks read of the repository around
    ``root`` can change: its branches and remote-tracking branches with their commits, the
    branch checked out, and whether it is shallow (commits themselves never change). Used to
    decide whether a run's record of findings still holds; one ``for-each-ref`` call."""
    absolute = Path(os.path.abspath(root))
    dot_git = next(
        (f / ".git" for f in (absolute, *absolute.parents) if (f / ".git").exists()), None
    )
    if dot_git is None:
        return "no repository"
    located = _layout(dot_git)
    shallow = "unknown layout" if located is None else f"shallow {located[2]}"
    try:
        refs = _run([*_REFS[:1], _REFS_HEAD_FORMAT, *_REFS[2:]], absolute)
    except GitUnavailable as exc:
        return f"unavailable: {exc}"
    return f"{dot_git}\n{shallow}\n{refs}"


class GitRepository:
    """One work tree's repository. Build it with :meth:`open`."""

    def __init__(
        self, top: Path, git_dir: Path, shallow: bool, head_ref: str, cache: GitCache
    ) -> None:
        self.top = top
        self.git_dir = git_dir
        self.shallow = shallow
        self.head_ref = head_ref
        self.cache = cache
        self._refs: dict[str, str] | None = None
        self._remote_heads: dict[str, str] = {}
        self._resolved: dict[str, Resolved] = {}
        self.calls = 0

    @classmethod
    def open(cls, root: Path, cache_folder: Path | None = None) -> GitRepository:
        """The repository whose work tree holds ``root``; :class:`GitUnavailable` otherwise.

        With ``cache_folder``, what earlier runs learnt about commits is read from there.
        """
        if not root.is_dir():
            raise GitUnavailable(f"{root} is not a folder")
        absolute = root.resolve()
        dot_git = next(
            (f / ".git" for f in (absolute, *absolute.parents) if (f / ".git").exists()), None
        )
        if dot_git is None:
            raise GitUnavailable(f"{root} is not inside a git work tree")
        if shutil.which("git") is None:
            raise GitUnavailable("the git command is not installed")
        located = _layout(dot_git)
        if located is not None:
            # The usual layout (gitrepository-layout): one call reads the branches and HEAD.
            top, git_dir, shallow = located
            refs = _run([*_REFS[:1], _REFS_HEAD_FORMAT, *_REFS[2:]], absolute)
            head_ref = ""
            lines = []
            for line in refs.splitlines():
                mark, _, rest = line.partition("\0")
                if mark == "*":
                    head_ref = rest.split("\0", 1)[0]
                lines.append(rest)
            calls = 1
            refs = "\n".join(lines)
        else:
            parsed, refs = _together(
                [
                    "rev-parse",
                    "--is-inside-work-tree",
                    "--show-toplevel",
                    "--git-common-dir",
                    "--is-shallow-repository",
                    "--symbolic-full-name",
                    "HEAD",
                ],
                _REFS,
                root,
            )
            out = parsed.splitlines()
            if len(out) < 4 or out[0] != "true":
                raise GitUnavailable(f"{root} is not inside a git work tree")
            top = Path(out[1])
            git_dir = Path(out[2])
            if not git_dir.is_absolute():
                git_dir = (root / git_dir).resolve()
            shallow = out[3] == "true"
            head_ref = out[4] if len(out) > 4 else ""
            calls = 2
        cache = (
            GitCache.load(cache_folder, str(git_dir)) if cache_folder else GitCache(str(git_dir))
        )
        repo = cls(top, git_dir, shallow, head_ref, cache)
        repo.calls = calls
        repo._read_refs(refs)
        return repo

    def git(self, *args: str, data: str | None = None) -> str:
        self.calls += 1
        return _run(args, self.top, data)

    # -- refs --------------------------------------------------------------------------------
    def refs(self) -> dict[str, str]:
        """Every local and remote-tracking branch (full ref name) -> the commit it points at."""
        if self._refs is None:
            self._read_refs(self.git(*_REFS))
        assert self._refs is not None
        return self._refs

    def _read_refs(self, out: str) -> None:
        refs: dict[str, str] = {}
        for line in out.splitlines():
            parts = line.split("\0")
            if len(parts) != 3:
                continue
            name, sha, symref = parts
            if symref and name.endswith("/HEAD"):
                self._remote_heads[name] = symref
                continue
            refs[name] = sha
        self._refs = refs

    def integration_branch(self, configured: str | None) -> tuple[str, str] | None:
        """``(name, tip)`` of the integration branch, or ``None`` when it cannot be found.

        ``configured`` (a branch name, ``origin/main``, or a full ref) wins; else the branch
        the remote's HEAD names, else ``main``, else the current branch.
        """
        refs = self.refs()

        def lookup(name: str) -> tuple[str, str] | None:
            for full in (name, f"refs/heads/{name}", f"refs/remotes/{name}"):
                if full in refs:
                    return (name, refs[full])
            return None

        if configured:
            return lookup(configured)
        for symref in sorted(self._remote_heads.values()):
            remote_branch = symref.removeprefix("refs/remotes/")
            local = remote_branch.split("/", 1)[-1]
            found = lookup(local) or lookup(remote_branch)
            if found:
                return found
        found = lookup("main")
        if found:
            return found
        if self.head_ref.startswith("refs/heads/"):
            return lookup(self.head_ref.removeprefix("refs/heads/"))
        return None

    # -- commits -------------------------------------------------------------------------------
    def resolve(self, ids: Iterable[str]) -> dict[str, Resolved]:
        """What each written id names, in one ``cat-file --batch-check`` call for the new ones."""
        given = [i.strip().lower() for i in ids if i.strip()]
        wanted = sorted(set(given) - set(self._resolved))
        unknown: list[str] = []
        for text in wanted:
            sha = self.cache.resolved.get(text)
            if sha is not None:
                self._resolved[text] = Resolved(text, sha, "commit")
            else:
                unknown.append(text)
        if unknown:
            # "<id>^{commit}" names the commit even where a blob shares the prefix; where it
            # names nothing, the bare "<id>" tells an ambiguous prefix from a missing one.
            query = "".join(f"{t}^{{commit}}\n{t}\n" for t in unknown)
            lines = self.git("cat-file", "--batch-check", data=query).splitlines()
            for number, text in enumerate(unknown):
                peeled = lines[2 * number].split() if 2 * number < len(lines) else []
                bare = lines[2 * number + 1].split() if 2 * number + 1 < len(lines) else []
                if len(peeled) >= 2 and peeled[1] == "commit" and _FULL.fullmatch(peeled[0]):
                    self._resolved[text] = Resolved(text, peeled[0], "commit")
                    self.cache.remember_resolved(text, peeled[0])
                elif bare and bare[-1] == "ambiguous":
                    self._resolved[text] = Resolved(text, None, "ambiguous")
                else:
                    self._resolved[text] = Resolved(text, None, "missing")
        return {text: self._resolved[text] for text in given}

    def changed_files(self, shas: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The files each commit changed against its first parent (a merge: none)."""
        result: dict[str, tuple[str, ...]] = {}
        unknown: list[str] = []
        for sha in dict.fromkeys(shas):
            cached = self.cache.files.get(sha)
            if cached is not None:
                result[sha] = cached
            else:
                unknown.append(sha)
        if unknown:
            out = self.git(
                "diff-tree",
                "--stdin",
                "-r",
                "--name-only",
                "--root",
                "--no-renames",
                "-z",
                "--format=%x01%H",
                data="".join(f"{s}\n" for s in unknown),
            )
            found: dict[str, tuple[str, ...]] = {}
            for chunk in out.split("\x01")[1:]:
                head, _, rest = chunk.partition("\0")
                names = tuple(n for n in rest.lstrip("\n").split("\0") if n)
                found[head.strip()] = names
            for sha in unknown:
                files = found.get(sha, ())
                result[sha] = files
                self.cache.remember_files(sha, files)
        return result

    def branch(self, name: str, tip: str) -> Branch:
        """The history of the integration branch, from the cache where its tip is known."""
        kept = self.cache.history(tip)
        if kept is not None:
            return Branch(name, tip, kept[0], kept[1])
        parents: dict[str, str] = {}
        base = self.cache.history_tip
        known = self.cache.history(base) if base else None
        args = ["rev-list", "--parents", tip]
        if known is not None and base and self.is_ancestor_git(base, tip):
            args.append(f"^{base}")
            parents.update(known[0])
        for line in self.git(*args).splitlines():
            sha, _, rest = line.partition(" ")
            if sha:
                parents[sha] = rest
        result = Branch(name, tip, parents)
        _order(result)
        self.cache.remember_history(tip, parents, result.reached)
        return result

    def is_ancestor_git(self, ancestor: str, descendant: str) -> bool:
        try:
            self.git("merge-base", "--is-ancestor", ancestor, descendant)
        except GitUnavailable:
            return False
        return True

    def ancestors(self, sha: str, limit: int = 200_000) -> set[str]:
        """Every commit reachable from ``sha`` (itself included)."""
        out = self.git("rev-list", f"--max-count={limit}", sha)
        return set(out.split())

    def has_equivalent(self, upstream: str, downstream: str) -> bool:
        """Whether ``downstream``'s history holds ``upstream`` or a commit with the same patch
        (the upstream commit rebased or cherry-picked)."""
        try:
            out = self.git("cherry", downstream, upstream, f"{upstream}~1")
        except GitUnavailable:
            return False
        return any(line.startswith("-") for line in out.splitlines())

    def patch_ids(self, shas: Sequence[str]) -> dict[str, str]:
        """``git patch-id --stable`` of each commit (a rebased commit keeps its patch id)."""
        if not shas:
            return {}
        diff = self.git("diff-tree", "--stdin", "-p", "--root", data="\n".join(shas) + "\n")
        found: dict[str, str] = {}
        for line in self.git("patch-id", "--stable", data=diff).splitlines():
            parts = line.split()
            if len(parts) == 2:
                found[parts[1]] = parts[0]
        return found

    def save(self, cache_folder: Path) -> None:
        """Keep what this run learnt (silently skipped where the folder cannot be written)."""
        self.cache.save(cache_folder)


def _order(branch: Branch) -> None:
    """Fill ``reached``: walk the first-parent chain from the oldest commit and give every
    commit the position of the mainline commit that first made it reachable."""
    chain: list[str] = []
    seen: set[str] = set()
    parents = branch.raw_parents
    current: str | None = branch.tip
    while current is not None and current in parents and current not in seen:
        seen.add(current)
        chain.append(current)
        raw = parents[current]
        current = raw.split(" ", 1)[0] if raw else None
    chain.reverse()
    reached = branch.reached
    for position, commit in enumerate(chain):
        stack = [commit]
        while stack:
            sha = stack.pop()
            if sha in reached:
                continue
            reached[sha] = position
            above = parents.get(sha)
            if above:
                stack.extend(p for p in above.split() if p not in reached)
