"""What a rule is given: one document and its artifacts, or the facts of the whole run."""

from __future__ import annotations

from dataclasses import dataclass, field

from lanelint.linter.engine.config import Config
from lanelint.linter.markdown.document import Document
from lanelint.linter.protocol.artifacts.model import Artifacts
from lanelint.linter.protocol.artifacts.stamp import StampSchema
from lanelint.linter.protocol.roles import RoleBook
from lanelint.linter.workspace.index import Batch, WorkspaceIndex, build_index
from lanelint.linter.workspace.summary import DocumentSummary


@dataclass(frozen=True)
class DocumentContext:
    document: Document
    artifacts: Artifacts
    config: Config
    roles: RoleBook
    stamp_schema: StampSchema


@dataclass(frozen=True)
class WorkspaceContext:
    """The summaries of every document of the run, for rules that relate documents."""

    documents: tuple[DocumentSummary | Artifacts, ...]
    config: Config
    roles: RoleBook
    extras: dict[str, object] = field(default_factory=dict)
    workspace: WorkspaceIndex | None = None
    #: The batch ids a ``reads="batch"`` rule checks this time; ``None`` for every batch.
    only: frozenset[str] | None = None

    def batches(self) -> list[Batch]:
        """The batches to check: every batch of the run, or those named by ``only``."""
        index = self.index
        if self.only is None:
            return list(index.batches.values())
        return [index.batches[b] for b in sorted(self.only) if b in index.batches]

    @property
    def index(self) -> WorkspaceIndex:
        """The workspace index of the run: the one the engine built, else built here once."""
        if self.workspace is not None:
            return self.workspace
        built = self.extras.get("workspace-index")
        if not isinstance(built, WorkspaceIndex):
            built = build_index(self.documents, self.config.root, self.roles)
            self.extras["workspace-index"] = built
        return built
