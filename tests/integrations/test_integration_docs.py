"""Docs a user can reach: ``explain`` by code, name and prefix, rule pages complete in
themselves, the generated ``docs/rules/`` pages kept current, and the protocol summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lanelint.linter.report.rule_pages import INDEX, expected_pages, stale_pages
from lanelint.rules import all_rules
from tests.conftest import REPO, run_cli

DOCS = REPO / "docs"
REGENERATE = "lanelint rules --write-docs docs/rules"
#: Files of the reference folder, which does not ship: a rule page never points at them.
_UNSHIPPED = re.compile(r"\b(FORMATS|PARALLEL_DELIVERY_PROTOCOL)\.md\b|\bshared/")


def test_explain_by_name_prints_the_rule_page() -> None:
    by_name = run_cli(["explain", "lane-file-overlap"])
    assert by_name.exit_code == 0
    assert by_name.stdout == run_cli(["explain", "PDP501"]).stdout
    assert by_name.stdout.startswith("# PDP501 lane-file-overlap\n")


def test_explain_a_prefix_lists_its_rules() -> None:
    result = run_cli(["explain", "PDP5"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("PDP")]
    assert listed == [r.code for r in all_rules() if r.code.startswith("PDP5")]
    assert len(listed) >= 3
    assert "## What it does" not in result.stdout
    ten = run_cli(["explain", "pdp10"]).stdout
    assert [line.split()[0] for line in ten.splitlines() if line.startswith("PDP")] == [
        "PDP1001",
        "PDP1002",
    ]


def test_explain_suggests_a_close_name() -> None:
    result = run_cli(["explain", "lane-file-overlop"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "did you mean 'lane-file-overlap'?" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_rule_docs_are_complete_in_themselves(rule: object) -> None:
    docs = rule.docs  # type: ignore[attr-defined]
    assert not _UNSHIPPED.search(docs), f"{rule.code} points at a file that is not shipped"  # type: ignore[attr-defined]


def test_role_spelling_rules_list_every_accepted_spelling() -> None:
    from lanelint.linter.protocol.roles import ROLE_ALIASES

    for code in ("PDP309", "PDP409"):
        page = " ".join(run_cli(["explain", code]).stdout.split())
        for canonical, aliases in ROLE_ALIASES.items():
            assert canonical in page, (code, canonical)
            for alias in aliases:
                assert f"`{alias}`" in page, (code, alias)


def test_rule_pages_in_the_repository_are_current() -> None:
    stale = stale_pages(DOCS / "rules")
    assert stale == [], f"rule pages are stale: {stale}; run `{REGENERATE}`"


def test_write_docs_writes_every_page_and_removes_old_ones(tmp_path: Path) -> None:
    target = tmp_path / "rules"
    target.mkdir()
    (target / "PDP999.md").write_text("# a rule that no longer exists\n", "utf-8")
    (target / "notes.txt").write_text("kept\n", "utf-8")
    result = run_cli(["rules", "--write-docs", str(target)])
    assert result.exit_code == 0
    pages = expected_pages()
    assert sorted(p.name for p in target.glob("*.md")) == sorted(pages)
    assert (target / "notes.txt").exists()
    assert stale_pages(target) == []
    again = run_cli(["rules", "--write-docs", str(target)])
    assert again.stderr.endswith("0 of the rule pages changed\n")
    (target / "PDP501.md").write_text("old\n", "utf-8")
    assert stale_pages(target) == ["PDP501.md"]


def test_the_index_links_every_rule_page() -> None:
    index = expected_pages()[INDEX]
    for rule in all_rules():
        assert f"[`{rule.code}`]({rule.code}.md)" in index
    assert REGENERATE in index


def test_the_protocol_page_names_every_section_and_every_code() -> None:
    text = (DOCS / "protocol.md").read_text("utf-8")
    for section in range(1, 11):
        assert re.search(rf"^## §{section} ", text, re.M), section
    for rule in all_rules():
        mentioned = rule.code in text or _in_a_range(rule.code, text)
        assert mentioned, rule.code


def _in_a_range(code: str, text: str) -> bool:
    """``PDP302`` is covered by ``PDP301``–``PDP306``."""
    prefix = code.rstrip("0123456789")
    number = int(code[len(prefix) :])
    for low, high in re.findall(rf"`{prefix}(\d+)`–`{prefix}(\d+)`", text):
        if int(low) <= number <= int(high):
            return True
    return False


def test_the_protocol_page_is_in_lanelints_own_words() -> None:
    from tests.conftest import shared_path

    protocol = shared_path("protocol", "PARALLEL_DELIVERY_PROTOCOL.md").read_text("utf-8")
    ours = " ".join((DOCS / "protocol.md").read_text("utf-8").split()).lower()
    sentences = [
        " ".join(s.split()).lower()
        for s in re.split(r"[.\n]", protocol)
        if len(s.split()) >= 8 and "`" not in s
    ]
    copied = [s for s in sentences if s.strip("- *") in ours]
    assert copied == []
