"""Write the noise corpus: Markdown a real repository keeps beside its protocol documents.

Run ``python -m tests.noise.make_corpus`` to rewrite ``tests/noise/corpus/``; the files are
committed, and ``test_noise.py`` lints them. Each family below is written by hand after real
documents of its kind (READMEs, changelogs, ADRs in Nygard and MADR form, design notes with
HTML and math, checklists, plans, other processes' gate and exit reports, skill docs, command
references, HTML guides, tables of many shapes, runbooks, postmortems, ...); a seeded random
choice varies names, numbers, lengths, list and heading styles and optional sections, so that
no two files are alike. Many are adversarial: ``Status``, ``Owner``, ``Lane``, ``Commit`` and
``Verdict`` headers in other senses, and "gate", "accepted", "blocked", "heartbeat",
"baseline", "escalation" used in other meanings.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"

PROJECTS = [
    "orbit",
    "tallow",
    "kestrel",
    "marlin",
    "quartz",
    "juniper",
    "ledgerline",
    "pebble",
    "harbor",
    "fennel",
    "cobalt",
    "wisp",
    "lumen",
    "basalt",
    "saffron",
    "tundra",
    "vesper",
    "alder",
    "nimbus",
    "sorrel",
    "grebe",
    "onyx",
    "paprika",
    "drift",
]
PEOPLE = [
    "Ana Ruiz",
    "Bo Chen",
    "Chiara Rossi",
    "Dev Patel",
    "Emeka Obi",
    "Farah Haddad",
    "Gustav Lind",
    "Hana Sato",
    "Ines Duarte",
    "Jonas Berg",
    "Kai Wong",
    "Lea Martin",
    "Mateo Silva",
    "Nora Quinn",
    "Omar Aziz",
    "Priya Nair",
    "Quentin Roy",
    "Rosa Vega",
]
SERVICES = [
    "billing-api",
    "search-indexer",
    "auth-gateway",
    "notification-worker",
    "report-builder",
    "inventory-sync",
    "media-transcoder",
    "ledger-service",
    "feature-flags",
    "rate-limiter",
]
COMPONENTS = ["parser", "scheduler", "cache layer", "importer", "exporter", "web UI", "CLI", "SDK"]
MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]
TICKET_PREFIXES = ["PLAT", "WEB", "OPS", "DATA", "MOB", "SEC", "INFRA", "CORE"]


class Writer:
    """Helpers that vary the surface of a document: list markers, headings, emphasis."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.bullet = rng.choice(["-", "*", "+"])
        self.setext = rng.random() < 0.15
        self.bold = rng.choice(["**", "__"])

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def some(self, items: list[str], low: int, high: int) -> list[str]:
        count = min(len(items), self.rng.randint(low, high))
        return self.rng.sample(items, count)

    def date(self, year: int = 2026) -> str:
        return f"{year}-{self.pick(MONTHS)}-{self.rng.randint(1, 28):02d}"

    def ticket(self) -> str:
        return f"{self.pick(TICKET_PREFIXES)}-{self.rng.randint(10, 2400)}"

    def sha(self) -> str:
        return "".join(
            self.rng.choice("0123456789abcdef") for _ in range(self.rng.choice([7, 8, 12]))
        )

    def h1(self, text: str) -> str:
        if self.setext:
            return f"{text}\n{'=' * len(text)}\n"
        return f"# {text}\n"

    def h2(self, text: str) -> str:
        if self.setext:
            return f"{text}\n{'-' * len(text)}\n"
        return f"## {text}\n"

    def items(self, lines: list[str]) -> str:
        return "".join(f"{self.bullet} {line}\n" for line in lines)

    def numbered(self, lines: list[str]) -> str:
        style = self.rng.choice([".", ")"])
        return "".join(f"{i}{style} {line}\n" for i, line in enumerate(lines, start=1))

    def table(self, header: list[str], rows: list[list[str]], outer: bool | None = None) -> str:
        outer = self.rng.random() < 0.85 if outer is None else outer
        align = [self.rng.choice(["---", ":---", "---:", ":---:", "-----"]) for _ in header]

        def line(cells: list[str]) -> str:
            body = " | ".join(cells)
            return f"| {body} |\n" if outer else f"{body}\n"

        return line(header) + line(align) + "".join(line(row) for row in rows)

    def para(self, *sentences: str) -> str:
        return " ".join(sentences) + "\n"


Family = Callable[[Writer, str], tuple[str, str]]
FAMILIES: list[tuple[str, int, Family]] = []


def family(name: str, count: int) -> Callable[[Family], Family]:
    def register(function: Family) -> Family:
        FAMILIES.append((name, count, function))
        return function

    return register


# -- READMEs ------------------------------------------------------------------------------------


@family("readme", 16)
def readme(w: Writer, project: str) -> tuple[str, str]:
    service = w.pick(SERVICES)
    parts = [w.h1(project.capitalize())]
    if w.rng.random() < 0.6:
        parts.append(
            '<p align="center">\n'
            f'  <img src="docs/logo.svg" alt="{project} logo" width="120">\n'
            "</p>\n"
        )
    parts.append(
        w.para(
            f"{project.capitalize()} is a small {w.pick(['Python', 'Go', 'TypeScript', 'Rust'])}"
            f" {w.pick(['library', 'service', 'tool'])} that keeps the {service} in step with"
            f" its upstream {w.pick(['queue', 'database', 'feed', 'object store'])}."
        )
    )
    parts.append(w.h2("Status"))
    parts.append(
        w.para(
            w.pick(
                [
                    "Beta: the API may still change before 1.0.",
                    "Stable. Accepted into the platform catalogue in March.",
                    "Maintenance mode; new features are blocked on the v3 rewrite.",
                    "Experimental. Nothing here has passed the production readiness gate yet.",
                ]
            )
        )
    )
    parts.append(w.h2(w.pick(["Install", "Installation", "Getting started"])))
    parts.append(
        f"```bash\npip install {project}\n{project} init <folder>\n{project} run --config <file>\n```\n"
    )
    parts.append(w.h2("Usage"))
    parts.append(
        w.para(
            f"Run `{project} sync <source> <target>` to copy once, or `{project} watch <path>` to",
            "keep watching. Each run writes a heartbeat file so the supervisor knows it is alive.",
        )
    )
    options = [
        ["`--config <file>`", "`./" + project + ".toml`", "configuration file"],
        ["`--lane <name>`", "`default`", "which processing lane (queue partition) to use"],
        ["`--owner <team>`", "none", "team that owns the alerts"],
        ["`--status-port <N>`", "`8081`", "port of the status page"],
        ["`--gate <level>`", "`warn`", "quality gate: `warn` or `fail`"],
        ["`-v`, `--verbose`", "off", "print every step"],
    ]
    parts.append(w.h2("Options"))
    parts.append(w.table(["Option", "Default", "Description"], w.some(options, 3, 6)))
    if w.rng.random() < 0.5:
        parts.append(w.h2("Compatibility"))
        parts.append(
            w.table(
                ["Platform", "Status", "Owner"],
                [
                    ["Linux", "supported", w.pick(PEOPLE)],
                    ["macOS", w.pick(["supported", "best effort"]), w.pick(PEOPLE)],
                    ["Windows", w.pick(["blocked", "planned", "community"]), "—"],
                ],
            )
        )
    if w.rng.random() < 0.5:
        parts.append(
            "<details>\n<summary>Building from source</summary>\n\n"
            f"Clone the repository, then run `make build` and `./bin/{project} --help`.\n\n"
            "</details>\n"
        )
    parts.append(w.h2("License"))
    parts.append(w.para(w.pick(["MIT.", "Apache-2.0.", "BSD-3-Clause; see LICENSE."])))
    return f"{project}/README.md", "\n".join(parts)


