"""The writing-styles suite's case format and runner.

A case is a small project: a base (the bundled clean example, or an empty project) with some
files added or replaced, one rule code, and whether that rule must fire. The runner lints the
whole project, as a user would, and checks precision as well as recall:

* ``fires=False``: the project gives no finding at all (``only=True``) or none of ``code``.
* ``fires=True``: exactly one finding of ``code`` (at ``line`` of ``path`` when given) and, with
  ``only=True``, no other finding anywhere: one mistake, one finding, no cascade.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lanelint.linter.engine.config import Config, load_config
from lanelint.linter.run.api import LintResult, lint_paths

REPO = Path(__file__).resolve().parents[2]
BASES = {"clean": REPO / "examples" / "spec" / "clean"}


@dataclass(frozen=True)
class Case:
    """One writing style: a project, a rule, fire or stay silent."""

    id: str
    code: str
    fires: bool
    files: dict[str, str]
    base: str | None = None
    #: The file and 1-based line the finding must be at (``fires=True`` only).
    path: str | None = None
    line: int | None = None
    #: Whether the project must give no other finding than the expected one.
    only: bool = True
    #: Files of the base to delete before the overlay is written.
    remove: tuple[str, ...] = field(default=())


def build(case: Case, folder: Path) -> Path:
    """Lay the case's project out in ``folder`` and return it."""
    if case.base is not None:
        ignore = shutil.ignore_patterns(".lanelint_cache")
        shutil.copytree(BASES[case.base], folder, dirs_exist_ok=True, ignore=ignore)
    for name in case.remove:
        (folder / name).unlink()
    for name, text in case.files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder


def lint(folder: Path) -> LintResult:
    if (folder / "lanelint.toml").is_file():
        config = load_config([folder], explicit=folder / "lanelint.toml")
    else:
        config = Config(root=folder.resolve())
    # the cases are folders, not repositories: the git checks (and their LL010 note) are off
    return lint_paths([folder], config=config.with_overrides(cache=False, git=False))


def describe(result: LintResult) -> list[str]:
    return [
        f"{d.path}:{d.location.line}:{d.location.column}: {d.code} {d.message}"
        for d in result.diagnostics
    ]


def check(case: Case, folder: Path) -> None:
    """Assert the case's expectation on the project laid out in ``folder``."""
    result = lint(build(case, folder))
    found = describe(result)
    hits = [d for d in result.diagnostics if d.code == case.code]
    others = [d for d in result.diagnostics if d.code != case.code]
    if not case.fires:
        assert not hits, f"{case.id}: {case.code} must stay silent, got:\n" + "\n".join(found)
    else:
        assert len(hits) == 1, f"{case.id}: {case.code} must fire once, got:\n" + "\n".join(found)
        hit = hits[0]
        if case.path is not None:
            assert Path(hit.path).as_posix().endswith(case.path), f"{case.id}: {found}"
        if case.line is not None:
            assert hit.location.line == case.line, f"{case.id}: expected line {case.line}: {found}"
    if case.only:
        assert not others, f"{case.id}: unexpected other findings:\n" + "\n".join(found)
