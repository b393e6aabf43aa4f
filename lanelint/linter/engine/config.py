"""Configuration: ``[tool.lanelint]`` in ``pyproject.toml``, or ``lanelint.toml``.

The file is found by walking up from the linted path. Every key is declared in :data:`KEYS`
with its type; an unknown key or a value of the wrong type is a :class:`ConfigError` naming
the key and the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lanelint.linter.engine.diagnostics import Severity

CONFIG_FILES = ("lanelint.toml", ".lanelint.toml", "pyproject.toml")

#: Protocol section 5's high-risk files.
DEFAULT_HIGH_RISK_FILES = (
    "AGENTS.md",
    "spec/AGENT_RUNTIME.md",
    "spec/AGENT_RUNTIME_ADAPTERS.md",
    "apps/executive-cli/src/executive_cli/models.py",
    "apps/executive-cli/src/executive_cli/cli.py",
)
#: Paths that need a Chief Architect's approval (protocol section 10).
DEFAULT_SENSITIVE_PATHS = (
    "**/schema*",
    "**/migrations/**",
    "**/adr/**",
    "**/ADR*",
    "**/*security*",
)


class ConfigError(Exception):
    """A configuration problem; the message names the file (and key) at fault."""


@dataclass(frozen=True)
class Config:
    """Settings for one run. ``root`` is the project root: the configuration file's folder."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    spec: str | None = None
    high_risk_files: tuple[str, ...] = DEFAULT_HIGH_RISK_FILES
    max_active_lanes: int = 4
    role_aliases: Mapping[str, str] = field(default_factory=dict)
    stamp_template: str | None = None
    fail_on: Severity = Severity.WARNING
    heartbeat_interval_minutes: int = 120
    sensitive_paths: tuple[str, ...] = DEFAULT_SENSITIVE_PATHS
    baseline_files: tuple[str, ...] = ()
    templates_dir: str = "spec/templates"
    output_paths: Mapping[str, str] = field(default_factory=dict)
    cache: bool = True
    git: bool = True
    integration_branch: str | None = None
    waiver_owners: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    stamp_margin_minutes: int = 24 * 60
    #: ``--now``: the date (or date and time) that decides what has expired and what is
    #: overdue; ``None`` means today for waivers and the batch's newest timestamp for cadence.
    now: str | None = None
    #: ``check PATHS`` reads the project's other documents for cross-document rules.
    project_context: bool = True
    #: Globs (relative to the root) of the files that are protocol documents even where no
    #: artifact is recognised in them. Every document that holds a protocol artifact (a stamp,
    #: lane plan, gate report, ledger, heartbeat, escalation, baseline or task file) is one
    #: anyway; PDP rules run on protocol documents only, LL codes on every file.
    documents: tuple[str, ...] = ()
    docs_url: str | None = None

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **changes)

    def fingerprint(self) -> str:
        """A stable text of every setting that can change what a document's rules report."""
        parts = [
            repr(sorted(self.severity.items())),
            repr(self.high_risk_files),
            repr(self.max_active_lanes),
            repr(sorted(self.role_aliases.items())),
            repr(self.stamp_template),
            repr(self.sensitive_paths),
            repr(self.documents),
        ]
        return "\n".join(parts)


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"'{key}' must be a list of strings")
    return tuple(value)


def _string(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"'{key}' must be a string")
    return value


