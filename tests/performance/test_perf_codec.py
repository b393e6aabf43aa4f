"""The cache's codec (msgspec): every artifact of the examples and fixtures survives a round
trip, and data of the wrong shape is refused, never trusted."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import msgspec
import pytest

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.diagnostics import Diagnostic, Location, Severity
from lanelint.linter.engine.passes import DocumentResult, check_bytes
from lanelint.linter.run.api import make_settings
from lanelint.linter.run.cache import decode, encode, shape
from tests.conftest import EXAMPLES, FIXTURES


def documents() -> list[Path]:
    found = sorted(EXAMPLES.rglob("*.md")) + sorted(FIXTURES.rglob("*.md"))
    return [p for p in found if p.is_file()]


def test_every_extracted_artifact_round_trips() -> None:
    paths = documents()
    assert len(paths) > 20
    settings = make_settings(Config(root=Path.cwd()))
    kinds: set[str] = set()
    for path in paths:
        result = check_bytes(path.as_posix(), path.read_bytes(), settings)
        data = encode(result)
        assert data is not None, path
        assert decode(data) == result, path
        if result.summary is not None:
            kinds.update(result.summary.kinds)
    assert {"preflight-stamp", "lane-plan", "gate-report", "ledger"} <= kinds


def _result() -> DocumentResult:
    result = DocumentResult("spec/a.md", "d" * 32, None, line_count=3)
    result.diagnostics.append(
        Diagnostic("PDP101", Severity.WARNING, "a message", Location("spec/a.md", 2, 1))
    )
    return result


def test_the_shape_names_the_cached_types() -> None:
    text = shape()
    assert "DocumentResult" in text
    assert "Diagnostic" in text


@pytest.mark.parametrize(
    "forged",
    [
        b"",
        b"\xff\x00garbage",
        msgspec.msgpack.encode({"path": 5}),
        msgspec.msgpack.encode({"path": "a.md", "artifacts": {"__reduce__": "os.system"}}),
        msgspec.msgpack.encode({"path": "a.md", "diagnostics": [["PDP999", 3, "x", "no loc"]]}),
        msgspec.msgpack.encode({"path": "a.md", "line_count": "many"}),
        msgspec.msgpack.encode(["spec/a.md", "d", None, [], [], 0]),
    ],
)
def test_data_of_the_wrong_shape_is_refused(forged: bytes) -> None:
    assert decode(forged) is None


def test_a_forged_field_type_inside_a_good_entry_is_refused() -> None:
    good = encode(_result())
    assert good is not None
    plain = msgspec.msgpack.decode(good)
    assert decode(good) == _result()
    if isinstance(plain, dict):
        plain["line_count"] = "3"
    else:
        plain[-1] = "3"
    assert decode(msgspec.msgpack.encode(plain)) is None


def test_a_value_the_codec_cannot_hold_is_not_cached() -> None:
    result = _result()
    broken = dataclasses.replace(result, diagnostics=[object()])  # type: ignore[list-item]
    assert encode(broken) is None
