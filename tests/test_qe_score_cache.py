"""The meaning model's predictions kept between checks (compare/qe/score_cache.py)."""

from __future__ import annotations

import numpy as np
import pytest

from compare.qe.predict import WordScores
from compare.qe.score_cache import CachingQE


class CountingModel:
    """A stand-in for QEModel: z is the number of English words, every word 0.5; it keeps the
    pairs it was asked to score."""

    name = "counting"
    config = "its config"

    def __init__(self) -> None:
        self.asked: list[list[tuple]] = []

    def predict(self, pairs, progress=None, **options):
        self.asked.append(list(pairs))
        out = [WordScores(float(len(e)), np.full(len(s), 0.5), np.full(len(e), 0.5))
               for s, e in pairs]  # fmt: skip
        if progress is not None:
            progress(len(pairs), len(pairs))
        return out

    def judge(self, scores):
        return scores.z, [], []


A = (["Цены", "выросли", "."], ["Prices", "rose", "."])
B = (["Школа", "закрыта", "."], ["The", "school", "is", "closed", "."])
C = (["Министр", "не", "подписал", "указ", "."], ["The", "minister", "signed", "."])


def test_a_pair_seen_before_is_not_scored_again() -> None:
    inner = CountingModel()
    model = CachingQE(inner)
    first = model.predict([A, B])
    second = model.predict([B, C, A])
    assert inner.asked == [[_key(A), _key(B)], [_key(C)]]
    assert [s.z for s in second] == [5.0, 4.0, 3.0]
    assert second[0] is first[1] and second[2] is first[0]
    assert (model.hits, model.misses, len(model)) == (2, 3, 3)


def test_an_edited_word_makes_a_new_pair() -> None:
    inner = CountingModel()
    model = CachingQE(inner)
    model.predict([A])
    edited = (A[0], ["Prices", "fell", "."])
    model.predict([edited])
    assert inner.asked[-1] == [_key(edited)]


def test_a_pair_twice_in_one_call_is_scored_once() -> None:
    inner = CountingModel()
    out = CachingQE(inner).predict([A, A, B])
    assert inner.asked == [[_key(A), _key(B)]]
    assert out[0] is out[1]


def test_the_oldest_pairs_go_first_when_full() -> None:
    inner = CountingModel()
    model = CachingQE(inner, max_pairs=2)
    model.predict([A, B])
    model.predict([A])  # A is used again, so B is now the oldest
    model.predict([C])
    assert len(model) == 2
    model.predict([A, B])
    assert inner.asked[-1] == [_key(B)]
    with pytest.raises(ValueError, match="max_pairs"):
        CachingQE(inner, max_pairs=0)


def test_progress_counts_every_pair_and_the_rest_is_the_model() -> None:
    inner = CountingModel()
    model = CachingQE(inner)
    model.predict([A])
    seen: list[tuple[int, int]] = []
    model.predict([A, B, C], progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (1, 3) and seen[-1] == (3, 3)
    assert model.name == "counting" and model.config == "its config"
    assert model.judge(model.predict([B])[0]) == (5.0, [], [])


def _key(pair):
    return (tuple(pair[0]), tuple(pair[1]))


# --- on the tiny model built by conftest --------------------------------------------------

RU = ["Цены на хлеб выросли на 5 процентов.", "Школа закрыта на ремонт.",
      "Министр не подписал указ."]  # fmt: skip
EN = ["Bread prices rose by 5 percent.", "The school is open after repairs.",
      "The minister signed the decree."]  # fmt: skip


@pytest.fixture(scope="module")
def tiny(tiny_qe_dir, e5_weights):
    pytest.importorskip("torch")
    from compare.qe.predict import QEModel

    return QEModel.load(tiny_qe_dir, precision="fp32", weights=e5_weights)


def test_a_kept_prediction_matches_one_made_in_another_batch(tiny) -> None:
    """A pair's scores do not depend on the batch it was scored in (padding is masked), so a
    kept prediction is what scoring it again would give."""
    pairs = [(s.split(), e.split()) for s, e in zip(RU, EN, strict=True)]
    together = tiny.predict(pairs)
    for pair, joint in zip(pairs, together, strict=True):
        alone = tiny.predict([pair])[0]
        assert abs(alone.z - joint.z) < 1e-4
        assert np.allclose(alone.target, joint.target, atol=1e-4)
        assert np.allclose(alone.source, joint.source, atol=1e-4)


def test_checking_again_after_an_edit_scores_only_the_edited_pair(tiny, embedder) -> None:
    from compare.app_run import run_review
    from compare.reading import read_pasted

    asked: list[int] = []
    real_predict = tiny.predict

    class Watched:
        def __getattr__(self, name):
            return getattr(tiny, name)

        def predict(self, pairs, **options):
            asked.append(len(pairs))
            return real_predict(pairs, **options)

    model = CachingQE(Watched())
    settings = {"thresholds": {"qe_major": 1.01}}
    first = run_review(read_pasted(" ".join(EN)), read_pasted(" ".join(RU)), settings, embedder,
                       qe=model)  # fmt: skip
    edited = [EN[0], "The school is closed for repairs.", EN[2]]
    asked.clear()
    again = run_review(read_pasted(" ".join(edited)), read_pasted(" ".join(RU)), settings,
                       embedder, qe=model)  # fmt: skip
    assert asked and asked[0] == 1  # the pairs' scores: only the edited one
    fresh = run_review(read_pasted(" ".join(edited)), read_pasted(" ".join(RU)), settings,
                       embedder, qe=tiny)  # fmt: skip
    scores = [[p.qe and round(p.qe["score"], 4) for p in r.pairs] for r in (again, fresh)]
    assert scores[0] == scores[1] and len(scores[0]) == 3
    assert [first.pairs[i].qe for i in (0, 2)] == [again.pairs[i].qe for i in (0, 2)]
    assert first.pairs[1].qe != again.pairs[1].qe
