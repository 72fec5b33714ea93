"""meaning-omission: source passages the meaning model's omission head reads as left out (fake
results for the check; the head itself on the tiny local model)."""

from __future__ import annotations

import numpy as np
import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.meaning_omission import MeaningOmission
from compare.qe.omission_head import best_window, omission_labels, widened, word_probabilities
from compare.qe.predict import QEResult
from tests.test_checks_meaning import doc

SOURCE = "Цены выросли, и магазины закрылись рано. Школа закрыта."
TARGET = "Prices rose. The school is closed."


def context(results, thresholds=None) -> CheckContext:
    pairs = [AlignedPair((i,), (i,), 0.9) for i in range(2)]
    return CheckContext(doc(TARGET, "en"), doc(SOURCE, "ru"), pairs, thresholds or {},
                        qe=results)  # fmt: skip


LEFT_OUT = (SOURCE.index("и магазины"), SOURCE.index(" рано"), 0.97)


def test_a_passage_read_as_left_out_on_a_low_scored_pair_is_a_major_omission():
    results = [QEResult(0.2, -1.0, omitted=LEFT_OUT), QEResult(0.8, 0.5, omitted=(43, 48, 0.1))]
    (flag,) = MeaningOmission().run(context(results))
    assert (flag.check, flag.category, flag.severity, flag.side) == (
        "meaning-omission", "omission", "major", "source")
    assert SOURCE[flag.start : flag.end] == "и магазины закрылись"
    assert "“и магазины закрылись”" in flag.message and flag.evidence["probability"] == 0.97


def test_neither_the_head_nor_a_low_score_alone_flags():
    unsure = (LEFT_OUT[0], LEFT_OUT[1], 0.9)
    for result in (QEResult(0.2, -1.0, omitted=unsure),  # the head not sure enough
                   QEResult(0.3, 0.1, omitted=LEFT_OUT),  # the pair scores well enough
                   QEResult(0.05, -2.0)):  # a model without the head
        assert MeaningOmission().run(context([result, QEResult(0.9, 0.8)])) == []


def test_the_cuts_are_settings_and_none_turns_the_check_off():
    results = [QEResult(0.2, -1.0, omitted=(LEFT_OUT[0], LEFT_OUT[1], 0.9)), QEResult(0.9, 0.8)]
    assert len(MeaningOmission().run(context(results, {"qe_omission_bad": 0.85}))) == 1
    assert MeaningOmission().run(context(results, {"qe_omission_bad": None})) == []
    low = [QEResult(0.3, -1.0, omitted=LEFT_OUT), QEResult(0.9, 0.8)]
    assert MeaningOmission().run(context(low)) == []
    assert len(MeaningOmission().run(context(low, {"qe_omission_score": 0.4}))) == 1


def test_the_best_window_skips_punctuation_and_takes_the_highest_mean():
    words = ["Цены", "выросли", ",", "и", "магазины", "закрылись", "."]
    p = [0.1, 0.2, 0.99, 0.9, 0.95, 0.97, 0.99]
    assert best_window(p, words) == (3, 5, pytest.approx((0.9 + 0.95 + 0.97) / 3))
    assert best_window([0.5, 0.7], ["Да", "нет"]) == (0, 1, pytest.approx(0.6))
    assert best_window([0.9], [","]) is None


def test_the_passage_shown_grows_over_the_neighbours_read_as_left_out():
    words = ["Цены", "выросли", ",", "и", "магазины", "закрылись", "рано", ".", "Да"]
    p = [0.1, 0.6, 0.2, 0.9, 0.95, 0.97, 0.55, 0.9, 0.3]
    assert widened(p, words, 3, 5) == (1, 6)  # over the comma (punctuation is not read)
    assert widened(p, words, 3, 5, floor=0.8) == (3, 5)


def test_a_word_reads_the_mean_logit_of_its_pieces():
    logits = np.array([0.0, 2.0, 0.0, -1.0, 5.0])
    side, word_index = [0, 1, 1, 1, 2], [-1, 0, 0, 1, 0]
    probabilities = word_probabilities(logits, side, word_index, 1, 3)
    assert probabilities[0] == pytest.approx(1 / (1 + np.exp(-1.0)))
    assert probabilities[1] == pytest.approx(1 / (1 + np.exp(1.0)))
    assert probabilities[2] == 0.0  # a word cut by truncation has no pieces


def test_labels_mark_the_source_words_whose_english_word_was_dropped():
    source = ["Цены", "выросли", ",", "магазины", "закрылись"]
    nearest = np.array([0, 1, 2, 4, 5])
    assert omission_labels(source, nearest, (4, 6)).tolist() == [0, 0, -1, 1, 1]