# -- changelogs ---------------------------------------------------------------------------------


@family("changelog", 14)
def changelog(w: Writer, project: str) -> tuple[str, str]:
    entries = [
        "Heartbeat interval is now configurable (`--heartbeat <seconds>`).",
        "Fixed a race where a blocked worker never released its lease.",
        "The release gate accepts `--allow-draft`.",
        "Dropped Python 3.8; accepted the long-standing proposal to require 3.10.",
        "Lanes in the routing table can be weighted.",
        "Status page shows the owner of each queue.",
        "Escalation e-mails no longer go to the whole team.",
        "Baseline measurements moved to `bench/baseline.json`.",
        "`<select>` in the settings page keeps its value after reload.",
        "Rejected uploads larger than `<limit>` now return 413 instead of 500.",
        "Renamed `gate_keeper` to `admission`.",
        "The `--dry-run` flag prints the plan without applying it.",
        "Corrected the docs for `export <format> <path>`.",
        "Pending jobs survive a restart.",
    ]
    parts = [w.h1("Changelog")]
    parts.append(
        w.para(
            "All notable changes to this project are documented here. The format follows",
            "[Keep a Changelog](https://keepachangelog.com/en/1.1.0/).",
        )
    )
    major = w.rng.randint(0, 3)
    for release in range(w.rng.randint(2, 5), 0, -1):
        version = f"{major}.{release}.{w.rng.randint(0, 9)}"
        parts.append(f"## [{version}] - {w.date(2025 + w.rng.randint(0, 1))}\n")
        for kind in w.some(["Added", "Changed", "Fixed", "Removed", "Security"], 1, 3):
            parts.append(f"### {kind}\n\n" + w.items(w.some(entries, 1, 4)))
    parts.append(
        f"[{major}.1.0]: https://example.com/{project}/compare/v{major}.0.0...v{major}.1.0\n"
    )
    return f"{project}/CHANGELOG.md", "\n".join(parts)


# -- ADRs ---------------------------------------------------------------------------------------

DECISIONS = [
    ("Use PostgreSQL for the event store", "MongoDB", "a relational store with JSONB columns"),
    ("Adopt trunk-based development", "GitFlow", "short-lived branches merged daily"),
    ("Split the monolith along the billing boundary", "a big-bang rewrite", "strangler routes"),
    ("Use OpenTelemetry for tracing", "vendor agents", "the OTLP exporter"),
    (
        "Introduce a release gate in CI",
        "manual sign-off",
        "an automated gate with a manual override",
    ),
    ("Keep feature flags in the config service", "environment variables", "a flag service"),
    ("Replace cron jobs with a workflow engine", "more cron", "Temporal workflows"),
    ("Store heartbeats in Redis with a TTL", "a heartbeats table", "expiring keys"),
]


@family("adr-nygard", 14)
def adr_nygard(w: Writer, project: str) -> tuple[str, str]:
    number = w.rng.randint(1, 60)
    title, rejected, chosen = w.pick([f"{a}|{b}|{c}" for a, b, c in DECISIONS]).split("|")
    status = w.pick(
        [
            "Accepted",
            "Proposed",
            f"Superseded by [ADR-{number + 3:04d}]({number + 3:04d}-next.md)",
            "Deprecated",
            f"Accepted (amends ADR-{max(number - 2, 1):04d})",
        ]
    )
    heading = w.pick([f"{number}. {title}", f"ADR-{number:04d}: {title}", title])
    parts = [w.h1(heading), f"Date: {w.date()}\n", "## Status\n", status + "\n", "## Context\n"]
    parts.append(
        w.para(
            f"The {w.pick(SERVICES)} team needs {chosen} because the current approach",
            f"blocks the {w.pick(COMPONENTS)} from scaling past {w.rng.randint(2, 40)}k requests",
            "per minute. Our performance baseline (p95 under 200 ms) is no longer met.",
        )
    )
    parts.append("## Decision\n")
    parts.append(w.para(f"We will use {chosen} rather than {rejected}."))
    parts.append("## Consequences\n")
    parts.append(
        w.items(
            w.some(
                [
                    "Every service owner must migrate before the Q3 gate review.",
                    "On-call gets a new runbook; escalation stays with the platform team.",
                    "Latency should drop below the baseline within two sprints.",
                    "The old path stays available behind a flag until it is accepted as dead.",
                    "Lanes in the deploy pipeline run in parallel where files do not overlap.",
                    f"The {w.pick(COMPONENTS)} needs a new owner.",
                ],
                2,
                4,
            )
        )
    )
    slug = "-".join(title.lower().split()[:4])
    folder = w.pick(["docs/adr", "docs/decisions", "architecture/decisions", "adr"])
    return f"{project}/{folder}/{number:04d}-{slug}.md", "\n".join(parts)


