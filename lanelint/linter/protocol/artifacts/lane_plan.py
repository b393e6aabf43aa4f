"""Lane plans (protocol sections 2, 4, 5, 6): tables of lanes with owners, tasks and files."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lanelint.linter.markdown.document import Cell, Document, Table
from lanelint.linter.protocol.artifacts.locks import LockAssignment, read_locks
from lanelint.linter.protocol.artifacts.tables import (
    BLANK_VALUES,
    column_map,
    is_blank,
    plain,
    unplaced_headers,
)
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.protocol.values import (
    is_emoji,
    path_core,
    read_value,
    split_items,
    status_state,
)
from lanelint.linter.protocol.vocabulary.dependencies import (
    DEPENDENCY_KINDS,
    HARD,
    SOFT,
    UPSTREAM_LINK_WORDS,
)
from lanelint.linter.protocol.vocabulary.headers import LANE_COLUMNS
from lanelint.linter.protocol.vocabulary.statuses import UNKNOWN

__all__ = ["DEPENDENCY_KINDS", "LANE_COLUMNS"]

_KINDS = "|".join(DEPENDENCY_KINDS)
_TERM = re.compile(rf"({_KINDS})[ \t]*(?:\(([^()]{{0,400}})\))?", re.IGNORECASE)
_TERM_GLUE = re.compile(r"[\s,;+]*(?:and[\s,;+]*)?", re.IGNORECASE)
_LANE_SPLIT = re.compile(r"[\s,;+/&]+")
#: ``hard: A``, ``hard on A, B``, ``soft after lane L1``: a kind, a link, upstream lanes.
_LINKS = "|".join(sorted(UPSTREAM_LINK_WORDS))
_LINKED = re.compile(
    rf"({SOFT}|{HARD})(?:[ \t]*:|[ \t]+(?:{_LINKS})\b)[ \t]*(\S.{{0,400}})", re.IGNORECASE
)
#: An upstream lane id: a letter, a sequence id (``L1``), a short word id (``API``).
_LANE_ID = re.compile(r"[A-Za-z]|[A-Za-z]{1,4}-?\d{1,3}|[A-Z][A-Z0-9_-]{1,11}")
_LANE_WORDS = frozenset({"and", "lane", "lanes", "on", "of"})
_EMPTY_VALUES = BLANK_VALUES
#: Lane fields whose missing column is itself a finding (section 4): an unplaced header may
#: be that column.
_WANTED = ("task", "dependency", "files")


@dataclass(frozen=True, slots=True)
class DependencyTerm:
    kind: str
    upstream: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Dependency:
    """A dependency cell. ``terms`` is empty when the cell is not a marked dependency."""

    raw: str
    terms: tuple[DependencyTerm, ...]
    canonical: bool

    @property
    def marked(self) -> bool:
        return bool(self.terms)

    @property
    def kind(self) -> str | None:
        """The strongest kind named: ``hard`` over ``soft`` over ``none``."""
        kinds = {term.kind for term in self.terms}
        for kind in reversed(DEPENDENCY_KINDS):
            if kind in kinds:
                return kind
        return None

    def upstream(self, kind: str | None = None) -> tuple[str, ...]:
        lanes: list[str] = []
        for term in self.terms:
            if kind is None or term.kind == kind:
                lanes.extend(lane for lane in term.upstream if lane not in lanes)
        return tuple(lanes)


def parse_dependency(text: str) -> Dependency:
    """Read ``none``, ``soft``, ``hard``, ``hard(A)``, ``soft(C)``, ``hard(A, B)``, ``hard(L1+L2)``.

    Free text such as ``depends on L1`` or ``parallel-safe`` gives a dependency with no terms.
    """
    raw = text.replace("`", "").strip()
    cleaned = _dependency_text(text)
    linked = _linked(cleaned)
    if linked is not None:
        return Dependency(raw, (linked,), cleaned[:4] == cleaned[:4].lower())
    terms: list[DependencyTerm] = []
    position = 0
    canonical = True
    for match in _TERM.finditer(cleaned):
        gap = cleaned[position : match.start()]
        if _TERM_GLUE.fullmatch(gap) is None:
            return Dependency(raw, (), True)
        word = match.group(1)
        canonical = canonical and word == word.lower()
        kind = word.lower()
        # ``none (parallel-safe)`` comments on the kind; only soft and hard name upstreams.
        inner = (match.group(2) or "") if kind != "none" else ""
        lanes = tuple(p for p in _LANE_SPLIT.split(inner) if p and p.casefold() not in _LANE_WORDS)
        terms.append(DependencyTerm(kind, lanes))
        position = match.end()
    if not terms or _TERM_GLUE.fullmatch(cleaned[position:]) is None:
        return Dependency(raw, (), True)
    return Dependency(raw, tuple(terms), canonical)


def _dependency_text(text: str) -> str:
    """The dependency without its notes: no backticks, emphasis, emoji or trailing dash note.

    Parentheses stay (``hard(A)`` names its upstream there); a parenthesised note after the
    last term (``hard(A) (waits for criteria)``) goes.
    """
    cut = text
    for offset, part in split_items(text)[-1:]:
        cut = text[: offset + len(part)]
    out = []
    for char in cut.replace("`", ""):
        if char in "*~" or is_emoji(char):
            continue
        out.append(char)
    cleaned = " ".join("".join(out).split())
    while cleaned.endswith(")"):
        opening = cleaned.rfind("(")
        before = cleaned[:opening].rstrip()
        if opening < 0 or not before.endswith(")"):
            break
        cleaned = before
    return cleaned


def _linked(text: str) -> DependencyTerm | None:
    """``hard: A`` and ``hard on lane A, B``: a kind, then upstream lane ids after a link."""
    match = _LINKED.fullmatch(text)
    if match is None:
        return None
    kind = match.group(1)
    words = [w for w in _LANE_SPLIT.split(match.group(2)) if w]
    lanes = tuple(w for w in words if w.casefold() not in _LANE_WORDS)
    if not lanes or not all(_LANE_ID.fullmatch(w) for w in lanes) or len(lanes) > 6:
        return None
    return DependencyTerm(kind.lower(), lanes)


@dataclass(frozen=True, slots=True)
class PathClaim:
    path: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Lane:
    id: str
    line: int
    task: str
    owner_text: str
    owners: tuple[str, ...]
    unknown_owners: tuple[str, ...]
    dependency: Dependency | None
    files: tuple[PathClaim, ...]
    status: str
    last_update: str
    acceptance: str | None
    cells: tuple[tuple[str, Cell], ...]
    #: What the status means (a ``vocabulary.statuses`` state); ``""`` without a status.
    state: str = ""

    def cell(self, name: str) -> Cell | None:
        for key, cell in self.cells:
            if key == name:
                return cell
        return None

    def column(self, name: str) -> int:
        cell = self.cell(name)
        return cell.column if cell else 1


@dataclass(frozen=True, slots=True)
class LanePlan:
    line: int
    end_line: int
    columns: tuple[str, ...]
    lanes: tuple[Lane, ...]
    batch_id: str
    locks: tuple[LockAssignment, ...]
    #: Header cells lanelint cannot place (no field, no known free-text column).
    unplaced: tuple[Cell, ...] = ()

    def lane(self, lane_id: str) -> Lane | None:
        wanted = lane_id.casefold()
        for lane in self.lanes:
            if lane.id.casefold() == wanted:
                return lane
        return None


def _files(cell: Cell | None) -> tuple[PathClaim, ...]:
    """The paths of a files cell: `` `a.md`, `b/*` ``, ``src/api.py (handlers only)``,
    ``src/api.py; src/db.py``, ``spec/requirements.md:10-40``. Qualifiers are not paths."""
    if cell is None:
        return ()
    claims = []
    for offset, part in split_items(cell.text):
        value = read_value(part)
        if value.blank:
            continue
        column = cell.column + offset + value.start
        pieces = value.core.split(",") if value.code else [value.core]
        for piece in pieces:
            path = path_core(piece.strip())
            if path and path.casefold() not in _EMPTY_VALUES and " " not in path:
                claims.append(PathClaim(path, cell.line, column))
    return tuple(claims)


def batch_id(document: Document) -> str:
    """The ``Batch id`` metadata's core value (`` `B-1` (sprint 5) `` is ``B-1``), else the path."""
    item = document.meta_value("Batch id", "Batch", "Batch ID")
    if item:
        return read_value(item.value).core or plain(item.value)
    return document.path


