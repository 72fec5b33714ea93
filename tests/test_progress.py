"""Progress with counts and time left on long documents (issue 24): embedding for the alignment,
the checks one by one, and the embedding a check asks for (:mod:`compare.progress`)."""

from __future__ import annotations

import time

import numpy as np
import pytest

import compare.align as align_module
import compare.pipeline as pipeline
import compare.progress as progress_module
from compare.align import align_sentences
from compare.demos import DEMOS, demo_texts
from compare.document import Document
from compare.pipeline import check_texts
from compare.progress import ReportingEmbedder, counting, time_left, work
from compare.reading import read_pasted
from compare.segment import segment
from tests.fake_embedders import NumberEmbedder


class Clock:
    """A stand-in for time.monotonic that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(time, "monotonic", fake)
    return fake


def test_time_left_from_the_rate_so_far(clock):
    started = clock.now
    assert time_left(started, 0, 100) == ""  # nothing done: no rate yet
    clock.now += 0.5
    assert time_left(started, 10, 100) == ""  # under a second: too early to tell
    clock.now += 1.5  # 2 s for 10 of 100
    assert time_left(started, 10, 100) == ", about 18 s left"
    assert time_left(started, 100, 100) == ""  # done
    clock.now += 58  # 60 s for 10 of 100: 9 minutes to go
    assert time_left(started, 10, 100) == ", about 9 min left"
    # Embedding goes shortest first: the time left follows the characters, not the count.
    assert work(["ab", "abcd"]) == [0, 12, 26]
    said = []
    hook = counting(lambda stage, message: said.append((stage, message)), "estimating",
                    "Scoring meaning")
    clock.now += 4
    hook(250, 1000)
    assert said == [("estimating", "Scoring meaning: 250 of 1,000 pairs, about 12 s left")]


class SlowNumbers(NumberEmbedder):
    """The fake sentence model, two (fake) seconds a call."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.calls: list[int] = []

    def embed(self, texts):
        self.calls.append(len(texts))
        self.clock.now += 2.0
        return super().embed(texts)


def _doc(lines: list[str], lang: str) -> Document:
    text = "\n\n".join(lines)
    doc = Document(text, lang, [])
    doc.sentences = segment(text, lang, [])
    return doc


def test_embedding_for_the_alignment_says_how_many_and_how_long(clock, monkeypatch):
    monkeypatch.setattr(align_module, "EMBED_CHUNK", 50)
    # Sentences of one length: the time left follows their count.
    source = _doc([f"Сообщение {k} пришло." for k in range(10, 70)], "ru")
    target = _doc([f"Message {k} arrived." for k in range(10, 70)], "en")
    messages: list[str] = []
    pairs = align_sentences(source, target, SlowNumbers(clock), progress=messages.append)
    assert len(pairs) == 60
    embedding = [m for m in messages if m.startswith("Embedding")]
    # 2 s a chunk of 50: after the first, 4 s for 100 texts.
    assert embedding == ["Embedding sentences: 0 of 120",
                         "Embedding sentences: 50 of 120, about 3 s left",
                         "Embedding sentences: 100 of 120, about 1 s left"]


def test_a_long_embedding_call_of_a_check_goes_in_chunks_and_says_so(clock):
    inner = SlowNumbers(clock)
    said: list[str] = []
    watched = ReportingEmbedder(inner, said.append, chunk=4)
    watched.label = "antonym-vector"
    texts = [f"word {k}" for k in range(10)] + ["word 3", "word 0"]  # repeats: embedded once
    vectors = watched.embed(texts)
    assert inner.calls == [4, 4, 2]
    assert said == [
        "Running checks (antonym-vector): embedding 0 of 10 words and sentences",
        "Running checks (antonym-vector): embedding 4 of 10 words and sentences, about 3 s left",
        "Running checks (antonym-vector): embedding 8 of 10 words and sentences, about 1 s left",
    ]
    np.testing.assert_allclose(vectors, NumberEmbedder().embed(texts), atol=1e-6)
    # A short call goes through as it is, and says nothing; the rest is the inner embedder's.
    assert watched.embed(["word 1", "word 2"]).shape == (2, 256)
    assert inner.calls[-1] == 2 and len(said) == 3
    assert watched.name == "fake/numbers"


RU = ("Правительство выделило 238 миллионов тенге на ремонт школ. Работы начнутся в марте. "
      "Министр не исключил, что сроки могут сдвинуться.")
EN = ("The government allocated 283 million tenge for school repairs. The work will begin in "
      "March. The minister ruled out that the deadlines may shift.")


def test_the_checks_of_a_long_document_say_which_runs_and_the_flags_stay_the_same(monkeypatch):
    embedder = NumberEmbedder()
    quiet: list[tuple[str, str]] = []
    short = check_texts(read_pasted(EN), read_pasted(RU), embedder=embedder,
                        progress=lambda stage, message: quiet.append((stage, message)))
    assert [m for s, m in quiet if s == "checking"] == ["Running checks"]
    monkeypatch.setattr(pipeline, "LONG_PAIRS", 2)  # this document counts as long now
    said: list[tuple[str, str]] = []
    long = check_texts(read_pasted(EN), read_pasted(RU), embedder=embedder,
                       progress=lambda stage, message: said.append((stage, message)))
    checking = [m for s, m in said if s == "checking"]
    total = len(long.signature.checks)
    assert checking[0] == "Running checks"
    assert checking[1] == f"Running checks: 0 of {total} done, now {long.signature.checks[0]}"
    assert checking[-1] == (f"Running checks: {total - 1} of {total} done, "
                            f"now {long.signature.checks[-1]}")
    assert long.to_dict() == short.to_dict()


def test_the_embedding_a_check_asks_for_is_counted_and_changes_no_flag(embedder, monkeypatch):
    """With the real sentence model the antonym-vector check embeds words and sentences; in
    chunks of 16 (a long document's calls) it says how far it got, and finds the same."""
    from compare.checks import antonym_vectors

    src, eng = demo_texts(next(iter(DEMOS)))
    before = check_texts(read_pasted(eng), read_pasted(src), embedder=embedder)
    monkeypatch.setattr(antonym_vectors, "_WORD_VECTORS", {})  # its words are embedded again
    monkeypatch.setattr(pipeline, "LONG_PAIRS", 2)
    monkeypatch.setattr(progress_module, "EMBED_CHUNK", 16)
    said: list[str] = []
    after = check_texts(read_pasted(eng), read_pasted(src), embedder=embedder,
                        progress=lambda stage, message: said.append(message))
    counted = [m for m in said if m.startswith("Running checks (antonym-vector): embedding")]
    assert counted and all(" of " in m for m in counted)
    assert after.all_flags() == before.all_flags()
