"""Words that make a document recognisable as a protocol document.

A table headed ``| Lane | Owner |`` or a section headed ``Baseline`` occurs in many documents
that have nothing to do with the protocol. These are the further words lanelint looks for
before it takes such a piece for a protocol artifact.
"""

from __future__ import annotations

#: A section is an approved baseline when its heading holds ``baseline`` and one of these.
#: (``Performance baseline``, ``Security baseline`` and ``Sprint baseline velocity`` are not.)
BASELINE_QUALIFIERS = ("approved", "task", "tasks", "batch")

#: Gate-report sections that no other process's "gate report" has: one of them is enough.
DISTINCTIVE_GATE_SECTIONS = ("Role confirmation", "Implementation handoff")
#: Without a distinctive section, a gate report needs this many of its seven sections.
GATE_SECTIONS_NEEDED = 5

#: Folder names (case-insensitive) that hold a team's task files, and task file name prefixes.
TASK_FOLDERS = ("tasks",)
TASK_FILE_PREFIXES = ("task_", "task-")

#: Heartbeat fields (``status``, ``blockers``, ``next step``): an entry that names no lane or
#: task needs all of them; a heartbeat log whose times are still placeholders needs this many
#: and a lane.
HEARTBEAT_FIELDS_NEEDED = 2

#: Words in an escalation's reason or title that say a lane is stuck.
ESCALATION_WORDS = ("block", "escalat", "stuck", "waiting", "cannot", "can't")
