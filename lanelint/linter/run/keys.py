"""What cached findings depend on besides the documents themselves, as text for a key.

Light on purpose (no rule, reader or engine import): the run record's key is computed before a
run knows whether it has anything to check.
"""

from __future__ import annotations

import dataclasses
import json
import os
from functools import cache
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.io.cache_folder import CACHE_DIR, write_in_cache_folder
from lanelint.linter.version import __version__

__all__ = [
    "CACHE_DIR",
    "STAMP_TEMPLATE_NAME",
    "cache_dir",
    "config_stamp",
    "program_stamp",
    "source_stamp",
    "surroundings_stamp",
    "write_cache_file",
]

#: The stamp template a project may keep beside its documents (also looked for among them).
STAMP_TEMPLATE_NAME = "PREFLIGHT_STAMP_TEMPLATE.md"


def cache_dir(root: Path) -> Path:
    """Where the caches of the project at ``root`` live."""
    return root / CACHE_DIR


@cache
def source_stamp() -> str:
    """Size and modification time of every module of lanelint: a changed rule is a new key."""
    package = Path(__file__).resolve().parents[2]
    parts: list[str] = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".md", ".j2")):
                info = os.stat(os.path.join(folder, name))
                parts.append(
                    f"{folder[len(str(package)) :]}/{name}:{info.st_size}:{info.st_mtime_ns}"
                )
    return "\n".join(parts)


def program_stamp() -> str:
    """lanelint's version and source, and the version of the codec its caches are kept with."""
    import msgspec

    return f"lanelint {__version__}\nmsgspec {msgspec.__version__}\n{source_stamp()}"


def config_stamp(config: Config) -> str:
    """Every setting that can change a finding (not where the project is, nor the cache)."""
    rest = {
        f.name: repr(getattr(config, f.name))
        for f in dataclasses.fields(config)
        if f.name not in ("root", "source", "cache", "project_context")
    }
    return config.fingerprint() + "\n" + json.dumps(rest, sort_keys=True)


def _file_stamp(path: Path) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return f"{path}: absent"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def surroundings_stamp(config: Config) -> str:
    """The files outside the documents that per-document findings read: the team's templates
    (their placeholders are PDP001's) and the stamp template (the stamp schema)."""
    folder = config.root / config.templates_dir
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(folder)
            if entry.is_file() and entry.name.endswith((".md", ".j2"))
        )
    except OSError:
        names = []
    parts = [_file_stamp(folder / name) for name in names]
    if config.stamp_template:
        parts.append(_file_stamp(config.root / config.stamp_template))
    parts.append(_file_stamp(config.root / "spec" / "templates" / STAMP_TEMPLATE_NAME))
    return "\n".join(parts)


def write_cache_file(root: Path, name: str, data: bytes) -> None:
    """Write ``data`` as the file ``name`` of the project's cache folder; silent on failure
    (a cache only saves work)."""
    write_in_cache_folder(cache_dir(root), name, data)
