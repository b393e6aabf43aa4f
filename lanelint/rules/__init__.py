"""The policy: lanelint's rules, one module per section of the Parallel Delivery Protocol.

Every module of this package whose name does not start with ``_`` is a section module and is
imported by :func:`all_rules` (found by listing the package, so that a new section module cannot
be left out); importing it declares its rules with the registry. Modules starting with ``_`` are
helpers the section modules share.
"""

from __future__ import annotations

import importlib
import pkgutil

from lanelint.linter.engine import meta_rules
from lanelint.linter.engine.registry import Rule, registered

_loaded: list[str] = []


def section_modules() -> list[str]:
    """The names of the section modules, sorted."""
    return sorted(
        f"{__name__}.{info.name}"
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    )


def _load() -> None:
    if not _loaded:
        names = section_modules()
        for name in names:
            importlib.import_module(name)
        _loaded.extend(names)


def all_rules() -> list[Rule]:
    """Every rule (the section modules' and the engine's own codes), sorted by code."""
    _load()
    return registered()


def get_rule(code: str) -> Rule | None:
    """The rule with ``code`` (any case), or ``None``."""
    wanted = code.strip().upper()
    return next((rule for rule in all_rules() if rule.code == wanted), None)


__all__ = ["all_rules", "get_rule", "meta_rules", "section_modules"]
