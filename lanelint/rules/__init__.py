"""The policy: lanelint's rules, one module per section of the Parallel Delivery Protocol.

Importing this package declares every rule with the registry; nothing else is needed to add a
rule than a decorated, documented function in the module of its section.
"""

from lanelint.linter.engine import meta_rules
from lanelint.rules import (
    acceptance,
    anti_patterns,
    cadence,
    cadence_history,
    dependencies,
    general,
    ledger_history,
    locks,
    parallelism,
    readiness,
    rollback,
    sessions,
)

__all__ = [
    "acceptance",
    "anti_patterns",
    "cadence",
    "cadence_history",
    "dependencies",
    "general",
    "ledger_history",
    "locks",
    "meta_rules",
    "parallelism",
    "readiness",
    "rollback",
    "sessions",
]