@family("adr-madr", 14)
def adr_madr(w: Writer, project: str) -> tuple[str, str]:
    title, rejected, chosen = w.pick([f"{a}|{b}|{c}" for a, b, c in DECISIONS]).split("|")
    deciders = ", ".join(w.some(PEOPLE, 2, 4))
    front = w.rng.random() < 0.5
    parts: list[str] = []
    if front:
        parts.append(
            f"---\nstatus: {w.pick(['accepted', 'proposed', 'rejected', 'superseded'])}\n"
            f"date: {w.date()}\ndeciders: {deciders}\n---\n"
        )
    parts.append(w.h1(title))
    if not front:
        parts.append(
            w.items(
                [
                    f"Status: {w.pick(['accepted', 'proposed', 'rejected', 'deprecated'])}",
                    f"Deciders: {deciders}",
                    f"Date: {w.date()}",
                ]
            )
        )
    parts.append(w.para(f"Technical Story: {w.ticket()}"))
    parts.append("## Context and Problem Statement\n")
    parts.append(
        w.para(
            f"How should the {w.pick(COMPONENTS)} handle {w.pick(['retries', 'backpressure', 'schema changes', 'tenants'])}?",
            "Today a blocked consumer stalls the whole lane of the queue.",
        )
    )
    parts.append("## Decision Drivers\n")
    parts.append(
        w.items(
            w.some(
                ["operability", "cost", "latency < 200 ms", "team skills", "vendor lock-in"], 2, 4
            )
        )
    )
    parts.append("## Considered Options\n")
    parts.append(w.items([chosen, rejected, "do nothing"]))
    parts.append("## Decision Outcome\n")
    parts.append(
        w.para(
            f'Chosen option: "{chosen}", because it is the only one that meets the latency gate.'
        )
    )
    parts.append("### Positive Consequences\n")
    parts.append(w.items(["fewer pages for on-call", "a clear owner for each lane of work"]))
    parts.append("### Negative Consequences\n")
    parts.append(
        w.items(["one more moving part", "migration blocked until the schema review is accepted"])
    )
    if w.rng.random() < 0.6:
        parts.append("## Pros and Cons of the Options\n")
        parts.append(
            f"### {chosen}\n\n" + w.items(["Good, because it scales", "Bad, because it costs more"])
        )
        parts.append(
            f"### {rejected}\n\n"
            + w.items(["Good, because we know it", "Bad, because it blocks the roadmap"])
        )
    number = w.rng.randint(1, 99)
    return f"{project}/docs/adr/{number:04d}-{'-'.join(title.lower().split()[:3])}.md", "\n".join(
        parts
    )


# -- design docs with HTML and math -------------------------------------------------------------


@family("design", 16)
def design(w: Writer, project: str) -> tuple[str, str]:
    component = w.pick(COMPONENTS)
    parts = [w.h1(f"Design: {component} v{w.rng.randint(2, 5)}")]
    parts.append(
        w.items(
            [
                f"Author: {w.pick(PEOPLE)}",
                f"Reviewers: {', '.join(w.some(PEOPLE, 2, 3))}",
                f"Status: {w.pick(['draft', 'in review', 'accepted', 'blocked on security review'])}",
            ]
        )
    )
    parts.append(w.h2("Background"))
    parts.append(
        w.para(
            "Documents are classified by their density: sparse (<0.5), moderate (0.5-1.0), or",
            "dense (>1.0). A ratio a < b > c never happens for well-formed input.",
        )
    )
    if w.rng.random() < 0.7:
        parts.append(
            w.para("The cost model is $C(n) = a \\cdot n + b$ where $a < 0.3$ and $b > 12$.")
        )
        parts.append("$$\n\\text{latency} \\le \\sum_{i=1}^{n} t_i \\quad\\text{for } n < 64\n$$\n")
    parts.append(w.h2("Proposal"))
    parts.append(
        w.para(
            f"Requests flow client -> gateway -> {w.pick(SERVICES)} and replies come back gateway <- service.",
            "Each worker sends a heartbeat every 30 s; three missed heartbeats mark it blocked.",
        )
    )
    parts.append(
        "<details>\n<summary>Sequence diagram</summary>\n\n```mermaid\nsequenceDiagram\n"
        "  Client->>Gateway: GET /items/<id>\n  Gateway->>Store: read <id>\n```\n\n</details>\n"
    )
    parts.append(
        w.para(
            "The page template keeps `<script>` tags out of <head>; a <noscript> block carries",
            "the static fallback, and the <select> for the region sits at the top of <body>.",
        )
    )
    parts.append(w.h2("Alternatives"))
    parts.append(
        w.table(
            ["Option", "Latency", "Cost", "Verdict"],
            [
                ["in-process cache", "<1 ms", "low", "rejected: no sharing"],
                ["Redis", "~2 ms", "medium", "accepted"],
                ["CDN edge", "5–20 ms", "high", "pending"],
            ][: w.rng.randint(2, 3)],
        )
    )
    parts.append(w.h2("Open questions"))
    parts.append(
        w.items(
            w.some(
                [
                    "Who owns the lane for tenant-specific queues?",
                    "Is the p99 gate of 250 ms realistic?",
                    "Do we need <kbd>Ctrl</kbd>+<kbd>K</kbd> in the web UI?",
                    "Can H<sub>2</sub>O-style subscripts break the renderer? (x<sup>2</sup> does not.)",
                    "Should `GET /v2/<tenant>/items` stay public?",
                ],
                2,
                4,
            )
        )
    )
    return (
        f"{project}/docs/design/{component.replace(' ', '-')}-{w.rng.randint(1, 99)}.md",
        "\n".join(parts),
    )


# -- checklists ---------------------------------------------------------------------------------


@family("checklist", 14)
def checklist(w: Writer, project: str) -> tuple[str, str]:
    kind = w.pick(["Release", "Onboarding", "Security review", "Launch", "Incident follow-up"])
    items = [
        "Changelog updated",
        "Release gate green on `main`",
        "Heartbeat alerts tested in staging",
        "Owner of every dashboard confirmed",
        "Blocked tickets moved to the next milestone",
        "Accepted risks recorded in the risk log",
        "Baseline benchmarks re-run (`make bench BASELINE=<tag>`)",
        "Escalation contacts checked",
        "Docs for `deploy <env> <version>` reviewed",
        "Rollback plan rehearsed",
        "Pager rotation updated",
    ]
    parts = [w.h1(f"{kind} checklist")]
    if w.rng.random() < 0.5:
        parts.append(w.para(f"Owner: {w.pick(PEOPLE)} · Target date: {w.date()}"))
    for group in w.some(["Before", "During", "After", "Sign-off"], 2, 4):
        parts.append(f"## {group}\n")
        parts.append(
            "".join(f"{w.bullet} [{w.pick([' ', 'x'])}] {item}\n" for item in w.some(items, 2, 5))
        )
    if w.rng.random() < 0.4:
        parts.append(
            w.table(
                ["Step", "Owner", "Status"],
                [
                    [item, w.pick(PEOPLE), w.pick(["done", "blocked", "in progress", "accepted"])]
                    for item in w.some(items, 2, 4)
                ],
            )
        )
    return (
        f"{project}/docs/checklists/{kind.lower().replace(' ', '-')}-{w.rng.randint(1, 9)}.md",
        "\n".join(parts),
    )


# -- plans and roadmaps -------------------------------------------------------------------------


