"""The settings of a run: the active rules, the known codes and the stamp schema."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lanelint.linter.engine.config import Config, ConfigError, default_paths, validate_codes
from lanelint.linter.engine.passes import RunSettings, is_enabled
from lanelint.linter.engine.registry import EngineCode
from lanelint.linter.io.discovery import FileEntry
from lanelint.linter.protocol.artifacts.stamp import StampSchema, builtin_schema, schema_from_text
from lanelint.linter.run.keys import STAMP_TEMPLATE_NAME
from lanelint.rules import all_rules

__all__ = ["STAMP_TEMPLATE_NAME", "default_paths", "make_settings", "resolve_stamp_schema"]


def resolve_stamp_schema(config: Config, entries: Sequence[FileEntry]) -> StampSchema:
    """The team's stamp template where the folder has one, else the built-in schema."""
    candidates: list[Path] = []
    if config.stamp_template:
        candidates.append(config.root / config.stamp_template)
    candidates.append(config.root / "spec" / "templates" / STAMP_TEMPLATE_NAME)
    candidates.extend(e.path for e in entries if e.path.name == STAMP_TEMPLATE_NAME)
    for candidate in candidates:
        try:
            text = candidate.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            if config.stamp_template and candidate == config.root / config.stamp_template:
                raise ConfigError(
                    f"{config.source or 'configuration'}: stamp-template "
                    f"'{config.stamp_template}' cannot be read"
                ) from None
            continue
        schema = schema_from_text(text, candidate.as_posix())
        if schema is not None:
            return schema
    return builtin_schema()


def make_settings(config: Config, entries: Sequence[FileEntry] = ()) -> RunSettings:
    """Settings for ``config``; raises :class:`ConfigError` on an unknown code."""
    rules = all_rules()
    known = tuple(rule.code for rule in rules)
    validate_codes(config, known)
    active = tuple(r for r in rules if not isinstance(r, EngineCode) and is_enabled(r.code, config))
    return RunSettings(config, active, known, resolve_stamp_schema(config, entries))
