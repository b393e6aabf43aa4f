"""The noise suite: lanelint stays silent on the Markdown a repository keeps beside its specs.

``corpus/`` holds over 300 documents of kinds a real repository has beside its protocol
documents: READMEs, changelogs, ADRs in Nygard and MADR form, design notes with inline HTML and
math, checklists, plans and roadmaps, other processes' stage-gate and exit reports, skill docs
(with example stamps), command references full of ``<arg>`` parameters, HTML guides that talk
about ``<head>``, ``<noscript>``, ``<select>`` and ``<body>``, tables of many shapes (``Lane``,
``Owner``, ``Status``, ``Commit``, ``Verdict`` headers in other senses), runbooks, postmortems,
meeting notes, memos, API docs, glossaries, issue templates, data notes, infrastructure docs and
escalation policies. ``make_corpus.py`` wrote them (see its docstring); they are committed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from lanelint.linter.engine.config import Config
from lanelint.linter.engine.passes import document_class
from lanelint.linter.run.api import lint_paths
from tests.noise.make_corpus import CORPUS, FAMILIES, write_corpus

FILES = sorted(CORPUS.rglob("*.md"))


def _config() -> Config:
    return Config(root=CORPUS, cache=False)


def test_the_corpus_is_large_and_varied() -> None:
    assert len(FILES) >= 300
    families = {path.relative_to(CORPUS).parts[0].rsplit("-", 1)[0] for path in FILES}
    assert len(families) >= 20
    digests = {hashlib.sha256(path.read_bytes()).hexdigest() for path in FILES}
    assert len(digests) == len(FILES), "two corpus files are identical"
    sizes = sorted(path.stat().st_size for path in FILES)
    assert sizes[-1] > 3 * sizes[0], "the files should vary in length"


def test_the_committed_corpus_is_what_the_writer_writes(tmp_path: Path) -> None:
    written = write_corpus(tmp_path / "corpus")
    assert len(written) == sum(count for _, count, _ in FAMILIES)
    fresh = {p.relative_to(tmp_path / "corpus"): p.read_bytes() for p in written}
    committed = {p.relative_to(CORPUS): p.read_bytes() for p in FILES}
    assert fresh == committed


def test_the_whole_corpus_gives_no_finding() -> None:
    result = lint_paths([CORPUS], config=_config())
    assert len(result.files) == len(FILES)
    shown = [f"{d.path}:{d.line}: {d.code} {d.message}" for d in result.diagnostics]
    assert shown == []


def test_no_corpus_file_is_taken_for_a_protocol_document() -> None:
    config = _config()
    result = lint_paths([CORPUS], config=config)
    taken = [
        (r.path, document_class(r).describe())
        for r in result.documents
        if document_class(r).is_protocol
    ]
    assert taken == []


def test_each_corpus_file_alone_gives_no_pdp_finding() -> None:
    config = _config()
    found: list[str] = []
    for path in FILES:
        result = lint_paths([path], config=config)
        found.extend(f"{d.path}:{d.line}: {d.code} {d.message}" for d in result.diagnostics)
    assert found == []


def test_pdp001_stays_silent_even_where_every_corpus_file_is_a_protocol_document() -> None:
    """HTML, comparisons, arrows, parameters of paths and commands, argument tables and
    examples are no placeholders, whatever the document."""
    config = Config(root=CORPUS, cache=False, documents=("**",), select=("PDP001",))
    result = lint_paths([CORPUS], config=config)
    assert [f"{d.path}:{d.line}: {d.message}" for d in result.diagnostics] == []


def test_the_corpus_is_noise_for_the_old_reader_too() -> None:
    """The suite can fail: the same documents, named as protocol documents, give findings."""
    config = Config(root=CORPUS, cache=False, documents=("**",))
    result = lint_paths([CORPUS], config=config)
    assert any(d.code.startswith("PDP") for d in result.diagnostics)