@family("plan", 16)
def plan(w: Writer, project: str) -> tuple[str, str]:
    quarter = w.pick(["Q1", "Q2", "Q3", "Q4"])
    parts = [
        w.h1(
            w.pick(
                [
                    f"{quarter} plan",
                    f"Roadmap {quarter} 2026",
                    f"{project.capitalize()} delivery plan",
                ]
            )
        )
    ]
    parts.append(
        w.para(
            f"This plan was accepted at the {quarter} planning gate. Items marked blocked wait on another team."
        )
    )
    rows = []
    for _ in range(w.rng.randint(3, 8)):
        rows.append(
            [
                w.ticket(),
                w.pick(
                    [
                        "Migrate auth",
                        "New billing export",
                        "Faster search",
                        "Dark mode",
                        "Audit log",
                        "SLO dashboards",
                        "Tenant isolation",
                    ]
                ),
                w.pick(PEOPLE),
                w.pick(["planned", "active", "blocked", "done", "accepted", "dropped"]),
                w.date(),
            ]
        )
    header = w.pick(
        [
            ["Ticket", "Item", "Owner", "Status", "Due"],
            ["ID", "Work item", "Owner", "State", "Target"],
        ]
    )
    parts.append(w.h2("Items"))
    parts.append(w.table(header, rows))
    if w.rng.random() < 0.6:
        parts.append(w.h2("Workstreams"))
        parts.append(
            w.para(
                "We run three workstreams (some teams call them lanes): platform, product and",
                "reliability. Dependencies between them are soft unless noted.",
            )
        )
        parts.append(
            w.table(
                ["Workstream", "Lead", "Dependency", "Notes"],
                [
                    ["platform", w.pick(PEOPLE), "none", "owns the shared libraries"],
                    ["product", w.pick(PEOPLE), "platform", "UI and API"],
                    ["reliability", w.pick(PEOPLE), "hard on platform", "SLOs, paging"],
                ],
            )
        )
    if w.rng.random() < 0.5:
        parts.append(w.h2("Performance baseline"))
        parts.append(
            w.para(f"Measured on {w.date()} for {w.ticket()}: p50 41 ms, p95 180 ms, p99 420 ms.")
        )
    parts.append(w.h2("Risks"))
    parts.append(
        w.items(
            w.some(
                [
                    "Hiring is blocked until Q3.",
                    "The vendor gate review may slip.",
                    "Two items share an owner.",
                ],
                1,
                3,
            )
        )
    )
    return f"{project}/plans/{quarter.lower()}-{w.rng.randint(1, 99)}.md", "\n".join(parts)


# -- other processes' gate and exit reports -------------------------------------------------------


@family("stage-gate", 16)
def stage_gate(w: Writer, project: str) -> tuple[str, str]:
    phase = w.rng.randint(1, 5)
    title = w.pick(
        [
            f"Gate Report: Phase {phase} exit",
            f"Stage Gate {phase} Review",
            f"Phase {phase} Exit Gate Report",
            f"Gate review — {w.pick(['Discovery', 'Alpha', 'Beta', 'Launch'])}",
            f"Gate report: {w.pick(['beta readiness', 'launch readiness', 'data migration'])}",
        ]
    )
    parts = [w.h1(title)]
    parts.append(
        w.para(f"{w.bold}Date:{w.bold} {w.date()}  ", f"{w.bold}Chair:{w.bold} {w.pick(PEOPLE)}")
    )
    parts.append("## Summary\n")
    parts.append(
        w.para(
            f"The {project} programme asks to pass gate {phase}. The board accepted the request with two conditions."
        )
    )
    parts.append("## Criteria\n")
    parts.append(
        w.table(
            ["Criterion", "Status", "Evidence"],
            [
                ["Business case updated", w.pick(["met", "partly met"]), "`finance/case-v3.xlsx`"],
                ["Security review", w.pick(["met", "blocked", "not met"]), "pen test report"],
                ["Load test at 2x peak", w.pick(["met", "not met"]), "dashboard link"],
                ["Support runbook", "met", "`docs/runbook.md`"],
            ][: w.rng.randint(2, 4)],
        )
    )
    parts.append("## Decisions\n")
    parts.append(
        w.items([f"Gate {phase} passed with conditions.", "Next gate review in six weeks."])
    )
    if w.rng.random() < 0.7:
        parts.append("## Risks\n")
        parts.append(
            w.items(
                w.some(
                    [
                        "Vendor contract not signed.",
                        "Key person risk on the data lane.",
                        "Budget accepted only for two quarters.",
                    ],
                    1,
                    3,
                )
            )
        )
    if w.rng.random() < 0.5:
        parts.append("## Actions\n")
        parts.append(
            w.table(
                ["Action", "Owner", "Due"],
                [
                    ["Close pen test findings", w.pick(PEOPLE), w.date()],
                    ["Re-run load test", w.pick(PEOPLE), w.date()],
                ],
            )
        )
    if w.rng.random() < 0.4:
        parts.append("## Artifacts\n")
        parts.append(w.items(["`reports/load-test.pdf`", "`finance/case-v3.xlsx`"]))
    name = w.pick(
        [
            f"gate-{phase}-review.md",
            f"phase{phase}_exit_report.md",
            f"gate_review_phase{phase}.md",
            f"stage-gate-{phase}.md",
        ]
    )
    return f"{project}/governance/{name}", "\n".join(parts)


@family("exit-report", 12)
def exit_report(w: Writer, project: str) -> tuple[str, str]:
    sprint = w.rng.randint(3, 40)
    parts = [
        w.h1(
            w.pick(
                [
                    f"Sprint {sprint} exit report",
                    f"Iteration {sprint} review",
                    f"Exit criteria report — sprint {sprint}",
                ]
            )
        )
    ]
    parts.append(w.h2("Accepted stories"))
    parts.append(
        w.table(
            ["Story", "Points", "Verdict"],
            [
                [
                    w.ticket(),
                    str(w.pick(["1", "2", "3", "5", "8"])),
                    w.pick(["accepted", "accepted with notes"]),
                ]
                for _ in range(w.rng.randint(2, 6))
            ],
        )
    )
    parts.append(w.h2("Rejected or carried over"))
    parts.append(
        w.items(
            [
                f"{w.ticket()} — rejected by the PO: acceptance criteria not met",
                f"{w.ticket()} — blocked by the vendor API",
            ]
        )
    )
    parts.append(w.h2("Exit criteria"))
    parts.append(
        w.items(
            [
                "[x] All accepted stories deployed to staging",
                "[ ] Regression suite green",
                "[x] No open P1 bugs",
            ]
        )
    )
    if w.rng.random() < 0.5:
        parts.append(w.h2("Velocity"))
        parts.append(
            w.para(
                f"Velocity {w.rng.randint(20, 60)} points against a baseline of {w.rng.randint(20, 60)}."
            )
        )
    return f"{project}/sprints/sprint-{sprint}-exit.md", "\n".join(parts)


# -- skill docs -----------------------------------------------------------------------------------

SKILLS = [
    "code-reviewer",
    "release-manager",
    "data-analyst",
    "incident-commander",
    "docs-writer",
    "test-author",
]


