"""How a run took one document: a protocol document, another document, or a template.

Kept apart from :mod:`lanelint.linter.protocol.documents` (which decides it) so that what only
reports the decision (a recorded run, a report) loads no reader.
"""

from __future__ import annotations

from dataclasses import dataclass

PROTOCOL = "protocol"
OTHER = "other"
TEMPLATE = "template"


@dataclass(frozen=True, slots=True)
class DocumentClass:
    """How a run took one document: ``protocol`` (with the kinds that made it so), ``other``
    or ``template``; ``configured`` when the ``documents`` globs named it."""

    kind: str
    kinds: tuple[str, ...] = ()
    configured: bool = False

    @property
    def is_protocol(self) -> bool:
        return self.kind == PROTOCOL

    def describe(self) -> str:
        if self.kind == TEMPLATE:
            return "template"
        if self.kind == OTHER:
            return "not a protocol document"
        what = ", ".join(self.kinds) if self.kinds else "no artifact"
        return f"protocol document ({what}{'; configured' if self.configured else ''})"
