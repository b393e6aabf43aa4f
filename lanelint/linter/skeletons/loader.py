"""Finding and rendering templates: the team's own folder first, else the built-in ones.

Every template is rendered in a Jinja2 sandbox with strict undefined values: a team template
is text from the repository, so it may not reach Python internals, and a misspelt variable is
an error naming the template and the line rather than an empty string in the output.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import FunctionLoader, StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from lanelint.linter.engine.config import Config

#: Rendered text longer than this is refused (a skeleton is a few KB).
MAX_OUTPUT = 1_000_000
_MAX_OPERAND = 100_000


class TemplateFailure(Exception):
    """A template could not be read or rendered; the message names the template and line."""


@dataclass(frozen=True, slots=True)
class TemplateSource:
    """A template's text and where it came from (a path, or ``built-in NAME``)."""

    name: str
    text: str
    origin: str
    team: bool


def builtin_text(name: str) -> str:
    return resources.files("lanelint").joinpath("templates", name).read_text("utf-8")


def builtin_names() -> list[str]:
    folder = resources.files("lanelint").joinpath("templates")
    return sorted(item.name for item in folder.iterdir() if item.name.endswith(".md.j2"))


def team_folder(config: Config) -> Path:
    return config.root / config.templates_dir


def find_template(name: str, config: Config | None) -> TemplateSource:
    """The team's ``<templates-dir>/<name>`` where it exists, else the built-in template."""
    if config is not None:
        path = team_folder(config) / name
        if path.is_file():
            shown = _display(path, config.root)
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
                raise TemplateFailure(f"{shown}: cannot read template: {reason}") from None
            return TemplateSource(name, text.replace("\r\n", "\n"), shown, team=True)
    return TemplateSource(name, builtin_text(name), f"built-in {name}", team=False)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _limited(op: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def run(left: Any, right: Any) -> Any:
        for value in (left, right):
            if isinstance(value, int) and not isinstance(value, bool) and value > _MAX_OPERAND:
                raise SecurityError("operand too large for a template")
        return op(left, right)

    return run


class _Sandbox(ImmutableSandboxedEnvironment):
    """No globals, immutable containers, and no huge ``*`` or ``**`` results."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            return _limited(operator.mul)(left, right)
        if operator_name == "**":
            return _limited(operator.pow)(left, right)
        return super().call_binop(context, operator_name, left, right)


def _environment(source: TemplateSource) -> _Sandbox:
    def load(name: str) -> tuple[str, str, Callable[[], bool]] | None:
        if name != source.name:
            return None
        return source.text, source.origin, lambda: True

    env = _Sandbox(
        loader=FunctionLoader(load),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals.clear()
    return env


def _template_line(tb: TracebackType | None, origin: str) -> int | None:
    line: int | None = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == origin:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_source(source: TemplateSource, context: Mapping[str, object]) -> str:
    """Render one template; any failure becomes a one-line :class:`TemplateFailure`."""
    try:
        template = _environment(source).get_template(source.name)
        text = template.render(dict(context))
    except TemplateSyntaxError as exc:
        where = f"{source.origin}:{exc.lineno}"
        raise TemplateFailure(f"{where}: template syntax error: {exc.message}") from None
    except SecurityError as exc:
        line = _template_line(exc.__traceback__, source.origin)
        where = f"{source.origin}:{line}" if line else source.origin
        raise TemplateFailure(
            f"{where}: security error: the template tried to reach Python internals ({exc}); "
            "nothing was written"
        ) from None
    except UndefinedError as exc:
        line = _template_line(exc.__traceback__, source.origin)
        where = f"{source.origin}:{line}" if line else source.origin
        raise TemplateFailure(f"{where}: undefined value: {exc.message}") from None
    except Exception as exc:  # any other error inside template code
        line = _template_line(exc.__traceback__, source.origin)
        where = f"{source.origin}:{line}" if line else source.origin
        raise TemplateFailure(f"{where}: template error: {type(exc).__name__}: {exc}") from None
    if len(text) > MAX_OUTPUT:
        raise TemplateFailure(f"{source.origin}: rendered text is over {MAX_OUTPUT} characters")
    return text
