"""Skeleton documents from templates: what ``lanelint new`` and ``lanelint init`` build on."""

from __future__ import annotations

from lanelint.linter.skeletons.kinds import KINDS, VALUE_NAMES, Kind, get_kind
from lanelint.linter.skeletons.loader import TemplateFailure
from lanelint.linter.skeletons.render import (
    OutputPathError,
    gate_section_stubs,
    output_path,
    render_skeleton,
    runtimes,
)
from lanelint.linter.skeletons.values import InvalidValue, Values, check_values

__all__ = [
    "KINDS",
    "VALUE_NAMES",
    "InvalidValue",
    "Kind",
    "OutputPathError",
    "TemplateFailure",
    "Values",
    "check_values",
    "gate_section_stubs",
    "get_kind",
    "output_path",
    "render_skeleton",
    "runtimes",
]
