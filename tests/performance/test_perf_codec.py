"""The cache's generic codec: every artifact of the examples and fixtures survives JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.passes import DocumentResult, check_bytes
from lanelint.linter.run.api import make_settings
from lanelint.linter.run.cache import CodecError, decoder, encoder, shape
from tests.conftest import EXAMPLES, FIXTURES


def documents() -> list[Path]:
    found = sorted(EXAMPLES.rglob("*.md")) + sorted(FIXTURES.rglob("*.md"))
    return [p for p in found if p.is_file()]


def test_every_extracted_artifact_round_trips() -> None:
    paths = documents()
    assert len(paths) > 20
    settings = make_settings(Config(root=Path.cwd()))
    encode, decode = encoder(DocumentResult), decoder(DocumentResult)
    kinds: set[str] = set()
    for path in paths:
        result = check_bytes(path.as_posix(), path.read_bytes(), settings)
        text = json.dumps(encode(result))
        back = decode(json.loads(text))
        assert back == result, path
        if result.summary is not None:
            kinds.update(result.summary.kinds)
    assert {"preflight-stamp", "lane-plan", "gate-report", "ledger"} <= kinds


@dataclass(frozen=True)
class Inner:
    name: str
    count: int | None = None


@dataclass(frozen=True)
class Outer:
    items: tuple[Inner, ...]
    pairs: tuple[tuple[str, Inner], ...]
    table: dict[str, int]
    either: Inner | str | None
    tags: frozenset[str]


def test_nested_optional_union_and_mapping_values() -> None:
    value = Outer(
        (Inner("a", 1), Inner("b")),
        (("x", Inner("c", 3)),),
        {"k": 2},
        "plain",
        frozenset({"z", "y"}),
    )
    data = json.loads(json.dumps(encoder(Outer)(value)))
    assert decoder(Outer)(data) == value
    other = Outer((), (), {}, Inner("d"), frozenset())
    assert decoder(Outer)(json.loads(json.dumps(encoder(Outer)(other)))) == other
    assert "Inner(name: str, count: int | None)" in shape(Outer)


@pytest.mark.parametrize(
    "data",
    [
        {"items": []},
        [[], [], {}, None],
        [[["a", "1"]], [], {}, None, []],
        [[["a", True]], [], {}, None, []],
        [[], [["x"]], {}, None, []],
        [[], [], {"k": "2"}, None, []],
        [[], [], {}, [7, "x"], []],
    ],
)
def test_data_of_the_wrong_shape_is_refused(data: object) -> None:
    with pytest.raises(CodecError):
        decoder(Outer)(data)


def test_a_type_the_cache_cannot_hold_is_refused() -> None:
    @dataclass
    class Holder:
        thing: object

    with pytest.raises(CodecError):
        encoder(Holder)