def test_the_result_keeps_the_passage_through_json():
    result = QEResult(0.25, -1.0, omitted=LEFT_OUT)
    again = QEResult.from_dict(result.to_dict())
    assert again.omitted == LEFT_OUT and QEResult.from_dict(QEResult(0.5, 0.0).to_dict()).omitted \
        is None


def test_a_fitted_head_gives_every_source_word_a_probability(tiny_qe_dir, e5_weights, tmp_path):
    torch = pytest.importorskip("torch")
    import json

    from compare.qe.model import CONFIG_FILE, WEIGHTS_FILE
    from compare.qe.omission_head import fit, word_features
    from compare.qe.predict import QEModel, QEUnavailable

    model = QEModel.load(tiny_qe_dir, precision="fp32", weights=e5_weights)
    assert model.omission_head is None
    pairs = [(["Цены", "выросли", ",", "магазины", "закрылись", "."], ["Prices", "rose", "."]),
             (["Школа", "закрыта", "."], ["The", "school", "is", "closed", "."])]  # fmt: skip
    assert model.predict(pairs)[0].omitted is None
    features = word_features(model, pairs, align=True)
    assert [f.shape[0] for f, _ in features] == [6, 3]
    assert all(n is not None and n.max() < len(e) for (_, n), (_, e) in zip(features, pairs,
                                                                               strict=True))
    labels = np.array([0, 0, 0, 1, 1, 0, 0, 0, 0])
    torch.manual_seed(0)
    head = fit(np.concatenate([f for f, _ in features]), labels)
    config = json.loads((tiny_qe_dir / CONFIG_FILE).read_text(encoding="utf-8"))
    config["omission_head"] = {**head, "window": 2}
    (tmp_path / CONFIG_FILE).write_text(json.dumps(config), encoding="utf-8")
    (tmp_path / WEIGHTS_FILE).write_bytes((tiny_qe_dir / WEIGHTS_FILE).read_bytes())
    with_head = QEModel.load(tmp_path, precision="fp32", weights=e5_weights)
    scores = with_head.predict(pairs)
    assert [len(s.omitted) for s in scores] == [6, 3]
    # the fitted words read as left out more than the others; the hook is gone afterwards
    assert scores[0].omitted[3:5].min() > scores[0].omitted[:2].max()
    assert not with_head.network.encoder.encoder.layer[-1]._forward_hooks
    config["omission_head"]["weight"] = head["weight"][:10]
    (tmp_path / CONFIG_FILE).write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(QEUnavailable, match="omission head"):
        QEModel.load(tmp_path, precision="fp32", weights=e5_weights)


def _name_flag(side: str, start: int, end: int):
    from compare.flags import Flag

    return Flag("name-mismatch", "name", "major", side, start, end, "The name is missing.")


def test_a_source_name_the_head_reads_as_rendered_is_recorded_on_its_flag():
    from compare.qe.omission_head import RENDERED_BELOW, add_rendered_view

    # the head lists only the words it reads as possibly left out (0.15 or more)
    result = QEResult(0.5, 0.0, omitted=(13, 20, 0.9), source_omitted=[(13, 20, 0.9)])
    rendered, left_out, english = _name_flag("source", 0, 4), _name_flag("source", 13, 20), \
        _name_flag("target", 0, 4)
    add_rendered_view([rendered, left_out, english], result)
    assert rendered.evidence["omission_head"] == {"p": None, "rendered": True}
    assert left_out.evidence["omission_head"] == {"p": 0.9, "rendered": False}
    assert "omission_head" not in english.evidence  # the head reads the source only
    assert RENDERED_BELOW < 0.9
    bare = _name_flag("source", 0, 4)
    add_rendered_view([bare], QEResult(0.5, 0.0))  # a model without the head
    assert "omission_head" not in bare.evidence
    assert QEResult.from_dict(result.to_dict()) == result  # a reloaded report reads the same


def test_the_decision_holds_a_rendered_name_to_its_own_threshold():
    from compare.risk import RENDERED_NOTE, decide_severity, decision_key

    needed = {"name-mismatch": 0.3, "name-mismatch+rendered": 0.5}
    flag = _name_flag("source", 0, 4)
    flag.evidence["omission_head"] = {"p": 0.02, "rendered": True}
    assert decision_key(flag, None, needed) == "name-mismatch+rendered"
    decide_severity([flag], 0.4, needed)
    assert flag.severity == "minor" and RENDERED_NOTE in flag.message
    decide_severity([flag], 0.6, needed)
    assert flag.severity == "major" and RENDERED_NOTE not in flag.message
    other = _name_flag("source", 0, 4)
    other.evidence["omission_head"] = {"p": 0.9, "rendered": False}
    decide_severity([other], 0.4, needed)
    assert decision_key(other, None, needed) == "name-mismatch" and other.severity == "major"
