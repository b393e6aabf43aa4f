"""The protocol's vocabulary: every word the protocol uses, defined once.

Statuses and the state each means, ledger verdicts, dependency kinds, blank stand-ins, outcome
words, roles and their aliases, header synonyms, gate-report section titles, labels and
placeholders each live in a submodule of this package. Artifacts and rules read these words
from here and keep no list of their own.
"""
