"""Word vectors from e5's middle layers, the soft mutual alignment over them, and the
omitted-passage check's route that flags a run of source words the English has no counterpart
for (made-up sentences; no corpus row)."""

from __future__ import annotations

import numpy as np
import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.omitted_passage import DEFAULTS, OmittedPassage, find_unmatched
from compare.e5_words import WORD_DEPTH, word_encoder, word_vectors
from compare.embed import CachingEmbedder
from compare.word_alignment import longest_run, unmatched
from tests.test_checks_antonyms import doc


def test_longest_run_finds_the_first_of_the_longest():
    assert longest_run([]) == (0, 0)
    assert longest_run([False, False]) == (0, 0)
    assert longest_run([True, False, True, True, False, True, True]) == (2, 4)
    assert longest_run([False, True, True, True]) == (1, 4)


def test_unmatched_keeps_words_that_choose_each_other():
    eye = np.eye(4)
    # Each source word is its own English word: all matched.
    assert not unmatched(eye, eye).any()
    # The third source word points nowhere near any English word, and no English word's nearest
    # source word is it: unmatched. The others still match.
    source = np.array([eye[0], eye[1], eye[3] * -1.0, eye[2]])
    english = eye[:3]
    assert unmatched(source, english).tolist() == [False, False, True, False]
    # Two source words near one English word (a phrase rendered by one word): the one it
    # picks is matched, and so is the other, which keeps enough of the mutual mass.
    near = np.array([[1.0, 0.0], [0.96, 0.28]])
    assert not unmatched(near, np.array([[1.0, 0.0]])).any()
    # Nothing on one side: nothing is called unmatched.
    assert unmatched(np.zeros((0, 4)), eye).shape == (0,)
    assert not unmatched(eye, np.zeros((0, 4))).any()


def test_word_vectors_are_e5s_own_states(embedder):
    encoder = word_encoder(embedder)
    if encoder is None:
        pytest.skip("word vectors need the PyTorch e5 encoder")
    text = "Цены на нефть выросли, сообщает агентство."
    (found,) = word_vectors(encoder, [text])
    assert [text[a:b] for a, b in found.spans] == text.split()
    assert np.allclose(np.linalg.norm(found.vectors, axis=1), 1.0, atol=1e-4)
    # All twelve blocks, mean-pooled over every token, are the sentence vector itself.
    ids = encoder.token_ids(text)
    full = encoder.token_states([ids], encoder.layers)[0].mean(axis=0)
    assert float(full / np.linalg.norm(full) @ embedder.embed([text])[0]) > 0.999
    # Word vectors come from the middle layers, and read a word in its context.
    (alone,) = word_vectors(encoder, ["нефть"])
    assert 0.5 < float(found.vectors[2] @ alone.vectors[0]) < 0.9999
    assert encoder.token_states([ids], WORD_DEPTH)[0].shape == (len(ids), encoder.dim)


def test_the_encoder_is_found_behind_a_cache_and_not_in_other_embedders(embedder):
    if word_encoder(embedder) is None:
        pytest.skip("word vectors need the PyTorch e5 encoder")
    assert word_encoder(CachingEmbedder(embedder)) is embedder

    class Other:
        name = "fake/other"

        def embed(self, texts):
            return np.ones((len(texts), 2))

    assert word_encoder(Other()) is None
    assert word_encoder(CachingEmbedder(Other())) is None


# Made-up news sentences: the source, an English that leaves out its last clause, a word of that
# clause, and the English that renders all of it.
CASES = [
    ("ru",
     "Матч завершился вничью, хотя хозяева поля владели мячом большую часть времени и нанесли "
     "вдвое больше ударов по воротам соперника.",
     "The match ended in a draw, although the home side had most of the possession.",
     "ударов",
     "The match ended in a draw, although the home side had most of the possession and took "
     "twice as many shots at the opponent's goal."),
    ("kk",
     "Қала әкімдігі көпірді жөндеуге жабатынын хабарлады, жөндеу бірнеше айға созылады және "
     "бюджетке миллиард теңгеге жуық шығын әкеледі.",
     "City authorities announced the bridge would close for repairs lasting several months.",
     "бюджетке",
     "City authorities announced the bridge would close for repairs lasting several months and "
     "costing the budget almost a billion tenge."),
]


def _check(src: str, eng: str, embedder, lang: str, **thresholds) -> list:
    ctx = CheckContext(target=doc([eng], "en"), source=doc([src], lang),
                       pairs=[AlignedPair((0,), (0,), 1.0)], embed_model=embedder,
                       embedder=embedder.name, thresholds=thresholds)  # fmt: skip
    return OmittedPassage().run(ctx)


@pytest.mark.parametrize(("lang", "src", "short", "word", "faithful"), CASES)
def test_a_run_of_source_words_without_counterpart_is_flagged(embedder, lang, src, short, word,
                                                              faithful):  # fmt: skip
    encoder = word_encoder(embedder)
    if encoder is None:
        pytest.skip("word vectors need the PyTorch e5 encoder")
    fewest = DEFAULTS["omitted_passage_unmatched"]
    (found, kept) = find_unmatched([(src, short), (src, faithful)], encoder, fewest)
    assert kept is None
    assert found is not None and word in src[found[0][0] : found[0][1]] and found[1] >= fewest
    # Through the check, with the sentence-vector windows turned off: the route alone.
    (flag,) = _check(src, short, embedder, lang, omitted_passage_gain=None)
    assert flag.check == "omitted-passage" and flag.side == "source"
    assert word in src[flag.start : flag.end] and flag.evidence["unmatched_words"] >= fewest
    assert _check(src, faithful, embedder, lang, omitted_passage_gain=None) == []
    # Off, or asked only of pairs far shorter than this one, the route says nothing.
    assert _check(src, short, embedder, lang, omitted_passage_gain=None,
                  omitted_passage_unmatched=None) == []  # fmt: skip
    assert _check(src, short, embedder, lang, omitted_passage_gain=None,
                  omitted_passage_alignment_ratio=0.3) == []  # fmt: skip


def test_with_the_meaning_model_only_pairs_it_doubts_are_aligned(embedder):
    if word_encoder(embedder) is None:
        pytest.skip("word vectors need the PyTorch e5 encoder")
    from compare.qe.predict import QEResult

    lang, src, short, word, _ = CASES[0]
    cut = DEFAULTS["omitted_passage_unmatched_score"]

    def flags(score: float) -> list:
        ctx = CheckContext(target=doc([short], "en"), source=doc([src], lang),
                           pairs=[AlignedPair((0,), (0,), 1.0)], embed_model=embedder,
                           embedder=embedder.name, qe=[QEResult(score=score, z=0.0)],
                           thresholds={"omitted_passage_gain": None})  # fmt: skip
        return OmittedPassage().run(ctx)

    (low,) = flags(cut - 0.1)
    assert low.severity == "major" and word in src[low.start : low.end]
    assert flags(cut + 0.1) == []
