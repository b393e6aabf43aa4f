"""The workspace: what the documents of one run say about each other.

Data flow: each document's :class:`~lanelint.linter.workspace.summary.DocumentSummary`
(:mod:`.summary`) -> the :class:`~lanelint.linter.workspace.index.WorkspaceIndex` merged from
them (:mod:`.index`) -> the groups a change touches (:mod:`.groups`).
"""

from lanelint.linter.workspace.index import WorkspaceIndex, build_index
from lanelint.linter.workspace.summary import DocumentSummary, summarize

__all__ = ["DocumentSummary", "WorkspaceIndex", "build_index", "summarize"]
