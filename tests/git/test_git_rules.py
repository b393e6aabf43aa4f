"""The ledger against git: each rule fires on a real repository, and stays silent on the
right one. Repositories are built with real ``git`` commits in ``tmp_path``."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.git.gitrepo import Repo, board, found, lint

SA, EA, QA = "System Analyst", "Executive Assistant", "QA/SET"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    project = Repo(tmp_path / "project")
    project.commit("initial", {"README.txt": "project\n"})
    return project


def lane(letter: str, task: str, role: str, dep: str, files: str, status: str = "done") -> str:
    return f"| {letter} | `{task}` | {role} | {dep} | {files} | {status} |"


def row(commit: str, letter: str, task: str, verdict: str = "accepted") -> str:
    return f"| `{commit}` | {letter} | `{task}` | {verdict} | gate report |"


LANES = [
    lane("A", "T-1", SA, "none", "`docs/api.txt`"),
    lane("B", "T-2", EA, "hard(A)", "`src/api.py`"),
]


def two_lanes(repo: Repo) -> tuple[str, str]:
    """Lane A's commit, then lane B's on top of it, both on main."""
    a = repo.commit("lane A: api notes", {"docs/api.txt": "api\n"})
    b = repo.commit("lane B: api", {"src/api.py": "def api(): ...\n"})
    return a, b


# -- LL010 -------------------------------------------------------------------------------------


def test_outside_a_work_tree_gives_one_note_and_no_error(tmp_path: Path) -> None:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "board.md").write_text(
        board(LANES, [row("3f9c2a1", "A", "T-1"), row("8d41b7e", "B", "T-2")])
    )
    result = lint(tmp_path)
    notes = [d for d in result.diagnostics if d.code == "LL010"]
    assert len(notes) == 1
    assert notes[0].severity.name == "INFO"
    assert "not inside a git work tree" in notes[0].message
    assert not result.incomplete
    assert not [d for d in result.diagnostics if d.code.startswith(("PDP72", "PDP51", "PDP61"))]


def test_no_git_switches_the_checks_off_without_a_note(tmp_path: Path) -> None:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "board.md").write_text(board(LANES, [row("3f9c2a1", "A", "T-1")]))
    assert found(lint(tmp_path, git=False), "LL010") == []


def test_a_ledger_of_another_repository_is_not_judged(repo: Repo) -> None:
    repo.write("spec/board.md", board(LANES, [row("3f9c2a1", "A", "T-1")]))
    result = lint(repo.path)
    assert found(result, "LL010") == []
    assert found(result, "PDP720") == []


def test_a_shallow_clone_gives_the_note(repo: Repo, tmp_path: Path) -> None:
    a, _b = two_lanes(repo)
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone))
    (clone / "spec").mkdir()
    (clone / "spec" / "board.md").write_text(board(LANES, [row(a[:7], "A", "T-1")]))
    notes = found(lint(clone), "LL010")
    assert len(notes) == 1
    assert "shallow" in notes[0]


# -- PDP720, PDP721 ------------------------------------------------------------------------------


def test_accepted_commit_that_is_no_commit(repo: Repo) -> None:
    a, _b = two_lanes(repo)
    repo.write(
        "spec/board.md",
        board(LANES, [row(a[:7], "A", "T-1"), row("deadbee1", "B", "T-2")]),
    )
    assert found(lint(repo.path), "PDP720") == [
        "board.md:17 accepted commit 'deadbee1' is no commit of the repository"
    ]


def test_real_and_rejected_unknown_commits_stay_silent(repo: Repo) -> None:
    a, b = two_lanes(repo)
    rows = [row(a[:7], "A", "T-1"), row(b, "B", "T-2"), row("deadbee1", "B", "T-2", "rejected")]
    repo.write("spec/board.md", board(LANES, rows))
    assert found(lint(repo.path), "PDP720") == []


def _colliding_commits(repo: Repo) -> tuple[str, str]:
    """Write two commit objects whose ids share their first 7 hex digits; return the prefix
    and the full id of one of them."""
    tree = repo.git("hash-object", "-t", "tree", "--stdin", data="")
    seen: dict[str, str] = {}
    number = 0
    while True:
        body = (
            f"tree {tree}\nauthor A <a@e> 1700000000 +0000\n"
            f"committer A <a@e> 1700000000 +0000\n\nattempt {number}\n"
        )
        data = body.encode()
        sha = hashlib.sha1(b"commit %d\x00" % len(data) + data).hexdigest()
        prefix = sha[:7]
        if prefix in seen and seen[prefix] != body:
            for text in (seen[prefix], body):
                written = repo.git("hash-object", "-t", "commit", "-w", "--stdin", data=text)
                assert written.startswith(prefix)
            return prefix, written
        seen[prefix] = body
        number += 1


def test_ambiguous_commit_id(repo: Repo) -> None:
    a, _b = two_lanes(repo)
    prefix, _ = _colliding_commits(repo)
    repo.write(
        "spec/board.md",
        board(LANES, [row(a[:7], "A", "T-1"), row(prefix, "B", "T-2", "pending")]),
    )
    result = lint(repo.path)
    assert found(result, "PDP721") == [
        f"board.md:17 commit id '{prefix}' is ambiguous: several objects start with it"
    ]
    assert found(result, "PDP720") == []


def test_a_long_enough_id_is_not_ambiguous(repo: Repo) -> None:
    a, _b = two_lanes(repo)
    _, full = _colliding_commits(repo)
    repo.write(
        "spec/board.md",
        board(LANES, [row(a[:7], "A", "T-1"), row(full[:12], "B", "T-2", "pending")]),
    )
    assert found(lint(repo.path), "PDP721") == []


# -- PDP722 ------------------------------------------------------------------------------------


def test_commit_accepted_for_two_lanes(repo: Repo) -> None:
    a, _b = two_lanes(repo)
    repo.write("spec/board.md", board(LANES, [row(a[:7], "A", "T-1"), row(a, "B", "T-2")]))
    assert found(lint(repo.path), "PDP722") == [
        f"board.md:17 commit {a[:10]} is accepted here and for another lane (row '{a[:7]}')"
    ]


def test_same_commit_accepted_twice_for_one_lane_is_fine(repo: Repo) -> None:
    a, b = two_lanes(repo)
    rows = [row(a[:7], "A", "T-1"), row(a, "A", "T-1"), row(b, "B", "T-2")]
    repo.write("spec/board.md", board(LANES, rows))
    assert found(lint(repo.path), "PDP722") == []


# -- PDP723 ------------------------------------------------------------------------------------


def test_rejected_commit_on_the_integration_branch(repo: Repo) -> None:
    a, b = two_lanes(repo)
    repo.write(
        "spec/board.md", board(LANES, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2", "rejected")])
    )
    assert found(lint(repo.path), "PDP723") == [
        f"board.md:17 rejected commit {b[:10]} is on the integration branch 'main'"
    ]


def test_rejected_commit_off_the_branch_reverted_or_accepted_later_is_fine(repo: Repo) -> None:
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    repo.branch("lane-b")
    kept_off = repo.commit("lane B try 1", {"src/api.py": "1\n"})
    repo.checkout("main")
    merged = repo.commit("lane B try 2", {"src/api.py": "2\n"})
    repo.git("revert", "--no-edit", merged)
    resubmitted = repo.commit("lane B try 3", {"src/api.py": "3\n"})
    rows = [
        row(a[:7], "A", "T-1"),
        row(kept_off[:7], "B", "T-2", "rejected"),
        row(merged[:7], "B", "T-2", "rejected"),
        row(resubmitted[:7], "B", "T-2", "pending"),
        row(resubmitted[:7], "B", "T-2", "accepted"),
    ]
    repo.write("spec/board.md", board(LANES, rows))
    assert found(lint(repo.path), "PDP723") == []


def test_integration_branch_setting(repo: Repo) -> None:
    a, b = two_lanes(repo)
    repo.branch("release")
    repo.checkout("main")
    repo.git("reset", "-q", "--hard", a)
    rows = [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2", "pending")]
    repo.write("spec/board.md", board(LANES, rows))
    assert found(lint(repo.path), "PDP723") == []
    assert len(found(lint(repo.path, integration_branch="release"), "PDP723")) == 1


# -- PDP724 ------------------------------------------------------------------------------------


def test_integration_order_read_from_the_history(repo: Repo) -> None:
    repo.branch("lane-a")
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    repo.checkout("main")
    repo.branch("lane-b")
    b = repo.commit("lane B", {"src/api.py": "api\n"})
    repo.checkout("main")
    repo.merge("lane-b")
    repo.merge("lane-a")
    lanes = [LANES[0], lane("B", "T-2", EA, "none", "`src/api.py`")]
    repo.write("spec/board.md", board(lanes, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]))
    assert found(lint(repo.path), "PDP724") == [
        f"board.md:16 accepted requirements/architecture commit {a[:10]} reached 'main' after "
        f"implementation commit {b[:10]}"
    ]


def test_integration_order_kept_and_one_merge_are_fine(repo: Repo) -> None:
    repo.branch("lanes")
    b = repo.commit("lane B", {"src/api.py": "api\n"})
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    repo.checkout("main")
    repo.merge("lanes")
    lanes = [LANES[0], lane("B", "T-2", EA, "none", "`src/api.py`")]
    repo.write("spec/board.md", board(lanes, [row(b[:7], "B", "T-2"), row(a[:7], "A", "T-1")]))
    assert found(lint(repo.path), "PDP724") == []


# -- PDP610 ------------------------------------------------------------------------------------


def test_hard_dependency_not_in_the_downstream_history(repo: Repo) -> None:
    start = repo.git("rev-parse", "HEAD")
    repo.branch("lane-a")
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    repo.git("checkout", "-q", "-b", "lane-b", start)
    b = repo.commit("lane B", {"src/api.py": "api\n"})
    repo.write("spec/board.md", board(LANES, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]))
    assert found(lint(repo.path), "PDP610") == [
        f"board.md:17 accepted commit {b[:10]} of lane 'B' does not contain commit {a[:10]} "
        "accepted for its hard upstream lane 'A'"
    ]


def test_hard_dependency_in_history_or_rebased_copy_is_fine(repo: Repo) -> None:
    start = repo.git("rev-parse", "HEAD")
    repo.branch("lane-a")
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    repo.git("checkout", "-q", "-b", "lane-b", start)
    repo.git("cherry-pick", a)
    b = repo.commit("lane B", {"src/api.py": "api\n"})
    repo.write("spec/board.md", board(LANES, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]))
    assert found(lint(repo.path), "PDP610") == []
    repo.checkout("main")
    a2, b2 = two_lanes(repo)
    repo.write("spec/board.md", board(LANES, [row(a2[:7], "A", "T-1"), row(b2[:7], "B", "T-2")]))
    assert found(lint(repo.path), "PDP610") == []


# -- PDP510, PDP511, PDP512 ---------------------------------------------------------------------


def test_commit_outside_the_lane_files(repo: Repo) -> None:
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    b = repo.commit("lane B", {"src/api.py": "api\n", "src/db.py": "db\n"})
    repo.write("spec/board.md", board(LANES, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]))
    assert found(lint(repo.path), "PDP510") == [
        f"board.md:17 accepted commit {b[:10]} of lane 'B' changed 'src/db.py', outside the "
        "lane's declared files"
    ]


def test_commit_inside_globs_folders_and_own_gate_report_is_fine(repo: Repo) -> None:
    report = "# Gate report T-2\n"
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    b = repo.commit(
        "lane B",
        {
            "src/api/handlers.py": "x\n",
            "src/api/v2/more.py": "y\n",
            "spec/gate_report_T-2.md": report,
        },
    )
    lanes = [LANES[0], lane("B", "T-2", EA, "hard(A)", "`src/api/`")]
    repo.write("spec/board.md", board(lanes, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]))
    assert found(lint(repo.path), "PDP510") == []


def test_a_lane_updating_its_workboard_row_is_fine(repo: Repo) -> None:
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    repo.write("spec/board.md", "draft\n")
    b = repo.commit("lane B", {"src/api.py": "api\n"})
    repo.write("spec/board.md", board(LANES, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]))
    assert "spec/board.md" in repo.git("show", "--name-only", "--format=", b)
    assert found(lint(repo.path), "PDP510") == []


def parallel(repo: Repo, a_files: dict[str, str], b_files: dict[str, str]) -> tuple[str, str]:
    """Lane A's commit on main and lane B's on a branch from the same start: in parallel."""
    start = repo.git("rev-parse", "HEAD")
    a = repo.commit("lane A", a_files)
    repo.git("checkout", "-q", "-b", "lane-b", start)
    b = repo.commit("lane B", b_files)
    repo.checkout("main")
    return a, b


LOCKED_LANES = [
    lane("A", "T-1", SA, "none", "`docs/api.txt`, `AGENTS.md`"),
    lane("B", "T-2", EA, "soft(A)", "`src/api.py`, `AGENTS.md`"),
]


def test_commit_touches_a_file_locked_to_another_lane(repo: Repo) -> None:
    a, b = parallel(
        repo,
        {"AGENTS.md": "rules\n", "docs/api.txt": "x\n"},
        {"src/api.py": "api\n", "AGENTS.md": "rules 2\n"},
    )
    locks = "\n- Lock owner: `AGENTS.md` -> lane A\n"
    rows = [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]
    repo.write("spec/board.md", board(LOCKED_LANES, rows, locks))
    result = lint(repo.path)
    assert found(result, "PDP511") == [
        f"board.md:19 accepted commit {b[:10]} of lane 'B' changed 'AGENTS.md', locked to lane 'A'"
    ]
    assert found(result, "PDP512") == []
    override = locks + "- TL override: lane B may edit `AGENTS.md`\n"
    repo.write("spec/board.md", board(LOCKED_LANES, rows, override))
    assert found(lint(repo.path), "PDP511") == []


def test_a_locked_file_changed_after_the_owner_was_accepted_is_fine(repo: Repo) -> None:
    a = repo.commit("lane A", {"AGENTS.md": "rules\n", "docs/api.txt": "x\n"})
    b = repo.commit("lane B", {"src/api.py": "api\n", "AGENTS.md": "rules 2\n"})
    locks = "\n- Lock owner: `AGENTS.md` -> lane A\n"
    rows = [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]
    repo.write("spec/board.md", board(LOCKED_LANES, rows, locks))
    result = lint(repo.path)
    assert found(result, "PDP511") == []
    assert found(result, "PDP512") == []


def test_high_risk_file_changed_by_two_lanes_without_lock(repo: Repo) -> None:
    a, b = parallel(
        repo,
        {"AGENTS.md": "rules\n", "docs/api.txt": "x\n"},
        {"src/api.py": "api\n", "AGENTS.md": "rules 2\n"},
    )
    rows = [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]
    repo.write("spec/board.md", board(LOCKED_LANES, rows))
    assert found(lint(repo.path), "PDP512") == [
        "board.md:17 accepted commits of lanes 'A' and 'B' both changed high-risk file "
        "'AGENTS.md', which has no lock owner"
    ]


def test_high_risk_file_changed_by_one_lane_is_fine(repo: Repo) -> None:
    a = repo.commit("lane A", {"AGENTS.md": "rules\n", "docs/api.txt": "x\n"})
    b = repo.commit("lane B", {"src/api.py": "api\n"})
    lanes = [lane("A", "T-1", SA, "none", "`docs/api.txt`, `AGENTS.md`"), LANES[1]]
    repo.write("spec/board.md", board(lanes, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]))
    assert found(lint(repo.path), "PDP512") == []


# -- PDP810 ------------------------------------------------------------------------------------


def test_unaccounted_commit_during_the_batch(repo: Repo) -> None:
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    hotfix = repo.commit("hotfix", {"src/api.py": "fix\n"})
    repo.commit("another team", {"lib/other.py": "x\n"})
    b = repo.commit("lane B", {"src/api.py": "api\n"})
    repo.commit("after the batch", {"src/api.py": "later\n"})
    repo.write("spec/board.md", board(LANES, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]))
    assert found(lint(repo.path), "PDP810") == [
        f"board.md:17 commit {hotfix[:10]} reached 'main' during this batch and no ledger row "
        "accounts for it"
    ]


def test_merges_doc_commits_ranges_and_rebased_copies_are_accounted(repo: Repo) -> None:
    start = repo.git("rev-parse", "HEAD")
    repo.branch("lane-a")
    a = repo.commit("lane A", {"docs/api.txt": "api\n"})
    repo.checkout("main")
    repo.merge("lane-a")
    repo.commit("ledger update", {"spec/notes.md": "verdicts\n"})
    repo.git("checkout", "-q", "-b", "lane-c", start)
    c = repo.commit("lane C", {"tests/test_api.py": "t\n"})
    repo.checkout("main")
    repo.git("cherry-pick", c)
    repo.git("checkout", "-q", "-b", "lane-b", start)
    repo.commit("lane B 1", {"src/api.py": "1\n"})
    b_last = repo.commit("lane B 2", {"src/api.py": "2\n"})
    repo.checkout("main")
    repo.merge("lane-b")
    lanes = [*LANES, lane("C", "T-3", QA, "none", "`tests/`")]
    rows = [row(a[:7], "A", "T-1"), row(f"{start[:7]}..{b_last[:7]}", "B", "T-2")]
    repo.write("spec/board.md", board(lanes, [*rows, row(c[:7], "C", "T-3")]))
    assert found(lint(repo.path), "PDP810") == []
    # the same history without lane C's row: its cherry-picked copy is accounted for by nobody
    repo.write("spec/board.md", board(lanes, rows))
    copy = repo.git("log", "--format=%H", "-1", "--grep=lane C", "main")
    assert found(lint(repo.path), "PDP810") == [
        f"board.md:18 commit {copy[:10]} reached 'main' during this batch and no ledger row "
        "accounts for it"
    ]


# -- the integration branch by default --------------------------------------------------------


def test_the_remote_head_names_the_integration_branch(repo: Repo, tmp_path: Path) -> None:
    a, b = two_lanes(repo)
    repo.git("branch", "-q", "-m", "main", "trunk")
    repo.git("branch", "-q", "main", a)  # a stale 'main' that lacks lane B's commit
    clone = Repo.__new__(Repo)
    clone.path, clone._tick = tmp_path / "clone", 100
    repo.git("clone", "-q", "-b", "trunk", f"file://{repo.path}", str(clone.path))
    clone.git("remote", "set-head", "origin", "trunk")
    clone.git("checkout", "-q", "-b", "feature", a)  # the current branch lacks B's commit too
    rows = [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2", "rejected")]
    clone.write("spec/board.md", board(LANES, rows))
    assert found(lint(clone.path), "PDP723") == [
        f"board.md:17 rejected commit {b[:10]} is on the integration branch 'trunk'"
    ]


def test_the_git_cache_keeps_what_was_learnt(repo: Repo) -> None:
    a, _b = two_lanes(repo)
    repo.write("spec/board.md", board(LANES, [row(a[:7], "A", "T-1"), row("deadbee1", "B", "T-2")]))
    first = lint(repo.path, cache=True)
    cache = repo.path / ".lanelint_cache" / "git.msgpack"
    assert cache.is_file()
    assert (repo.path / ".lanelint_cache" / ".gitignore").is_file()
    second = lint(repo.path, cache=True)
    assert found(first, "PDP720") == found(second, "PDP720") != []
    cache.write_bytes(b"\x93not msgpack")
    assert found(lint(repo.path, cache=True), "PDP720") == found(first, "PDP720")


def test_a_broken_repository_gives_the_note_and_no_error(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "board.md").write_text(board(LANES, [row("3f9c2a1", "A", "T-1")]))
    result = lint(tmp_path)
    assert [d.code for d in result.diagnostics if d.code.startswith("LL")] == ["LL010"]
    assert not result.incomplete


def test_a_project_below_the_repository_top_reads_claims_from_either(repo: Repo) -> None:
    a = repo.commit("lane A", {"proj/docs/api.txt": "api\n"})
    b = repo.commit("lane B", {"proj/src/api.py": "api\n", "proj/src/db.py": "db\n"})
    lanes = [
        lane("A", "T-1", SA, "none", "`docs/api.txt`"),
        lane("B", "T-2", EA, "hard(A)", "`src/api.py`"),
    ]
    repo.write("proj/spec/board.md", board(lanes, [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2")]))
    assert found(lint(repo.path / "proj"), "PDP510") == [
        f"board.md:17 accepted commit {b[:10]} of lane 'B' changed 'proj/src/db.py', outside "
        "the lane's declared files"
    ]


def test_a_ledger_mostly_of_another_repository_is_not_judged(repo: Repo) -> None:
    a, _b = two_lanes(repo)
    rows = [row(a[:7], "A", "T-1"), row("deadbee1", "B", "T-2"), row("c0ffee12", "B", "T-2")]
    repo.write("spec/board.md", board(LANES, rows))
    assert found(lint(repo.path), "PDP720") == []


def test_a_linked_work_tree_reads_the_common_repository(repo: Repo, tmp_path: Path) -> None:
    a, b = two_lanes(repo)
    other = tmp_path / "linked"
    repo.git("worktree", "add", "-q", "-b", "lane-work", str(other), a)
    (other / "spec").mkdir()
    rows = [row(a[:7], "A", "T-1"), row(b[:7], "B", "T-2", "rejected")]
    (other / "spec" / "board.md").write_text(board(LANES, rows))
    result = lint(other)
    assert found(result, "LL010") == []
    assert found(result, "PDP723") == [
        f"board.md:17 rejected commit {b[:10]} is on the integration branch 'main'"
    ]
