"""meaning-shift: flags from the meaning model's scores (a fake model's results here; the real
model is exercised in test_qe_model.py and test_qe_shipped.py)."""

from __future__ import annotations

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.meaning import MeaningShift
from compare.document import Document, Sentence
from compare.qe.evidence import attach_qe
from compare.qe.predict import QEResult
from compare.report import PairResult, attach_flags

SOURCE = "Цены выросли. Школа закрыта. Он приехал."
TARGET = "Prices fell. The school is closed. He arrived."


def doc(text: str, lang: str) -> Document:
    sentences, start = [], 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + (0 if part.endswith(".") else 1)
        sentences.append(Sentence(i, start, end, 0))
        start = end + 1
    return Document(text, lang, [], sentences)


def context(results, thresholds=None) -> CheckContext:
    pairs = [AlignedPair((i,), (i,), 0.9) for i in range(3)]
    limits = {"qe_major": 0.2, "qe_critical": 0.05} if thresholds is None else thresholds
    return CheckContext(doc(TARGET, "en"), doc(SOURCE, "ru"), pairs, limits, qe=results)


FELL = (TARGET.index("fell"), TARGET.index("fell") + 4, 0.97)  # a word the model is sure of


def test_low_score_is_flagged_on_the_words_the_model_doubts():
    results = [QEResult(0.1, -1.4, [(5, 12, 0.8)], [FELL]), QEResult(0.7, 0.5), QEResult(0.6, 0.4)]
    flags = MeaningShift().run(context(results))
    assert len(flags) == 1
    flag = flags[0]
    assert (flag.severity, flag.category, flag.side) == ("major", "meaning", "target")
    assert TARGET[flag.start : flag.end] == "fell"
    assert flag.evidence["target_bad"] == [[FELL[0], FELL[1]]]
    assert flag.evidence["source_bad"] == [[5, 12]]
    assert "“fell”" in flag.message


def test_far_below_with_a_sure_word_is_critical():
    results = [QEResult(0.01, -2.5, [], [FELL]), QEResult(0.9, 0.8), QEResult(0.9, 0.8)]
    (flag,) = MeaningShift().run(context(results))
    assert flag.severity == "critical"


def test_a_low_score_without_a_sure_word_is_a_minor_hint_on_the_whole_sentence():
    unsure = (FELL[0], FELL[1], 0.9)
    for doubted in ([], [unsure]):
        results = [QEResult(0.01, -2.5, [], doubted), QEResult(0.9, 0.8), QEResult(0.9, 0.8)]
        (flag,) = MeaningShift().run(context(results))
        assert flag.severity == "minor"
        assert "hint to check" in flag.message
        assert flag.evidence["score"] == 0.01
    (flag,) = MeaningShift().run(context([QEResult(0.01, -2.5)] + results[1:]))
    assert TARGET[flag.start : flag.end] == "Prices fell."


def test_the_sure_word_rule_follows_its_setting():
    unsure = (FELL[0], FELL[1], 0.9)
    results = [QEResult(0.1, -1.4, [], [unsure]), QEResult(0.9, 0.8), QEResult(0.9, 0.8)]
    limits = {"qe_major": 0.2, "qe_critical": 0.05}
    off = MeaningShift().run(context(results, {**limits, "qe_major_word_bad": None}))
    lower = MeaningShift().run(context(results, {**limits, "qe_major_word_bad": 0.85}))
    higher = MeaningShift().run(context(results, {**limits, "qe_major_word_bad": 0.95}))
    assert [f.severity for f in off + lower + higher] == ["major", "major", "minor"]


def test_faithful_scores_and_missing_model_flag_nothing():
    good = [QEResult(0.5, 0.2), QEResult(0.9, 0.8), QEResult(0.21, -0.3)]
    assert MeaningShift().run(context(good)) == []
    assert MeaningShift().run(context(None)) == []
    assert MeaningShift().run(context([QEResult(0.0, -3)] * 3, thresholds={})) == []


