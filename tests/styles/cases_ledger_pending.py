"""A pending ledger row may not have a commit yet; an accepted one must name its commit."""

from __future__ import annotations

from tests.styles.cases_values import WORKBOARD, fires, silent

_PENDING_ROW = "| `8d41b7e..c02e9f5` | B | `DG-102` | pending |"
_ACCEPTED_ROW = "| `3f9c2a1` | A | `DG-101` | accepted |"

CASES = [
    *(
        silent(
            f"ledger/pending-row-without-commit-{name}",
            "PDP706",
            WORKBOARD,
            (_PENDING_ROW, _PENDING_ROW.replace("`8d41b7e..c02e9f5`", cell)),
        )
        for name, cell in [
            ("pending", "pending"),
            ("em-dash", "—"),
            ("tbd", "TBD"),
            ("not-yet-pending-review", "_pending review_"),
        ]
    ),
    fires(
        "ledger/accepted-row-with-pending-commit",
        "PDP706",
        WORKBOARD,
        "| pending | A |",
        (_ACCEPTED_ROW, _ACCEPTED_ROW.replace("`3f9c2a1`", "pending")),
    ),
    fires(
        "ledger/pending-row-with-a-word",
        "PDP706",
        WORKBOARD,
        "| this batch | B |",
        (_PENDING_ROW, _PENDING_ROW.replace("`8d41b7e..c02e9f5`", "this batch")),
    ),
]