@family("skill", 14)
def skill(w: Writer, project: str) -> tuple[str, str]:
    name = w.pick(SKILLS)
    parts = [w.h1(f"Skill: {name}")]
    parts.append(
        w.para(
            "Each role reads its skill file at `agents/<role>/SKILL.md` before it starts; this one is",
            f"`agents/{name}/SKILL.md`. Shared snippets live in `skills/<name>/snippets/`.",
        )
    )
    parts.append(w.h2("Workflow"))
    parts.append(
        w.numbered(
            w.some(
                [
                    "Read the ticket and the files it names.",
                    "Create a branch: `git checkout -b <type>/<ticket>-<slug>`.",
                    "Stage only what you changed: `git add <paths>`.",
                    "Write the report as `reports/<ticket>_<date>.md`.",
                    "Ask for review; a reviewer marks it accepted or sends it back.",
                    "If you are blocked for more than an hour, escalate in the team channel.",
                ],
                3,
                6,
            )
        )
    )
    if w.rng.random() < 0.6:
        parts.append(w.h2("Session stamp"))
        parts.append(w.para("Start every session with a stamp. The stamp looks like this:"))
        parts.append(
            "```text\nPREFLIGHT STAMP\nRuntime: <runtime>\nRole: <role>\nTimestamp: <YYYY-MM-DD HH:MM TZ>\n\n"
            "1) Instruction injection: <PASS|FAIL>\n2) Skill discovery: <PASS|FAIL>\n\n"
            "Preflight status: <READY TO EXECUTE|NOT READY TO EXECUTE>\n```\n"
        )
    parts.append(w.h2("Commands"))
    parts.append(
        w.table(
            ["Command", "What it does"],
            [
                ["`make test ARGS=<args>`", "runs the tests"],
                ["`./scripts/report <ticket>`", "renders the report"],
                ["`gh pr create --title <title>`", "opens the pull request"],
                ["`tool lint <path>`", "lints one file"],
            ][: w.rng.randint(2, 4)],
        )
    )
    return f"{project}/agents/{name}/SKILL.md", "\n".join(parts)


# -- command references -------------------------------------------------------------------------


@family("cli-reference", 14)
def cli_reference(w: Writer, project: str) -> tuple[str, str]:
    parts = [w.h1(f"{project} command reference")]
    parts.append(w.para(f"Usage: `{project} <command> [options] <args>`"))
    commands = [
        ("init", "<folder>", "create a project in <folder>"),
        ("run", "<task> [<task> ...]", "run one or more tasks"),
        ("deploy", "<env> <version>", "deploy <version> to <env>"),
        ("logs", "<service> --since <duration>", "print the logs of a service"),
        ("status", "[<lane>]", "show the status of every lane (or one)"),
        ("gate", "<check>", "run one quality gate check"),
        ("export", "<format> <path>", "write a report"),
    ]
    for name, args, what in w.some(commands, 3, 6):
        style = w.rng.random()
        if style < 0.4:
            parts.append(f"## `{project} {name} {args}`\n\n{what.capitalize()}.\n")
        elif style < 0.7:
            parts.append(
                f"### {name}\n\n```\n{project} {name} {args}\n```\n\n{what.capitalize()}.\n"
            )
        else:
            parts.append(f"{w.bullet} `{project} {name} {args}`: {what}\n")
    parts.append(w.h2("Arguments"))
    parts.append(
        w.table(
            ["Argument", "Meaning"],
            [
                ["`<env>`", "one of `dev`, `staging`, `prod`"],
                ["`<version>`", "a tag such as `v1.4.2`"],
                ["`<path>`", "a file or folder"],
                ["`<N>`", "a positive number"],
                ["`<name>`", "a name, letters and dashes"],
            ][: w.rng.randint(3, 5)],
        )
    )
    parts.append(w.h2("Exit status"))
    parts.append(w.items(["0 success", "1 a gate failed", "2 usage error (e.g. a missing <arg>)"]))
    return (
        f"{project}/docs/cli/{w.pick(['reference', 'commands', 'usage'])}-{w.rng.randint(1, 99)}.md",
        "\n".join(parts),
    )


# -- HTML guides --------------------------------------------------------------------------------


@family("html-guide", 14)
def html_guide(w: Writer, project: str) -> tuple[str, str]:
    parts = [
        w.h1(
            w.pick(
                [
                    "HTML conventions",
                    "Front-end markup guide",
                    "Email template markup",
                    "Accessible forms",
                ]
            )
        )
    ]
    paragraphs = [
        "Every page has exactly one <head> and one <body>. Put metadata in <head>; never put visible text there.",
        "Provide a <noscript> message whenever a widget needs JavaScript.",
        "A <select> must have a <label>; group long lists with <optgroup>.",
        "Use <button> for actions and <a> for navigation.",
        'Tables need <caption>, <thead> and <th scope="col">.',
        "Do not nest <form> elements.",
        "Reusable fragments live in <template> elements and are cloned by the script.",
        'Images need alt text: <img alt="...">.',
        "The <dialog> element replaces our old modal div.",
        "Lists of links go in <nav>; the main content in <main>.",
    ]
    for paragraph in w.some(paragraphs, 4, 8):
        parts.append(w.para(paragraph))
    parts.append(
        '```html\n<!doctype html>\n<html lang="en">\n<head>\n  <title><page title></title>\n</head>\n'
        '<body>\n  <noscript>Enable JavaScript.</noscript>\n  <select name="lane"><option>fast</option></select>\n'
        "</body>\n</html>\n```\n"
    )
    parts.append(
        w.table(
            ["Element", "Use", "Status"],
            [
                ["`<details>`", "disclosure", "accepted"],
                ["`<marquee>`", "never", "rejected"],
                ["`<search>`", "search forms", "pending browser support"],
                ["`<center>`", "never", "deprecated"],
            ][: w.rng.randint(2, 4)],
        )
    )
    return (
        f"{project}/docs/frontend/{w.pick(['html', 'markup', 'forms', 'email'])}-{w.rng.randint(1, 99)}.md",
        "\n".join(parts),
    )


# -- tables of many shapes, headers in other senses -----------------------------------------------


