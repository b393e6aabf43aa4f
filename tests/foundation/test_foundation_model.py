"""The document model keeps a line (and column) for everything the rules point at."""

from __future__ import annotations

from tests.foundation.foundation_docs import model

TEXT = """# Batch B-7

Intro with `spec/intro.md` and a comment <!-- note -->.

## Lanes

| Lane | Task | Role | Files |
|:---|---|---|---|
| A | `T-1` | SA | `spec/a.md`, `spec/b.md` |
|B|T-2|EA|`src/c.py`|

### Notes

- first item with `code`
  - nested item
- Key: value

## Stamp

```text
PREFLIGHT STAMP
Role: TL
```

<!--
multi-line comment
-->
"""


def test_sections_form_a_tree_with_line_ranges() -> None:
    document, _ = model(TEXT)
    root = document.root
    assert [s.title for s in root.children] == ["Batch B-7"]
    batch = root.children[0]
    assert [(s.title, s.level, s.line, s.end_line) for s in batch.children] == [
        ("Lanes", 2, 5, 17),
        ("Stamp", 2, 18, 27),
    ]
    notes = batch.children[0].children[0]
    assert (notes.title, notes.level, notes.line, notes.end_line) == ("Notes", 3, 12, 17)
    assert [h.text for h in document.headings] == ["Batch B-7", "Lanes", "Notes", "Stamp"]
    assert document.title is not None
    assert document.title.line == 1
    assert all(section.has_content() for section in batch.walk())


def test_table_cells_keep_their_line_and_column() -> None:
    document, _ = model(TEXT)
    (table,) = document.tables
    assert (table.line, table.end_line, table.section) == (7, 10, "Lanes")
    assert [(c.text, c.line, c.column) for c in table.header] == [
        ("Lane", 7, 3),
        ("Task", 7, 10),
        ("Role", 7, 17),
        ("Files", 7, 24),
    ]
    first, second = table.rows
    assert first.line == 9
    assert [(c.text, c.column) for c in first.cells] == [
        ("A", 3),
        ("`T-1`", 7),
        ("SA", 15),
        ("`spec/a.md`, `spec/b.md`", 20),
    ]
    assert second.line == 10
    assert [(c.text, c.column) for c in second.cells] == [
        ("B", 2),
        ("T-2", 4),
        ("EA", 8),
        ("`src/c.py`", 11),
    ]


def test_code_spans_keep_their_line_and_column() -> None:
    document, _ = model(TEXT)
    spans = [(s.text, s.line, s.column) for s in document.code_spans]
    assert spans == [
        ("spec/intro.md", 3, 13),
        ("T-1", 9, 8),
        ("spec/a.md", 9, 21),
        ("spec/b.md", 9, 34),
        ("src/c.py", 10, 12),
        ("code", 14, 20),
    ]
    for span in document.code_spans:
        line = document.line_text(span.line)
        assert line[span.column - 1 : span.column - 1 + len(span.text)] == span.text


def test_lane_file_claims_point_into_their_cell() -> None:
    document, artifacts = model(TEXT)
    (plan,) = artifacts.lane_plans
    claims = [(c.path, c.line) for lane in plan.lanes for c in lane.files]
    assert claims == [("spec/a.md", 9), ("spec/b.md", 9), ("src/c.py", 10)]
    for lane in plan.lanes:
        for claim in lane.files:
            assert claim.path in document.line_text(claim.line)[claim.column - 1 :]


def test_fences_list_items_meta_and_comments() -> None:
    document, _ = model(TEXT)
    (fence,) = document.fences
    assert (fence.info, fence.line, fence.end_line) == ("text", 20, 23)
    assert fence.text == "PREFLIGHT STAMP\nRole: TL\n"
    items = [(i.text, i.line, i.depth, i.section) for i in document.list_items]
    assert items == [
        ("first item with code", 14, 0, "Notes"),
        ("nested item", 15, 1, "Notes"),
        ("Key: value", 16, 0, "Notes"),
    ]
    assert [(m.key, m.value, m.line, m.style) for m in document.meta] == [
        ("Key", "value", 16, "list")
    ]
    comments = [(c.text.strip(), c.line, c.end_line, c.column) for c in document.comments]
    assert comments == [("note", 3, 3, 42), ("multi-line comment", 25, 27, 1)]


def test_an_empty_document() -> None:
    document, artifacts = model("")
    assert document.lines == []
    assert document.headings == []
    assert document.tables == []
    assert document.root.end_line == 1
    assert artifacts.kinds == []
    assert document.line_text(1) == ""


def test_a_heading_only_section_has_no_content() -> None:
    document, _ = model("# Title\n\n## Empty\n\n## Full\n\ntext\n")
    empty, full = document.root.children[0].children
    assert not empty.has_content()
    assert full.has_content()


def test_yaml_front_matter_is_skipped_and_lines_are_kept() -> None:
    text = "---\ntitle: Exporter gate\nowner: TL\n---\n\n# Gate Report: T-2\n\n## Decisions\n\nx\n"
    document, artifacts = model(text)
    assert document.title is not None
    assert (document.title.text, document.title.line) == ("Gate Report: T-2", 6)
    assert artifacts.gate_report is not None
    assert document.line_text(2) == "title: Exporter gate"


def test_a_thematic_break_at_the_top_is_not_front_matter() -> None:
    document, _ = model("---\n\n# Title\n\n---\n")
    assert [h.text for h in document.headings] == ["Title"]


def test_a_table_in_a_block_quote_keeps_its_columns() -> None:
    text = "# B\n\n> | Lane | Owner |\n> |---|---|\n> | A | System Analyst |\n"
    document, artifacts = model(text)
    (row,) = document.tables[0].rows
    assert [(c.text, c.column) for c in row.cells] == [("A", 5), ("System Analyst", 9)]
    assert artifacts.lane_plans[0].lanes[0].owners == ("System Analyst",)