def test_a_user_threshold_overrides_the_model_one():
    results = [QEResult(0.3, -0.1, [], [FELL]), QEResult(0.9, 0.8), QEResult(0.9, 0.8)]
    assert MeaningShift().run(context(results)) == []
    flags = MeaningShift().run(context(results, {"qe_major": 0.4, "qe_critical": None}))
    assert [f.severity for f in flags] == ["major"]


def test_rule_flags_carry_the_model_view_and_the_document_gets_a_summary():
    from compare.checks.numbers import NumberMismatch  # noqa: F401  (any rule flag will do)
    from compare.flags import Flag

    results = [QEResult(0.1, -1.4, [], [FELL]), None, QEResult(0.6, 0.4)]
    ctx = context(results)
    rule = Flag("negation-mismatch", "negation", "major", "target", FELL[0], FELL[1], "x")
    pairs: list[PairResult] = attach_flags(ctx.pairs, [rule], ctx.source, ctx.target)
    summary = attach_qe(pairs, results, "fake", ctx.thresholds)
    assert rule.evidence["qe"] == {"score": 0.1, "words_doubted": True}
    assert pairs[1].qe is None and pairs[0].qe["target_bad"][0]["start"] == FELL[0]
    assert summary == {"model": "fake", "pairs_scored": 2, "mean_score": 0.35,
                       "below_threshold": 1}  # fmt: skip


ADDED = "Prices fell. The school is closed, and the minister resigned yesterday. He arrived."


def _word_spans(text: str, phrase: str, p: float) -> list[tuple[int, int, float]]:
    at = text.index(phrase)
    spans, offset = [], at
    for word in phrase.split(" "):
        spans.append((offset, offset + len(word), p))
        offset += len(word) + 1
    return spans


def _added_context(results) -> CheckContext:
    pairs = [AlignedPair((i,), (i,), 0.9) for i in range(3)]
    return CheckContext(doc(ADDED, "en"), doc(SOURCE, "ru"), pairs,
                        {"qe_major": 0.2, "qe_critical": 0.05}, qe=results)  # fmt: skip


def test_a_doubted_passage_is_flagged_though_the_pair_scores_well():
    added = _word_spans(ADDED, "and the minister resigned yesterday", 0.95)
    results = [QEResult(0.7, 0.5), QEResult(0.45, 0.1, [], added), QEResult(0.8, 0.6)]
    (flag,) = MeaningShift().run(_added_context(results))
    assert ADDED[flag.start : flag.end] == "and the minister resigned yesterday"
    assert flag.severity == "major" and flag.evidence["passage_words"] == 5
    assert "whole passage" in flag.message


def test_short_weak_or_broken_runs_of_doubted_words_are_not_a_passage():
    three = _word_spans(ADDED, "minister resigned yesterday", 0.95)
    weak = _word_spans(ADDED, "and the minister resigned yesterday", 0.8)
    broken = [s for s in _word_spans(ADDED, "and the minister resigned yesterday", 0.95)
              if ADDED[s[0] : s[1]] != "minister"]  # an untagged word in the middle
    for spans in (three, weak, broken):
        results = [QEResult(0.7, 0.5), QEResult(0.45, 0.1, [], spans), QEResult(0.8, 0.6)]
        assert MeaningShift().run(_added_context(results)) == []
    off = _added_context([QEResult(0.7, 0.5), QEResult(0.45, 0.1, [], _word_spans(
        ADDED, "and the minister resigned yesterday", 0.95)), QEResult(0.8, 0.6)])
    off.thresholds["qe_passage_words"] = None
    assert MeaningShift().run(off) == []


def test_punctuation_neither_breaks_nor_counts_in_a_passage():
    from compare.checks.meaning import doubted_passage

    text = "He said: yes, we will go."
    spans = [(3, 7, 0.95), (7, 8, 0.2), (9, 12, 0.95), (12, 13, 0.3), (14, 16, 0.92),
             (17, 21, 0.97), (22, 24, 0.3)]  # fmt: skip
    assert doubted_passage(text, spans, 0.9) == (3, 21, 4)