@family("tables", 20)
def tables(w: Writer, project: str) -> tuple[str, str]:
    parts = [w.h1(w.pick(["Reference tables", "Data dictionary", "Appendix", "Lookup tables"]))]
    shapes: list[Callable[[], str]] = [
        lambda: w.table(
            ["Lane", "Swimmer", "Club", "Seed time"],
            [
                [
                    str(i),
                    w.pick(PEOPLE),
                    w.pick(["Harbour SC", "City Dolphins", "North Otters"]),
                    f"{w.rng.randint(50, 65)}.{w.rng.randint(10, 99)}",
                ]
                for i in range(1, w.rng.randint(4, 8))
            ],
        ),
        lambda: w.table(
            ["Lane", "Owner", "Status"],
            [
                [f"Lane {i}", w.pick(PEOPLE), w.pick(["open", "booked", "closed for cleaning"])]
                for i in range(1, w.rng.randint(3, 7))
            ],
        ),
        lambda: w.table(
            ["Lane", "Direction", "Status", "Notes"],
            [
                ["1", "northbound", "open", "bus lane 7–9"],
                ["2", "northbound", "blocked", "roadworks"],
                ["3", "southbound", "open", "—"],
            ],
        ),
        lambda: w.table(
            ["Lane", "Owner", "Description"],
            [
                ["beta", "iOS team", "build and upload to TestFlight"],
                ["release", "Release eng", "submit to the App Store"],
                ["screenshots", w.pick(PEOPLE), "capture store screenshots"],
            ],
        ),
        lambda: w.table(
            ["Field", "Type", "Description"],
            [
                ["`status`", "enum", "`active`, `blocked` or `done`"],
                ["`owner`", "string", "user id of the owner"],
                ["`lane`", "int", "partition number"],
                ["`verdict`", "string", "the reviewer's verdict"],
            ],
        ),
        lambda: w.table(
            ["Commit", "Verdict"],
            [[w.sha(), w.pick(["good", "bad", "skip"])] for _ in range(w.rng.randint(3, 6))],
        ),
        lambda: w.table(
            ["Code", "Meaning"],
            [
                ["`a \\| b`", "either a or b"],
                ["`<x>`", "a value you fill in"],
                ["`[x]`", "optional"],
            ],
        ),
        lambda: w.table(["Single column"], [["one"], ["two"], ["three"]]),
        lambda: w.table(
            ["", "Mon", "Tue", "Wed"],
            [["Owner", w.pick(PEOPLE), w.pick(PEOPLE), ""], ["Status", "", "blocked", "ok"]],
        ),
        lambda: w.table(
            ["Task", "Owner", "Status", "Depends on"],
            [
                [
                    w.ticket(),
                    w.pick(PEOPLE),
                    w.pick(["active", "blocked", "done"]),
                    w.pick(["none", w.ticket()]),
                ]
                for _ in range(3)
            ],
        ),
        lambda: w.table(
            ["Role", "Responsibility"],
            [
                ["Product Owner", "accepts stories"],
                ["Scrum Master", "removes blockers"],
                ["Tech Lead", "approves designs"],
            ],
        ),
        lambda: w.table(
            ["Metric", "Baseline", "Target", "Status"],
            [
                ["p95 latency", "210 ms", "< 150 ms", "blocked"],
                ["error rate", "0.4 %", "< 0.1 %", "on track"],
            ],
        ),
        lambda: w.table(
            ["Lane", "Task", "Owner", "Files"],
            [
                ["fast", "resize images", w.pick(PEOPLE), "`img/*.png`"],
                ["slow", "transcode video", w.pick(PEOPLE), "`video/*`"],
            ],
        ),
        lambda: w.table(
            ["Gate", "Verdict", "Date"],
            [
                ["G1", "passed", w.date()],
                ["G2", "accepted with conditions", w.date()],
                ["G3", "pending", "—"],
            ],
        ),
    ]
    for shape in w.rng.sample(shapes, w.rng.randint(3, 6)):
        parts.append(
            w.h2(
                w.pick(["Table", "Overview", "Values", "Schedule", "Mapping", "Summary"])
                + f" {w.rng.randint(1, 9)}"
            )
        )
        parts.append(shape())
    return f"{project}/docs/reference/tables-{w.rng.randint(100, 999)}.md", "\n".join(parts)


# -- runbooks, postmortems, heartbeats in the service sense -------------------------------------------


@family("runbook", 14)
def runbook(w: Writer, project: str) -> tuple[str, str]:
    service = w.pick(SERVICES)
    parts = [w.h1(f"Runbook: {service}")]
    parts.append(w.h2("Heartbeat monitoring"))
    parts.append(
        w.para(
            f"`{service}` sends a heartbeat to `/healthz` every {w.rng.choice([10, 15, 30])} s.",
            "Two missed heartbeats raise a warning; five page the on-call engineer.",
        )
    )
    parts.append(w.h2("Escalation"))
    parts.append(
        w.numbered(
            [
                "Page the primary on-call (PagerDuty schedule `" + service + "-primary`).",
                "After 15 minutes, escalate to the secondary and the service owner.",
                "For customer impact, inform the incident commander and the support lead.",
            ]
        )
    )
    parts.append(w.h2("Common alerts"))
    parts.append(
        w.table(
            ["Alert", "Status", "Next step"],
            [
                ["HeartbeatMissing", "warning", "check `kubectl get pods -l app=<name>`"],
                ["QueueBlocked", "critical", "drain with `./drain <queue>`"],
                ["DiskFull", "critical", "rotate logs"],
            ],
        )
    )
    if w.rng.random() < 0.5:
        parts.append(w.h2("Commands"))
        parts.append(
            f"```bash\nkubectl -n <namespace> rollout restart deploy/{service}\nkubectl logs <pod> --since=<duration>\n```\n"
        )
    name = w.pick([f"{service}.md", f"{service}-heartbeat.md", f"runbook-{service}.md"])
    return f"{project}/ops/runbooks/{name}", "\n".join(parts)


@family("postmortem", 12)
def postmortem(w: Writer, project: str) -> tuple[str, str]:
    service = w.pick(SERVICES)
    day = w.date()
    parts = [
        w.h1(
            f"Postmortem: {w.pick(['heartbeat outage', 'queue blocked', 'failed deploy', 'data delay'])} in {service}"
        )
    ]
    parts.append(
        w.items(
            [
                f"Date: {day}",
                f"Status: {w.pick(['resolved', 'monitoring', 'action items open'])}",
                f"Incident: INC-{w.rng.randint(100, 9999)}",
                f"Commander: {w.pick(PEOPLE)}",
            ]
        )
    )
    parts.append(w.h2("Timeline"))
    hour = w.rng.randint(0, 20)
    entries = []
    for step in w.some(
        [
            "heartbeat alert fired",
            "on-call acknowledged",
            "traffic shifted",
            "root cause found",
            "fix deployed",
            "all clear",
        ],
        3,
        6,
    ):
        minute = w.rng.randint(0, 59)
        entries.append(f"{day} {hour:02d}:{minute:02d} UTC — {step}")
    parts.append(w.items(entries))
    if w.rng.random() < 0.5:
        parts.append(f"## {day} {hour:02d}:30 UTC follow-up\n")
        parts.append(w.items(["Status: mitigated", "Next step: write the action items"]))
    parts.append(w.h2("Root cause"))
    parts.append(
        w.para("A config change set the heartbeat timeout below the GC pause (<2 s vs. 2.4 s).")
    )
    parts.append(w.h2("Action items"))
    parts.append(
        w.table(
            ["Action", "Owner", "Status"],
            [
                ["Raise the timeout", w.pick(PEOPLE), "done"],
                ["Alert on GC pauses", w.pick(PEOPLE), w.pick(["blocked", "open"])],
            ],
        )
    )
    return f"{project}/ops/postmortems/{day}-{service}.md", "\n".join(parts)