def _url(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise TypeError(f"'{key}' must be an http:// or https:// address")
    return value


def _positive_int(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise TypeError(f"'{key}' must be a positive integer")
    return value


def _bool(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"'{key}' must be true or false")
    return value


def _string_table(key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise TypeError(f"'{key}' must be a table of strings")
    return dict(value)


def _severity_table(key: str, value: Any) -> dict[str, Severity]:
    table = _string_table(key, value)
    try:
        return {code.upper(): Severity.parse(level) for code, level in table.items()}
    except ValueError as exc:
        raise TypeError(f"'{key}': {exc}") from None


def _severity(key: str, value: Any) -> Severity:
    try:
        return Severity.parse(_string(key, value))
    except ValueError as exc:
        raise TypeError(f"'{key}': {exc}") from None


def _codes(key: str, value: Any) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in _strings(key, value))


def _per_file(key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise TypeError(f"'{key}' must be a table of glob = [codes]")
    return {glob: _codes(f"{key}.{glob}", codes) for glob, codes in value.items()}


_DURATION = re.compile(r"(?:(\d{1,4})h)?[ \t]*(?:(\d{1,5})m)?")


def _minutes(key: str, value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value * 60
    if isinstance(value, str):
        match = _DURATION.fullmatch(value.strip())
        if match and (match.group(1) or match.group(2)):
            total = int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
            if total > 0:
                return total
    raise TypeError(f'\'{key}\' must be a duration such as "2h" or "90m", or a number of hours')


def _owner_table(key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise TypeError(f"'{key}' must be a table of code = role or [roles]")
    table: dict[str, tuple[str, ...]] = {}
    for code, roles in value.items():
        if isinstance(roles, str):
            roles = [roles]
        table[str(code).strip().upper()] = _strings(f"{key}.{code}", roles)
    return table


#: Key in the file -> (field of :class:`Config`, reader).
KEYS: dict[str, tuple[str, Callable[[str, Any], Any]]] = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "severity": ("severity", _severity_table),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "exclude": ("exclude", _strings),
    "spec": ("spec", _string),
    "high-risk-files": ("high_risk_files", _strings),
    "max-active-lanes": ("max_active_lanes", _positive_int),
    "role-aliases": ("role_aliases", _string_table),
    "stamp-template": ("stamp_template", _string),
    "fail-on": ("fail_on", _severity),
    "heartbeat-interval": ("heartbeat_interval_minutes", _minutes),
    "sensitive-paths": ("sensitive_paths", _strings),
    "baseline-files": ("baseline_files", _strings),
    "templates-dir": ("templates_dir", _string),
    "output-paths": ("output_paths", _string_table),
    "cache": ("cache", _bool),
    "git": ("git", _bool),
    "integration-branch": ("integration_branch", _string),
    "waiver-owners": ("waiver_owners", _owner_table),
    "stamp-margin": ("stamp_margin_minutes", _minutes),
    "project-context": ("project_context", _bool),
    "documents": ("documents", _strings),
    "docs-url": ("docs_url", _url),
}


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        if not isinstance(tool, dict) or "lanelint" not in tool:
            return None
        table = tool["lanelint"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.lanelint] must be a table")
        return table
    nested = data.get("tool")
    if isinstance(nested, dict) and isinstance(nested.get("lanelint"), dict) and len(data) == 1:
        return dict(nested["lanelint"])
    return data


def load_file(path: Path) -> Config | None:
    """Read one configuration file; ``None`` for a ``pyproject.toml`` without our table."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    table = _table_of(path, data)
    if table is None:
        return None
    section = "[tool.lanelint]" if path.name == "pyproject.toml" else path.name
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{path}: unknown key '{key}' in {section} (known keys: {known})")
        name, reader = KEYS[key]
        try:
            values[name] = reader(key, value)
        except TypeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    return Config(root=path.parent.resolve(), source=path, **values)


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file in ``start`` or its parents."""
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                data = tomllib.loads(candidate.read_text("utf-8-sig"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return candidate  # let load_file report it
            tool = data.get("tool")
            if isinstance(tool, dict) and "lanelint" in tool:
                return candidate
    return None


def _project_root(start: Path) -> Path:
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return Path.cwd().resolve()


def load_config(
    paths: Sequence[Path] = (), explicit: Path | None = None, isolated: bool = False
) -> Config:
    """The configuration for linting ``paths``: ``explicit`` if given, else the nearest file."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
        config = load_file(explicit)
        if config is None:
            raise ConfigError(f"{explicit}: no [tool.lanelint] table")
        return config
    start = paths[0] if paths else Path.cwd()
    if not isolated:
        found = find_config_file(start)
        if found is not None:
            config = load_file(found)
            if config is not None:
                return config
    return Config(root=_project_root(start))


def validate_codes(config: Config, known: Sequence[str]) -> None:
    """Every code or prefix named in the configuration must name at least one rule."""
    where = str(config.source) if config.source else "configuration"

    def check(code: str, key: str) -> None:
        if code == "ALL":
            return
        if not any(k.startswith(code) for k in known):
            raise ConfigError(f"{where}: unknown rule code '{code}' in '{key}'")

    for code in config.select:
        check(code, "select")
    for code in config.ignore:
        check(code, "ignore")
    for code in config.severity:
        check(code, "severity")
    for glob, codes in config.per_file_ignores.items():
        for code in codes:
            check(code, f"per-file-ignores.{glob}")
    for code in config.waiver_owners:
        check(code, "waiver-owners")


def default_paths(config: Config) -> list[Path]:
    """What ``check`` reads without paths: the configured spec folder, else ``.``."""
    if config.spec:
        return [config.root / config.spec]
    return [Path(".")]