def lane_id(text: str) -> str:
    """A lane cell's id: ``**A**``, ``A (API)`` and ``Lane A`` are all ``A``."""
    core = read_value(text).core
    head, _, rest = core.partition(" ")
    if head.casefold() == "lane" and rest.strip():
        return rest.strip()
    return core


def read_lane_plans(document: Document, roles: RoleBook) -> list[LanePlan]:
    plans = []
    locks: tuple[LockAssignment, ...] | None = None
    for table in document.tables:
        columns = column_map(table, LANE_COLUMNS)
        if "lane" not in columns or "owner" not in columns:
            continue
        if locks is None:
            locks = read_locks(document)
        plan = _plan(table, columns, roles, batch_id(document), locks)
        unplaced = unplaced_headers(table, LANE_COLUMNS, _WANTED)
        if unplaced and "status" not in columns:
            # A header lanelint cannot place may be the status column: the lanes' states are
            # unknown, not "no status" (PDP204 names the header).
            lanes = tuple(replace(lane, state=UNKNOWN) for lane in plan.lanes)
            plan = replace(plan, lanes=lanes)
        plans.append(replace(plan, unplaced=unplaced))
    return plans


def _plan(
    table: Table,
    columns: dict[str, int],
    roles: RoleBook,
    batch: str,
    locks: tuple[LockAssignment, ...],
) -> LanePlan:
    lanes = []
    for row in table.rows:
        cells = {
            name: row.cells[index] for name, index in columns.items() if index < len(row.cells)
        }

        def text(name: str, cells: dict[str, Cell] = cells) -> str:
            cell = cells.get(name)
            return plain(cell.text) if cell else ""

        def core(name: str, cells: dict[str, Cell] = cells) -> str:
            cell = cells.get(name)
            return read_value(cell.text).core if cell else ""

        owner_text = text("owner")
        owners, unknown = roles.split(owner_text)
        dep_cell = cells.get("dependency")
        lanes.append(
            Lane(
                id=lane_id(cells["lane"].text) if "lane" in cells else "",
                line=row.line,
                task=core("task") if not is_blank(text("task")) else text("task"),
                owner_text=owner_text,
                owners=tuple(owners),
                unknown_owners=tuple(unknown),
                dependency=parse_dependency(dep_cell.text) if dep_cell else None,
                files=_files(cells.get("files")),
                status=core("status").casefold(),
                state=status_state(cells["status"].text) if "status" in cells else "",
                last_update=text("last_update"),
                acceptance=text("acceptance") if "acceptance" in columns else None,
                cells=tuple(cells.items()),
            )
        )
    return LanePlan(
        line=table.line,
        end_line=table.end_line,
        columns=tuple(columns),
        lanes=tuple(lanes),
        batch_id=batch,
        locks=locks,
    )