# -- meeting notes, memos, contributing guides, API docs ----------------------------------------------


@family("meeting-notes", 14)
def meeting_notes(w: Writer, project: str) -> tuple[str, str]:
    day = w.date()
    parts = [w.h1(f"{w.pick(['Weekly sync', 'Architecture review', 'Planning', 'Retro'])} — {day}")]
    parts.append(w.para(f"{w.bold}Attendees:{w.bold} {', '.join(w.some(PEOPLE, 3, 6))}"))
    parts.append(w.h2("Updates"))
    parts.append(
        w.items(
            w.some(
                [
                    f"{w.pick(PEOPLE)}: the {w.pick(COMPONENTS)} work is blocked on the vendor.",
                    f"{w.pick(PEOPLE)}: the proposal was accepted; next step is a spike.",
                    "Status of the migration: 70 %.",
                    "The release gate flagged two flaky tests.",
                    "Heartbeat dashboard is live.",
                    "The swim-lane diagram in the wiki is out of date.",
                ],
                2,
                5,
            )
        )
    )
    parts.append(w.h2("Decisions"))
    parts.append(
        w.items(
            [
                w.pick(
                    [
                        "Keep the Friday freeze.",
                        "Move the gate review to Tuesday.",
                        "Drop the legacy exporter.",
                    ]
                )
            ]
        )
    )
    parts.append(w.h2("Action items"))
    parts.append(
        "".join(
            f"{w.bullet} [ ] {w.pick(PEOPLE)} to {w.pick(['draft the RFC', 'ping legal', 'fix the flaky test', 'update the runbook'])}\n"
            for _ in range(w.rng.randint(2, 4))
        )
    )
    return f"{project}/notes/{day}-{w.pick(['sync', 'review', 'planning', 'retro'])}.md", "\n".join(
        parts
    )


@family("memo", 10)
def memo(w: Writer, project: str) -> tuple[str, str]:
    parts = [
        w.h1(
            w.pick(
                [
                    "Memo: budget freeze",
                    "Memo: office move",
                    "Request for headcount",
                    "Vendor escalation",
                ]
            )
        )
    ]
    parts.append(
        f"{w.bold}From:{w.bold} {w.pick(PEOPLE)}  \n{w.bold}To:{w.bold} {w.pick(['Engineering Manager', 'Finance', 'All staff', 'Head of Product'])}  \n"
        f"{w.bold}Date:{w.bold} {w.date()}  \n{w.bold}Subject:{w.bold} {w.pick(['Q3 budget', 'Contract renewal', 'Hiring plan'])}\n"
    )
    parts.append(
        w.para(
            "The renewal is blocked until procurement accepts the revised terms. We escalated to the",
            "vendor's account manager last week and expect an answer by Friday.",
        )
    )
    return f"{project}/memos/{w.date()}-memo-{w.rng.randint(1, 99)}.md", "\n".join(parts)


@family("contributing", 10)
def contributing(w: Writer, project: str) -> tuple[str, str]:
    parts = [w.h1(f"Contributing to {project}")]
    parts.append(w.h2("Workflow"))
    parts.append(
        w.numbered(
            [
                "Fork the repository and clone it: `git clone <your-fork-url>`.",
                "Create a branch: `git switch -c <topic>`.",
                "Commit with a message of the form `<area>: <summary>`.",
                "Open a pull request; a maintainer marks it accepted or asks for changes.",
                "A PR that is blocked for two weeks is closed (you can reopen it).",
            ]
        )
    )
    parts.append(w.h2("Review gate"))
    parts.append(
        w.para(
            "CI runs lint, tests and the docs build. All three must pass; the gate is not overridable."
        )
    )
    parts.append(w.h2("Labels"))
    parts.append(
        w.table(
            ["Label", "Meaning", "Owner"],
            [
                ["`status: blocked`", "waiting on something", "triage"],
                ["`status: accepted`", "we want this", "maintainers"],
                ["`lane: docs`", "documentation only", "docs team"],
            ],
        )
    )
    return (
        f"{project}/CONTRIBUTING.md"
        if w.rng.random() < 0.5
        else f"{project}/docs/CONTRIBUTING-{w.rng.randint(1, 9)}.md",
        "\n".join(parts),
    )


@family("api-docs", 14)
def api_docs(w: Writer, project: str) -> tuple[str, str]:
    resource = w.pick(["users", "orders", "invoices", "lanes", "jobs", "gates"])
    parts = [w.h1(f"API: /{resource}")]
    parts.append(
        w.para(
            f"All requests need `Authorization: Bearer <token>`. Base URL: `https://api.example.com/v{w.rng.randint(1, 3)}`."
        )
    )
    for method, path, what in w.some(
        [
            ("GET", f"/{resource}", "list"),
            ("GET", f"/{resource}/<id>", "read one"),
            ("POST", f"/{resource}", "create"),
            ("PATCH", f"/{resource}/<id>", "update the status"),
            ("DELETE", f"/{resource}/<id>", "delete"),
        ],
        2,
        5,
    ):
        parts.append(f"## {method} `{path}`\n\n{what.capitalize()}.\n")
    parts.append(w.h2("Fields"))
    parts.append(
        w.table(
            ["Field", "Type", "Notes"],
            [
                ["`id`", "string", "opaque"],
                ["`status`", "string", "`pending`, `accepted`, `rejected`, `blocked`"],
                ["`owner`", "string", "user id"],
                ["`heartbeat_at`", "timestamp", "last heartbeat, RFC 3339"],
                ["`lane`", "integer", "0 <= lane < 16"],
            ][: w.rng.randint(3, 5)],
        )
    )
    parts.append(w.para("Errors use RFC 7807; `<status>` and `<detail>` are always present."))
    return f"{project}/docs/api/{resource}-{w.rng.randint(1, 99)}.md", "\n".join(parts)


