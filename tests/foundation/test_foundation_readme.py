"""The README stays true: every rule in its table, every key documented, the commands real."""

from __future__ import annotations

import re

from lanelint.linter.engine.config import KEYS
from lanelint.linter.report.rule_pages import rule_table
from lanelint.rules import all_rules
from tests.conftest import REPO

README = (REPO / "README.md").read_text("utf-8")
ROW_CODE = re.compile(r"^\|\s*`?((?:PDP|LL)\d{3,4})`?\s*\|", re.MULTILINE)


def _section(title: str) -> str:
    match = re.search(rf"^## {title}\n(.*?)(?=^## |\Z)", README, re.MULTILINE | re.DOTALL)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def _commands(section: str) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_every_registered_rule_has_a_row_in_the_rule_table() -> None:
    listed = ROW_CODE.findall(_section("Rules"))
    missing = [rule.code for rule in all_rules() if rule.code not in listed]
    assert not missing, f"add README rule table rows for {missing}"
    assert len(listed) == len(set(listed)), "a code is listed twice"


def test_the_rule_table_is_the_generated_one() -> None:
    """The README's rule table is what the registry gives, word for word: regenerate it with
    `lanelint rules --format markdown` when a rule is added or its summary changes."""
    section = _section("Rules")
    start = section.index("| Code | Name | Severity | Section | Summary |")
    end = section.find("\n\n", start)
    table = section[start : end + 1 if end >= 0 else len(section)]
    assert table == rule_table(all_rules()), "README rule table is stale"


def test_a_rule_summary_is_its_whole_first_paragraph() -> None:
    """A summary that wraps over two docstring lines is not cut at the first line."""
    wrapped = [r for r in all_rules() if "\n" in r.docs.split("\n\n", 1)[0]]
    for rule in wrapped:
        assert rule.summary.endswith("."), (rule.code, rule.summary)


def test_every_configuration_key_is_documented() -> None:
    section = _section("Configuration")
    missing = [key for key in KEYS if f"`{key}`" not in section]
    assert not missing, f"document the configuration keys {missing}"


def test_quickstart_has_exactly_two_commands() -> None:
    first, second = _commands(_section("Quickstart"))
    assert first == "python -m pip install . && lanelint check examples/spec/seeded"
    assert second.startswith("python -m pip install -e '.[test]' && ")


def test_ci_runs_the_readme_test_command() -> None:
    _, second = _commands(_section("Quickstart"))
    test_command = second.split(" && ", 1)[1]
    script = (REPO / ".ci" / "run").read_text("utf-8")
    assert test_command in script
    for tool in ("ruff check .", "ruff format --check .", "mypy"):
        assert tool in script
