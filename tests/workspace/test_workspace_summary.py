"""Per-document summaries: what they keep, how they travel, and the batches a document declares."""

from __future__ import annotations

import msgspec
import pytest

from lanelint.linter.markdown.parse import parse_document
from lanelint.linter.protocol.artifacts.model import extract
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.workspace.summary import DocumentSummary, decode, encode, summarize
from tests.conftest import EXAMPLES

ROLES = RoleBook()
HEADER = "| Lane | Task | Role | Dependency | Files | Status |\n|---|---|---|---|---|---|\n"


def _summary(text: str, path: str = "spec/doc.md") -> DocumentSummary:
    document = parse_document(path, text)
    return summarize(extract(document, ROLES), document)


@pytest.mark.parametrize("folder", ["clean", "seeded"])
def test_every_example_summary_round_trips_through_msgpack_and_builtins(folder: str) -> None:
    paths = sorted((EXAMPLES / folder).rglob("*.md"))
    assert paths
    for path in paths:
        summary = _summary(path.read_bytes().decode("utf-8", "replace"), path.as_posix())
        assert decode(encode(summary)) == summary
        assert msgspec.convert(msgspec.to_builtins(summary), DocumentSummary) == summary


def test_a_corrupt_summary_raises_a_decode_error_not_anything_else() -> None:
    data = encode(
        _summary(
            "# Plan\n\n- Batch id: `B-1`\n\n"
            + HEADER
            + "| A | T-1 | SA | none | `a.md` | active |\n"
        )
    )
    with pytest.raises(msgspec.DecodeError):
        decode(data[: len(data) // 2])
    with pytest.raises(msgspec.ValidationError):
        decode(msgspec.msgpack.encode(["x", "not a bool"]))


def test_rows_keep_values_and_columns_not_cells() -> None:
    summary = _summary(HEADER + "| A | T-1 | System Analyst | hard(B) | `a.md`, `b/*` | active |\n")
    (plan,) = summary.plans
    (lane,) = plan.lanes
    assert (lane.id, lane.task, lane.status) == ("A", "T-1", "active")
    assert [claim.path for claim in lane.files] == ["a.md", "b/*"]
    assert lane.dependency is not None
    assert lane.dependency.upstream("hard") == ("B",)
    assert lane.column("lane") == 3
    assert lane.column("status") > lane.column("files") > 3
    assert lane.column("no such field") == 1
    assert "Cell" not in repr(summary)


def test_one_declaration_makes_the_whole_document_one_batch() -> None:
    text = "# Workboard\n\n## Batch metadata\n\n- Batch id: `B-7`\n\n## Lanes\n\n" + HEADER
    text += "| A | T-1 | SA | none | `a.md` | active |\n"
    summary = _summary(text)
    assert summary.batch == "B-7"
    assert [plan.batch for plan in summary.plans] == ["B-7"]
    assert summary.batch_ids == ("B-7",)


def test_batch_sections_make_several_batches_in_one_document() -> None:
    text = (
        "# Sprint 12 workboard\n\n## Batch B-1\n\n"
        + HEADER
        + "| A | T-1 | SA | none | `a.md` | active |\n\n## Batch B-2\n\n"
        + HEADER
        + "| A | T-2 | SA | none | `b.md` | active |\n\n## Notes\n\n- Batch id: B-3\n\n"
        + HEADER
        + "| C | T-3 | QA | none | `c.md` | active |\n"
    )
    summary = _summary(text)
    assert [plan.batch for plan in summary.plans] == ["B-1", "B-2", "B-3"]
    assert summary.batch_ids == ("B-1", "B-2", "B-3")


@pytest.mark.parametrize(
    "heading",
    ["Batch metadata", "Batch lanes", "Lanes of this batch", "Batching notes 2", "batch-3 fix"],
)
def test_a_heading_without_a_batch_id_declares_no_batch(heading: str) -> None:
    summary = _summary(
        f"# Plan\n\n## {heading}\n\n" + HEADER + "| A | T-1 | SA | none | `a.md` | active |\n"
    )
    assert summary.batch == ""
    assert [plan.batch for plan in summary.plans] == [""]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("Batch B-2", "B-2"), ("Batch: `B-7`", "B-7"), ("Workboard, batch 12", "12"),
     ("Batch id S3-B1 lanes", "S3-B1")],
)  # fmt: skip
def test_a_batch_heading_names_its_batch(heading: str, expected: str) -> None:
    summary = _summary(f"# {heading}\n\n" + HEADER + "| A | T-1 | SA | none | `a.md` | active |\n")
    assert [plan.batch for plan in summary.plans] == [expected]


def test_templates_summarise_to_nothing() -> None:
    summary = _summary(
        HEADER + "| A | <task> | <role> | none | `a.md` | active |\n",
        "spec/templates/X_TEMPLATE.md",
    )
    assert summary.is_template
    assert summary.plans == ()


def test_summaries_are_not_tracked_by_the_garbage_collector() -> None:
    import gc

    summary = _summary(HEADER + "| A | T-1 | System Analyst | none | `a.md` | active |\n")
    assert not gc.is_tracked(summary)
    assert not gc.is_tracked(summary.plans[0])
    assert not gc.is_tracked(summary.plans[0].lanes[0])