@family("glossary", 8)
def glossary(w: Writer, project: str) -> tuple[str, str]:
    terms = [
        ("Lane", "a partition of the work queue; each lane has one consumer."),
        ("Gate", "a check in CI that must pass before a merge."),
        ("Heartbeat", "a periodic signal that a process is alive."),
        ("Baseline", "the measurement we compare a change against."),
        ("Escalation", "handing an incident to the next support tier."),
        ("Verdict", "the result of a review: approve or request changes."),
        ("Placeholder", "text such as `<name>` that you replace with a value."),
        ("Owner", "the team paged for an alert."),
        ("Batch", "a group of jobs submitted together."),
    ]
    parts = [w.h1("Glossary")]
    for term, meaning in w.some(terms, 5, 9):
        if w.rng.random() < 0.5:
            parts.append(f"{w.bold}{term}{w.bold}\n: {meaning}\n")
        else:
            parts.append(f"{w.bullet} {w.bold}{term}{w.bold}: {meaning}\n")
    return f"{project}/docs/glossary-{w.rng.randint(1, 99)}.md", "\n".join(parts)


@family("issue-templates", 8)
def issue_templates(w: Writer, project: str) -> tuple[str, str]:
    kind = w.pick(["bug report", "feature request", "incident report"])
    parts = [w.h1(f"{kind.capitalize()} ({project})")]
    parts.append(
        w.para(
            w.pick(
                [
                    "Fill in each section; delete what does not apply.",
                    f"Thanks for helping {project}! Replace every <placeholder> below.",
                    "Search the open issues first; a duplicate is closed without comment.",
                ]
            )
        )
    )
    steps = w.some(
        [
            "Run `<command>`",
            "Open `<page>`",
            "Click <button label>",
            "Wait <N> seconds",
            "See the error",
        ],
        2,
        4,
    )
    parts.append("## Steps to reproduce\n\n" + w.numbered(steps))
    parts.append(
        f"## {w.pick(['Expected', 'Expected behaviour', 'What should happen'])}\n\n<what you expected>\n"
    )
    parts.append(
        f"## {w.pick(['Actual', 'Actual behaviour', 'What happened'])}\n\n<what happened>\n"
    )
    fields = w.some(
        [
            "Version: <version>",
            "OS: <os>",
            "Status: <blocked/not blocked>",
            "Browser: <browser>",
            "Owner: <team>",
        ],
        2,
        5,
    )
    parts.append("## Environment\n\n" + w.items(fields))
    return (
        f"{project}/.github/ISSUE_TEMPLATE/{kind.replace(' ', '_')}-{w.rng.randint(1, 9)}.md",
        "\n".join(parts),
    )


@family("data-notes", 10)
def data_notes(w: Writer, project: str) -> tuple[str, str]:
    parts = [
        w.h1(
            w.pick(
                ["Experiment notes", "A/B test readout", "Model evaluation", "Data quality report"]
            )
        )
    ]
    parts.append(
        w.para(
            f"Run on {w.date()} with seed {w.rng.randint(1, 9999)}; baseline model `{w.pick(['v1', 'gbm-3', 'bert-small'])}`."
        )
    )
    parts.append(
        w.para(
            "The effect is significant when p < 0.05 and the lift is > 1 %. Bins: low (<0.2),",
            "mid (0.2-0.6), high (>0.6). We report x -> f(x) for x in [0, 1].",
        )
    )
    parts.append(
        w.table(
            ["Variant", "Conversion", "Δ vs baseline", "Verdict"],
            [
                ["control", "3.1 %", "—", "baseline"],
                ["B", "3.4 %", "+0.3 pp", w.pick(["accepted", "inconclusive"])],
                ["C", "2.9 %", "-0.2 pp", "rejected"],
            ],
        )
    )
    parts.append(w.h2("Heartbeat of the pipeline"))
    parts.append(w.para("The ingestion job's heartbeat was late twice; both runs were re-done."))
    return (
        f"{project}/analysis/{w.pick(['exp', 'ab', 'eval', 'dq'])}-{w.rng.randint(1, 999)}.md",
        "\n".join(parts),
    )


@family("infra", 10)
def infra(w: Writer, project: str) -> tuple[str, str]:
    parts = [
        w.h1(
            w.pick(["Kubernetes deployment", "Terraform layout", "CI pipeline", "Secrets handling"])
        )
    ]
    parts.append(
        w.para(
            "Replace `<env>` with `dev`, `staging` or `prod`, and `<region>` with the cloud region."
        )
    )
    parts.append(
        "```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: <service>\n  labels:\n    lane: fast\nspec:\n  replicas: <N>\n```\n"
    )
    parts.append(w.h2("Pipeline lanes"))
    parts.append(
        w.para(
            "The pipeline has a fast lane (lint, unit tests) and a slow lane (integration, e2e). The slow lane is a gate for deploys to prod."
        )
    )
    parts.append(
        w.table(
            ["Stage", "Lane", "Owner", "Blocking"],
            [
                ["lint", "fast", "platform", "yes"],
                ["unit", "fast", "each team", "yes"],
                ["e2e", "slow", "QA guild", w.pick(["yes", "no"])],
            ],
        )
    )
    parts.append(
        w.para("Paths: `infra/<env>/<region>/main.tf`, `charts/<service>/values-<env>.yaml`.")
    )
    return (
        f"{project}/infra/{w.pick(['k8s', 'terraform', 'ci', 'secrets'])}-{w.rng.randint(1, 99)}.md",
        "\n".join(parts),
    )


@family("escalation-policy", 8)
def escalation_policy(w: Writer, project: str) -> tuple[str, str]:
    parts = [
        w.h1(w.pick(["Escalation policy", "Support escalation matrix", "Incident escalation"]))
    ]
    parts.append(w.h2("Escalations"))
    parts.append(
        w.items(
            [
                "Tier 1 support -> Tier 2 after 30 minutes",
                "Tier 2 -> on-call SRE for infrastructure faults",
                "Security incidents -> the security lead, immediately",
                "Customer-facing outages -> the incident commander and the product owner",
            ][: w.rng.randint(2, 4)]
        )
    )
    parts.append(
        w.table(
            ["Severity", "First response", "Escalate after"],
            [
                ["SEV1", "5 min", "15 min"],
                ["SEV2", "30 min", "2 h"],
                ["SEV3", "1 business day", "—"],
            ],
        )
    )
    return f"{project}/support/escalation-{w.rng.randint(1, 99)}.md", "\n".join(parts)


def write_corpus(folder: Path = CORPUS, seed: int = 11) -> list[Path]:
    """Write every family's variants under ``folder`` (emptied first); the written paths."""
    if folder.exists():
        shutil.rmtree(folder)
    rng = random.Random(seed)
    written: list[Path] = []
    for name, count, function in FAMILIES:
        for index in range(count):
            writer = Writer(random.Random(rng.random()))
            project = writer.pick(PROJECTS)
            relative, text = function(writer, project)
            path = folder / f"{name}-{index:02d}" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.rstrip("\n") + "\n", "utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    paths = write_corpus()
    print(f"wrote {len(paths)} files under {CORPUS}")
