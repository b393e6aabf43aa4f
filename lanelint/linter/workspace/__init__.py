"""The workspace: what the documents of one run say about each other."""

from lanelint.linter.workspace.index import WorkspaceIndex, build_index

__all__ = ["WorkspaceIndex", "build_index"]
