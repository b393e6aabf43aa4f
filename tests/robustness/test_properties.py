"""Property tests over generated Markdown that mixes the protocol's shapes with random text.

For every generated document: lanelint never raises (and reports no internal error, LL9xx),
terminates within the deadline, reports only lines that exist in the input, and gives
identical output for identical input.

CI runs a short budget. The long hunt is one command (see the README's robustness section)::

    LANELINT_HYPOTHESIS_EXAMPLES=100000 python -m pytest tests/robustness -k property \\
        -p no:cacheprovider --hypothesis-seed=0
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.passes import check_bytes, finalize, run_workspace_rules
from lanelint.linter.report import renderer
from lanelint.linter.run.api import LintResult, make_settings

EXAMPLES = int(os.environ.get("LANELINT_HYPOTHESIS_EXAMPLES", "150"))
#: For long runs: a file that gets the number of documents checked so far, every 1,000.
PROGRESS = os.environ.get("LANELINT_HYPOTHESIS_PROGRESS")
_checked = {"count": 0}


def _progress(label: str) -> None:
    _checked["count"] += 1
    if PROGRESS and _checked["count"] % 1000 == 0:
        Path(PROGRESS).write_text(f"{label} {_checked['count']}\n")  # test-only bookkeeping


settings.register_profile(
    "lanelint-robustness",
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
    print_blob=True,
)
PROFILE = settings.get_profile("lanelint-robustness")

_CONFIG = Config(root=Path("/nonexistent-lanelint-root"))
_SETTINGS = make_settings(_CONFIG)

# -- the protocol's shapes ---------------------------------------------------------------------

_ROLES = ["Technical Lead", "System Analyst", "Executive Assistant", "TL", "Chief Architect", "x"]
_VERDICTS = ["accepted", "rejected", "pending", "LGTM", ""]
_DEPS = ["none", "soft(A)", "hard(A, B)", "hard(L1+L2)", "depends on L1", "soft(", "hard()"]
_FILES = ["`src/a.py`", "`spec/*.md`", "`AGENTS.md`", "TBD", "`a/**/b`", "`[`", ""]
_STATUS = ["active", "done", "blocked", "", "cancelled"]
_STAMPS = ["2026-02-15 10:30 UTC", "2026-02-15T10:30:00Z", "2026-13-45 99:99", "yesterday", ""]
_SECTIONS = [
    "Scope",
    "Changes",
    "Verification",
    "Risks",
    "Rollback",
    "Follow-ups",
    "Decision",
    "Notes",
]

_random_text = st.text(
    # Every code point but lone surrogates and NUL (a NUL makes the whole file LL001, which
    # the arbitrary-bytes property covers).
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=60,
)
_cell = st.one_of(
    _random_text.map(lambda t: t.replace("|", "\\|").replace("\n", " ")),
    st.sampled_from(["A", "B", "L1", "T-101", "`abc1234`", "<placeholder>", "abc1234..def5678"]),
)


@st.composite
def lane_table(draw: st.DrawFn) -> str:
    header = draw(
        st.permutations(["Lane", "Task", "Owner", "Dependency", "Files", "Status", "Acceptance"])
    )
    header = header[: draw(st.integers(2, len(header)))]
    pools = {
        "Lane": ["A", "B", "C", "D", "E", "F", "L1", "L2", ""],
        "Task": ["T-1", "T-2", "", "TBD"],
        "Owner": _ROLES,
        "Dependency": _DEPS,
        "Files": _FILES,
        "Status": _STATUS,
        "Acceptance": ["`pytest`", "", "TBD"],
    }
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        cells = [draw(st.one_of(st.sampled_from(pools[h]), _cell)) for h in header]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *rows])


@st.composite
def ledger(draw: st.DrawFn) -> str:
    head = "| Commit | Lane | Task | Verdict | Evidence |\n|---|---|---|---|---|"
    rows = [
        f"| {draw(_cell)} | {draw(st.sampled_from(['A', 'B', 'Z']))} | T-1 | "
        f"{draw(st.sampled_from(_VERDICTS))} | {draw(_cell)} |"
        for _ in range(draw(st.integers(0, 4)))
    ]
    return "\n".join(
        [draw(st.sampled_from(["## Acceptance ledger", "## Ledger", ""])), head, *rows]
    )


@st.composite
def stamp(draw: st.DrawFn) -> str:
    lines = [draw(st.sampled_from(["## Preflight stamp", "### PREFLIGHT STAMP", "Preflight"]))]
    for key in draw(st.permutations(["Timestamp", "Role", "Runtime", "Task", "Lane", "Decision"])):
        if draw(st.booleans()):
            value = draw(
                st.one_of(
                    st.sampled_from(_STAMPS + _ROLES + ["READY TO EXECUTE", "BLOCKED", "<x>"]),
                    _random_text.map(lambda t: t.replace("\n", " ")),
                )
            )
            style = draw(st.sampled_from(["- {k}: {v}", "**{k}:** {v}", "{k}: {v}"]))
            lines.append(style.format(k=key, v=value))
    for number in range(1, draw(st.integers(0, 8)) + 1):
        lines.append(f"{number}) Check {number}: {draw(st.sampled_from(['PASS', 'FAIL', '']))}")
    return "\n".join(lines)


@st.composite
def gate_report(draw: st.DrawFn) -> str:
    lines = [draw(st.sampled_from(["# Gate report: T-1", "# GATE REPORT", "# gate_report"]))]
    for index, title in enumerate(draw(st.lists(st.sampled_from(_SECTIONS), max_size=9)), 1):
        numbering = draw(st.sampled_from(["{n}) ", "{n}. ", "", "{n}:"]))
        lines.append(f"## {numbering.format(n=index)}{title}")
        if draw(st.booleans()):
            lines.append(draw(_random_text))
    return "\n\n".join(lines)


_markdown_bits = st.sampled_from(
    [
        "```",
        "```python",
        "~~~",
        "> ",
        "- ",
        "1. ",
        "    code",
        "<!-- lanelint-disable PDP501 -->",
        "<!-- lanelint-disable-next-line -->",
        "<!-- lanelint-enable PDP9 -->",
        "<!-- lanelint-disable-file PDP999 -->",
        "<!--",
        "-->",
        "---",
        "===",
        "| a |",
        "|---|",
        "**Owner:** <role>",
        "\t",
        "\ufeff",
        "\u2028",
        "\x0b\x0c",
        "# ",
        "###### ",
        "`",
        "[link](",
        "<div>",
    ]
)

_block = st.one_of(
    lane_table(),
    ledger(),
    stamp(),
    gate_report(),
    _random_text,
    st.lists(st.one_of(_markdown_bits, _random_text), max_size=6).map("".join),
)


@st.composite
def document(draw: st.DrawFn) -> bytes:
    blocks = draw(st.lists(_block, max_size=8))
    newline = draw(st.sampled_from(["\n", "\r\n", "\n\n", "\r"]))
    text = newline.join(blocks)
    if draw(st.booleans()):
        text += "\n"
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 19)) == 0:  # now and then, bytes that are not UTF-8 at all
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(min_size=1, max_size=8)) + data[cut:]
    return data


def _lint(data: bytes, path: str) -> LintResult:
    result = check_bytes(path, data, _SETTINGS)
    workspace = run_workspace_rules([result], _SETTINGS)
    diagnostics = finalize([result], workspace, _SETTINGS)
    return LintResult(diagnostics, [result.path], _CONFIG, [result])


def _line_count(data: bytes) -> int:
    """Lines as lanelint counts them: after decoding, CRLF and CR are line ends too."""
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return max(len(lines), 1)


@PROFILE
@given(document(), st.sampled_from(["spec/plan.md", "spec/gate_report_T-1.md", "notes.md"]))
def test_property_never_raises_reports_real_lines_and_is_stable(data: bytes, path: str) -> None:
    _progress("documents")
    first = _lint(data, path)
    internal = [d for d in first.diagnostics if d.code.startswith("LL9")]
    assert internal == [], [d.message for d in internal]
    limit = _line_count(data)
    for diagnostic in first.diagnostics:
        locations = [diagnostic.location, *diagnostic.related]
        for loc in locations:
            if loc.path == path:
                assert 1 <= loc.line <= limit, (diagnostic.code, loc, limit)
                if loc.end_line is not None:
                    assert loc.line <= loc.end_line <= limit, (diagnostic.code, loc, limit)
    second = _lint(data, path)
    for name in ("json", "text"):
        assert renderer(name)(first, False) == renderer(name)(second, False)


@PROFILE
@given(st.binary(max_size=2000))
def test_property_arbitrary_bytes_never_raise(data: bytes) -> None:
    _progress("bytes")
    result = _lint(data, "spec/any.md")
    assert not [d for d in result.diagnostics if d.code.startswith("LL9")]
    limit = _line_count(data)
    assert all(1 <= d.line <= limit for d in result.diagnostics)
