"""The content cache: reused when nothing changed, invalidated by every input it depends on.

Each run here first removes the run record (the findings of the last whole run, tested in
``test_run_record.py``), so that it consults the content cache's shards.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from lanelint.cli import cli
from lanelint.linter.engine.config import load_config
from lanelint.linter.engine.passes import DocumentResult, RunSettings
from lanelint.linter.run import cache, keys, parallel, record
from lanelint.linter.run.api import lint_paths
from lanelint.linter.run.keys import CACHE_DIR
from tests.conftest import EXAMPLES, run_cli
from tests.performance.conftest import MakeProject

DISPATCH = """\
# Dispatch B-7

**Owner:** Technical Lead

| Lane | Task ID | Role | Dependency | Locked files | Status | Acceptance checks |
|---|---|---|---|---|---|---|
| A | `PLAN-001` | System Analyst | none | `docs/plan.md` | active | `pytest -q` |
| B | `PLAN-002` | Executive Assistant | hard(A) | `apps/x/models.py` | active | `pytest -q` |
| C | `PLAN-003` | QA/SET | soft(B) | `apps/x/tests/*` | active | `pytest -q` |
| D | `PLAN-004` | DevOps/SRE | none | `ops/deploy.yml` | active | `pytest -q` |
| E | `PLAN-005` | Scrum Master | none | `docs/board.md` | active | `pytest -q` |
"""

REPORT = """\
# Gate Report: PLAN-001

## 1) Role confirmation

Acting as System Analyst.

## 2) Decisions

- <placeholder>
"""


class Counter:
    """Records which documents the per-document phase actually ran on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        original = parallel.check_bytes

        def counting(path: str, data: bytes, settings: RunSettings) -> DocumentResult:
            self.paths.append(path)
            return original(path, data, settings)

        monkeypatch.setattr(parallel, "check_bytes", counting)

    def take(self) -> list[str]:
        found, self.paths = sorted(self.paths), []
        return found


@pytest.fixture
def project(make_project: MakeProject) -> Path:
    return make_project(
        "max-active-lanes = 4\n", {"spec/dispatch.md": DISPATCH, "spec/gate_report_plan.md": REPORT}
    )


def lint(project: Path, use_cache: bool = True) -> list[tuple[str, int, str, str]]:
    (project / CACHE_DIR / record.FILE_NAME).unlink(missing_ok=True)
    config = load_config([project / "spec"])
    result = lint_paths([Path("spec")], config=config, use_cache=use_cache)
    return [(d.path, d.line, d.code, d.message) for d in result.diagnostics]


def shards(project: Path) -> list[Path]:
    return sorted((project / CACHE_DIR).glob("shard-*.msgpack"))


def shard_entries(shard: Path) -> dict[str, list[object]]:
    data = msgspec.msgpack.decode(shard.read_bytes())
    assert data[0] == cache.FORMAT
    entries: dict[str, list[object]] = data[2]
    return entries


def test_unchanged_files_are_read_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter(monkeypatch)
    first = lint(project)
    assert counter.take() == ["spec/dispatch.md", "spec/gate_report_plan.md"]
    assert first, "the documents are meant to have findings"
    second = lint(project)
    assert counter.take() == []
    assert second == first
    ignore = (project / CACHE_DIR / ".gitignore").read_text("utf-8")
    assert ignore.splitlines()[-1] == "*"
    assert shards(project)
    for shard in shards(project):  # MessagePack data, never pickle
        assert shard_entries(shard)


def test_a_changed_file_is_checked_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = Counter(monkeypatch)
    before = lint(project)
    counter.take()
    report = project / "spec" / "gate_report_plan.md"
    report.write_text(REPORT.replace("<placeholder>", "the plan"), "utf-8")
    after = lint(project)
    assert counter.take() == ["spec/gate_report_plan.md"]
    assert after != before
    assert after == lint(project, use_cache=False)


def test_a_changed_configuration_invalidates_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter(monkeypatch)
    before = lint(project)
    counter.take()
    (project / "lanelint.toml").write_text("max-active-lanes = 5\n", "utf-8")
    after = lint(project)
    assert counter.take() == ["spec/dispatch.md", "spec/gate_report_plan.md"]
    assert after != before  # five active lanes are no longer too many
    assert after == lint(project, use_cache=False)


def test_another_lanelint_version_invalidates_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter(monkeypatch)
    lint(project)
    counter.take()
    monkeypatch.setattr(keys, "__version__", "999.0.0")
    lint(project)
    assert counter.take() == ["spec/dispatch.md", "spec/gate_report_plan.md"]
    lint(project)
    assert counter.take() == []


