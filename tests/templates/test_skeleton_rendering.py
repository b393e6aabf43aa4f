"""Every built-in template, rendered with all values and with none, is a snapshot."""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion

from lanelint.linter.skeletons import KINDS, render_skeleton
from lanelint.linter.skeletons.normalize import normalize
from tests.templates._skeleton_support import ALL_VALUES, NO_VALUES


@pytest.mark.parametrize("kind", list(KINDS))
def test_template_with_all_values(kind: str, snapshot: SnapshotAssertion) -> None:
    assert render_skeleton(KINDS[kind], ALL_VALUES) == snapshot


@pytest.mark.parametrize("kind", list(KINDS))
def test_template_with_no_values(kind: str, snapshot: SnapshotAssertion) -> None:
    assert render_skeleton(KINDS[kind], NO_VALUES) == snapshot


@pytest.mark.parametrize("kind", list(KINDS))
def test_output_is_byte_stable(kind: str) -> None:
    first = render_skeleton(KINDS[kind], ALL_VALUES)
    assert render_skeleton(KINDS[kind], ALL_VALUES) == first
    assert normalize(first) == first  # already normalised: mdformat changes nothing


def test_workboard_tables_stay_tables() -> None:
    text = render_skeleton(KINDS["workboard"], NO_VALUES)
    header = next(line for line in text.splitlines() if line.startswith("| Lane"))
    cells = [cell.strip() for cell in header.strip("|").split("|")]
    assert cells == [
        "Lane",
        "Task ID",
        "Role",
        "Dependency (`none/soft/hard`)",
        "Locked files",
        "Status",
        "Last update",
        "Acceptance checks",
    ]
    assert sum(line.startswith("| ---") for line in text.splitlines()) == 2


def test_shapes_match_the_reference_templates() -> None:
    """The fields, sections and table columns of the real team templates in ../shared, plus
    what the rules need of a filled document: the workboard's approved baseline and
    acceptance column (PDP406, PDP407), the stamp's ``Task:`` and ``Lane:`` (PDP307, PDP308)."""
    from tests.conftest import shared_path

    folder = shared_path("protocol", "templates")
    reference = (folder / "PARALLEL_WORKBOARD_TEMPLATE.md").read_text("utf-8")
    ours = render_skeleton(KINDS["workboard"], NO_VALUES)

    def shape(text: str) -> list[str]:
        out = []
        for line in text.splitlines():
            if line.startswith("## "):
                out.append(line)
            elif line.startswith("- ") and ":" in line.split("`")[0]:
                out.append(line.split(":")[0])
            elif line.startswith("| ") and line.split("|")[1].strip() in ("Lane", "Commit"):
                out.append("|".join(c.strip() for c in line.split("|")))
        return out

    expected = []
    for line in shape(reference):
        if line == "## Lanes":
            expected.append("## Approved baseline")
        if line.startswith("|Lane|Task ID|"):
            line = line[:-1] + "|Acceptance checks|"
        expected.append(line)
    assert shape(ours) == expected

    stamp_ref = (folder / "PREFLIGHT_STAMP_TEMPLATE.md").read_text("utf-8")
    stamp = render_skeleton(KINDS["preflight-stamp"], NO_VALUES)

    def keys(text: str) -> list[str]:
        block = text.split("```text", 1)[1].split("```", 1)[0]
        return [
            line.split(":")[0]
            for line in block.splitlines()
            if ":" in line and not line.startswith("-") and not line.startswith("Hard-fail")
        ]

    wanted = keys(stamp_ref)
    wanted[wanted.index("Timestamp") + 1 : wanted.index("Timestamp") + 1] = ["Task", "Lane"]
    assert keys(stamp) == wanted
