"""benchmarks/historical_flags.py: earlier rules' flags go back among today's only where today's
rules raise none of that check on the pair, at the right place in today's documents."""

from __future__ import annotations

import importlib.util
import pathlib
import sys

from compare.alignment_types import AlignedPair
from compare.checks import CheckContext
from compare.document import Document, Sentence, Span
from compare.flags import Flag

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "historical_flags", ROOT / "benchmarks" / "historical_flags.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _document(lines: list[str], lang: str) -> Document:
    text, sentences, paragraphs = "", [], []
    for index, line in enumerate(lines):
        sentences.append(Sentence(index, len(text), len(text) + len(line), index))
        paragraphs.append(Span(len(text), len(text) + len(line)))
        text += line + "\n"
    return Document(text, lang, paragraphs, sentences)


def test_replayed_flags_join_only_where_todays_rules_are_silent() -> None:
    bench = _benchmark()
    source = _document(["Иван приехал.", "Он не пришёл."], "ru")
    target = _document(["John arrived.", "He came."], "en")
    ctx = CheckContext(target, source, [AlignedPair((0,), (0,), 1.0), AlignedPair((1,), (1,), 1.0)])
    today = Flag("name-mismatch", "name", "major", "target", 0, 4, "today's", {})

    def run_checks(context, checks=None):
        return [today]

    old = {0: [{"check": "name-mismatch", "side": "target", "start": 0, "end": 4,
                "message": "old name", "severity": "major", "evidence": {}, "commit": "abc"}],
           1: [{"check": "negation-mismatch", "side": "source", "start": 3, "end": 5,
                "message": "old negation", "severity": "major", "evidence": {"x": 1},
                "commit": "abc"},
               {"check": "negation-mismatch", "side": "source", "start": 3, "end": 5,
                "message": "a second on the same side", "severity": "major", "evidence": {},
                "commit": "def"}]}  # fmt: skip
    flags = bench.with_replayed(run_checks, old)(ctx)
    assert flags[0] is today  # today's own flags are kept as they are
    added = flags[1:]
    assert [f.message for f in added] == ["old negation"]  # pair 0 has today's name flag
    negation = added[0]
    assert source.text[negation.start:negation.end] == "не"
    assert negation.evidence == {"x": 1, bench.INJECTED: "abc"}
    assert negation.category == "negation"