@pytest.mark.parametrize(
    "damage",
    [
        b"not msgpack at all {",
        msgspec.msgpack.encode([1, "x", {}]),
        msgspec.msgpack.encode({"format": 2, "key": "x", "entries": {}}),
        msgspec.msgpack.encode([cache.FORMAT, "another key", {"spec/a.md": ["d", b"x"]}]),
        msgspec.msgpack.encode([1, 2, 3]),
    ],
)
def test_a_corrupt_shard_is_ignored_and_rewritten(
    project: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    counter = Counter(monkeypatch)
    expected = lint(project)
    counter.take()
    for shard in shards(project):
        shard.write_bytes(damage)
    assert lint(project) == expected
    assert counter.take() == ["spec/dispatch.md", "spec/gate_report_plan.md"]
    for shard in shards(project):
        assert shard_entries(shard)
    lint(project)
    assert counter.take() == []


def test_a_corrupt_entry_is_recomputed_never_trusted(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter(monkeypatch)
    expected = lint(project)
    counter.take()
    for shard in shards(project):
        data = msgspec.msgpack.decode(shard.read_bytes())
        for entry in data[2].values():
            result = msgspec.msgpack.decode(entry[1])
            result["artifacts"] = {"__reduce__": "os.system"}  # artifacts of the wrong type
            result["diagnostics"] = [["PDP999", 3, "forged", "not a location"]]
            entry[1] = msgspec.msgpack.encode(result)
        shard.write_bytes(msgspec.msgpack.encode(data))
    assert lint(project) == expected
    assert counter.take() == ["spec/dispatch.md", "spec/gate_report_plan.md"]


def test_no_cache_neither_reads_nor_writes(project: Path) -> None:
    lint(project, use_cache=False)
    assert not (project / CACHE_DIR).exists()
    result = run_cli(["check", "spec", "--no-cache"], cwd=project)
    assert result.exit_code == 1
    assert not (project / CACHE_DIR).exists()


def test_check_writes_the_cache_and_clean_removes_it(project: Path) -> None:
    first = run_cli(["check", "spec", "--jobs", "1"], cwd=project)
    assert (project / CACHE_DIR).is_dir()
    second = run_cli(["check", "spec", "--jobs", "1"], cwd=project)
    assert (first.exit_code, first.output) == (second.exit_code, second.output)
    removed = run_cli(["clean"], cwd=project)
    assert removed.exit_code == 0
    assert removed.output.strip() == f"removed {project.resolve() / CACHE_DIR}"
    assert not (project / CACHE_DIR).exists()
    again = run_cli(["clean"], cwd=project)
    assert again.exit_code == 0
    assert again.output.startswith("no cache to remove")


def test_the_examples_give_the_same_report_cold_and_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    if not EXAMPLES.is_dir():
        pytest.skip("examples/spec is absent")
    shutil.copytree(EXAMPLES, tmp_path / "spec")
    monkeypatch.chdir(tmp_path)
    cold = run_cli(["check", "spec", "--format", "json", "--no-cache"])
    for _ in range(2):
        warm = run_cli(["check", "spec", "--format", "json"])
        assert warm.output == cold.output
        assert warm.exit_code == cold.exit_code
    assert cli is not None


def test_a_replaced_rule_check_is_a_new_key(project: Path) -> None:
    from dataclasses import replace

    from lanelint.linter.run.api import make_settings

    settings = make_settings(load_config([project / "spec"]))
    first = settings.rules[0]
    swapped = replace(first, check=lambda context: iter(()))
    changed = replace(settings, rules=(swapped, *settings.rules[1:]))
    assert cache.cache_key(changed) != cache.cache_key(settings)
    assert cache.cache_key(make_settings(load_config([project / "spec"]))) == cache.cache_key(
        settings
    )


def test_stdin_check_reads_the_other_documents_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = Counter(monkeypatch)
    buffer = REPORT.replace("<placeholder>", "the plan")
    args = ["check", "--stdin-filename", "spec/gate_report_plan.md", "-"]
    cold = run_cli([*args, "--no-cache"], cwd=project, input=buffer)
    assert counter.take() == ["spec/dispatch.md"]
    assert not (project / CACHE_DIR).exists()
    run_cli(args, cwd=project, input=buffer)
    assert counter.take() == ["spec/dispatch.md"]
    warm = run_cli(args, cwd=project, input=buffer)
    assert counter.take() == []
    assert (warm.exit_code, warm.output) == (cold.exit_code, cold.output)


def test_an_edited_team_template_is_a_new_key(project: Path) -> None:
    """PDP001 reads the placeholders of the team's templates: editing one must not leave
    cached results that were judged against the old template."""
    from lanelint.linter.run.api import make_settings

    templates = project / "spec" / "templates"
    templates.mkdir(parents=True)
    template = templates / "review.md"
    template.write_text("# Review\n\n- Reviewer: <reviewer>\n", "utf-8")
    before = cache.cache_key(make_settings(load_config([project / "spec"])))
    template.write_text("# Review\n\n- Reviewer: <reviewer>\n- Outcome: <outcome>\n", "utf-8")
    after = cache.cache_key(make_settings(load_config([project / "spec"])))
    assert after != before
