"""The library API that the CLI, the language server and the tests share."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lanelint.linter.engine import meta_rules
from lanelint.linter.engine.config import Config, ConfigError, load_config, validate_codes
from lanelint.linter.engine.diagnostics import Diagnostic, Location, Severity
from lanelint.linter.engine.passes import (
    DocumentResult,
    RunSettings,
    check_bytes,
    check_text,
    finalize,
    is_enabled,
    run_workspace_rules,
)
from lanelint.linter.engine.registry import all_rules
from lanelint.linter.io.discovery import FileEntry, discover, display_path
from lanelint.linter.io.source import buffer_text
from lanelint.linter.protocol.artifacts.stamp import StampSchema, builtin_schema, schema_from_text

STAMP_TEMPLATE_NAME = "PREFLIGHT_STAMP_TEMPLATE.md"
#: Files larger than this are reported, not parsed (a spec document is a few KB; parsing
#: costs about a second per MB, so this bounds the time one file can take).
MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    files: list[str]
    config: Config
    documents: list[DocumentResult] = field(default_factory=list)

    @property
    def incomplete(self) -> bool:
        """Whether an internal error kept some check from running."""
        return any(d.code.startswith("LL9") for d in self.diagnostics)

    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for diagnostic in self.diagnostics:
            counts[diagnostic.severity] += 1
        return counts

    def exit_code(self, fail_on: Severity | None = None) -> int:
        """0 clean, 1 a finding at or above ``fail_on``, 3 an incomplete run."""
        if self.incomplete:
            return 3
        threshold = fail_on if fail_on is not None else self.config.fail_on
        return 1 if any(d.severity >= threshold for d in self.diagnostics) else 0


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
    rules = all_rules()
    known = tuple(rule.code for rule in rules)
    validate_codes(config, known)
    active = tuple(r for r in rules if r.scope != "engine" and is_enabled(r.code, config))
    return RunSettings(config, active, known, resolve_stamp_schema(config, entries))


def read_entry(entry: FileEntry, settings: RunSettings) -> DocumentResult:
    """Read one file safely and run the per-document phase on it."""
    data = read_bytes(entry)
    if isinstance(data, DocumentResult):
        return data
    return check_bytes(entry.display, data, settings)


def read_bytes(entry: FileEntry) -> bytes | DocumentResult:
    """A file's bytes, read safely (never blocks on a FIFO, never follows into a device);
    a result holding the reason where it cannot be read."""

    def unreadable(message: str) -> DocumentResult:
        result = DocumentResult(entry.display)
        result.diagnostics.append(
            Diagnostic(
                meta_rules.UNREADABLE_FILE.code,
                Severity.ERROR,
                message,
                Location(entry.display, 1),
            )
        )
        return result

    try:
        info = os.stat(entry.path)
    except FileNotFoundError:
        return unreadable("cannot read: broken symbolic link or file vanished")
    except OSError as exc:
        return unreadable(f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        return unreadable("not a regular file (a FIFO, socket or device); skipped")
    if info.st_size > MAX_FILE_BYTES:
        return unreadable(
            f"file is {info.st_size // 2**20} MB, over the {MAX_FILE_BYTES // 2**20} MB limit; "
            "skipped"
        )
    try:
        fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return unreadable(f"cannot read: {exc.strerror or exc}")
    return data


def default_paths(config: Config) -> list[Path]:
    if config.spec:
        return [config.root / config.spec]
    return [Path(".")]


def lint_paths(
    paths: Sequence[str | Path] = (),
    *,
    config: Config | None = None,
    config_file: Path | None = None,
    jobs: int = 1,
    use_cache: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> LintResult:
    """Lint files and folders. Raises :class:`ConfigError` or ``PathNotFoundError``.

    ``jobs`` worker processes run the per-document phase; with ``use_cache`` (and the
    configuration's ``cache`` on) unchanged files are read from ``.lanelint_cache/``.
    ``progress(done, total)`` hears of each document read and checked.
    """
    given = [Path(p) for p in paths]
    if config is None:
        config = load_config(given, explicit=config_file)
    targets = given or default_paths(config)
    entries = discover(targets, root=config.root, exclude=config.exclude)
    settings = make_settings(config, entries)
    from lanelint.linter.run.parallel import check_entries

    results = check_entries(
        entries, settings, jobs=jobs, use_cache=use_cache and config.cache, progress=progress
    )
    return _complete(results, settings)


def lint_text(
    text: str,
    path: str = "<stdin>",
    *,
    config: Config | None = None,
) -> LintResult:
    """Lint one document given as text, as if it stood at ``path``."""
    if config is None:
        config = load_config([Path(path)] if path != "<stdin>" else [])
    settings = make_settings(config)
    result = check_text(path, buffer_text(text), settings)
    return _complete([result], settings)


def _complete(results: list[DocumentResult], settings: RunSettings) -> LintResult:
    workspace = run_workspace_rules(results, settings)
    diagnostics = finalize(results, workspace, settings)
    return LintResult(diagnostics, [r.path for r in results], settings.config, results)


def buffer_folder(path: Path, config: Config) -> Path:
    """The folder whose documents a buffer at ``path`` is linted with (cross-document rules).

    The configured spec folder where the file lies in it, else the project root where the file
    lies below it, else the file's own folder.
    """
    absolute = Path(os.path.abspath(path))
    root = Path(os.path.abspath(config.root))
    if config.spec and absolute.is_relative_to(root / config.spec):
        return root / config.spec
    if absolute.is_relative_to(root):
        return root
    return absolute.parent


def lint_buffer(
    path: str | Path,
    text: str,
    *,
    config: Config | None = None,
    folder: Path | None = None,
    use_cache: bool | None = None,
) -> LintResult:
    """Lint ``text`` as if it stood at ``path``, as an editor does with an unsaved buffer.

    Per-document rules read ``text``; cross-document rules read the documents of ``folder``
    (default: :func:`buffer_folder`) on disk, with ``text`` in place of the file at ``path``
    (which need not exist). Only the findings located in that file are returned.
    """
    target = Path(path)
    if config is None:
        config = load_config([target])
    folder = folder if folder is not None else buffer_folder(target, config)
    entries: list[FileEntry] = []
    if folder.is_dir():
        entries = discover([folder], root=config.root, exclude=config.exclude)
    wanted = os.path.abspath(target)
    shown = display_path(target)
    others = [e for e in entries if os.path.abspath(e.path) != wanted]
    settings = make_settings(config, others)
    clean = buffer_text(text)
    from lanelint.linter.run.parallel import check_entries

    cached = config.cache if use_cache is None else use_cache  # the other documents only
    results = check_entries(others, settings, use_cache=cached)
    results.append(check_text(shown, clean, settings))
    results.sort(key=lambda r: r.path)
    full = _complete(results, settings)
    kept = [d for d in full.diagnostics if d.path == shown or d.code.startswith("LL9")]
    return LintResult(kept, [shown], config, [r for r in results if r.path == shown])
