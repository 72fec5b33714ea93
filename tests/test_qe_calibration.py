"""Kazakh sentence thresholds: measured pairwise on dev lines, used for Kazakh sources only."""

from types import SimpleNamespace

import pytest

from compare.qe.calibration import language_offsets, language_thresholds
from compare.qe.model import QEConfig


class LengthScorer:
    """A fake model: a pair's score is 0.5 minus 0.01 per source word, minus 0.05 for Kazakh
    (told apart by its letters), so the offset the calibration must find is known."""

    KAZAKH = set("әғқңөұүһі")

    def predict(self, pairs):
        return [SimpleNamespace(src=src) for src, _ in pairs]

    def judge(self, scores):
        text = " ".join(scores.src)
        kazakh = any(ch in self.KAZAKH for ch in text.lower())
        return 0.5 - 0.01 * min(len(scores.src), 20) - (0.05 if kazakh else 0.0), [], []


def test_offset_is_the_pairwise_median_difference(shared_dir):
    offsets = language_offsets(LengthScorer(), shared_dir / "corpora", lines=range(630, 660))
    # Kazakh lines carry the 0.05 penalty nearly always; word counts differ a little by language.
    assert offsets["kk"] == pytest.approx(-0.05, abs=0.03)
    assert offsets["kk"] < -0.02


def test_language_thresholds_shift_major_and_critical():
    out = language_thresholds({"major": 0.2, "critical": 0.15, "word_bad": 0.4}, {"kk": -0.06})
    assert out == pytest.approx({"major_kk": 0.14, "critical_kk": 0.09})


def test_sentence_thresholds_fall_back_to_the_common_ones():
    config = QEConfig(thresholds={"major": 0.2, "critical": 0.15, "major_kk": 0.14,
                                  "critical_kk": 0.09})  # fmt: skip
    assert config.sentence_thresholds("kk") == (0.14, 0.09)
    assert config.sentence_thresholds("ru") == (0.2, 0.15)
    assert config.sentence_thresholds(None) == (0.2, 0.15)
    assert QEConfig(thresholds={"major": 0.2}).sentence_thresholds("kk") == (0.2, None)


def test_shipped_model_has_a_lower_kazakh_threshold():
    from compare.qe.model import SHIPPED_MODEL_DIR, read_model_files

    config, _ = read_model_files(SHIPPED_MODEL_DIR)
    major_kk, critical_kk = config.sentence_thresholds("kk")
    assert major_kk < config.thresholds["major"]
    assert critical_kk < major_kk
