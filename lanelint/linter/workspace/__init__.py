"""The workspace: what the documents of one run say about each other.

Data flow: each document's :class:`~lanelint.linter.workspace.summary.DocumentSummary`
(:mod:`.summary`) -> the :class:`~lanelint.linter.workspace.index.WorkspaceIndex` merged from
them (:mod:`.index`) -> the groups a change touches (:mod:`.groups`). The package imports none
of them itself, so that a module needing one part does not load the others.
"""
