"""Rendering a kind with checked values, and naming the file it goes to."""

from __future__ import annotations

import re
import string
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.protocol.artifacts.gate_report import section_index
from lanelint.linter.protocol.artifacts.stamp import StampSchema, builtin_schema
from lanelint.linter.protocol.roles import ROLE_ALIASES
from lanelint.linter.skeletons.kinds import KINDS, Kind
from lanelint.linter.skeletons.loader import TemplateFailure, find_template, render_source
from lanelint.linter.skeletons.normalize import normalize
from lanelint.linter.skeletons.values import Values

_SLUG = re.compile(r"[^a-z0-9]+")
_WORKBOARD_LANES = ("A", "B", "C", "D")
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*)")


class OutputPathError(ValueError):
    """The output path cannot be formed (a value it names is missing, or a bad pattern)."""


def runtimes(schema: StampSchema | None = None) -> tuple[str, ...]:
    """The runtimes a stamp may name: the stamp template's ``Runtime:`` options."""
    spec = (schema or builtin_schema()).field("Runtime")
    if spec is not None and spec.allowed:
        return spec.allowed
    return builtin_schema().field("Runtime").allowed or ()  # type: ignore[union-attr]


def _roles(schema: StampSchema | None) -> tuple[str, ...]:
    spec = (schema or builtin_schema()).field("Role")
    if spec is not None and spec.allowed:
        return spec.allowed
    return tuple(ROLE_ALIASES)


def context(values: Values, schema: StampSchema | None = None) -> dict[str, object]:
    """The variables every template receives; a value not given is ``None``."""
    lanes = list(_WORKBOARD_LANES)
    if values.lane is not None and values.lane not in lanes:
        lanes[0] = values.lane
    role_slug = _SLUG.sub("_", values.role.casefold()).strip("_") if values.role else None
    return {
        "task": values.task,
        "lane": values.lane,
        "role": values.role,
        "runtime": values.runtime,
        "date": values.date,
        "role_slug": role_slug,
        "roles": list(_roles(schema)),
        "lanes": lanes,
    }


def render_skeleton(
    kind: Kind, values: Values, config: Config | None = None, schema: StampSchema | None = None
) -> str:
    """The normalised Markdown of ``kind`` (the team's template where it has one)."""
    source = find_template(kind.template, config)
    text = render_source(source, context(values, schema))
    try:
        return normalize(text)
    except Exception as exc:  # mdformat refusing the output of a team template
        message = f"{source.origin}: output is not Markdown mdformat can read: {exc}"
        raise TemplateFailure(message) from None


def output_path(kind: Kind, values: Values, config: Config) -> Path:
    """The default file for ``kind``: ``output-paths`` from the configuration, else the built-in."""
    pattern = config.output_paths.get(kind.name, kind.output)
    where = f"output path '{pattern}' for {kind.name}"
    fields: dict[str, str] = {}
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError as exc:
        raise OutputPathError(f"{where}: {exc}") from None
    for name in names:
        if name not in ("task", "lane", "role", "runtime", "date"):
            raise OutputPathError(
                f"{where} names '{{{name}}}'; use {{task}}, {{lane}}, {{role}}, {{runtime}} "
                "or {date}"
            )
        value = values.get(name)
        if value is None:
            raise OutputPathError(f"{where} needs --{name} (or give --output)")
        fields[name] = _SLUG.sub("_", value.casefold()).strip("_") if name == "role" else value
    path = Path(pattern.format(**fields))
    return path if path.is_absolute() else config.root / path


def gate_section_stubs(config: Config | None = None) -> dict[int, tuple[str, list[str]]]:
    """Section index -> (heading text, stub lines) of the gate-report template.

    The team's template where it has one and it renders; else the built-in one.
    """
    kind = KINDS["gate-report"]
    try:
        text = render_skeleton(kind, Values(), config)
    except TemplateFailure:
        text = render_skeleton(kind, Values(), None)
    stubs: dict[int, tuple[str, list[str]]] = {}
    current: int | None = None
    for line in text.split("\n"):
        match = _HEADING.fullmatch(line)
        if match:
            index, _ = section_index(match.group(2)) if len(match.group(1)) == 2 else (None, None)
            current = index if index is not None and index not in stubs else None
            if current is not None:
                stubs[current] = (match.group(2), [])
            continue
        if current is not None:
            stubs[current][1].append(line)
    for index, (heading, lines) in stubs.items():
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        stubs[index] = (heading, lines)
    return stubs
