"""Gate-report section titles (protocol section 7) and the spellings teams use for them.

Spellings are compared without punctuation, spaces or case, after any leading number and any
trailing qualifier in parentheses have gone.
"""

from __future__ import annotations

#: The seven sections, in order: (title, accepted spellings).
GATE_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Role confirmation", ("roleconfirmation", "role", "roleconfirmed", "confirmationofrole")),
    ("Decisions", ("decisions", "decision", "keydecisions", "decisionsmade", "decisionlog")),
    ("Artifacts", ("artifacts", "artefacts", "artifact", "artefact", "artifactsproduced",
                   "deliverables", "artifactschanged", "changedartifacts")),
    ("Traceability", ("traceability", "tracing", "traceabilitymatrix")),
    ("Implementation handoff", ("implementationhandoff", "handofftoimplementation",
                                "handoff", "handover", "implementationhandover",
                                "handovertoimplementation", "handoffnotes")),
    ("Risks / open questions", ("risksopenquestions", "risks", "risksandopenquestions",
                                "openquestionsandrisks", "openquestionsrisks", "openquestions",
                                "risksquestions", "risksandquestions", "openrisks")),
    ("ADR status", ("adrstatus", "adrs", "adr", "adrsstatus", "architecturedecisions",
                    "architecturedecisionrecords", "adrupdates")),
)  # fmt: skip

#: Words a report title uses to say it is a gate report.
GATE_REPORT_TITLE = "gate report"
