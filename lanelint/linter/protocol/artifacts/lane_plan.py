"""Lane plans (protocol sections 2, 4, 5, 6): tables of lanes with owners, tasks and files."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lanelint.linter.markdown import inline
from lanelint.linter.markdown.document import Cell, Document, Table
from lanelint.linter.protocol.artifacts.locks import LockAssignment, read_locks
from lanelint.linter.protocol.artifacts.tables import BLANK_VALUES, column_map, plain
from lanelint.linter.protocol.roles import RoleBook

LANE_COLUMNS: dict[str, frozenset[str]] = {
    "lane": frozenset({"lane", "lane id"}),
    "task": frozenset({"task", "task id"}),
    "owner": frozenset({"role", "role owner", "owner role", "owner", "owners", "owner roles"}),
    "dependency": frozenset({"dependency", "dependency type", "dependencies"}),
    "files": frozenset({"locked files", "file scope", "target files", "files"}),
    "status": frozenset({"status"}),
    "last_update": frozenset({"last update", "last updated"}),
    "acceptance": frozenset({"acceptance", "acceptance checks"}),
}

DEPENDENCY_KINDS = ("none", "soft", "hard")
_TERM = re.compile(r"(none|soft|hard)[ \t]*(?:\(([^()]{0,400})\))?", re.IGNORECASE)
_TERM_GLUE = re.compile(r"[\s,;+]*(?:and[\s,;+]*)?", re.IGNORECASE)
_LANE_SPLIT = re.compile(r"[\s,;+/&]+")
_EMPTY_VALUES = BLANK_VALUES


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
        for kind in ("hard", "soft", "none"):
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
    terms: list[DependencyTerm] = []
    position = 0
    canonical = True
    for match in _TERM.finditer(raw):
        gap = raw[position : match.start()]
        if _TERM_GLUE.fullmatch(gap) is None:
            return Dependency(raw, (), True)
        word = match.group(1)
        canonical = canonical and word == word.lower()
        kind = word.lower()
        # ``none (parallel-safe)`` comments on the kind; only soft and hard name upstreams.
        inner = (match.group(2) or "") if kind != "none" else ""
        lanes = tuple(p for p in _LANE_SPLIT.split(inner) if p and p.casefold() != "and")
        terms.append(DependencyTerm(kind, lanes))
        position = match.end()
    if not terms or _TERM_GLUE.fullmatch(raw[position:]) is None:
        return Dependency(raw, (), True)
    return Dependency(raw, tuple(terms), canonical)


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

    def lane(self, lane_id: str) -> Lane | None:
        wanted = lane_id.casefold()
        for lane in self.lanes:
            if lane.id.casefold() == wanted:
                return lane
        return None


def _files(cell: Cell | None) -> tuple[PathClaim, ...]:
    if cell is None:
        return ()
    spans = inline.code_spans(cell.text)
    if spans:
        claims = []
        for text, offset in spans:
            for part in text.split(","):
                path = part.strip()
                if path and path.casefold() not in _EMPTY_VALUES:
                    claims.append(PathClaim(path, cell.line, cell.column + offset))
        return tuple(claims)
    claims = []
    for part in cell.text.split(","):
        path = plain(part)
        if path and path.casefold() not in _EMPTY_VALUES and " " not in path:
            claims.append(PathClaim(path, cell.line, cell.column))
    return tuple(claims)


def batch_id(document: Document) -> str:
    item = document.meta_value("Batch id", "Batch", "Batch ID")
    if item:
        return plain(item.value)
    return document.path


def read_lane_plans(document: Document, roles: RoleBook) -> list[LanePlan]:
    plans = []
    locks: tuple[LockAssignment, ...] | None = None
    for table in document.tables:
        columns = column_map(table, LANE_COLUMNS)
        if "lane" not in columns or "owner" not in columns:
            continue
        if locks is None:
            locks = read_locks(document)
        plans.append(_plan(table, columns, roles, batch_id(document), locks))
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

        owner_text = text("owner")
        owners, unknown = roles.split(owner_text)
        dep_cell = cells.get("dependency")
        lanes.append(
            Lane(
                id=text("lane"),
                line=row.line,
                task=text("task"),
                owner_text=owner_text,
                owners=tuple(owners),
                unknown_owners=tuple(unknown),
                dependency=parse_dependency(dep_cell.text) if dep_cell else None,
                files=_files(cells.get("files")),
                status=text("status").casefold(),
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
